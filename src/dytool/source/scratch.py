"""dytool's scratch folders in the temporary directory, and the sweep of those a killed
command left behind.

Every temporary folder dytool makes comes from :func:`scratch_folder`: it is named
``dytool-KIND-*`` (one of :data:`KINDS`) and holds ``in-use.lock``, locked by the process
that made it for as long as it uses the folder (:mod:`dytool.source.lock`: ``flock`` on POSIX,
``msvcrt.locking`` on Windows, both released by the operating system when the process dies)
and naming that process (its pid and when it made the folder) for whoever looks.  A killed
command cannot remove its folder; the next command that makes one first removes every folder
of every kind whose lock nobody holds.  A folder whose owner is alive is never touched.

The owner writes its marker only once it holds the lock, so an empty lock file is one being
taken this instant (it is left alone for a minute; the sweep does not even try it, which would
take the lock from under its owner).  A folder with no lock file is one made an instant ago or
one left by a dytool from before the lock: it is removed only once it is an hour old.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dytool.source.lock import try_lock, unlock

__all__ = ["KINDS", "LOCK_NAME", "scratch_folder", "sweep"]

KINDS = ("check", "since", "diff", "office")
"""What each scratch folder is for: a copy of the repository checked before an edit is
written, the repository at a revision (``check --changed-since``, ``status --since``,
``diff``), a LibreOffice run."""
LOCK_NAME = "in-use.lock"
_UNLOCKED_AGE = 3600
"""Seconds after which a scratch folder without a lock file is taken as abandoned."""
_UNMARKED_AGE = 60
"""Seconds after which an empty lock file (its owner never wrote its marker) is tried."""


def _prefix(kind: str) -> str:
    return f"dytool-{kind}-"


@contextmanager
def scratch_folder(kind: str, *, base: Path | None = None) -> Iterator[Path]:
    """A private temporary folder (in ``base``, by default the system's temporary directory)
    that is removed when the block ends, or by the next dytool if this process is killed."""
    if kind not in KINDS:
        raise ValueError(f"unknown scratch kind {kind!r}")
    sweep(base)
    folder = Path(tempfile.mkdtemp(prefix=_prefix(kind), dir=base))
    fd = None
    try:
        fd = try_lock(folder / LOCK_NAME)  # a fresh private folder: nobody else can hold it
        if fd is not None:
            os.write(fd, f"pid {os.getpid()} since {time.time():.0f}\n".encode("ascii"))
        yield folder
    finally:
        if fd is not None:
            unlock(fd)  # closed first: Windows cannot remove a file that is open
        shutil.rmtree(folder, ignore_errors=True)


def sweep(base: Path | None = None) -> list[Path]:
    """Remove the scratch folders of every kind whose owner is gone; the ones removed."""
    folder = Path(base or tempfile.gettempdir())
    prefixes = tuple(_prefix(kind) for kind in KINDS)
    try:
        candidates = [p for p in folder.iterdir() if p.name.startswith(prefixes)]
    except OSError:
        return []
    return [path for path in candidates if _remove_if_abandoned(path)]


def _remove_if_abandoned(path: Path) -> bool:
    lock = path / LOCK_NAME
    now = time.time()
    try:
        if path.is_symlink() or not path.is_dir() or lock.is_symlink():
            return False
        if not lock.exists():
            if now - path.stat().st_mtime < _UNLOCKED_AGE:
                return False  # just made (its lock comes next), or in use by an older dytool
            shutil.rmtree(path, ignore_errors=True)
            return True
        info = lock.stat()
        if info.st_size == 0 and now - info.st_mtime < _UNMARKED_AGE:
            return False  # its owner is between creating the lock file and locking it
        fd = try_lock(lock)
    except OSError:
        return False
    if fd is None:
        return False  # its owner is alive
    try:
        for inner in path.iterdir():  # all but the lock, which Windows keeps while it is open
            if inner.name == LOCK_NAME:
                continue
            if inner.is_dir() and not inner.is_symlink():
                shutil.rmtree(inner, ignore_errors=True)
            else:
                inner.unlink(missing_ok=True)
    except OSError:
        pass
    finally:
        unlock(fd)
    shutil.rmtree(path, ignore_errors=True)
    return True
