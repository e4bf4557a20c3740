"""The three lists (问题清单, 问题解决清单, 制度清单) on the as-of day, and what has gone stale.

Definitions (docs/status.md): a problem counts once it is found (``found_on`` ≤ as-of day, or
undated); it is closed when ``closed_on`` ≤ as-of day, on time when that is no later than
``due``; open problems handled as ``escalated`` or ``long_term`` are listed but never overdue.
销号率 = closed ÷ found; 按时销号率 = closed on time ÷ (closed + overdue).
"""

from __future__ import annotations

import datetime as dt

from dytool.engine.summary import ProblemRow
from dytool.facts.deadlines import deadline_day
from dytool.facts.duedays import overdue_items
from dytool.facts.records import Facts
from dytool.models import When
from dytool.models.enums import Handling, InstitutionStatus
from dytool.status.model import Lists, OverdueItem, ProblemCounts, StaleItem

__all__ = ["LedgerRow", "ledger_lists", "problem_state"]


def _on(when: When | None, as_of: dt.date) -> bool:
    return when is not None and when.first <= as_of


class LedgerRow:
    """One problem as of a day: found, closed (on time or late), overdue, escalated, long-term."""

    __slots__ = ("closed", "escalated", "found", "long_term", "on_time", "overdue", "problem")

    def __init__(self, problem: ProblemRow, as_of: dt.date) -> None:
        self.problem = problem
        self.found = problem.found_on is None or problem.found_on.first <= as_of
        self.closed = _on(problem.closed_on, as_of)
        due = deadline_day(problem.due)
        closed_day = problem.closed_on.first if problem.closed_on is not None else None
        self.on_time = self.closed and (due is None or (closed_day is not None and closed_day <= due))
        special = problem.handling in (Handling.escalated, Handling.long_term)
        self.escalated = not self.closed and problem.handling is Handling.escalated
        self.long_term = not self.closed and problem.handling is Handling.long_term
        self.overdue = self.found and not self.closed and not special and due is not None and due < as_of


def problem_state(problems: list[ProblemRow], as_of: dt.date) -> list[LedgerRow]:
    return [row for p in problems if (row := LedgerRow(p, as_of)).found]


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def counts(rows: list[LedgerRow]) -> ProblemCounts:
    closed = sum(r.closed for r in rows)
    on_time = sum(r.on_time for r in rows)
    overdue = sum(r.overdue for r in rows)
    return ProblemCounts(
        found=len(rows), closed=closed, closed_on_time=on_time, closed_late=closed - on_time,
        open=len(rows) - closed, overdue=overdue,
        escalated=sum(r.escalated for r in rows), long_term=sum(r.long_term for r in rows),
        closure_rate=_rate(closed, len(rows)), on_time_rate=_rate(on_time, closed + overdue),
    )


def ledger_lists(facts: Facts, as_of: dt.date, *, unit: str | None = None) -> Lists:
    problems = [p for p in facts.problems if unit is None or p.owner_unit == unit]
    rows = problem_state(problems, as_of)
    solutions = [s for s in facts.solutions if unit is None or s.owner_unit == unit]
    institutions_in = [i for i in facts.institutions if unit is None or i.drafting_unit == unit]
    overdue = [OverdueItem(item.id, item.title, item.owner, facts.name_of(item.owner), item.due, item.days_overdue, item.kind)
               for item in overdue_items([r.problem for r in rows], solutions, institutions_in, as_of,
                                         soon=facts.campaign.due_soon_days)]
    overdue.sort(key=lambda o: (_KIND_ORDER[o.kind], -o.days_overdue, o.id))
    done = sum(_on(s.done_on, as_of) for s in solutions)
    late = sum(1 for o in overdue if o.kind == "solution")
    institutions = {status.value: 0 for status in InstitutionStatus}
    for inst in institutions_in:
        if _on(inst.issued_on, as_of):
            institutions["issued"] += 1
        elif inst.status in (InstitutionStatus.drafting, InstitutionStatus.reviewing):
            institutions[inst.status.value] += 1
        elif inst.status is InstitutionStatus.issued or inst.issued_on is not None:
            institutions["reviewing"] += 1  # issued after the as-of day: still under review then
        else:
            institutions["drafting"] += 1
    return Lists(counts(rows), tuple(overdue), done, len(solutions), late, institutions, stale_items(facts, rows, as_of),
                 sum(1 for o in overdue if o.kind == "institution"))


_KIND_ORDER = {"problem": 0, "solution": 1, "institution": 2}


def stale_items(facts: Facts, rows: list[LedgerRow], as_of: dt.date) -> tuple[StaleItem, ...]:
    """Open problems with no dated entry (progress, visit) for ``stale_days``."""
    limit = facts.campaign.stale_days
    last_visit: dict[str, dt.date] = {}
    for visit in facts.visits:
        if visit.first_day <= as_of:
            for pid in visit.problems:
                last_visit[pid] = max(last_visit.get(pid, visit.first_day), visit.first_day)
    out = []
    for row in rows:
        if row.closed:
            continue
        problem = row.problem
        days = [day for day in (problem.found_on.first if problem.found_on else None, *problem.progress_days) if day is not None and day <= as_of]
        if problem.id in last_visit:
            days.append(last_visit[problem.id])
        last = max(days) if days else None
        if last is not None and (as_of - last).days > limit:
            out.append(StaleItem("problem", problem.id, problem.title, last, (as_of - last).days))
    return tuple(sorted(out, key=lambda s: (-s.days, s.id)))
