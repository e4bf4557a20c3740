"""Folders dytool writes into or deletes from, checked one component at a time.

A repository arrives in pull requests, and a committed link (``.dytool`` → ``/home/ci``) would
send dytool's writes, and its sweep of stale files, somewhere else.  :func:`own_folder` walks
from the repository root down with ``lstat``: every component must be a real folder inside the
repository, created here if missing; a link, a file or anything else anywhere on the way means
the folder is refused.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = ["own_folder", "read_own", "unsafe_folder"]


def own_folder(root: Path, *parts: str, create: bool = True) -> Path | None:
    """``root/parts…`` when each component below ``root`` is a real folder (made when missing
    and ``create``), else None."""
    here = root
    for part in parts:
        if part in ("", ".", "..") or "/" in part or "\\" in part:
            return None
        here = here / part
        try:
            info = os.lstat(here)
        except FileNotFoundError:
            if not create:
                return None
            try:
                os.mkdir(here)
                info = os.lstat(here)
            except OSError:
                return None
        except OSError:
            return None
        if not stat.S_ISDIR(info.st_mode):  # a link (even to a folder), a file, a device
            return None
    return here


def unsafe_folder(root: Path, *parts: str) -> bool:
    """Whether some existing component of ``root/parts…`` is not a real folder (a committed
    link, a file in the way): then nothing may be written or deleted there."""
    here = root
    for part in parts:
        here = here / part
        try:
            info = os.lstat(here)
        except FileNotFoundError:
            return False
        except OSError:
            return True
        if not stat.S_ISDIR(info.st_mode):
            return True
    return False


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def read_own(path: Path) -> bytes | None:
    """A file dytool wrote itself (a cache entry), or None: never through a link, never from a
    pipe or a device that a pull request put in its place."""
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read()
    except OSError:
        return None
    finally:
        os.close(fd)
