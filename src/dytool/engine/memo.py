"""What the last ``dytool check`` found, kept for the next one.

Two entries, signed like the per-file cache (:mod:`dytool.engine.cache`), so neither can be planted:

* the **replay record** (:class:`CheckSummary`): when not one byte of the repository has
  changed since the last check on the same as-of day, and no file the records name has
  changed either, its outcome cannot have changed: this is recognised from the content
  digests alone, without importing the models, and the findings of last time come back;
* the **check state** (:class:`CheckState`): what the last check learnt of every file, so
  that after an edit that changes nothing the cross-file checks read, only the edited files
  are read again (:func:`dytool.engine.check.check_and_keep`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from dytool.core.findings import Finding, FindingCounts
from dytool.engine.cache import CACHE_DIR, fingerprint, save_entry, signed_dump, signed_load, user_key
from dytool.source.discover import Snapshot
from dytool.source.folders import read_own, unsafe_folder
from dytool.source.readfile import Signature, path_signature

__all__ = [
    "MEMO_DIR", "CheckState", "CheckSummary", "FileState", "keep_state", "recall", "recall_state", "remember", "repository_digest",
    "unchanged_paths",
]

MEMO_DIR = CACHE_DIR / "memo"
"""A folder of its own, which the per-file cache's sweep of stale shards never touches."""
_NAME = "check-{}.bin"
_STATE = "state-{}.bin"


@dataclass(frozen=True)
class CheckSummary(FindingCounts):
    """What ``dytool check`` reports: the findings and the size of what was checked."""

    findings: list[Finding]
    files: int
    records: int
    language: str | None = None
    digest: str = field(default="", compare=False)
    watched: tuple[tuple[str, Signature], ...] = field(default=(), compare=False)
    """Files the records name (outlines, the preface) and what the path check found for them
    (:func:`dytool.source.readfile.path_signature`): they are not record files, so the digest misses them."""


def repository_digest(snapshot: Snapshot, as_of: dt.date) -> str:
    """One digest of every file the load reads, their paths, and the as-of day."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(as_of.isoformat().encode())
    for rel, (content, _, problems) in snapshot.contents.items():
        digest.update(rel.encode() + b"\0")
        digest.update(content.encode() if content is not None else repr(problems).encode())
    digest.update(repr(snapshot.listing).encode())
    return digest.hexdigest()


def _fp() -> str:
    return fingerprint(["check"])


def _load(root: Path, name: str, key_folder: Path) -> object:
    key = user_key(key_folder)
    if key is None:
        return None
    try:
        if unsafe_folder(root, *MEMO_DIR.parts):
            return None
        blob = read_own(root / MEMO_DIR / name.format(_fp()))
    except OSError:
        return None
    if blob is None:
        return None
    return signed_load(key, blob)


def _save(root: Path, name: str, value: object, key_folder: Path) -> None:
    key = user_key(key_folder)
    if key is None:
        return
    folder, current = root / MEMO_DIR, name.format(_fp())
    try:
        save_entry(root, MEMO_DIR, current, signed_dump(key, value))
        for stale in folder.glob(name.format("*")):
            if stale.name != current and not stale.is_symlink():
                stale.unlink(missing_ok=True)  # left by another version of dytool
    except OSError:
        return  # a read-only checkout: nothing remembered, no harm


def recall(root: Path, as_of: dt.date, snapshot: Snapshot, key_folder: Path) -> tuple[CheckSummary | None, str]:
    """The last check's summary when nothing has changed since, and the digest of now (for
    :func:`remember`)."""
    digest = repository_digest(snapshot, as_of)
    stored = _load(root, _NAME, key_folder)
    if not isinstance(stored, CheckSummary) or stored.digest != digest:
        return None, digest
    if not unchanged_paths(root, stored):
        return None, digest
    return stored, digest


def unchanged_paths(root: Path, summary: CheckSummary) -> bool:
    """Whether every file the records name is as it was when ``summary`` was made."""
    return all(path_signature(root, text) == signature for text, signature in summary.watched)


def remember(root: Path, digest: str, summary: CheckSummary, key_folder: Path) -> None:
    """Keep ``summary`` for the repository as it was when :func:`recall` computed ``digest``
    (if a file changed in between, the digests differ next time and the check runs again)."""
    _save(root, _NAME, dataclasses.replace(summary, digest=digest), key_folder)


class FileState(NamedTuple):
    """What a check knew of one file: its content, a digest of each field the cross-file
    checks read of it (:func:`dytool.engine.summary.field_keys`), and the findings of reading
    and checking it alone."""

    digest: str | None
    keys: dict[str, int]
    findings: tuple[Finding, ...]
    records: int = 0


@dataclass(frozen=True)
class CheckState:
    """What the last check knew of every file, so that a check after an edit that changes
    nothing the cross-file checks read can reuse everything else
    (:func:`dytool.engine.check.check_and_keep`)."""

    as_of: dt.date
    snapshot: Snapshot
    head: tuple[Finding, ...]
    """What reading campaign.yaml and listing the folders found."""
    files: dict[str, FileState]
    cross: dict[str, tuple[Finding, ...]]
    """The findings of each cross-file check, by the check's name."""
    summary: CheckSummary


def recall_state(root: Path, key_folder: Path) -> CheckState | None:
    stored = _load(root, _STATE, key_folder)
    return stored if isinstance(stored, CheckState) else None


def keep_state(root: Path, state: CheckState, key_folder: Path) -> None:
    _save(root, _STATE, state, key_folder)
