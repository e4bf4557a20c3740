"""The meeting briefing as plain values: what ``dytool status`` computes, before any rendering.

Every renderer (rich text, Markdown, JSON, Word) reads these and nothing else.  Dates are
``datetime.date``; statuses are the machine values of dates.md; lists are in display order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dytool.dates import Status
from dytool.facts.topics import TopicStage
from dytool.facts.visits import BurdenItem

__all__ = [
    "BriefCampaign", "Briefing", "BurdenItem", "LeaderLine", "Lists", "MilestoneLine", "NextStage",
    "Occurrence", "OverdueItem", "ProblemCounts", "RecurringLine", "StageLine", "StaleItem",
    "TopicBehind", "TopicSummary",
]


@dataclass(frozen=True, slots=True)
class BriefCampaign:
    id: str
    title: str
    issuer: str | None
    period_start: dt.date
    period_end: dt.date


@dataclass(frozen=True, slots=True)
class StageLine:
    id: str
    title: str
    start: dt.date
    end: dt.date
    elapsed_days: int
    total_days: int
    days_left: int

    @property
    def progress(self) -> float:
        return round(self.elapsed_days / self.total_days, 4) if self.total_days else 1.0


@dataclass(frozen=True, slots=True)
class NextStage:
    id: str
    title: str
    start: dt.date
    days_until: int


@dataclass(frozen=True, slots=True)
class MilestoneLine:
    id: str
    title: str
    due: dt.date
    due_text: str
    status: Status
    done_on: dt.date | None
    days_left: int
    days_overdue: int
    owner: str | None
    owner_name: str | None
    done: int | None = None
    """Satisfied items for a milestone with ``requires`` (``n`` of ``n/m``)."""
    total: int | None = None
    missing: tuple[str, ...] = ()
    """Ids of the records still missing (topics, leaders, units)."""
    non_working_due: bool = False
    workdays_left: int | None = None


@dataclass(frozen=True, slots=True)
class Occurrence:
    period: str
    due: dt.date
    status: Status
    submitted_on: dt.date | None


@dataclass(frozen=True, slots=True)
class RecurringLine:
    id: str
    title: str
    rule: str
    owner: str | None
    owner_name: str | None
    current: Occurrence | None
    missed: tuple[Occurrence, ...]
    late: tuple[Occurrence, ...]
    met: int
    due_so_far: int


@dataclass(frozen=True, slots=True)
class TopicBehind:
    id: str
    title: str
    leader: str | None
    leader_name: str | None
    stage: TopicStage
    expected: TopicStage
    milestone: str


@dataclass(frozen=True, slots=True)
class TopicSummary:
    total: int
    by_stage: dict[str, int]
    behind: tuple[TopicBehind, ...]


@dataclass(frozen=True, slots=True)
class LeaderLine:
    id: str
    name: str
    title: str | None
    rank: int | None
    topics: int
    visit_days: int
    required_days: int | None
    meets: bool | None
    last_visit: dt.date | None


@dataclass(frozen=True, slots=True)
class ProblemCounts:
    found: int
    closed: int
    closed_on_time: int
    closed_late: int
    open: int
    overdue: int
    escalated: int
    long_term: int
    closure_rate: float | None
    on_time_rate: float | None


@dataclass(frozen=True, slots=True)
class OverdueItem:
    id: str
    title: str
    owner_unit: str | None
    owner_unit_name: str | None
    due: dt.date
    days_overdue: int


@dataclass(frozen=True, slots=True)
class StaleItem:
    kind: str
    id: str
    title: str
    last_activity: dt.date | None
    days: int


@dataclass(frozen=True, slots=True)
class Lists:
    problems: ProblemCounts
    overdue: tuple[OverdueItem, ...]
    solutions_done: int
    solutions_total: int
    solutions_overdue: int
    institutions: dict[str, int]
    stale: tuple[StaleItem, ...]

    @property
    def empty(self) -> bool:
        return not self.problems.found and not self.solutions_total and not any(self.institutions.values())


@dataclass(frozen=True)
class Briefing:
    campaign: BriefCampaign
    as_of: dt.date
    stages: tuple[StageLine, ...]
    next_stage: NextStage | None
    milestones: tuple[MilestoneLine, ...]
    recurring: tuple[RecurringLine, ...]
    topics: TopicSummary
    leaders: tuple[LeaderLine, ...]
    lists: Lists
    burden: tuple[BurdenItem, ...]
    filters: dict[str, str] = field(default_factory=dict)
