"""Replace a folder of generated files (a website) all at once.

The new files are written into a folder beside the old one, which is then swapped in: a
reader (a Pages server, a colleague on the file share) sees the old site or the new one,
never half of each.  A file that did not change since the last time is linked from the old
folder rather than written again (a manifest of what was written, with each file's size,
time and digest, says which; a file edited since is written afresh), so rebuilding a large
site after a few edits writes only what changed, and a folder that already holds exactly
the new files is left alone.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

__all__ = ["MANIFEST", "replace_folder"]

MANIFEST = ".dytool-files.json"
"""What the last build wrote: path → [size, mtime_ns, digest]."""


def _manifest(folder: Path) -> dict[str, list[object]]:
    try:
        value = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _unchanged(path: str, record: object, digest: str) -> bool:
    if not (isinstance(record, list) and len(record) == 3 and record[2] == digest):
        return False
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and [info.st_size, info.st_mtime_ns] == record[:2]


def _files_in(folder: str, prefix: str = "") -> Iterator[str]:
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                yield from _files_in(entry.path, f"{prefix}{entry.name}/")
            else:
                yield prefix + entry.name


def _same(folder: Path, before: dict[str, list[object]], digests: dict[str, str]) -> bool:
    """Whether ``folder`` holds exactly these files, as the last build wrote them."""
    if set(before) != set(digests) or set(_files_in(str(folder))) != {*digests, MANIFEST}:
        return False
    base = str(folder) + os.sep
    return all(_unchanged(base + rel, before[rel], digest) for rel, digest in digests.items())


def replace_folder(folder: Path, files: dict[str, bytes]) -> bool:
    """Put ``files`` (relative path → bytes) in ``folder`` instead of what it held; False when
    it held them already (nothing is touched then).  Raises OSError when the folder cannot be
    written (the old one is then left as it was)."""
    parent = folder.parent
    parent.mkdir(parents=True, exist_ok=True)
    fresh = parent / f".{folder.name}.new-{os.getpid()}"
    old = parent / f".{folder.name}.old-{os.getpid()}"
    before = _manifest(folder) if folder.is_dir() else {}
    digests = {rel: hashlib.blake2b(data, digest_size=16).hexdigest() for rel, data in files.items()}
    if before and _same(folder, before, digests):
        return False
    written: dict[str, list[object]] = {}
    can_link = True
    made: set[Path] = set()
    try:
        shutil.rmtree(fresh, ignore_errors=True)
        for rel, data in files.items():
            path = fresh / rel
            if path.parent not in made:
                path.parent.mkdir(parents=True, exist_ok=True)
                made.add(path.parent)
            digest = digests[rel]
            linked = False
            if can_link and _unchanged(str(folder / rel), before.get(rel), digest):
                try:
                    os.link(folder / rel, path)
                    linked = True
                except OSError:
                    can_link = False  # a file system without links: write every file
            if not linked:
                path.write_bytes(data)
            info = path.stat()
            written[rel] = [info.st_size, info.st_mtime_ns, digest]
        (fresh / MANIFEST).write_text(json.dumps(written, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        if folder.is_dir():
            folder.rename(old)
        fresh.rename(folder)
    except OSError:
        shutil.rmtree(fresh, ignore_errors=True)
        if old.is_dir() and not folder.exists():
            old.rename(folder)
        raise
    shutil.rmtree(old, ignore_errors=True)
    return True
