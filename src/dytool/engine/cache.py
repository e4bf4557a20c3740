"""A cache of loaded files in the campaign's ``.dytool/cache/``, so an unchanged repository
checks in a fraction of the time.

* **What**: per record file, everything loading it produced (its records, pickled apart so
  that a check can leave them unread; its summary; the findings of reading it and of the
  checks that look at it alone), keyed by the file's path and content hash, under a
  fingerprint of dytool's version, its code and the campaign context that validation
  depends on (period, calendar).
* **Never trusted**: entries are pickles, and pickles must never come from strangers.  Each
  shard is signed (HMAC-SHA256) with a key kept outside the repository, in the user's cache
  folder, so an entry planted by a pull request, copied from another machine or corrupted
  fails the signature and is ignored and rebuilt.  A shard that cannot be read is treated as
  empty.
* **Safe with two processes**: shards are written whole to a temporary file and renamed;
  a reader sees the old or the new shard, never a mix.  Nothing fails when the cache folder
  or the key cannot be written (a read-only checkout): the cache is then simply off.
"""

from __future__ import annotations

import gc
import hashlib
import hmac
import os
import pickle
import secrets
import stat
import time
import zlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from dytool import __version__
from dytool.source.atomic import write_atomic
from dytool.source.folders import own_folder, read_own, unsafe_folder
from dytool.source.packaged import PACKAGE

__all__ = ["CACHE_DIR", "STAT_DIR", "FileCache", "fingerprint", "save_entry", "signed_dump", "signed_load", "stat_cache", "user_key"]

CACHE_DIR = Path(".dytool") / "cache"
STAT_DIR = CACHE_DIR / "stat"
"""What each file's ``lstat`` was when it was last hashed: a folder of its own, which the
sweep of the load cache's stale shards never touches."""
_SHARDS = 16
_MAGIC = b"DYTOOL-CACHE-1\n"
_FORMAT = 1


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """Changes whenever dytool's code changes, released or not: a cached result is only ever
    reused by the code that made it."""
    folder = PACKAGE
    digest = hashlib.blake2b(digest_size=16)
    for dirpath, _, names in sorted(os.walk(folder)):
        for name in sorted(n for n in names if n.endswith(".py")):
            info = os.stat(os.path.join(dirpath, name))
            digest.update(f"{dirpath}/{name}:{info.st_size}:{info.st_mtime_ns}".encode())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _libraries() -> str:
    """What identifies the installed libraries whose upgrade can change a result: the holiday
    calendar (working days), pydantic and pydantic-core (validation), PyYAML and the libyaml
    it bundles (reading), python-dateutil (recurring rules).  A cached result outlives none of
    them.  Each is identified by the files of its package folder (name, size, modification
    time), found without importing it: replaying an unchanged check imports no library."""
    import importlib.util

    parts = []
    for name in ("chinese_calendar", "pydantic", "pydantic_core", "yaml", "_yaml", "dateutil"):
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        places = list(spec.submodule_search_locations or []) if spec is not None else []
        if spec is not None and not places and spec.origin:
            places = [spec.origin]
        for place in places:
            parts.append(f"{name}:{_stamp(place)}")
        if not places:
            parts.append(f"{name}:none")
    return "|".join(parts)


def _stamp(place: str) -> str:
    """A package folder's files (or one module's file) by name, size and modification time."""
    try:
        if not os.path.isdir(place):
            info = os.stat(place)
            return f"{os.path.basename(place)}:{info.st_size}:{info.st_mtime_ns}"
        entries = sorted(os.scandir(place), key=lambda entry: entry.name)
        return ",".join(f"{e.name}:{e.stat().st_size}:{e.stat().st_mtime_ns}" for e in entries if e.is_file())
    except OSError:
        return "?"


def fingerprint(context: Iterable[object]) -> str:
    parts = [str(_FORMAT), __version__, _code_fingerprint(), _libraries(), *map(repr, context)]
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=16).hexdigest()


