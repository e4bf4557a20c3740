"""The loaded campaign repository: the one object every command reads.

A repository loaded cold, from the cache, or after an edit is the same object.  It holds what
is small or read by everything whole (the campaign, people, units, topics, reports), every
file's :class:`~dytool.engine.summary.FileSummary` (what the cross-file checks and the briefing
read of the big kinds: visits, problems, solutions, institutions), and a way to the records of
any file, loaded on demand (from the cache's pickle, or by reading the file again).  A command
that needs every problem asks for them (:meth:`Repository.entries`); a check or a briefing on
200,000 records reads summaries and never builds them.  Immutable once loaded.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from pathlib import PurePosixPath
from typing import Generic, NamedTuple, TypeVar

from dytool.engine.summary import FileSummary
from dytool.models import KINDS, Campaign, Person, Record, ReportMeta, StrictModel, Topic, Unit
from dytool.models.base import walk_marked
from dytool.source.locate import Locator, Path, Source
from dytool.source.readfile import PathState, Signature, path_signature, path_state

__all__ = ["WHOLE_KINDS", "Entry", "RecordsOf", "ReportEntry", "Repository"]

R = TypeVar("R", bound=Record)

WHOLE_KINDS = ("person", "unit", "topic")
"""Record kinds read whole by everything: a campaign has hundreds of them, not 100,000."""

RecordsOf = Callable[[str], list[tuple[StrictModel, Source]]]
"""The valid records of one file (a report's front matter for a report), loaded on demand."""


class Entry(NamedTuple, Generic[R]):
    """A record and its source (tuples: the load cache pickles tens of thousands of them)."""

    record: R
    source: Source


class ReportEntry(NamedTuple):
    meta: ReportMeta
    body: str
    source: Source


@dataclass(frozen=True, eq=False)
class Repository:
    root: FsPath
    campaign: Campaign | None
    campaign_source: Source
    locator: Locator = field(repr=False)
    files: tuple[str, ...]
    """campaign.yaml, then every record file and report, in load order."""
    summaries: dict[str, tuple[str, FileSummary]]
    """File → (kind, summary) for every record file and report (kind ``report``), in load order."""
    people: list[Entry[Person]]
    units: list[Entry[Unit]]
    reports: list[ReportEntry]
    unreadable_kinds: frozenset[str]
    """Kinds with a file that could not be read: references to them are not called dangling."""
    invalid_ids: dict[str, frozenset[str]]
    """Ids of records that exist but failed validation: references to them are not dangling."""
    empty_files: frozenset[str]
    """Record files that hold no record (``[]``): in problems/, "filed, nothing found"."""
    records_of: RecordsOf = field(repr=False)
    chosen_topics: list[Entry[Topic]] | None = field(default=None, repr=False)
    """The topics when the caller narrowed them (a public view); else they are read on first use."""
    _by_kind: dict[str, list[Entry[Record]]] = field(default_factory=dict, init=False, repr=False)

    @functools.cached_property
    def topics(self) -> list[Entry[Topic]]:
        """Every valid topic, whole: read from the files on first use (a briefing reads the
        topics' summary rows and never builds them)."""
        if self.chosen_topics is not None:
            return self.chosen_topics
        return [Entry(record, source) for rel in self.files_of("topic") for record, source in self.records_of(rel)]  # type: ignore[arg-type]

    def files_of(self, kind: str) -> list[str]:
        return [rel for rel, (k, _) in self.summaries.items() if k == kind]

    def entries(self, kind: str) -> list[Entry[Record]]:
        """Every valid record of one kind, in load order (built on first use, then kept)."""
        if kind in WHOLE_KINDS:
            return getattr(self, {"person": "people", "unit": "units", "topic": "topics"}[kind])  # type: ignore[no-any-return]
        found = self._by_kind.get(kind)
        if found is None:
            found = [Entry(record, source) for rel in self.files_of(kind) for record, source in self.records_of(rel)]  # type: ignore[arg-type]
            self._by_kind[kind] = found
        return found

    def ids(self, kind: str) -> set[str]:
        """Every id a record of ``kind`` holds, valid or not, from the summaries (no record is
        built): the ids a new record must not take."""
        found = {ident for rel in self.files_of(kind) for ident in self.summaries[rel][1].ids}
        return found | self.invalid_ids.get(kind, frozenset())

    @property
    def records(self) -> dict[str, list[Entry[Record]]]:
        """Every valid record by kind: for the commands that need them all (a compilation)."""
        return {kind: self.entries(kind) for kind in KINDS}

    def all_entries(self) -> Iterator[tuple[str, Entry[Record]]]:
        for kind in KINDS:
            for entry in self.entries(kind):
                yield kind, entry

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
        from dytool.source.git import ignored_paths

        texts = sorted({text for _, _, text in self.named_paths})
        hidden = ignored_paths(self.root, texts)
        return {text: path_state(self.root, text, hidden) for text in texts}

    def watched(self) -> tuple[tuple[str, Signature], ...]:
        """The signature of each named path (and each image a report links to) when the checks
        looked at it: a replayed check compares them again, as these files are not among those
        whose bytes it compares."""
        from dytool.source.images import image_links

        images = {(PurePosixPath(report.source.file).parent / link.src).as_posix()
                  for report in self.reports for link in image_links(report.body)}
        named = {text: found.signature for text, found in self.path_states.items()}
        named.update((rel, path_signature(self.root, rel)) for rel in images if rel not in named)
        return tuple(sorted(named.items()))
