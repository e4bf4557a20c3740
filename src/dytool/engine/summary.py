"""What one file contributes to the checks that look across files, and to the briefing.

The cross-file checks (duplicate ids, references, a topic's stage, the campaign's rules) and
the briefing need a few facts of each record, not the records: the ids a file defines, the
ids it refers to, the days and people of its visits, a problem's dates and owner.  A
:class:`FileSummary` holds them as plain tuples, made once when the file is loaded and cached
with it.  After one file changes, the checks run over the summaries of all the others instead
of unpickling every record, and ``dytool status`` on 200,000 records reads rows, not records;
a check that needs the records themselves (where exactly is the bad reference?) asks for the
one file's records, and only when its summary shows that something is wrong.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from dytool.models import Institution, Problem, Solution, StrictModel, Topic, Visit, When
from dytool.models.base import ref_values, walk_marked
from dytool.models.enums import Grade, Handling, InstitutionKind, InstitutionStatus, OutcomeKind, Scope, TopicKind
from dytool.source.locate import Source

__all__ = [
    "DONE_FIELDS", "ApprovalRow", "EvaluationRow", "FileSummary", "InstitutionRow", "OutcomeRow", "OutlineRow", "ProblemRow", "RefKey",
    "SolutionRow", "TopicRow", "VisitRow", "field_keys", "summarize", "topic_row",
]

DONE_FIELDS = frozenset(("done_on", "closed_on", "issued_on", "submitted_on", "approved_on", "awarded_on"))
"""Fields that say something was finished (a problem closed, a solution, plan step or milestone
done, an institution issued, an outline handed in or approved, an evaluation awarded): a day
after the as-of day is not finished yet, and ``check`` says so (DY305)."""

RefKey = tuple[tuple[str, ...], bool]
"""A reference field's kinds and whether free text is allowed (:class:`dytool.models.base.Ref`)."""


def place_of(source: Source) -> int:
    """A record's place in its file: its index in the file's list, or -1 for a file that
    holds one record.  A number rather than a :class:`Source`: summaries are read by the
    hundred thousand, and every object they hold costs time to unpickle."""
    return source.path[0] if source.path and isinstance(source.path[0], int) else -1


def source_at(file: str, place: int) -> Source:
    """The inverse of :func:`place_of`."""
    return Source(file) if place < 0 else Source(file, (place,))


class VisitRow(NamedTuple):
    """A visit as the leaders' days, the hosts' burden and the figures see it."""

    id: str
    first_day: dt.date
    last_day: dt.date
    leaders: tuple[str, ...]
    hosts: tuple[str, ...]
    file: str
    place: int
    topics: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    methods: tuple[str, ...] = ()
    """Built-in methods (as :class:`Method`) and the campaign's own words, as written."""
    activity: str | None = None
    classified: bool = False
    meeting: str | None = None
    """The kind of meeting, for research held as a meeting (built-in or the campaign's word)."""

    @property
    def source(self) -> Source:
        return source_at(self.file, self.place)


class OutlineRow(NamedTuple):
    submitted_on: When | None
    approved_on: When | None


class EvaluationRow(NamedTuple):
    grade: Grade | None
    awarded_on: When | None
    score: float | None


class ApprovalRow(NamedTuple):
    by: str
    on: When | None


class OutcomeRow(NamedTuple):
    kind: OutcomeKind | None
    form: str | None
    title: str | None
    on: When | None


class TopicRow(NamedTuple):
    """A topic as the briefing and the figures see it: what its stage, scope and counts need,
    with the attribute names of :class:`dytool.models.Topic` (the plan, questions and prose
    stay in the record)."""

    id: str
    title: str
    theme: str | None
    leader: str | None
    lead_unit: str | None
    units: tuple[str, ...]
    kind: TopicKind | None
    report: tuple[str, ...]
    outline: OutlineRow | None
    evaluation: EvaluationRow | None
    approvals: tuple[ApprovalRow, ...]
    outcomes: tuple[OutcomeRow, ...]
    classification: str | None
    file: str
    place: int

    @property
    def source(self) -> Source:
        return source_at(self.file, self.place)