def user_key(base: Path) -> bytes | None:
    """The signing key kept in ``base`` (the user's cache folder, never inside a repository),
    created on first use."""
    path = base / "cache-key"
    try:
        data = path.read_bytes()
        if len(data) == 32:
            return data
    except OSError:
        pass
    try:
        base.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)  # binary: Windows would write a 10 byte as 13 10
        key = secrets.token_bytes(32)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
        return key
    except FileExistsError:
        try:
            data = path.read_bytes()
            return data if len(data) == 32 else None
        except OSError:
            return None
    except OSError:
        return None


def signed_dump(key: bytes, value: Any) -> bytes:
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return _MAGIC + hmac.digest(key, payload, "sha256") + payload


_READ: dict[bytes, Any] = {}
"""Entries and shards this process has unpickled, by signature: a command that loads the
repository twice (an edit: as it is, then as the edit leaves it) unpickles each once.  What
is read is never changed in place (a shard's table is copied before it is)."""


def signed_load(key: bytes, blob: bytes) -> Any:
    """The value, or None when the blob is not ours (wrong signature, corrupt, foreign)."""
    if not blob.startswith(_MAGIC):
        return None
    mac, payload = blob[len(_MAGIC) : len(_MAGIC) + 32], blob[len(_MAGIC) + 32 :]
    if not hmac.compare_digest(mac, hmac.digest(key, payload, "sha256")):
        return None
    if mac in _READ:  # read before by this process (an edit recalls the last check twice)
        return _READ[mac]
    try:
        value = pickle.loads(payload)  # noqa: S301 - signed with our own key, see the module docstring
    except Exception:  # noqa: BLE001 - a damaged entry is a missing one
        return None
    _READ[mac] = value
    return value


def save_entry(root: Path, folder: Path, name: str, blob: bytes) -> None:
    """Replace ``root/folder/name`` whole, in a cache folder git ignores; OSError when it
    cannot, or when a component of the folder is a link or not a folder."""
    own = own_folder(root, *folder.parts)
    top = own_folder(root, CACHE_DIR.parts[0])
    if own is None or top is None:
        raise OSError(f"{folder.as_posix()} is not a folder of the repository's own")
    ignore = top / ".gitignore"
    if not os.path.lexists(ignore):
        write_atomic(ignore, b"*\n")
    write_atomic(own / name, blob, durable=False)  # signed: a torn entry reads as a missing one




