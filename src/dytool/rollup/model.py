"""The combined briefing as plain values: what ``dytool rollup status`` shows, before rendering.

Every text that came from a member is already cleaned (:func:`dytool.rollup.textsafe.clean`):
one line, no control or direction characters, capped.  Renderers escape it for their medium.
Rates are computed here from the member's counts, never taken from its file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dytool.core.findings import Finding
from dytool.rollup.config import MemberKind

__all__ = [
    "Behind", "Counts", "FailedMember", "LeaderShort", "MemberFigures", "OverdueShort", "RankLine", "RollupView", "TopicShort", "rate",
]


def rate(part: int, whole: int) -> float | None:
    """``part ÷ whole`` unrounded (None without a whole): shown as a percentage with one
    decimal, computed from the counts so every output rounds once and agrees with the 通报."""
    return part / whole if whole else None


@dataclass(frozen=True, slots=True)
class Counts:
    """Problem counts (问题清单) of a member or of all members, with the two rates of status.md."""

    found: int = 0
    closed: int = 0
    closed_on_time: int = 0
    closed_late: int = 0
    open: int = 0
    overdue: int = 0

    @property
    def closure_rate(self) -> float | None:
        """销号率 = closed ÷ found."""
        return rate(self.closed, self.found)

    @property
    def on_time_rate(self) -> float | None:
        """按时销号率 = closed on time ÷ (closed + overdue)."""
        return rate(self.closed_on_time, self.closed + self.overdue)

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.found + other.found, self.closed + other.closed, self.closed_on_time + other.closed_on_time,
                      self.closed_late + other.closed_late, self.open + other.open, self.overdue + other.overdue)


@dataclass(frozen=True, slots=True)
class OverdueShort:
    id: str
    title: str
    owner_unit: str | None
    due: dt.date
    days_overdue: int


@dataclass(frozen=True, slots=True)
class LeaderShort:
    name: str
    title: str | None
    days: int
    required: int


@dataclass(frozen=True, slots=True)
class TopicShort:
    id: str
    title: str
    leader: str | None
    stage: str
    expected: str


@dataclass(frozen=True, slots=True)
class Behind:
    """Milestones overdue and recurring submissions missed."""

    milestones: tuple[str, ...]
    submissions: tuple[str, ...]


@dataclass(frozen=True)
class MemberFigures:
    """One combined member: who, as of when, from which state, and its figures."""

    name: str
    kind: MemberKind
    source: str
    campaign_id: str
    campaign_title: str
    as_of: dt.date
    age_days: int
    stale: bool
    commit: str | None
    digest: str
    errors: int
    problems: Counts
    units: tuple[tuple[str, Counts], ...]
    """Problems per owner unit inside the member, in its bulletin's order."""
    solutions_done: int
    solutions_total: int
    institutions_issued: int
    topics_total: int
    topics_behind_total: int
    topics_behind: tuple[TopicShort, ...]
    leaders_month: str | None
    """The month (``YYYY-MM``) the leaders' line is judged on: the member's last complete month."""
    leaders_below: tuple[LeaderShort, ...]
    overdue_total: int
    overdue: tuple[OverdueShort, ...]
    behind: Behind


@dataclass(frozen=True, slots=True)
class RankLine:
    rank: int | None
    """1 for the highest 销号率 (ties share a rank); None for a member with no problem yet."""
    member: MemberFigures
    on_time_rank: int | None = None
    """The rank by 按时销号率 alone; None while nothing had to be closed yet."""


@dataclass(frozen=True, slots=True)
class FailedMember:
    name: str
    kind: MemberKind | None
    """None for an entry of rollup.yaml too wrong to say."""
    source: str
    code: str
    reason_zh: str
    reason_en: str
    where: str


@dataclass(frozen=True)
class RollupView:
    id: str
    title: str
    issuer: str | None
    as_of: dt.date
    stale_days: int
    members: tuple[MemberFigures, ...]
    """Combined members, in the order of rollup.yaml."""
    ranking: tuple[RankLine, ...]
    failed: tuple[FailedMember, ...]
    """Members configured but not combined (unavailable, malformed, another version, invalid)."""
    totals: Counts
    findings: tuple[Finding, ...]

    @property
    def configured(self) -> int:
        return len(self.members) + len(self.failed)
