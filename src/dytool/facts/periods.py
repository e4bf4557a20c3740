"""Months, quarters and years of the campaign, for rules counted per person and period
(``visits_per_period``: 每季度开展一次走访调研活动).

A period is judged once it is over, or once the campaign is (a year that the campaign ends in
the middle of is judged on what the campaign held).  With ``stage`` or ``during`` only the
periods that touch those spans are judged.
"""

from __future__ import annotations

import datetime as dt
import re

from dytool.dates import Span, add_days
from dytool.facts.stages import rule_spans
from dytool.models import Campaign
from dytool.models.campaign import PeriodRule
from dytool.models.enums import Per

__all__ = ["period_key", "period_label", "period_span", "rule_periods"]

_QUARTERS = "一二三四"


def period_key(per: Per, day: dt.date) -> str:
    """``2023-06`` (month), ``2023-Q2`` (quarter) or ``2023`` (year) of a day."""
    if per is Per.month:
        return f"{day.year}-{day.month:02d}"
    if per is Per.quarter:
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return str(day.year)


def period_span(key: str) -> Span:
    year = int(key[:4])
    if len(key) == 4:
        return Span(dt.date(year, 1, 1), dt.date(year, 12, 31))
    if key[5] == "Q":
        q = int(key[6])
        last_month = q * 3
        end = dt.date(year + (last_month == 12), last_month % 12 + 1, 1) - dt.timedelta(days=1) if year < dt.MAXYEAR or q < 4 else dt.date.max
        return Span(dt.date(year, last_month - 2, 1), end)
    month = int(key[5:7])
    end = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1) if (year, month) != (dt.MAXYEAR, 12) else dt.date.max
    return Span(dt.date(year, month, 1), end)


_KEY = re.compile(r"(\d{4})(?:-(?:Q([1-4])|H([12])|W(\d{2})|(\d{2})(?:-(\d{2}))?))?")


def period_label(key: str) -> str:
    """An occurrence's key in Chinese: ``2023-Q2`` → 2023年第二季度, ``2023-06`` → 2023年6月,
    ``2023`` → 2023年, ``2023-H2`` → 2023年下半年, ``2023-W27`` → 2023年第27周, a day → 2023年7月15日."""
    m = _KEY.fullmatch(key)
    if m is None:
        return key
    year, quarter, half, week, month, day = m.groups()
    if quarter:
        return f"{year}年第{_QUARTERS[int(quarter) - 1]}季度"
    if half:
        return f"{year}年{'上' if half == '1' else '下'}半年"
    if week:
        return f"{year}年第{int(week)}周"
    if month and day:
        return f"{year}年{int(month)}月{int(day)}日"
    if month:
        return f"{year}年{int(month)}月"
    return f"{year}年"


def rule_periods(campaign: Campaign, rule: PeriodRule, period: Span, as_of: dt.date) -> list[str]:
    """The periods the rule is judged for by the as-of day, in order."""
    spans = rule_spans(campaign, rule.stage, Span(rule.during.first, rule.during.last) if rule.during else None)
    keys: list[str] = []
    day = period.first
    while day <= period.last:
        key = period_key(rule.per, day)
        span = period_span(key)
        inside = Span(max(span.first, period.first), min(span.last, period.last))
        touches = spans is None or any(s.first <= inside.last and inside.first <= s.last for s in spans)
        if touches and inside.last < as_of:
            keys.append(key)
        if span.last >= period.last or span.last == dt.date.max:
            break
        day = add_days(span.last, 1)
    return keys
