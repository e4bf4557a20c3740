"""The outcome of the last ``dytool check``, replayed when nothing at all has changed.

The per-file cache (:mod:`dytool.cache`) spares parsing and validating unchanged files, but
the cross-file checks still run over every record.  When not one byte of the repository has
changed since the last check on the same as-of day, their outcome cannot have changed
either: this module recognises that case from the content digests of every file alone,
without importing the models, and hands back the findings of last time.  The entry is signed
like the per-file cache, so it cannot be planted.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from dytool.cache import CACHE_DIR, fingerprint, save_entry, signed_dump, signed_load, user_key
from dytool.discover import Snapshot
from dytool.findings import Finding, FindingCounts
from dytool.readfile import path_state

__all__ = ["CheckSummary", "recall", "remember", "repository_digest"]

_NAME = "check-{}.bin"


@dataclass(frozen=True)
class CheckSummary(FindingCounts):
    """What ``dytool check`` reports: the findings and the size of what was checked."""

    findings: list[Finding]
    files: int
    records: int
    language: str | None = None
    digest: str = field(default="", compare=False)
    watched: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    """Files the records name (outlines, the preface) and what the path check found for them
    (:func:`dytool.readfile.path_state`): they are not record files, so the digest misses them."""


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


def recall(root: Path, as_of: dt.date, snapshot: Snapshot) -> tuple[CheckSummary | None, str]:
    """The last check's summary when nothing has changed since, and the digest of now (for
    :func:`remember`)."""
    digest = repository_digest(snapshot, as_of)
    key = user_key()
    if key is None:
        return None, digest
    try:
        blob = (root / CACHE_DIR / _NAME.format(_fp())).read_bytes()
    except OSError:
        return None, digest
    stored = signed_load(key, blob)
    if not isinstance(stored, CheckSummary) or stored.digest != digest:
        return None, digest
    if any(path_state(root, text).state != state for text, state in stored.watched):
        return None, digest
    return stored, digest


def remember(root: Path, digest: str, summary: CheckSummary) -> None:
    """Keep ``summary`` for the repository as it was when :func:`recall` computed ``digest``
    (if a file changed in between, the digests differ next time and the check runs again)."""
    key = user_key()
    if key is None:
        return
    stamped = dataclasses.replace(summary, digest=digest)
    try:
        save_entry(root / CACHE_DIR, _NAME.format(_fp()), signed_dump(key, stamped))
    except OSError:
        return