def topic_row(record: Topic, source: Source) -> TopicRow:
    outline = OutlineRow(record.outline.submitted_on, record.outline.approved_on) if record.outline is not None else None
    evaluation = record.evaluation
    return TopicRow(
        record.id, record.title, record.theme, record.leader, record.lead_unit, tuple(record.units), record.kind, tuple(record.report),
        outline, EvaluationRow(evaluation.grade, evaluation.awarded_on, evaluation.score) if evaluation is not None else None,
        tuple(ApprovalRow(a.by, a.on) for a in record.approvals), tuple(OutcomeRow(o.kind, o.form, o.title, o.on) for o in record.outcomes),
        record.classification, source.file, place_of(source),
    )


class ProblemRow(NamedTuple):
    """A problem as the briefing, the bulletin and the figures see it (问题清单 without its prose)."""

    id: str
    title: str
    found_on: When | None
    due: When | None
    closed_on: When | None
    handling: Handling | None
    owner_unit: str | None
    topic: str | None
    lead_leader: str | None
    scope: Scope | None
    source_kind: str | None
    """The problem's source: a :class:`ProblemSource`, or the campaign's own word."""
    progress_days: tuple[dt.date, ...]
    """The day of each progress entry."""
    classified: bool
    file: str
    place: int

    @property
    def source(self) -> Source:
        return source_at(self.file, self.place)


class SolutionRow(NamedTuple):
    id: str
    title: str
    problems: tuple[str, ...]
    owner_unit: str | None
    due: When | None
    done_on: When | None
    status: str | None
    classified: bool
    file: str
    place: int

    @property
    def source(self) -> Source:
        return source_at(self.file, self.place)


class InstitutionRow(NamedTuple):
    id: str
    title: str
    kind: InstitutionKind
    problems: tuple[str, ...]
    drafting_unit: str | None
    due: When | None
    issued_on: When | None
    status: InstitutionStatus | None
    doc_number: str | None
    classified: bool
    file: str
    place: int

    @property
    def source(self) -> Source:
        return source_at(self.file, self.place)


class FileSummary(NamedTuple):
    file: str = ""
    ids: tuple[str, ...] = ()
    """Each record's id, in file order."""
    places: tuple[int, ...] = ()
    """Where each of ``ids`` is in the file (:func:`place_of`)."""
    refs: tuple[tuple[RefKey, tuple[str, ...]], ...] = ()
    """Every id the file refers to, grouped by what the referring field accepts."""
    latest_done: dt.date | None = None
    """The latest day in a "done" field (:data:`DONE_FIELDS`)."""
    dates: tuple[dt.date, dt.date] | None = None
    """The first and the last day that any date of the file names."""
    visits: tuple[VisitRow, ...] = ()
    visit_topics: tuple[tuple[str, dt.date], ...] = ()
    """(topic, the visit's first day) for each topic a visit names."""
    problem_topics: tuple[tuple[str, str, dt.date | None], ...] = ()
    """(topic, problem, day found) for each problem that names its topic."""
    systemic: tuple[tuple[str, Source], ...] = ()
    """Problems marked 普遍性制度性问题, which an institution should answer."""
    closures: tuple[tuple[str, dt.date], ...] = ()
    """(lead leader, day closed) of each closed problem with a lead leader."""
    solved: tuple[str, ...] = ()
    """Problems that the file's solutions name."""
    instituted: tuple[str, ...] = ()
    """Problems that the file's institutions name."""
    problems: tuple[ProblemRow, ...] = ()
    solutions: tuple[SolutionRow, ...] = ()
    institutions: tuple[InstitutionRow, ...] = ()
    topics: tuple[TopicRow, ...] = ()

    def source_of(self, k: int) -> Source:
        """Where the ``k``-th record of ``ids`` is."""
        return source_at(self.file, self.places[k])


