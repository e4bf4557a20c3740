"""The repository seen through the lookups the briefing and the documents need, each built once.

The big kinds (visits, problems, solutions, institutions) are the rows of the files'
summaries (:mod:`dytool.engine.summary`), not the records: a briefing of 200,000 records reads
rows, which the cache keeps ready.  Whoever needs the records themselves (a ledger that prints
every column) streams them from the repository, file by file (:meth:`Facts.records`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, Protocol, TypeVar

from dytool.dates import Span, add_days
from dytool.engine.index import RepoIndex, build_index
from dytool.engine.repository import Entry, ReportEntry, Repository
from dytool.engine.summary import InstitutionRow, ProblemRow, SolutionRow, TopicRow, VisitRow
from dytool.facts.duedays import anchor_dues
from dytool.facts.stages import campaign_span
from dytool.facts.topics import TopicFacts, TopicLike, measures_done, report_of, reports_of, steps_of
from dytool.models import Campaign, Institution, Person, Record, Solution, Unit

__all__ = ["Facts", "VisitSpan", "gather", "name_of", "visit_days"]


@dataclass(frozen=True)
class Facts:
    campaign: Campaign
    period: Span
    index: RepoIndex
    people: dict[str, Person]
    units: dict[str, Unit]
    topics: list[TopicRow]
    """Each topic as its summary row (:class:`dytool.engine.summary.TopicRow`); the records themselves
    are ``repo.topics``, for whoever prints what the rows leave out."""
    visits: list[VisitRow]
    problems: list[ProblemRow]
    solutions: list[SolutionRow]
    institutions: list[InstitutionRow]
    topics_by_leader: dict[str, list[TopicRow]]
    problems_by_unit: dict[str, list[ProblemRow]]
    problem_files: frozenset[str]
    """Unit ids whose ``problems/<unit id>.yaml`` holds no record: "filed, nothing found"."""

    repo: Repository
    topic_facts: TopicFacts

    def records(self, kind: str) -> Iterator[Entry[Record]]:
        """The records of one kind in load order, one file at a time (none kept); a solution's
        or institution's yearless deadline placed by its anchor, as in the rows."""
        placed: dict[str, object] = {}
        if kind in ("solution", "institution"):
            placed = {row.id: row.due for row in (self.solutions if kind == "solution" else self.institutions)}
        for rel in self.repo.files_of(kind):
            for record, source in self.repo.records_of(rel):
                shown = record
                if placed and isinstance(record, (Solution, Institution)) and record.due is not None:
                    due = placed.get(record.id)
                    if due is not None and due != record.due:
                        shown = record.model_copy(update={"due": due})
                yield Entry(shown, source)  # type: ignore[arg-type]

    def report_of(self, topic: TopicLike) -> ReportEntry | None:
        return report_of(topic, self.index)

    def reports_of(self, topic: TopicLike) -> list[ReportEntry]:
        return reports_of(topic, self.index)

    def name_of(self, ident: str | None) -> str | None:
        return name_of(ident, self.people, self.units)


def name_of(ident: str | None, people: dict[str, Person], units: dict[str, Unit]) -> str | None:
    """The display name of a person or unit id; free text is its own name."""
    if ident is None:
        return None
    if ident in people:
        return people[ident].name
    if ident in units:
        unit = units[ident]
        return unit.short_name or unit.name
    return ident


T = TypeVar("T")


def _records(repo: Repository, kind: str, cls: type[T]) -> list[T]:
    return [entry.record for entry in repo.entries(kind) if isinstance(entry.record, cls)]


def _rows(repo: Repository, field: str) -> list[Any]:
    return [row for _, summary in repo.summaries.values() for row in getattr(summary, field)]


def gather(repo: Repository, campaign: Campaign, index: RepoIndex | None = None) -> Facts:
    index = index or build_index(repo)
    people = {p.id: p for p in _records(repo, "person", Person)}
    units = {u.id: u for u in _records(repo, "unit", Unit)}
    topics: list[TopicRow] = _rows(repo, "topics")
    problems: list[ProblemRow] = _rows(repo, "problems")
    topics_by_leader: dict[str, list[TopicRow]] = defaultdict(list)
    for topic in topics:
        if topic.leader:
            topics_by_leader[topic.leader].append(topic)
    problems_by_unit: dict[str, list[ProblemRow]] = defaultdict(list)
    for problem in problems:
        if problem.owner_unit:
            problems_by_unit[problem.owner_unit].append(problem)
    problem_files = frozenset(
        PurePosixPath(f).stem for f in repo.empty_files
        if f.startswith("problems/") and f.count("/") == 1
    )
    solutions, institutions = anchor_dues(problems, _rows(repo, "solutions"), _rows(repo, "institutions"))
    solved, instituted = measures_done(solutions, institutions)
    return Facts(
        campaign=campaign,
        period=campaign_span(campaign),
        index=index,
        people=people,
        units=units,
        topics=topics,
        visits=_rows(repo, "visits"),
        problems=problems,
        solutions=solutions,
        institutions=institutions,
        topics_by_leader=dict(topics_by_leader),
        problems_by_unit=dict(problems_by_unit),
        problem_files=problem_files,
        repo=repo,
        topic_facts=TopicFacts(index, solved, instituted, steps_of(campaign)),
    )


class VisitSpan(Protocol):
    """What counting a visit's days needs: a visit or its :class:`dytool.engine.summary.VisitRow`."""

    @property
    def first_day(self) -> dt.date: ...
    @property
    def last_day(self) -> dt.date: ...
    @property
    def leaders(self) -> Sequence[str]: ...


def visit_days(visit: VisitSpan, as_of: dt.date) -> list[dt.date]:
    """The calendar days of a visit up to the as-of day (a visit's days are inclusive)."""
    first = visit.first_day
    last = min(visit.last_day, as_of, add_days(first, 366))  # a typo'd year must not explode
    if last < first:
        return []
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
