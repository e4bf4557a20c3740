"""The loaded campaign repository: records with their sources, and a way back to positions.

Immutable once loaded; checks and status read it and never change it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Generic, NamedTuple, TypeVar

from dytool.models import Campaign, Record, ReportMeta
from dytool.source.locate import Locator, Source

if TYPE_CHECKING:
    from dytool.engine.summary import FileSummary

__all__ = ["Entry", "ReportEntry", "Repository"]

R = TypeVar("R", bound=Record)


class Entry(NamedTuple, Generic[R]):
    """A record and its source (tuples: the load cache pickles tens of thousands of them)."""

    record: R
    source: Source


class ReportEntry(NamedTuple):
    meta: ReportMeta
    body: str
    source: Source


@dataclass(frozen=True)
class Repository:
    root: FsPath
    campaign: Campaign | None
    campaign_source: Source
    records: dict[str, list[Entry[Record]]]
    reports: list[ReportEntry]
    files: tuple[str, ...]
    unreadable_kinds: frozenset[str]
    locator: Locator = field(compare=False, repr=False)
    invalid_ids: dict[str, frozenset[str]] = field(default_factory=dict)
    """Ids of records that exist but failed validation: references to them are not dangling."""
    empty_files: frozenset[str] = frozenset()
    """Record files that hold no record (``[]``): in problems/, "filed, nothing found"."""
    summaries: dict[str, tuple[str, FileSummary]] = field(default_factory=dict)
    """File → (kind, summary) for every file read, in load order (:mod:`dytool.engine.summary`)."""

    def entries(self, kind: str) -> list[Entry[Record]]:
        return self.records.get(kind, [])

    def all_entries(self) -> Iterator[tuple[str, Entry[Record]]]:
        for kind, entries in self.records.items():
            for entry in entries:
                yield kind, entry
