"""The repository as the cross-file checks see it: every file's summary, and the records
of the few small kinds (people, units, topics, reports) whole.

A full load (:class:`dytool.engine.repository.Repository`) and a check that reuses the cache both make
one; the checks cannot tell them apart, so a check reads the same findings either way.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from pathlib import PurePosixPath

from dytool.engine.repository import Entry, ReportEntry, Repository
from dytool.engine.summary import FileSummary
from dytool.models import Campaign, Person, StrictModel, Topic, Unit
from dytool.models.base import walk_marked
from dytool.source.images import image_links
from dytool.source.locate import Locator, Path, Source
from dytool.source.readfile import PathState, Signature, path_signature, path_state

__all__ = ["WHOLE_KINDS", "Overview", "RecordsOf"]

WHOLE_KINDS = ("person", "unit", "topic")
"""Record kinds the cross-file checks read whole: a campaign has hundreds of them, not 100,000."""

RecordsOf = Callable[[str], list[tuple[StrictModel, Source]]]
"""The valid records of one file (a report's front matter for a report), loaded on demand."""


@dataclass(frozen=True)
class Overview:
    root: FsPath
    campaign: Campaign | None
    campaign_source: Source
    locator: Locator = field(compare=False, repr=False)
    summaries: dict[str, tuple[str, FileSummary]]
    """File → (kind, summary), in load order; ``kind`` is ``report`` for reports."""
    people: list[Entry[Person]]
    units: list[Entry[Unit]]
    topics: list[Entry[Topic]]
    reports: list[ReportEntry]
    unreadable_kinds: frozenset[str]
    invalid_ids: dict[str, frozenset[str]]
    records_of: RecordsOf = field(compare=False, repr=False)

    @functools.cached_property
    def named_paths(self) -> list[tuple[Source, Path, str]]:
        """Every path a record names (outlines, reports, the preface), with where it is named."""
        owners: list[tuple[StrictModel, Source]] = [(entry.record, entry.source) for entry in self.topics]
        if self.campaign is not None:
            owners.insert(0, (self.campaign, self.campaign_source))
        return [(source, sub, text) for obj, source in owners for sub, text, _ in walk_marked(obj, "path") if isinstance(text, str)]

    @functools.cached_property
    def path_states(self) -> dict[str, PathState]:
        """What each named path leads to, looked up once per check."""
        return {text: path_state(self.root, text) for _, _, text in self.named_paths}

    def watched(self) -> tuple[tuple[str, Signature], ...]:
        """The signature of each named path (and image a report links to) when the checks looked
        at it: a replayed check compares them again, as these files are not among those whose
        bytes it compares."""
        images = {(PurePosixPath(report.source.file).parent / link.src).as_posix()
                  for report in self.reports for link in image_links(report.body)}
        named = {text: found.signature for text, found in self.path_states.items()}
        named.update((rel, path_signature(self.root, rel)) for rel in images if rel not in named)
        return tuple(sorted(named.items()))

    @classmethod
    def of(cls, repo: Repository) -> Overview:
        whole = {kind: repo.entries(kind) for kind in WHOLE_KINDS}
        return cls(
            root=repo.root, campaign=repo.campaign, campaign_source=repo.campaign_source, locator=repo.locator,
            summaries=repo.summaries, people=whole["person"], units=whole["unit"], topics=whole["topic"],  # type: ignore[arg-type]
            reports=repo.reports, unreadable_kinds=repo.unreadable_kinds, invalid_ids=repo.invalid_ids,
            records_of=_records_by_file(repo),
        )


def _records_by_file(repo: Repository) -> RecordsOf:
    """:attr:`Overview.records_of` for a loaded repository, grouped on first use (the status
    engine builds an overview for its index and never asks)."""
    by_file: dict[str, list[tuple[StrictModel, Source]]] = {}

    def records_of(rel: str) -> list[tuple[StrictModel, Source]]:
        if not by_file:
            for _, entry in repo.all_entries():
                by_file.setdefault(entry.source.file, []).append((entry.record, entry.source))
            for report in repo.reports:
                by_file[report.source.file] = [(report.meta, report.source)]
        return by_file.get(rel, [])

    return records_of
