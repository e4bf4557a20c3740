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
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from dytool.core.catalogue import files
from dytool.core.catalogue.system import os_reason
from dytool.core.messages import Text

__all__ = ["MAX_IMAGE_BYTES", "MAX_PIXELS", "IgnoredImages", "Image", "ImageLink", "image_links", "image_path", "load_image", "picture_size"]

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


_ALT = r"(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*"
"""An image's alt text: brackets may nest one level (``![图 [1]](a.png)`` is an image too)."""
_LINK = re.compile(r"!\[" + _ALT + r"\]\(\s*(?:<([^>\n]*)>|([^)\s]*))(?:\s+[\"'(][^)]*)?\s*\)")
_REFERENCE = re.compile(r"!\[(" + _ALT + r")\](?!\()(?:\[((?:[^\[\]\\]|\\.)*)\])?")
"""A reference image: ``![alt][label]``, ``![label][]`` or ``![label]``, its link defined elsewhere."""
_DEFINITION = re.compile(r"^ {0,3}\[((?:[^\[\]\\]|\\.)+)\]:[ \t]*(?:<([^>\n]*)>|(\S+))")


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def _prose(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of a Markdown text, outside fenced and indented code."""
    fence = ""
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            marker = stripped[:3]
            fence = "" if fence == marker else (fence or marker)
            continue
        if fence or line.startswith(("    ", "\t")):
            continue
        yield number, line


def image_links(text: str) -> Iterator[ImageLink]:
    """The image links of a Markdown text, outside fenced and indented code: inline ones
    (``![alt](src)``) and reference ones (``![alt][label]`` with ``[label]: src`` anywhere),
    as the Markdown reader of the Word writer and the site would find them."""
    lines = list(_prose(text))
    definitions: dict[str, str] = {}
    for _, line in lines:
        found = _DEFINITION.match(line)
        if found is not None:
            definitions.setdefault(_label(found.group(1)), found.group(2) if found.group(2) is not None else found.group(3))
    for number, line in lines:
        links = [(match.start(), match.group(1) if match.group(1) is not None else match.group(2)) for match in _LINK.finditer(line)]
        if definitions:
            for match in _REFERENCE.finditer(line):
                src = definitions.get(_label(match.group(2) or match.group(1)))
                if src is not None:
                    links.append((match.start(), src))
        for _, src in sorted(links):
            yield ImageLink(src, number)


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


def _reason(why: Text) -> tuple[None, str, str]:
    return None, why.zh, why.en


def _linked_folder(root: Path, folders: tuple[str, ...]) -> bool:
    """Whether a folder on the way from ``root`` is a link (or cannot be looked at): a linked
    folder would read an image from wherever it points."""
    here = root
    for name in folders:
        here = here / name
        try:
            if stat.S_ISLNK(os.lstat(here).st_mode):
                return True
        except OSError:
            return True
    return False


def image_path(base: str, src: str) -> str:
    """The repository-relative path :func:`load_image` reads for ``src`` in folder ``base``."""
    return PurePosixPath(base, *PurePosixPath(unquote(src).strip().replace("\\", "/")).parts).as_posix()


class IgnoredImages:
    """The images git ignores: asked of git once for the paths expected (on the first
    question), and again for any other path asked about.  An image path reaches the reader in
    several spellings (``%2E``, ``&#46;`` decoded by the Markdown parser): whatever the
    spelling, the answer is git's for the file that would be read."""

    def __init__(self, root: Path, expected: Iterable[str]) -> None:
        self.root = root
        self.expected = sorted(set(expected))
        self.asked: set[str] = set()
        self.ignored: set[str] = set()

    def _ask(self, paths: list[str]) -> None:
        from dytool.source.git import ignored_paths

        self.asked.update(paths)
        self.ignored.update(ignored_paths(self.root, paths))

    def __contains__(self, rel: object) -> bool:
        if not isinstance(rel, str):
            return False
        if self.expected and not self.asked:
            self._ask(self.expected)
        if rel not in self.asked:
            self._ask([rel])
        return rel in self.ignored


def load_image(root: Path, base: str, src: str, ignored: Container[str] = frozenset()) -> tuple[Image | None, str, str]:
    """The image a report in folder ``base`` (repository-relative) links as ``src``, or None with
    why not (zh, en).  ``ignored``: repository-relative paths git ignores (an
    :class:`IgnoredImages`, or a set)."""
    raw = unquote(src).strip()
    if not raw:
        return _reason(files.IMAGE_EMPTY)
    if raw.startswith("//") or (_SCHEME.match(raw) and not re.match(r"^[A-Za-z]:[\\/]", raw)):
        return _reason(files.IMAGE_NOT_IN_REPOSITORY(image=raw))
    posix = raw.replace("\\", "/")
    if posix.startswith("/") or re.match(r"^[A-Za-z]:/", posix):
        return _reason(files.IMAGE_ABSOLUTE(image=raw))
    parts = PurePosixPath(posix).parts
    if ".." in parts:
        return _reason(files.IMAGE_DOTDOT(image=raw))
    rel = PurePosixPath(base, *parts).as_posix()
    if _PRIVATE & set(PurePosixPath(rel).parts):
        return _reason(files.IMAGE_PRIVATE(image=raw))
    if rel in ignored:
        return _reason(files.IMAGE_IGNORED(image=raw))
    path = root.joinpath(*PurePosixPath(rel).parts)
    try:
        info = os.lstat(path)
    except OSError:
        return _reason(files.IMAGE_MISSING(image=raw))
    if stat.S_ISLNK(info.st_mode):
        return _reason(files.IMAGE_LINK(image=raw))
    if _linked_folder(root, PurePosixPath(rel).parts[:-1]):
        return _reason(files.IMAGE_IN_LINKED_FOLDER(image=raw))
    if not stat.S_ISREG(info.st_mode):
        return _reason(files.IMAGE_NOT_REGULAR(image=raw))
    if info.st_size > MAX_IMAGE_BYTES:
        return _reason(files.IMAGE_TOO_LARGE(image=raw, mib=MAX_IMAGE_BYTES // 1024 // 1024))
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_IMAGE_BYTES + 1)
    except OSError as error:
        return _reason(files.IMAGE_UNREADABLE(image=raw, reason=os_reason(error)))
    if not data.startswith((PNG_MAGIC, JPEG_MAGIC)):
        return _reason(files.IMAGE_FORMAT(image=raw))
    size = picture_size(data)
    if size is None:
        return _reason(files.IMAGE_DAMAGED(image=raw))
    width, height = size
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        return _reason(files.IMAGE_TOO_MANY_PIXELS(image=raw, width=width, height=height))
    return Image(data, width, height, rel), "", ""
