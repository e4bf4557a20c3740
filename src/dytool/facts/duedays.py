"""The day each problem, solution and institution is due, and its status as of a day.

A deadline written without a year belongs to its record's own time (dates.md, "Which year"):
it falls in the first year whose due day is on or after the record's anchor.  A problem's
anchor is its ``found_on`` (read with the record).  A solution's or institution's anchor is
the earliest day known of it: the ``found_on`` of the problems it answers, else its own
``done_on``/``issued_on``; its problems live in other files, so the due day is placed here,
once the repository is loaded.  Without any anchor the campaign period places it.

Everything that prints or judges a deadline (the briefing, the bulletin, the ledgers, the
exports) reads the resolved ``When`` of the rows and records :func:`anchor_dues` returns, whose
``due`` is the span's last day: the day after which the item is overdue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from dytool.dates import PhraseError, Span, Status, deadline_status, parse_phrase, resolve
from dytool.engine.repository import Repository
from dytool.engine.summary import InstitutionRow, ProblemRow, SolutionRow
from dytool.models import When

__all__ = ["DueItem", "anchor_dues", "anchor_of", "due_days", "is_yearless", "overdue_items", "place", "unplaced"]

R = TypeVar("R", SolutionRow, InstitutionRow)


def is_yearless(when: When | None) -> bool:
    """A date phrase that wrote neither its year nor (for a bare day) its month."""
    if when is None or when.text[:4].isdigit():
        return False
    try:
        phrase = parse_phrase(when.text)
    except PhraseError:
        return False
    return not phrase.is_relative and (phrase.needs_year or phrase.needs_month)


def place(when: When, anchor: dt.date) -> When:
    """``when`` read again against ``anchor`` (unchanged unless it is yearless)."""
    if not is_yearless(when):
        return when
    try:
        r = resolve(when.text, period=None, anchor=anchor)
    except (PhraseError, ValueError, OverflowError):
        return when
    return When(when.text, r.span.first, r.span.last, r.due)


def anchor_of(problems: Iterable[str], found: Mapping[str, dt.date], *own: When | None) -> dt.date | None:
    """The earliest day known of a solution or institution: its problems' ``found_on``, else
    its own dates (never later than what its problems say)."""
    days = [found[p] for p in problems if p in found]
    if not days:
        days = [w.first for w in own if w is not None]
    return min(days) if days else None


def _found(problems: Iterable[ProblemRow]) -> dict[str, dt.date]:
    return {p.id: p.found_on.first for p in problems if p.found_on is not None}


def _placed(rows: Sequence[R], found: Mapping[str, dt.date], done: str) -> list[R]:
    out: list[R] = []
    for row in rows:
        due = row.due
        placed = due
        if due is not None and is_yearless(due):
            anchor = anchor_of(row.problems, found, getattr(row, done))
            if anchor is not None:
                placed = place(due, anchor)
        out.append(row if placed == due else row._replace(due=placed))
    return out


def anchor_dues(problems: Sequence[ProblemRow], solutions: Sequence[SolutionRow],
                institutions: Sequence[InstitutionRow]) -> tuple[list[SolutionRow], list[InstitutionRow]]:
    """The solutions and institutions with their yearless deadlines placed by their anchors."""
    found = _found(problems)
    return _placed(solutions, found, "done_on"), _placed(institutions, found, "issued_on")


def unplaced(when: When | None, anchor: dt.date | None, period: Span) -> bool:
    """A yearless deadline of a record without an anchor that the period cannot place either."""
    if when is None or anchor is not None or not is_yearless(when):
        return False
    try:
        resolve(when.text, period=period)
    except PhraseError:
        return True
    return False


@dataclass(frozen=True, slots=True)
class DueItem:
    """Something overdue as of a day: a problem, solution, institution, milestone or a
    recurring occurrence (of one member, for a group's obligation)."""

    kind: str
    """``problem``, ``solution``, ``institution``, ``milestone`` or ``recurring``."""
    id: str
    title: str
    owner: str | None
    due: dt.date
    days_overdue: int
    period: str | None = None
    """For a recurring obligation: the occurrence missed."""


def _status(due: When | None, done: When | None, as_of: dt.date, soon: int) -> Status | None:
    if due is None:
        return None
    return deadline_status(due.due, done.first if done is not None else None, as_of, soon)


def overdue_items(problems: Iterable[ProblemRow], solutions: Iterable[SolutionRow], institutions: Iterable[InstitutionRow],
                  as_of: dt.date, *, soon: int = 7) -> list[DueItem]:
    """The three lists' items overdue as of the day: a problem found by then, open, not
    escalated or long-term; a solution not done; an institution not issued."""
    from dytool.models.enums import Handling

    out: list[DueItem] = []
    for p in problems:
        if p.found_on is not None and p.found_on.first > as_of:
            continue
        if p.handling in (Handling.escalated, Handling.long_term) and not (p.closed_on is not None and p.closed_on.first <= as_of):
            continue
        if p.due is not None and _status(p.due, p.closed_on, as_of, soon) is Status.OVERDUE:
            out.append(DueItem("problem", p.id, p.title, p.owner_unit, p.due.due, (as_of - p.due.due).days))
    for s in solutions:
        if s.due is not None and _status(s.due, s.done_on, as_of, soon) is Status.OVERDUE:
            out.append(DueItem("solution", s.id, s.title, s.owner_unit, s.due.due, (as_of - s.due.due).days))
    for i in institutions:
        if i.due is not None and _status(i.due, i.issued_on, as_of, soon) is Status.OVERDUE:
            out.append(DueItem("institution", i.id, i.title, i.drafting_unit, i.due.due, (as_of - i.due.due).days))
    return out


def due_days(repo: Repository) -> dict[tuple[str, str], dt.date]:
    """(kind, id) → the day each problem, solution and institution with a deadline is due,
    yearless deadlines placed by their anchors: for exports and anything else that prints it."""
    rows = [summary for _, summary in repo.summaries.values()]
    problems = [p for r in rows for p in r.problems]
    solutions, institutions = anchor_dues(problems, [s for r in rows for s in r.solutions], [i for r in rows for i in r.institutions])
    out: dict[tuple[str, str], dt.date] = {}
    for kind, items in (("problem", problems), ("solution", solutions), ("institution", institutions)):
        for item in items:
            if item.due is not None:
                out.setdefault((kind, item.id), item.due.due)
    return out
