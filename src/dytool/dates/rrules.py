"""The days of a raw iCalendar rule (``RRULE:FREQ=MONTHLY;BYMONTHDAY=15,-1``) inside a period.

``dateutil.rrule`` reads the rule (its defaults included: ``FREQ=MONTHLY`` alone recurs on the
start day's day of the month), but its iterator looks for the next occurrence until the year
9999 when there is none (``FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30``), which took half a minute on
every ``check``.  So the days are found here, by walking the period's days once: the time is
proportional to the period, whatever the rule.  The filters are dateutil's (RFC 5545):
``BYMONTH``, ``BYMONTHDAY`` (negative counts from the month's end), ``BYDAY`` (with an ordinal
for ``MONTHLY`` and ``YEARLY``), ``BYYEARDAY``, ``BYSETPOS``, ``INTERVAL``, ``COUNT``,
``UNTIL`` and ``WKST``.  ``BYWEEKNO`` and ``BYEASTER`` are refused; times of day are ignored
(an obligation is due on a day).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import Any, Final

__all__ = ["RuleProblem", "rule_days"]

_YEARLY, _MONTHLY, _WEEKLY, _DAILY = 0, 1, 2, 3
_ONE: Final = timedelta(days=1)
MAX_SPAN_DAYS: Final = 200 * 366
"""Days walked at most (from the rule's start when it counts occurrences, else from the period's)."""


class RuleProblem(ValueError):
    """The rule cannot be used: why, in Chinese and in English (dateutil's own words are kept
    for English only; Chinese output carries no library English)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en


def _parse(rule: str, start: date) -> Any:
    from dateutil.rrule import rrulestr  # lazy: only raw rules need it

    try:
        has_start = "DTSTART" in rule.upper()
        parsed: Any = rrulestr(rule) if has_start else rrulestr(rule, dtstart=datetime.combine(start, time()))
    except (ValueError, TypeError, OverflowError) as err:
        raise RuleProblem("RRULE 写法无法识别（检查 FREQ、BYMONTH、BYMONTHDAY 等各项的取值）", str(err)) from None
    if not hasattr(parsed, "_freq"):
        raise RuleProblem("只能写一条 RRULE", "one RRULE only")
    if parsed._freq not in (_YEARLY, _MONTHLY, _WEEKLY, _DAILY):
        raise RuleProblem("FREQ 须为 YEARLY、MONTHLY、WEEKLY 或 DAILY", "FREQ must be YEARLY, MONTHLY, WEEKLY or DAILY")
    if parsed._byweekno or parsed._byeaster:
        raise RuleProblem("不支持 BYWEEKNO 和 BYEASTER", "BYWEEKNO and BYEASTER are not supported")
    return parsed


def _groups(freq: int, first: date, last: date, dtstart: date, wkst: int) -> Iterator[list[date]]:
    """The frequency's periods (years, months, weeks, days) from the one holding ``first`` to
    the one holding ``last``, each as its list of days (a rule's first week starts at its start)."""
    if freq == _DAILY:
        d = first
        while d <= last:
            yield [d]
            d += _ONE
        return
    if freq == _WEEKLY:
        week = first - timedelta(days=(first.weekday() - wkst) % 7)
        while week <= last:
            days = [week + timedelta(days=i) for i in range(7)]
            yield [d for d in days if d >= dtstart] if week <= dtstart < week + timedelta(days=7) else days
            week += timedelta(days=7)
        return
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        if freq == _MONTHLY:
            yield [date(y, m, d) for d in range(1, calendar.monthrange(y, m)[1] + 1)]
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        else:
            length = 366 if calendar.isleap(y) else 365
            yield [date(y, 1, 1) + timedelta(days=i) for i in range(length)]
            y, m = y + 1, 1


def _in_step(freq: int, interval: int, d: date, dtstart: date, wkst: int) -> bool:
    if interval == 1:
        return True
    if freq == _DAILY:
        index = (d - dtstart).days
    elif freq == _WEEKLY:
        week0 = dtstart - timedelta(days=(dtstart.weekday() - wkst) % 7)
        index = (d - week0).days // 7
    elif freq == _MONTHLY:
        index = (d.year * 12 + d.month) - (dtstart.year * 12 + dtstart.month)
    else:
        index = d.year - dtstart.year
    return index % interval == 0


def _nth_weekdays(r: Any, days: list[date]) -> set[date]:
    """Days picked by ordinal weekdays (``BYDAY=-1FR``) in a ``MONTHLY`` or ``YEARLY`` period."""
    ranges: list[list[date]] = []
    if r._freq == _MONTHLY:
        ranges = [days]
    elif r._freq == _YEARLY:
        ranges = [[d for d in days if d.month == m] for m in r._bymonth] if r._bymonth else [days]
    picked: set[date] = set()
    for span in ranges:
        for weekday, n in r._bynweekday:
            same = [d for d in span if d.weekday() == weekday]
            if -len(same) <= (n - 1 if n > 0 else n) < len(same):
                picked.add(same[n - 1 if n > 0 else n])
    return picked


def _matches(r: Any, d: date, nth: set[date] | None) -> bool:
    if r._bymonth and d.month not in r._bymonth:
        return False
    if r._byweekday and d.weekday() not in r._byweekday:
        return False
    if nth is not None and d not in nth:
        return False
    if r._bymonthday or r._bynmonthday:
        month_len = calendar.monthrange(d.year, d.month)[1]
        if d.day not in r._bymonthday and d.day - month_len - 1 not in r._bynmonthday:
            return False
    if r._byyearday:
        year_len = 366 if calendar.isleap(d.year) else 365
        day = d.timetuple().tm_yday
        if day not in r._byyearday and day - year_len - 1 not in r._byyearday:
            return False
    return True


def rule_days(rule: str, first: date, last: date) -> list[date]:
    """The days of ``rule`` from ``first`` to ``last`` (both inclusive), in order; the rule
    starts at ``first`` unless it names its own ``DTSTART``.  Raises :class:`RuleProblem`."""
    r = _parse(rule, first)
    dtstart = r._dtstart.date()
    until = r._until.date() if r._until is not None else None
    count = r._count
    walk_from = dtstart if count is not None else max(dtstart, first)
    if (last - walk_from).days > MAX_SPAN_DAYS:
        raise RuleProblem("规则的开始日期早于活动期间太久", "the rule starts too long before the period")
    freq, interval, wkst = r._freq, r._interval, r._wkst
    out: list[date] = []
    seen = 0
    for days in _groups(freq, walk_from, last, dtstart, wkst):
        if not days or not _in_step(freq, interval, days[-1], dtstart, wkst):
            continue
        nth = _nth_weekdays(r, days) if r._bynweekday and freq in (_MONTHLY, _YEARLY) else None
        chosen = [d for d in days if _matches(r, d, nth)]
        if r._bysetpos:
            picked = {chosen[p - 1 if p > 0 else p] for p in r._bysetpos if -len(chosen) <= (p - 1 if p > 0 else p) < len(chosen)}
            chosen = sorted(picked)
        for d in chosen:
            if d < dtstart:
                continue
            if (until is not None and d > until) or d > last:
                return out
            if count is not None:
                if seen >= count:
                    return out
                seen += 1
            if d >= first:
                out.append(d)
    return out