def summarize(records: Sequence[tuple[StrictModel, Source]]) -> FileSummary:
    """The summary of one file's valid records (or of a report's front matter)."""
    ids: list[str] = []
    places: list[int] = []
    refs: dict[RefKey, set[str]] = {}
    latest: dt.date | None = None
    first: dt.date | None = None
    last: dt.date | None = None
    visits: list[VisitRow] = []
    visit_topics: list[tuple[str, dt.date]] = []
    problem_topics: list[tuple[str, str, dt.date | None]] = []
    systemic: list[tuple[str, Source]] = []
    closures: list[tuple[str, dt.date]] = []
    solved: set[str] = set()
    instituted: set[str] = set()
    problems: list[ProblemRow] = []
    solutions: list[SolutionRow] = []
    institutions: list[InstitutionRow] = []
    topics: list[TopicRow] = []
    for record, source in records:
        ident = getattr(record, "id", None)
        if isinstance(ident, str):
            ids.append(ident)
            places.append(place_of(source))
        for value, ref in ref_values(record):
            refs.setdefault((ref.kinds, ref.text_ok), set()).add(value)
        for path, when, _ in walk_marked(record, "date"):
            if not isinstance(when, When):
                continue
            if first is None or when.first < first:
                first = when.first
            if last is None or when.last > last:
                last = when.last
            if path and path[-1] in DONE_FIELDS and (latest is None or when.first > latest):
                latest = when.first
        if isinstance(record, Visit):
            visits.append(VisitRow(record.id, record.first_day, record.last_day, tuple(record.leaders), tuple(record.hosts),
                                   source.file, place_of(source), tuple(record.topics), tuple(record.problems),
                                   tuple(record.methods), record.activity, record.classification is not None, record.meeting))
            visit_topics.extend((topic, record.first_day) for topic in record.topics)
        elif isinstance(record, Problem):
            if record.topic:
                problem_topics.append((record.topic, record.id, record.found_on.first if record.found_on else None))
            if record.scope is Scope.systemic:
                systemic.append((record.id, source))
            if record.lead_leader and record.closed_on is not None:
                closures.append((record.lead_leader, record.closed_on.first))
            problems.append(ProblemRow(
                record.id, record.title, record.found_on, record.due, record.closed_on, record.handling, record.owner_unit,
                record.topic, record.lead_leader, record.scope, record.source, tuple(p.on.first for p in record.progress),
                record.classification is not None, source.file, place_of(source)))
        elif isinstance(record, Solution):
            solved.update(record.problems)
            solutions.append(SolutionRow(record.id, record.title, tuple(record.problems), record.owner_unit, record.due,
                                         record.done_on, record.status, record.classification is not None,
                                         source.file, place_of(source)))
        elif isinstance(record, Institution):
            instituted.update(record.problems)
            institutions.append(InstitutionRow(record.id, record.title, record.kind, tuple(record.problems), record.drafting_unit,
                                               record.due, record.issued_on, record.status, record.doc_number,
                                               record.classification is not None, source.file, place_of(source)))
        elif isinstance(record, Topic):
            topics.append(topic_row(record, source))
    return FileSummary(
        records[0][1].file if records else "", tuple(ids), tuple(places),
        tuple((key, tuple(sorted(values))) for key, values in refs.items()), latest,
        (first, last) if first is not None and last is not None else None, tuple(visits),
        tuple(visit_topics), tuple(problem_topics), tuple(systemic), tuple(closures), tuple(sorted(solved)), tuple(sorted(instituted)),
        tuple(problems), tuple(solutions), tuple(institutions), tuple(topics),
    )


def _canonical(value: object) -> object:
    """``value`` with a set sorted: the same facts give the same text in every process (set
    order follows string hashing, which differs from one process to the next).  A summary's
    fields and rows hold tuples only (:func:`summarize` sorts what it gathers in sets), so
    only the flags' set of invalid ids needs it; walking every row cost a third of a cold
    check's summaries (``tests/test_incremental.py`` checks the keys agree across processes)."""
    if isinstance(value, frozenset | set):
        return tuple(sorted(map(str, value)))
    return value


def field_keys(summary: FileSummary, fields: Iterable[str], invalid_ids: frozenset[str], ok: bool, empty: bool) -> dict[str, int]:
    """A digest of each summary field in ``fields`` and of the load's flags for this file
    (``invalid``, ``unreadable``, ``empty``): two versions of a file with the same digest of a
    field cannot change the findings of a check that reads only that field."""
    values: dict[str, object] = {name: getattr(summary, name) for name in fields}
    values.update(invalid=invalid_ids, unreadable=not ok, empty=empty)
    return {name: int.from_bytes(hashlib.blake2b(repr(_canonical(value)).encode(), digest_size=8).digest()) for name, value in values.items()}
