"""The first step of every cached check: look at the repository and recall the last check.

When not one byte has changed since the last check (and no file that a record names), its
findings are replayed as they were.  That is most checks an editor or a pre-commit hook
runs, so this module imports only what looking needs: the file listing, the content
digests and the signed memo; never the loader, the models, pydantic or the checks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from dytool.engine.cache import stat_cache
from dytool.engine.memo import CheckSummary, recall
from dytool.engine.options import LoadOptions
from dytool.source.discover import Snapshot, take_snapshot

__all__ = ["Look", "look"]


@dataclass(frozen=True)
class Look:
    """The repository as it is now, and the last check when nothing changed since."""

    snapshot: Snapshot
    remembered: CheckSummary | None
    digest: str
    """The repository's digest on the day, under which a new check is remembered."""


def look(root: Path, as_of: dt.date, options: LoadOptions) -> Look:
    """Take the snapshot (content digests from the stat cache where a file's ``lstat`` has not
    changed) and recall the last check of exactly this content on ``as_of``."""
    assert options.key_folder is not None
    stats = stat_cache(root, options.key_folder)
    snapshot = take_snapshot(root, stats.known_digest, stats.learn_digest)
    stats.save()
    remembered, digest = recall(root, as_of, snapshot, options.key_folder)
    return Look(snapshot, remembered, digest)