def _unpickle(payload: bytes) -> Any:
    """Unpickle a shard with the cyclic collector paused: a shard is tens of thousands of
    small acyclic objects, and every collection during the load would walk all of them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        value = pickle.loads(payload)  # noqa: S301 - signed with our own key, see the module docstring
        gc.freeze()  # and no later collection walks them either: they live until the command ends
        return value
    finally:
        if enabled:
            gc.enable()


_RACY_NS = 2_000_000_000
"""A file modified this recently (two seconds) is hashed again next time."""


def _signature(info: os.stat_result) -> tuple[int, int, int, int, int]:
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev


class FileCache:
    """Cached load results of one repository; ``get``/``put`` by path and content digest."""

    def __init__(self, root: Path, context_fingerprint: str, *, key_folder: Path | None, folder: Path = CACHE_DIR) -> None:
        self.root = root
        self.where = folder
        self.folder = root / folder
        self.fp = context_fingerprint
        self.refused = unsafe_folder(root, *folder.parts)
        """A component of the cache folder is a link (or not a folder): the cache is off."""
        self.key = user_key(key_folder) if key_folder is not None and not self.refused else None
        self.shards: dict[tuple[str, int], dict[str, tuple[str, Any]]] = {}
        self.dirty: set[tuple[str, int]] = set()
        self.hits = 0
        self.misses = 0

    @property
    def enabled(self) -> bool:
        return self.key is not None

    def _shard_of(self, rel: str, part: str = "s") -> tuple[str, int]:
        return part, zlib.crc32(rel.encode()) % _SHARDS

    def _path(self, shard: tuple[str, int]) -> Path:
        part, number = shard
        return self.folder / f"{self.fp}-{'' if part == 's' else part}{number:02d}.bin"

    def _load(self, shard: tuple[str, int]) -> dict[str, tuple[str, Any]]:
        table = self.shards.get(shard)
        if table is not None:
            return table
        table = {}
        assert self.key is not None
        try:
            blob = read_own(self._path(shard)) or b""
            if blob.startswith(_MAGIC):
                mac, payload = blob[len(_MAGIC) : len(_MAGIC) + 32], blob[len(_MAGIC) + 32 :]
                if hmac.compare_digest(mac, hmac.digest(self.key, payload, "sha256")):
                    known = _READ.get(mac)
                    loaded = known if known is not None else _unpickle(payload)
                    if isinstance(loaded, dict):
                        _READ[mac] = loaded
                        table = dict(loaded)
        except Exception:  # noqa: BLE001 - a missing or bad shard is an empty one
            table = {}
        self.shards[shard] = table
        return table

    def get(self, rel: str, digest: str) -> Any:
        if self.key is None:
            return None
        found = self._load(self._shard_of(rel)).get(rel)
        if found is not None and found[0] == digest:
            self.hits += 1
            return found[1]
        self.misses += 1
        return None

    def put(self, rel: str, digest: str, value: Any) -> None:
        if self.key is None:
            return
        shard = self._shard_of(rel)
        self._load(shard)[rel] = (digest, value)
        self.dirty.add(shard)

    def known_digest(self, rel: str, info: os.stat_result) -> str | None:
        """The content digest of ``rel`` when its ``lstat`` is what it was when it was last
        hashed (size, modification and change times, inode), as git's index trusts a file's
        stat: reading and hashing 200 MB on every check costs a third of a second.  An entry
        hashed within two seconds of the file's last modification is not trusted (a second
        write in the same clock tick would not show in the times)."""
        if self.key is None or not stat.S_ISREG(info.st_mode):
            return None
        found = self._load(self._shard_of(rel, "t")).get(rel)
        if found is None:
            return None
        digest, signature = found
        return digest if signature == _signature(info) else None

    def learn_digest(self, rel: str, info: os.stat_result, digest: str) -> None:
        """Remember the digest of ``rel`` as of this ``lstat`` (see :meth:`known_digest`)."""
        if self.key is None or not stat.S_ISREG(info.st_mode):
            return
        if time.time_ns() - info.st_mtime_ns < _RACY_NS:
            return
        shard = self._shard_of(rel, "t")
        table = self._load(shard)
        entry: tuple[str, Any] = (digest, _signature(info))
        if table.get(rel) != entry:
            table[rel] = entry
            self.dirty.add(shard)

    def get_records(self, rel: str, digest: str) -> bytes | None:
        """The pickled records of a file, kept apart from its summary: a command that reads
        summaries (a check, a briefing) never reads these shards."""
        if self.key is None:
            return None
        found = self._load(self._shard_of(rel, "r")).get(rel)
        return found[1] if found is not None and found[0] == digest and isinstance(found[1], bytes) else None

    def put_records(self, rel: str, digest: str, blob: bytes) -> None:
        if self.key is None:
            return
        shard = self._shard_of(rel, "r")
        self._load(shard)[rel] = (digest, blob)
        self.dirty.add(shard)

    def forget_missing(self, present: set[str]) -> None:
        """Drop entries of files that no longer exist (from shards already loaded)."""
        for shard, table in self.shards.items():
            gone = [rel for rel in table if rel not in present]
            for rel in gone:
                del table[rel]
            if gone:
                self.dirty.add(shard)

    def save(self) -> None:
        if self.key is None or not self.dirty:
            return
        try:
            for shard in sorted(self.dirty):
                save_entry(self.root, self.where, self._path(shard).name, signed_dump(self.key, self.shards[shard]))
            if unsafe_folder(self.root, *self.where.parts):
                return
            for stale in self.folder.glob("*.bin"):
                if not stale.name.startswith(self.fp) and not stale.is_symlink():
                    stale.unlink(missing_ok=True)  # another dytool version or campaign context
        except OSError:
            return  # a read-only checkout: no cache, no harm
        self.dirty.clear()


def stat_cache(root: Path, key_folder: Path | None) -> FileCache:
    """The digests of files by their ``lstat`` (:meth:`FileCache.known_digest`): independent of
    campaign.yaml and of dytool's version, since a content digest is only a digest."""
    return FileCache(root, "stat", key_folder=key_folder, folder=STAT_DIR)
