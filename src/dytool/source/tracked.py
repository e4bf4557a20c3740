"""Reading a file a record names (the compilation's preface) from the repository's content
only, by the same rule the check applies (:func:`dytool.source.readfile.path_state`): a
relative path inside the repository, not under ``.git/`` or ``.dytool/``, not ignored by git,
a regular file, at most 1 MiB of UTF-8."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from dytool.core.catalogue import files
from dytool.source.git import ignored_paths
from dytool.source.readfile import path_state, read_guarded

__all__ = ["read_tracked_text"]


def read_tracked_text(root: Path, rel: str) -> tuple[str | None, str, str]:
    """The text of ``rel``, or None and why not (zh, en)."""
    posix = PurePosixPath(rel.replace("\\", "/")).as_posix()
    state = path_state(root, rel, ignored_paths(root, [posix]))
    if state.state == "missing":
        return None, *files.NO_SUCH_FILE.pair
    if state.state != "file":
        return None, state.why_zh, state.why_en
    data, findings = read_guarded(root, posix)
    if data is None:
        return (None, findings[0].message_zh, findings[0].message_en) if findings else (None, *files.CANNOT_BE_READ.pair)
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n"), "", ""  # a CRLF checkout reads as any other
    except UnicodeDecodeError:
        return None, *files.FILE_NOT_UTF8.pair
