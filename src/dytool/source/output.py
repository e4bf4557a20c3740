"""The one way a command writes what the user asked for (a document, a report, a schema).

Regular files are replaced atomically (:func:`dytool.source.atomic.write_atomic`).  A target
that is not a regular file is never replaced by one: a terminal, ``/dev/null`` or a pipe is
written in place (a pipe only when a reader is there, never waiting for one), and a link is
refused unless it leads to such a target.  OS errors become clear usage errors, not bugs.
"""

from __future__ import annotations

import errno
import os
import stat
import time
from pathlib import Path

from dytool.core.catalogue import usage
from dytool.core.catalogue.system import os_reason
from dytool.core.errors import EXIT_USAGE, UserError
from dytool.source.atomic import write_atomic
from dytool.source.folders import own_folder

__all__ = ["default_folder", "write_output"]


def write_output(path: Path, data: bytes, *, shown: str | None = None) -> Path:
    """Write ``data`` to ``path`` as the user named it (``shown`` in messages, default the path)."""
    name = shown or str(path)
    if "\0" in str(path):
        raise UserError(usage.NUL_IN_PATH(path=name), exit_code=EXIT_USAGE)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _cannot(name, exc) from None
    if info is not None and stat.S_ISLNK(info.st_mode):
        try:
            target = os.stat(path)
        except OSError:
            target = None
        if target is None or stat.S_ISREG(target.st_mode) or stat.S_ISDIR(target.st_mode):
            raise UserError(usage.OUTPUT_IS_LINK(path=name), exit_code=EXIT_USAGE, hint=usage.OUTPUT_IS_LINK_HINT)
        info = target
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise UserError(usage.OUTPUT_IS_FOLDER(path=name), exit_code=EXIT_USAGE)
    try:
        if info is not None and not stat.S_ISREG(info.st_mode):
            _write_in_place(path, data)
        else:
            write_atomic(path, data)
    except OSError as exc:
        raise _cannot(name, exc) from None
    return path


def _write_in_place(path: Path, data: bytes) -> None:
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    for wait in (0.0, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6):  # a pipe's reader may be starting: wait a little, never for ever
        time.sleep(wait)
        try:
            fd = os.open(path, flags)
            break
        except OSError as exc:
            if exc.errno != errno.ENXIO:
                raise
    else:
        raise OSError(errno.ENXIO, "no program is reading from this pipe")
    try:
        view = memoryview(data)
        while view:
            try:
                written = os.write(fd, view)
            except BlockingIOError:
                os.set_blocking(fd, True)
                continue
            view = view[written:]
    finally:
        os.close(fd)


def _cannot(name: str, exc: OSError) -> UserError:
    # Windows refuses to replace a file that Word, WPS or Excel holds open
    hint = usage.CANNOT_WRITE_OPEN_HINT if isinstance(exc, PermissionError) else usage.CANNOT_WRITE_HINT
    return UserError(usage.CANNOT_WRITE(path=name, reason=os_reason(exc)), exit_code=EXIT_USAGE, hint=hint)


def default_folder(base: Path, name: str) -> Path:
    """``base/name`` for a command's default output folder (``build``), refused when it is a
    link or not a folder: a link committed to the repository must not send the output
    over another project's files."""
    folder = own_folder(base, name)
    if folder is None:
        raise UserError(usage.DEFAULT_FOLDER_LINK(name=name), exit_code=EXIT_USAGE, hint=usage.DEFAULT_FOLDER_LINK_HINT)
    return folder
