"""The checks a load runs, handed to the engine by the layer above: the engine never imports them.

Three kinds, by what they read.  *Text* checks read a file's decoded text (personal data in
free text, comments included).  *Local* checks read one file's valid records and the campaign.
Both run where the file is loaded, and their findings are cached with it, so a suite's
:attr:`Suite.identity` is part of every cache key.  *Cross-file* checks read the whole
repository and the as-of day, and each declares what it reads (:class:`Cross`): fields of the
files' summaries, and whole parts of the repository (:data:`WHOLE`).  After an edit, a cross-file
check runs again only when something it declared changed, or when one of its findings lies in
(or names) an edited file; tests/architecture/test_check_reads.py runs every check against a
repository that records what is read and fails on anything undeclared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dytool.core.findings import Finding
from dytool.engine.summary import FileSummary

if TYPE_CHECKING:
    from dytool.engine.index import RepoIndex
    from dytool.engine.repository import Repository
    from dytool.models import Campaign, StrictModel
    from dytool.source.locate import Locator, Source

__all__ = ["INDEX_READS", "WHOLE", "Cross", "CrossCheck", "LocalCheck", "Suite", "TextCheck"]

TextCheck = Callable[[str, str, int, "Locator | None"], Iterable[Finding]]
"""(text, file, line offset of the text in the file, a locator when the text is YAML) → findings."""
LocalCheck = Callable[["Sequence[tuple[StrictModel, Source]]", FileSummary, "Campaign | None", "Locator"], Iterable[Finding]]
CrossCheck = Callable[["Repository", "RepoIndex", dt.date], Iterable[Finding]]

WHOLE = frozenset({"campaign", "people", "units", "topics", "reports", "paths", "invalid", "unreadable", "empty"})
"""What a cross-file check may read besides summary fields: campaign.yaml, the small kinds whole,
the reports, the files that records name (``paths``), and the load's flags: ids of records that
failed validation (``invalid``), kinds with an unreadable file, record files that hold nothing."""

INDEX_READS = {
    "ids": "ids", "campaign_ids": "campaign", "visit_days_by_topic": "visit_topics", "problems_by_topic": "problem_topics",
    "instituted": "instituted", "solved": "solved", "solutions_by_problem": "solutions", "institutions_by_problem": "institutions",
    "reports_by_file": "reports", "reports_by_topic": "reports",
}
"""What reading each part of the shared index (:class:`dytool.engine.index.RepoIndex`) means."""


@dataclass(frozen=True)
class Cross:
    """A cross-file check and what it reads."""

    run: CrossCheck
    reads: frozenset[str]

    def __post_init__(self) -> None:
        unknown = self.reads - WHOLE - set(FileSummary._fields)
        if unknown:
            raise ValueError(f"{self.name} declares reads it cannot have: {sorted(unknown)}")

    @property
    def name(self) -> str:
        return f"{self.run.__module__}.{self.run.__qualname__}"


@dataclass(frozen=True)
class Suite:
    text: tuple[TextCheck, ...] = ()
    local: tuple[LocalCheck, ...] = ()
    cross: tuple[Cross, ...] = ()

    @property
    def identity(self) -> str:
        """Names the checks, for cache keys: results made by another suite are never reused."""
        named = [f"{check.__module__}.{check.__qualname__}" for check in (*self.text, *self.local)]
        return ",".join([*named, *(f"{c.name}{sorted(c.reads)}" for c in self.cross)])

    @property
    def summary_reads(self) -> frozenset[str]:
        """The summary fields any cross-file check reads: what a file's keys digest."""
        return frozenset(field for check in self.cross for field in check.reads if field not in WHOLE)

    def run_text(self, text: str, file: str, line_offset: int, locator: Locator | None) -> list[Finding]:
        return [finding for check in self.text for finding in check(text, file, line_offset, locator)]

    def run_local(self, records: Sequence[tuple[StrictModel, Source]], summary: FileSummary, campaign: Campaign | None,
                  locator: Locator) -> list[Finding]:
        return [finding for check in self.local for finding in check(records, summary, campaign, locator)]

    def run_cross(self, view: Repository, as_of: dt.date) -> list[Finding]:
        return [finding for found in self.run_each(view, as_of).values() for finding in found]

    def run_each(self, view: Repository, as_of: dt.date, only: set[str] | None = None) -> dict[str, tuple[Finding, ...]]:
        """The findings of each cross-file check by name (of those in ``only``, when given)."""
        from dytool.engine.index import build_index

        index = build_index(view)
        return {check.name: tuple(check.run(view, index, as_of)) for check in self.cross if only is None or check.name in only}
