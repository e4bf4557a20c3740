"""The campaign's stages as spans of days, and the months a rule with a scope in time covers.

Plans often give a stage only by its end (动员部署阶段 4月中旬前, 检查考核阶段 12月底前): a stage
without ``start`` begins the day after the previous stage (in file order) ends, or on the
period's first day for the first stage.  A rule written into a stage (``stage: implement``)
or given a span (``during: 4月至11月``) is judged only in that span's months.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from dytool.dates import Span, add_days
from dytool.models import Campaign

__all__ = ["MAX_CAMPAIGN_DAYS", "StageSpan", "campaign_span", "months_of", "rule_spans", "stage_spans", "stage_title", "stages_phrase"]

_ONE = dt.timedelta(days=1)
MAX_CAMPAIGN_DAYS = 3660
"""A campaign runs ten years at most; beyond, the period is a typo (9999-12-31), and the
briefing and the checks count only its first ten years (check says so)."""
FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(2100, 12, 31)
"""The years date phrases take; a period reaching beyond them is counted within them."""


def campaign_span(campaign: Campaign) -> Span:
    """The days the campaign's occurrences, months and rules are counted over: its period, in
    order even when written reversed, within 1900–2100 and at most ten years long."""
    start, end = campaign.period.start.first, campaign.period.end.last
    first = min(max(min(start, end), FIRST_DAY), LAST_DAY)
    last = min(max(start, end), LAST_DAY, add_days(first, MAX_CAMPAIGN_DAYS - 1))
    return Span(first, max(first, last))


@dataclass(frozen=True, slots=True)
class StageSpan:
    id: str
    title: str
    first: dt.date
    last: dt.date
    index: int
    """The stage's place in campaign.yaml (where a finding about it points)."""

    @property
    def span(self) -> Span | None:
        return Span(self.first, self.last) if self.first <= self.last else None


def stage_spans(campaign: Campaign) -> list[StageSpan]:
    """Every stage with its first and last day (a stage that ends before it starts keeps its
    days as written: the check reports it)."""
    out: list[StageSpan] = []
    previous_end: dt.date | None = None
    for i, stage in enumerate(campaign.stages):
        if stage.start is not None:
            first = stage.start.first
        elif previous_end is not None:
            first = add_days(previous_end, 1)
        else:
            first = campaign.period.start.first
        last = stage.end.due
        out.append(StageSpan(stage.id, stage.title, first, last, i))
        previous_end = last
    return out


def stage_title(title: str) -> str:
    """A stage's name as a sentence uses it: ``落实推进`` → ``落实推进阶段``, but ``落实推进阶段``
    stays as it is (never ``落实推进阶段阶段``)."""
    text = title.strip()
    return text if text.endswith("阶段") else f"{text}阶段"


def stages_phrase(titles: Sequence[str]) -> str:
    """The current stages in a sentence (处于…): ``调研破题、交流结题阶段``; titles that already
    end in 阶段 keep it (``落实推进阶段``), never ``落实推进阶段阶段``."""
    names = [t.strip() for t in titles if t.strip()]
    if not names:
        return ""
    if any(n.endswith("阶段") for n in names):
        return "、".join(stage_title(n) for n in names)
    return "、".join(names) + "阶段"


def rule_spans(campaign: Campaign, stage: Sequence[str], during: Span | None) -> list[Span] | None:
    """The spans a rule applies in: its stages' spans and its ``during`` span; None when the
    rule has no scope in time (it applies throughout the period)."""
    if not stage and during is None:
        return None
    spans: list[Span] = []
    wanted = set(stage)
    for s in stage_spans(campaign):  # a stage named by its id, or by its title as the plan writes it
        if (s.id in wanted or s.title.strip() in wanted) and s.span is not None:
            spans.append(s.span)
    if during is not None:
        spans.append(during)
    return spans


def months_of(spans: Sequence[Span] | None, period: Span) -> Iterator[tuple[int, int]]:
    """The months (year, month) of the period that a rule's spans touch, in order; every
    month of the period when the rule has no scope in time."""
    y, m = period.first.year, period.first.month
    while (y, m) <= (period.last.year, period.last.month):
        first = dt.date(y, m, 1)
        last = (dt.date(y + (m == 12), m % 12 + 1, 1) - _ONE) if (y, m) != (dt.MAXYEAR, 12) else dt.date.max
        if spans is None or any(s.first <= last and first <= s.last for s in spans):
            yield y, m
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
