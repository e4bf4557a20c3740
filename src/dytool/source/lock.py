"""A lock on a campaign repository, so that two dytool commands never write it at once.

Every command that changes a repository holds :func:`repository_lock` from the moment it
reads the files it will change until the last file is replaced: four ``dytool new`` run at
the same moment take turns, each sees the records the others added, and serial ids are
allocated under the lock.  The lock is an advisory lock on ``.dytool/write.lock`` (``flock``
on POSIX, ``msvcrt.locking`` on Windows), so the operating system releases it when a
process dies: a killed command never leaves the repository locked.

Editors do not take this lock; :mod:`dytool.source.atomic` therefore also compares each file
with what the command read, just before replacing it.

:func:`held_lock` / :func:`try_lock` lock any file the same way (the scratch folders of the
safe writer use it to tell a live owner from a dead one).
"""

from __future__ import annotations

import os
import stat
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from dytool.core.catalogue import files
from dytool.core.catalogue.system import os_reason
from dytool.core.errors import EXIT_FINDINGS, UserError

__all__ = [
    "LOCK_FILE", "FlockLocking", "LockBusy", "Locking", "MsvcrtLocking", "held_lock", "repository_lock", "system_locking", "try_lock",
    "unlock",
]

LOCK_FILE = ".dytool/write.lock"
_POLL = 0.05
_held: dict[str, list[int]] = {}
"""Locks this process holds: path → [file descriptor, depth] (the lock is re-entrant)."""
_guard = threading.Lock()


class LockBusy(UserError):
    def __init__(self, root: Path, waited: float) -> None:
        super().__init__(
            files.LOCK_BUSY(seconds=waited),
            exit_code=EXIT_FINDINGS,
            hint=files.LOCK_BUSY_HINT(path=str(root / LOCK_FILE)),
        )


class Locking(Protocol):
    """How this system locks an open file: without waiting, released when the process dies."""

    def lock(self, fd: int) -> bool:
        """Take the lock on ``fd`` without waiting; False when another process holds it."""
        ...

    def unlock(self, fd: int) -> None: ...


class _Msvcrt(Protocol):
    """What :class:`MsvcrtLocking` uses of Windows' ``msvcrt`` module."""

    LK_NBLCK: int
    LK_UNLCK: int

    def locking(self, fd: int, mode: int, nbytes: int, /) -> None: ...


class FlockLocking:
    """POSIX: ``flock`` on the whole file."""

    def lock(self, fd: int) -> bool:
        import fcntl

        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def unlock(self, fd: int) -> None:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


class MsvcrtLocking:
    """Windows: ``msvcrt.locking`` of the file's first byte.  It locks from the current
    position, so each call seeks to the start first; ``LK_NBLCK`` fails at once (an OSError)
    when another process holds the byte, and :func:`held_lock` polls until its timeout."""

    def __init__(self, msvcrt: _Msvcrt) -> None:
        self.msvcrt = msvcrt

    def lock(self, fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            self.msvcrt.locking(fd, self.msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def unlock(self, fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            self.msvcrt.locking(fd, self.msvcrt.LK_UNLCK, 1)
        except OSError:
            pass  # closing the file releases it too


def system_locking(platform: str = sys.platform) -> Locking:
    """The locking of this system: ``msvcrt`` on Windows, ``flock`` elsewhere."""
    if platform == "win32":  # pragma: no cover - Windows only; tests/windows run MsvcrtLocking with a stand-in
        import msvcrt

        return MsvcrtLocking(msvcrt)  # type: ignore[arg-type,unused-ignore]  # typeshed declares msvcrt for win32 only
    return FlockLocking()


_LOCKING: Locking = system_locking()
"""The one this process uses (a test may put :class:`MsvcrtLocking` with a stand-in here)."""


def _lock_fd(fd: int) -> bool:
    return _LOCKING.lock(fd)


def _unlock_fd(fd: int) -> None:
    _LOCKING.unlock(fd)


def _open(path: Path) -> int:
    """The lock file, never through a link (a link planted there must not redirect anything)."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, 0o644)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise OSError(f"{path} is not a regular file")
    return fd


def try_lock(path: Path) -> int | None:
    """A descriptor holding the lock on ``path``, or None when another process holds it."""
    fd = _open(path)
    if _lock_fd(fd):
        return fd
    os.close(fd)
    return None


def unlock(fd: int) -> None:
    _unlock_fd(fd)
    os.close(fd)


@contextmanager
def held_lock(path: Path, *, timeout: float, busy: UserError) -> Iterator[None]:
    """Hold the lock on ``path`` (waiting up to ``timeout`` seconds, then raising ``busy``)."""
    key = os.path.abspath(path)
    with _guard:
        mine = _held.get(key)
        if mine is not None:
            mine[1] += 1
    if mine is None:
        _acquire(path, key, timeout, busy)
    try:
        yield
    finally:
        with _guard:
            entry = _held[key]
            entry[1] -= 1
            if entry[1] == 0:
                del _held[key]
                unlock(entry[0])


def _acquire(path: Path, key: str, timeout: float, busy: UserError) -> None:
    try:
        fd = _open(path)
    except OSError as exc:
        raise UserError(files.CANNOT_LOCK(reason=os_reason(exc)),
                        exit_code=EXIT_FINDINGS) from None
    deadline = time.monotonic() + timeout
    while not _lock_fd(fd):
        if time.monotonic() >= deadline:
            os.close(fd)
            raise busy
        time.sleep(_POLL)
    with _guard:
        _held[key] = [fd, 1]


def _lock_folder(root: Path) -> Path:
    folder = root / ".dytool"
    try:
        info = folder.lstat()
    except FileNotFoundError:
        folder.mkdir(exist_ok=True)
        info = folder.lstat()
    if not stat.S_ISDIR(info.st_mode):
        raise UserError(files.LOCK_FOLDER_NOT_PLAIN(path=str(folder)), exit_code=EXIT_FINDINGS, hint=files.LOCK_FOLDER_HINT)
    ignore = folder / ".gitignore"
    if not ignore.exists() and not ignore.is_symlink():
        ignore.write_text("*\n", encoding="utf-8")  # the lock, like the cache, is never committed
    return folder


@contextmanager
def repository_lock(root: Path, *, timeout: float = 120.0) -> Iterator[None]:
    """Hold the write lock of the repository at ``root`` (re-entrant within one process)."""
    path = _lock_folder(root) / "write.lock"
    with held_lock(path, timeout=timeout, busy=LockBusy(root, timeout)):
        yield
