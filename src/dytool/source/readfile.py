"""Reading one file of a campaign repository, guarded: links, pipes, size, encoding.

Returns bytes or findings, never raises for what a file system or a pull request can hold.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from dytool.core.catalogue import files
from dytool.core.catalogue.system import os_reason
from dytool.core.codes import CODES, Pos
from dytool.core.findings import Finding
from dytool.core.messages import Text

__all__ = [
    "MAX_BYTES", "PRIVATE", "PathState", "Signature", "content_digest", "inside", "path_signature", "path_state", "read_guarded",
    "safe_path",
]

MAX_BYTES = 1 << 20
"""The largest file dytool reads (1 MiB): far above any hand-written record file."""


def inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


_DRIVE = re.compile(r"^[A-Za-z]:|^[\\/]")


PRIVATE = frozenset({".git", ".dytool"})
"""Folders of a repository that no record may name: git's own files (its config holds CI
credentials) and dytool's cache."""


def safe_path(root: Path, text: str) -> tuple[Path | None, str, str]:
    """The file a record's path names, or ``None`` with a reason when it leaves the repository
    or reaches into git's or dytool's own folders."""
    if _DRIVE.match(text):
        return None, *files.ABSOLUTE_PATH.pair
    if "\0" in text:
        return None, *files.NUL_IN_PATH.pair
    parts = PurePosixPath(text.replace("\\", "/")).parts
    if ".." in parts:
        return None, *files.DOTDOT.pair
    if any(part.casefold().rstrip(". ") in PRIVATE for part in parts):
        return None, *files.PRIVATE_FOLDER.pair
    path = root.joinpath(*parts)
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):
        return None, *files.UNRESOLVABLE.pair
    real_root = root.resolve()
    if resolved != real_root and real_root not in resolved.parents:
        return None, *files.LINK_LEAVES.pair
    if any(part.casefold().rstrip(". ") in PRIVATE for part in resolved.relative_to(real_root).parts):
        return None, *files.LINK_INTO_PRIVATE.pair
    return path, "", ""


Signature = tuple[int, int, int] | None
"""Device, inode and mode of what a path names (not following a final link), or None."""


class PathState(NamedTuple):
    """What a path named by a record leads to."""

    state: str
    """``file``, ``missing`` or ``outside`` (which includes what git ignores and what is not a
    regular file)."""
    why_zh: str = ""
    why_en: str = ""
    signature: Signature = None
    """:func:`path_signature` when the state was found: the same signature later means the
    same state, at the cost of one ``lstat``."""


def path_signature(root: Path, text: str) -> Signature:
    try:
        info = os.lstat(os.path.join(root, text.replace("\\", "/")))
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino, info.st_mode


def path_state(root: Path, text: str, ignored: frozenset[str] = frozenset()) -> PathState:
    """What a path that a record names leads to.  Only a regular file of the repository's
    content counts: not a folder, a device or a pipe, and nothing git ignores (``ignored``,
    from :func:`dytool.source.git.ignored`), which never reaches a CI checkout."""
    signature = path_signature(root, text)
    path, why_zh, why_en = safe_path(root, text)
    if path is None:
        return PathState("outside", why_zh, why_en, signature)
    if PurePosixPath(text.replace("\\", "/")).as_posix() in ignored:
        return PathState("outside", *files.IGNORED_BY_GIT.pair, signature)
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return PathState("missing", signature=signature)
    if not stat.S_ISREG(info.st_mode):
        return PathState("outside", *files.IT_IS_NOT_REGULAR.pair, signature)
    return PathState("file", signature=signature)


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
"""Non-blocking, so that a pipe swapped in for a file cannot hang the read (it is refused after ``fstat``); binary,
so that Windows reads the bytes as they are (a descriptor in text mode turns CRLF into LF and stops at Ctrl-Z)."""


def read_guarded(root: Path, rel: str) -> tuple[bytes | None, list[Finding]]:
    """The bytes of ``root/rel`` (at most :data:`MAX_BYTES`), or None and why not.

    Plain ``os`` calls on strings: this runs for every file on every check, replayed ones too."""
    path = os.path.join(root, rel)
    try:
        if os.path.islink(path):
            refused = _link_refused(Path(path).resolve(strict=True), root.resolve())
            if refused is not None:
                return None, [CODES["path-outside"].at(Pos(rel), refused, hint=files.REMOVE_LINK_HINT)]
        fd = os.open(path, _OPEN_FLAGS)
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                return None, [CODES["unreadable-file"].at(Pos(rel), files.NOT_REGULAR, hint=files.NOT_REGULAR_HINT)]
            data = _read_at_most(fd, MAX_BYTES + 1, info.st_size)
        finally:
            os.close(fd)
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop on Python 3.11
        reason = os_reason(exc) if isinstance(exc, OSError) else files.LINK_LOOP
        return None, [CODES["unreadable-file"].at(
            Pos(rel), files.FILE_UNREADABLE(reason=reason),
            hint=files.UNREADABLE_HINT)]
    if len(data) > MAX_BYTES:
        return None, [CODES["file-too-large"].at(Pos(rel), files.TOO_LARGE(kib=MAX_BYTES // 1024), hint=files.TOO_LARGE_HINT)]
    return data, []


def _link_refused(target: Path, real_root: Path) -> Text | None:
    """Why a link to ``target`` is not read as a file of the repository: it leads outside, or
    into git's or dytool's own folders (``problems/x.yaml -> ../.git/config`` would show what
    the checkout's credentials hold in the check's messages)."""
    if not inside(target, real_root):
        return files.LINK_OUTSIDE
    if any(part.casefold().rstrip(". ") in PRIVATE for part in target.relative_to(real_root).parts):
        return files.LINK_INTO_PRIVATE
    return None


def _read_at_most(fd: int, limit: int, size_hint: int) -> bytes:
    """Up to ``limit`` bytes; the size from ``fstat`` saves reading in small pieces."""
    chunks: list[bytes] = []
    total = 0
    while total < limit:
        chunk = os.read(fd, min(limit - total, max(size_hint + 1 - total, 1 << 16)))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def content_digest(data: bytes) -> str:
    """The identity of a file's content.  SHA-256: collision-resistant, so that a pull request
    cannot make two contents share a cache entry, and computed by the CPU's SHA instructions
    on current x86 and ARM machines (1 GB/s here, against 0.6 GB/s for BLAKE2b); every check
    hashes every file."""
    return hashlib.sha256(data).hexdigest()
