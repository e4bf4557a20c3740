"""Reading a file a record names (the compilation's preface) from the repository's tracked
content only: a relative path inside the repository, not under ``.git/`` or ``.dytool/``, not
ignored by git, a regular file rather than a link or a device, at most 1 MiB of UTF-8."""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath

from dytool.source.git import ignored_paths
from dytool.source.readfile import read_guarded, safe_path

__all__ = ["read_tracked_text"]

_PRIVATE = {".git", ".dytool"}


def read_tracked_text(root: Path, rel: str) -> tuple[str | None, str, str]:
    """The text of ``rel``, or None and why not (zh, en)."""
    path, why_zh, why_en = safe_path(root, rel)
    if path is None:
        return None, why_zh, why_en
    posix = PurePosixPath(rel.replace("\\", "/")).as_posix()
    if _PRIVATE & set(PurePosixPath(posix).parts):
        return None, "不能使用 .git 或 .dytool 目录中的文件", "files in .git or .dytool cannot be used"
    try:
        info = os.lstat(path)
    except OSError:
        return None, "文件不存在", "the file does not exist"
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISREG(info.st_mode):
        return None, "不是普通文件（链接、目录或设备）", "not a regular file (a link, a folder or a device)"
    if posix in ignored_paths(root, [posix]):
        return None, "文件被 git 忽略，不属于仓库内容", "the file is ignored by git, so it is not part of the repository"
    data, findings = read_guarded(root, posix)
    if data is None:
        return None, findings[0].message_zh if findings else "无法读取", findings[0].message_en if findings else "cannot be read"
    try:
        return data.decode("utf-8"), "", ""
    except UnicodeDecodeError:
        return None, "文件不是 UTF-8 编码", "the file is not UTF-8"
