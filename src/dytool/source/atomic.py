"""The one way dytool replaces a file: all at once, never half-written, mode kept.

A temporary file in the same folder, fsync, rename over the original, fsync of the folder.
A reader (another dytool, an editor, git) sees the old file or the new one, never a mix, and a
process killed or a disk filling up on the way leaves the original as it was.

Writes into a repository go through :func:`repository_path` first: every folder on the way
is checked with ``lstat``, and a link anywhere refuses the write (a linked record folder must
not redirect a write outside the repository).  ``expect`` makes the replacement conditional:
the file is read again just before the rename, and a file that changed since the command
read it (an editor saved it meanwhile) is left alone and reported (:class:`ChangedMeanwhile`).

Output files named by the user (``-o``) go through :func:`dytool.source.output.write_output`.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from pathlib import Path, PurePosixPath

from dytool.core.catalogue import files
from dytool.core.catalogue.system import os_reason
from dytool.core.errors import EXIT_FINDINGS, UserError

__all__ = ["ABSENT", "ChangedMeanwhile", "digest", "file_digest", "repository_path", "write_atomic"]

ABSENT = "absent"
"""The digest of a file that does not exist."""


class ChangedMeanwhile(UserError):
    def __init__(self, rel: str) -> None:
        super().__init__(files.CHANGED_MEANWHILE(path=rel), exit_code=EXIT_FINDINGS, hint=files.CHANGED_MEANWHILE_HINT)
        self.rel = rel


def digest(data: bytes | None) -> str:
    return ABSENT if data is None else hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str:
    try:
        return digest(path.read_bytes())
    except FileNotFoundError:
        return ABSENT


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _link_refused(rel: str, where: str) -> UserError:
    return UserError(files.LINK_ON_PATH(path=rel, where=where), exit_code=EXIT_FINDINGS, hint=files.LINK_ON_PATH_HINT)


def repository_path(root: Path, rel: str) -> Path:
    """``root / rel`` after checking each component below ``root`` with ``lstat``: no link, no
    ``..``, folders that are folders, and a final file that is a regular file (or absent)."""
    parts = PurePosixPath(rel).parts
    if not parts or ".." in parts or PurePosixPath(rel).is_absolute():
        raise _link_refused(rel, rel)
    here = root
    for index, part in enumerate(parts):
        here = here / part
        last = index == len(parts) - 1
        try:
            info = here.lstat()
        except FileNotFoundError:
            break  # nothing below an absent folder can be a link
        except OSError as exc:
            raise UserError(files.CANNOT_WRITE(path=rel, reason=os_reason(exc)), exit_code=EXIT_FINDINGS, hint=files.NAME_TOO_LONG_HINT) from None
        if stat.S_ISLNK(info.st_mode) or (not last and not stat.S_ISDIR(info.st_mode)) or (last and not stat.S_ISREG(info.st_mode)):
            raise _link_refused(rel, "/".join(parts[: index + 1]))
    return root / rel


def write_atomic(path: Path, data: bytes, *, expect: str | None = None, rel: str | None = None, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` all at once (temporary file, fsync, rename), mode kept.

    With ``expect`` (a :func:`digest`), the current file is compared just before the rename
    and :class:`ChangedMeanwhile` raised when it differs.  ``durable=False`` skips the fsyncs,
    for what may be lost in a power cut (the cache, which checks what it reads)."""
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:64]}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if expect is not None and file_digest(path) != expect:
            raise ChangedMeanwhile(rel or path.name)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if durable:
        _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    try:
        dir_fd = os.open(folder, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError:  # some systems cannot open folders; the rename is done
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
