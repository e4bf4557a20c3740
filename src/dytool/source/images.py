"""Images that reports link to, checked before anything decodes them.

An image must be a relative link inside the report's folder, a regular file (not a link) in
the repository's tracked content (not under ``.git/`` or ``.dytool/``, not ignored by git), at
most :data:`MAX_IMAGE_BYTES`, and a real PNG or JPEG whose header gives dimensions within
:data:`MAX_PIXELS` (a small file that claims a huge picture is a decompression bomb).  The
same rules serve ``dytool check`` (with ``file:line``) and the Word writer (which never reads
an image that fails them).
"""

from __future__ import annotations

import os
import re
import stat
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from dytool.core.catalogue import files
from dytool.core.catalogue.system import os_reason

__all__ = ["MAX_IMAGE_BYTES", "MAX_PIXELS", "Image", "ImageLink", "image_links", "load_image", "picture_size"]

MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 50_000_000
"""Width × height an image may claim (about 8,000 × 6,000)."""
MAX_SIDE = 30_000

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_PRIVATE = {".git", ".dytool"}


@dataclass(frozen=True)
class Image:
    """An image that passed every rule: its bytes and size in pixels."""

    data: bytes
    width: int
    height: int
    rel: str
    """Its path relative to the repository root."""


@dataclass(frozen=True)
class ImageLink:
    src: str
    line: int
    """1-based line of the text the link is on."""


_LINK = re.compile(r"!\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")


def image_links(text: str) -> Iterator[ImageLink]:
    """The inline image links of a Markdown text, outside fenced and indented code."""
    fence = ""
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            marker = stripped[:3]
            fence = "" if fence == marker else (fence or marker)
            continue
        if fence or line.startswith(("    ", "\t")):
            continue
        for match in _LINK.finditer(line):
            yield ImageLink(match.group(1), number)


def picture_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG or JPEG from its header, or None when it is neither or damaged."""
    if data.startswith(PNG_MAGIC):
        if len(data) < 33 or data[12:16] != b"IHDR" or not data.rstrip(b"\x00").endswith(b"IEND\xaeB`\x82"):
            return None
        width, height = struct.unpack(">II", data[16:24])
        return (width, height) if width and height else None
    if data.startswith(JPEG_MAGIC):
        return _jpeg_size(data)
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """The frame size of a JPEG, walking its markers; None when a marker runs past the end or
    the file does not end with EOI (a truncated JPEG)."""
    if not data.rstrip(b"\x00").endswith(b"\xff\xd9"):
        return None
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xFF:
            position += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            position += 2
            continue
        (length,) = struct.unpack(">H", data[position + 2:position + 4])
        if length < 2 or position + 2 + length > len(data):
            return None
        if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
            if length < 7:
                return None
            height, width = struct.unpack(">HH", data[position + 5:position + 9])
            return (width, height) if width and height else None
        if marker == 0xDA:  # scan data before any frame header
            return None
        position += 2 + length
    return None


def _reason(zh: str, en: str) -> tuple[None, str, str]:
    return None, zh, en


def load_image(root: Path, base: str, src: str, ignored: frozenset[str] = frozenset()) -> tuple[Image | None, str, str]:
    """The image a report in folder ``base`` (repository-relative) links as ``src``, or None with
    why not (zh, en).  ``ignored``: repository-relative paths git ignores."""
    raw = unquote(src).strip()
    if not raw:
        return _reason("图片路径为空", "the image path is empty")
    if raw.startswith("//") or (_SCHEME.match(raw) and not re.match(r"^[A-Za-z]:[\\/]", raw)):
        return _reason(f"图片 {raw} 不是仓库内的文件", f"image {raw} is not a file in the repository")
    posix = raw.replace("\\", "/")
    if posix.startswith("/") or re.match(r"^[A-Za-z]:/", posix):
        return _reason(f"图片 {raw} 是绝对路径，应写相对报告的路径", f"image {raw} is an absolute path; write it relative to the report")
    parts = PurePosixPath(posix).parts
    if ".." in parts:
        return _reason(f"图片路径 {raw} 含有“..”，应放在报告所在目录或其子目录中",
                       f"image path {raw} contains '..'; keep images in the report's folder or below")
    rel = PurePosixPath(base, *parts).as_posix()
    if _PRIVATE & set(PurePosixPath(rel).parts):
        return _reason(f"图片 {raw} 在 .git 或 .dytool 目录中", f"image {raw} lies in .git or .dytool")
    if rel in ignored:
        return _reason(f"图片 {raw} 被 git 忽略，不属于仓库内容", f"image {raw} is ignored by git, so it is not part of the repository")
    path = root.joinpath(*PurePosixPath(rel).parts)
    try:
        info = os.lstat(path)
    except OSError:
        return _reason(f"图片 {raw} 不存在", f"image {raw} does not exist")
    if stat.S_ISLNK(info.st_mode):
        return _reason(f"图片 {raw} 是链接，已拒绝", f"image {raw} is a link; refused")
    if not stat.S_ISREG(info.st_mode):
        return _reason(f"图片 {raw} 不是普通文件", f"image {raw} is not a regular file")
    if info.st_size > MAX_IMAGE_BYTES:
        return _reason(f"图片 {raw} 超过 {MAX_IMAGE_BYTES // 1024 // 1024} MiB", f"image {raw} is larger than {MAX_IMAGE_BYTES // 1024 // 1024} MiB")
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_IMAGE_BYTES + 1)
    except OSError as error:
        return _reason(*files.IMAGE_UNREADABLE(image=raw, reason=os_reason(error)).pair)
    if not data.startswith((PNG_MAGIC, JPEG_MAGIC)):
        return _reason(f"图片 {raw} 不是 PNG 或 JPEG 格式", f"image {raw} is not PNG or JPEG")
    size = picture_size(data)
    if size is None:
        return _reason(f"图片 {raw} 已损坏或不完整", f"image {raw} is damaged or truncated")
    width, height = size
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        return _reason(f"图片 {raw} 尺寸过大（{width}×{height} 像素）", f"image {raw} is too large ({width}×{height} pixels)")
    return Image(data, width, height, rel), "", ""
