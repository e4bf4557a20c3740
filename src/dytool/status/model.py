"""The meeting briefing as plain values: what ``dytool status`` computes, before any rendering.

Every renderer (rich text, Markdown, JSON, Word) reads these and nothing else.  Dates are
``datetime.date``; statuses are the machine values of dates.md; lists are in display order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dytool.dates import Status
from dytool.facts.topics import TopicStage
from dytool.facts.visits import BurdenItem

if TYPE_CHECKING:
    from dytool.models import Campaign
    from dytool.status.changes import Changes

__all__ = [
    "BriefCampaign", "Briefing", "BurdenItem", "LeaderLine", "Lists", "MilestoneLine", "NextStage",
    "Occurrence", "OverdueItem", "ProblemCounts", "RecurringLine", "StageLine", "StaleItem",
    "StatusReport", "TopicBehind", "TopicSummary",
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
    due: dt.date | None
    """None for a standing requirement (常态化, status ``ongoing``)."""
    due_text: str
    status: Status
    done_on: dt.date | None
    days_left: int
    days_overdue: int
    owner: str | None
    owner_name: str | None
    done: int | None = None
    """Satisfied items for a milestone with ``requires`` or owed by several members (``n`` of ``n/m``)."""
    total: int | None = None
    missing: tuple[str, ...] = ()
    """Ids of the records or members still missing (topics, leaders, units, people)."""
    non_working_due: bool = False
    workdays_left: int | None = None
    members: tuple[str, ...] = ()
    """For an obligation of several members (各区、各部门): who owes it."""
    missing_names: tuple[str, ...] = ()
    """The names of :attr:`missing`, for people and units."""


@dataclass(frozen=True, slots=True)
class Occurrence:
    period: str
    due: dt.date
    status: Status
    submitted_on: dt.date | None
    by: str | None = None
    """The member this occurrence is owed by, for an obligation of several members."""
    by_name: str | None = None
    days_overdue: int = 0


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
    """Occurrences (member × occurrence for several members) due by the day or handed in."""
    members: tuple[str, ...] = ()
    not_submitted: tuple[str, ...] = ()
    """Members who have not handed in the current occurrence."""
    not_submitted_names: tuple[str, ...] = ()


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
    steps: tuple[str, ...] = ()
    """The steps the campaign's topics go through (``topic_stages``); 选题 is always counted."""


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
    kind: str = "problem"
    """``problem``, ``solution`` or ``institution`` (owner: the drafting unit)."""


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
    institutions_overdue: int = 0

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


@dataclass(frozen=True)
class StatusReport:
    """What ``dytool status`` shows: the briefing, what changed since a revision or day
    (``--since``), and how many errors the repository has (the briefing may miss records)."""

    briefing: Briefing
    campaign: Campaign
    changes: Changes | None = None
    since: str | None = None
    errors: int = 0
