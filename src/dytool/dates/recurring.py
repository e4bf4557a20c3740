"""Recurring obligations (常态化要求): rules, their occurrences in a period, submissions.

Rules (:func:`parse_recurring`; text normalised as for date phrases, a trailing action word
such as ``报送`` is ignored):

==========================  ==============================================  ==============
rule                        due day of each occurrence                      key
==========================  ==============================================  ==============
``每月``, ``每月底``         the month's last day                            ``2023-07``
``每月5日前``, ``每月10日``  that day of each month (``31日``: the last day)  ``2023-07``
``每月上旬|中旬|下旬``       the 10th / 20th / last day                      ``2023-07``
``每季度``, ``每季度末``     the quarter's last day                          ``2023-Q3``
``每个季度第1个月20日前``    that day of that month of each quarter          ``2023-Q3``
``每半月``                   the 15th and the month's last day               ``2023-07-15``
``每旬``                     the 10th, 20th and last day                     ``2023-07-10``
``每周``                     Sunday (the ISO week's last day)                ``2023-W27``
``每周五前``                 that weekday                                    ``2023-W27``
``每两周``                   Sunday of every second week, counting the       ``2023-W28``
                             week the period starts in as the first
``每半年``                   June 30 and December 31                         ``2023-H2``
``每年``                     December 31                                     ``2023``
``RRULE:…``                  the rule's days (``dateutil.rrule.rrulestr``,   ``2023-07-05``
                             ``dtstart`` = the period's first day)
==========================  ==============================================  ==============

A key names the calendar month / quarter / ISO week / half / year **in which the occurrence
is due** (so the report due on the 5th of August under ``每月5日前`` is ``2023-08``); any
occurrence may also be named by its ISO due day.  Occurrences are those due inside the period,
and the one whose own month, quarter, half-year, year or week the period ends in (a quarter
that overlaps the period's end is still owed, due on the quarter's last day); each one's
*window* runs from the day after the previous due day (the period's first day for the first
one) to its own due day.

Submissions are ``(period_key, on)`` pairs, which count for the named occurrence whatever
``on`` is (a late July report stays July's), or plain days, which count for the occurrence
whose window contains them.  The earliest submission of an occurrence is its done day.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Final, TypeAlias

from dytool.dates.errors import PhraseError, quote_en, quote_zh
from dytool.dates.normalize import normalize
from dytool.dates.phrases import ACTIONS
from dytool.dates.span import Span, month_last_day, quarter_of

__all__ = [
    "Frequency",
    "Occurrence",
    "Recurrence",
    "Submission",
    "current_occurrence",
    "match_submissions",
    "occurrences",
    "parse_recurring",
    "unmatched_submissions",
]

_ONE = timedelta(days=1)
_MAX_OCCURRENCES: Final = 5000
_MAX_RULE: Final = 200
_EXAMPLES: Final = ("每月5日前", "每季度末")


class Frequency(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_MONTHLY = "half_monthly"
    DEKADAL = "dekadal"
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"
    RRULE = "rrule"


@dataclass(frozen=True, slots=True)
class Recurrence:
    """A parsed recurring rule.

    ``day``: day of the month (None: the last day); ``month_in_quarter``: 1–3 (None: the
    quarter's last month); ``weekday``: 0 = Monday … 6 = Sunday; ``rule``: raw iCalendar text.
    """

    text: str
    frequency: Frequency
    day: int | None = None
    month_in_quarter: int | None = None
    weekday: int | None = None
    rule: str | None = None


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One occurrence: its key, its window (previous due exclusive, own due inclusive), due."""

    key: str
    window: Span
    due: date


Submission: TypeAlias = date | tuple[str | date, date]

_W: Final = r"(?:个)?"
_END: Final = rf"(?:前)?{ACTIONS}?"
_WEEKDAYS: Final = {"1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6, "日": 6, "天": 6}
_DEKADS: Final = {"上旬": 10, "中旬": 20, "下旬": None}
_PATTERNS: Final = [
    (re.compile(rf"每{_W}月底?{_END}"), Frequency.MONTHLY),
    (re.compile(rf"每{_W}月(?P<day>\d{{1,2}})日{_END}"), Frequency.MONTHLY),
    (re.compile(rf"每{_W}月(?P<dekad>上旬|中旬|下旬){_END}"), Frequency.MONTHLY),
    (re.compile(rf"每{_W}季度?底?{_END}"), Frequency.QUARTERLY),
    (
        re.compile(rf"每{_W}季度?(?:第(?P<miq>[1-3]){_W}月|(?P<first>首)月)(?P<day>\d{{1,2}})日{_END}"),
        Frequency.QUARTERLY,
    ),
    (re.compile(rf"每{_W}半{_W}月{_END}"), Frequency.HALF_MONTHLY),
    (re.compile(rf"每旬{_END}"), Frequency.DEKADAL),
    (re.compile(rf"每{_W}周(?P<wd>[1-7日天])?{_END}"), Frequency.WEEKLY),
    (re.compile(rf"每2{_W}周(?P<wd>[1-7日天])?{_END}"), Frequency.BIWEEKLY),
    (re.compile(rf"每{_W}半年{_END}"), Frequency.HALF_YEARLY),
    (re.compile(rf"每年底?{_END}"), Frequency.YEARLY),
]
_SLOW_FREQ_RE: Final = re.compile(r"FREQ=(YEARLY|MONTHLY|WEEKLY|DAILY)\b")


def _unreadable(text: str, why_zh: str = "", why_en: str = "") -> PhraseError:
    return PhraseError(
        "unreadable",
        text,
        f"无法识别周期性要求{quote_zh(text)}" + (f"：{why_zh}" if why_zh else ""),
        f"cannot read the recurring rule {quote_en(text)}" + (f": {why_en}" if why_en else ""),
        _EXAMPLES,
    )


@lru_cache(maxsize=1024)
def parse_recurring(text: str) -> Recurrence:
    """Read a recurring rule; raises :class:`PhraseError` ``unreadable`` quoting ``text``."""
    if len(text) > _MAX_RULE:
        raise _unreadable(text[:_MAX_RULE], f"周期性要求不超过{_MAX_RULE}个字", f"a recurring rule has at most {_MAX_RULE} characters")
    raw = unicodedata.normalize("NFKC", text).strip()
    upper = raw.upper()
    if upper.startswith(("RRULE:", "DTSTART", "FREQ=")):
        rule = raw if not upper.startswith("FREQ=") else f"RRULE:{raw}"
        _rrule_dates(text, rule, Span(date(2023, 1, 1), date(2023, 1, 1)))  # validates
        return Recurrence(text, Frequency.RRULE, rule=rule)
    norm = normalize(text)
    for pattern, frequency in _PATTERNS:
        if not (m := pattern.fullmatch(norm)):
            continue
        groups = m.groupdict()
        day = int(groups["day"]) if groups.get("day") else None
        if "dekad" in groups:
            day = _DEKADS[groups["dekad"]]
        if day is not None and not 1 <= day <= 31:
            raise _unreadable(text, f"没有{day}日", f"there is no day {day}")
        miq = int(groups["miq"]) if groups.get("miq") else 1 if groups.get("first") else None
        wd = groups.get("wd")
        weekday = _WEEKDAYS[wd] if wd else None
        return Recurrence(text, frequency, day, miq, weekday)
    raise _unreadable(text)


def _rrule_dates(text: str, rule: str, period: Span) -> list[date]:
    from dytool.dates.rrules import RuleProblem, rule_days

    if not _SLOW_FREQ_RE.search(rule.upper()):
        raise _unreadable(
            text,
            "FREQ 须为 YEARLY、MONTHLY、WEEKLY 或 DAILY",
            "FREQ must be YEARLY/MONTHLY/WEEKLY/DAILY",
        )
    try:
        days = rule_days(rule, period.first, period.last)
    except RuleProblem as err:
        raise _unreadable(text, err.zh, err.en) from None
    return days[:_MAX_OCCURRENCES]


def _months(period: Span) -> Iterator[tuple[int, int]]:
    y, m = period.first.year, period.first.month
    while (y, m) <= (period.last.year, period.last.month):
        yield y, m
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def _day_of(y: int, m: int, day: int | None) -> date:
    last = month_last_day(y, m)
    return date(y, m, last if day is None else min(day, last))


def _due_days(rec: Recurrence, period: Span) -> Iterator[date]:
    f = rec.frequency
    if f is Frequency.RRULE:
        yield from _rrule_dates(rec.text, rec.rule or "", period)
    elif f in (Frequency.WEEKLY, Frequency.BIWEEKLY):
        weekday = 6 if rec.weekday is None else rec.weekday
        d = period.first + timedelta(days=(weekday - period.first.weekday()) % 7)
        if f is Frequency.BIWEEKLY:  # the second week counted from the period's first week
            monday = period.first - timedelta(days=period.first.weekday())
            d = monday + timedelta(days=7 + weekday)
        step = timedelta(days=7 if f is Frequency.WEEKLY else 14)
        while d <= period.last:
            yield d
            d += step
    else:
        for y, m in _months(period):
            if f is Frequency.MONTHLY:
                yield _day_of(y, m, rec.day)
            elif f is Frequency.HALF_MONTHLY:
                yield from (date(y, m, 15), _day_of(y, m, None))
            elif f is Frequency.DEKADAL:
                yield from (date(y, m, 10), date(y, m, 20), _day_of(y, m, None))
            elif f is Frequency.QUARTERLY:
                if (m - 1) % 3 + 1 == (rec.month_in_quarter or 3):
                    yield _day_of(y, m, rec.day)
            elif (f is Frequency.HALF_YEARLY and m in (6, 12)) or (f is Frequency.YEARLY and m == 12):
                yield _day_of(y, m, None)


def _key(rec: Recurrence, due: date) -> str:
    f = rec.frequency
    if f is Frequency.MONTHLY:
        return f"{due.year}-{due.month:02d}"
    if f is Frequency.QUARTERLY:
        return f"{due.year}-Q{quarter_of(due)}"
    if f in (Frequency.WEEKLY, Frequency.BIWEEKLY):
        iso = due.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    if f is Frequency.HALF_YEARLY:
        return f"{due.year}-H{1 if due.month <= 6 else 2}"
    if f is Frequency.YEARLY:
        return str(due.year)
    return due.isoformat()


_DAY_KEYED: Final = frozenset({Frequency.RRULE, Frequency.HALF_MONTHLY, Frequency.DEKADAL})


def _beyond(day: date) -> date:
    """A year and a month after ``day``: far enough to find the occurrence the period's end
    falls in (a quarter, a half-year), never past the last representable day."""
    try:
        return day + timedelta(days=400)
    except OverflowError:
        return date.max


def occurrences(rec: Recurrence | str, period: Span) -> list[Occurrence]:
    """The occurrences of ``rec`` due inside ``period``, in order, with their windows, and the
    one whose own month, quarter, half-year, year or week the period ends in (the third
    quarter of a campaign that ends on August 31 is still owed, due on September 30)."""
    if isinstance(rec, str):
        rec = parse_recurring(rec)
    out: list[Occurrence] = []
    window_start = period.first
    for due in _due_days(rec, Span(period.first, _beyond(period.last))):
        if window_start > period.last:
            break
        if due < period.first or due < window_start:
            continue
        if due > period.last and (rec.frequency in _DAY_KEYED or _key(rec, due) != _key(rec, period.last)):
            break  # due in a month (quarter, week …) the period does not reach
        out.append(Occurrence(_key(rec, due), Span(window_start, due), due))
        if due == date.max:
            break
        window_start = due + _ONE
    return out


_KEY_RE: Final = re.compile(r"(\d{4})-(W|Q|H)?(\d{1,2})")


_CN_KEYS: Final = (
    (re.compile(r"(\d{4})年第?(\d)季度?"), "Q"),
    (re.compile(r"(\d{4})年(上|下)半年"), "H"),
    (re.compile(r"(\d{4})年第?(\d{1,2})周"), "W"),
    (re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日"), "D"),
    (re.compile(r"(\d{4})年(\d{1,2})月(?:份)?"), "M"),
)


def _chinese_key(text: str) -> str | None:
    for pattern, kind in _CN_KEYS:
        if m := pattern.fullmatch(text):
            year, *rest = m.groups()
            if kind == "Q":
                return f"{year}-Q{rest[0]}"
            if kind == "H":
                return f"{year}-H{1 if rest[0] == '上' else 2}"
            if kind == "W":
                return f"{year}-W{int(rest[0]):02d}"
            if kind == "D":
                return f"{year}-{int(rest[0]):02d}-{int(rest[1]):02d}"
            return f"{year}-{int(rest[0]):02d}"
    return None


def _normal_key(key: str | date) -> str:
    """An occurrence's name as the submission writes it: ``2023-07``, ``2023-Q3``, or in
    Chinese, ``2023年7月``, ``2023年第三季度``, ``2023年上半年``."""
    if isinstance(key, date):
        return (key.date() if isinstance(key, datetime) else key).isoformat()
    k = unicodedata.normalize("NFKC", key).strip().upper()
    if "年" in k:
        k = _chinese_key(normalize(k)) or k
    if m := _KEY_RE.fullmatch(k):
        unit = m[2] or ""
        return k if unit in ("Q", "H") else f"{m[1]}-{unit}{int(m[3]):02d}"
    return k


def _assign(occs: Sequence[Occurrence], submissions: Iterable[Submission]) -> list[int | None]:
    index: dict[str, int] = {}
    for i, occ in enumerate(occs):
        index.setdefault(occ.key, i)
        index.setdefault(occ.due.isoformat(), i)
    dues = [occ.due for occ in occs]
    result: list[int | None] = []
    for sub in submissions:
        if isinstance(sub, tuple):
            result.append(index.get(_normal_key(sub[0])))
            continue
        day = _on(sub)
        i = bisect_left(dues, day)
        result.append(i if i < len(occs) and occs[i].window.contains(day) else None)
    return result


def _on(sub: Submission) -> date:
    day = sub[1] if isinstance(sub, tuple) else sub
    return day.date() if isinstance(day, datetime) else day


def match_submissions(occs: Sequence[Occurrence], submissions: Iterable[Submission]) -> list[tuple[Occurrence, date | None]]:
    """Each occurrence with the day it was handed in (earliest submission), or None."""
    subs = list(submissions)
    done: list[date | None] = [None] * len(occs)
    for sub, i in zip(subs, _assign(occs, subs), strict=True):
        if i is not None:
            on = _on(sub)
            current = done[i]
            done[i] = on if current is None or on < current else current
    return list(zip(occs, done, strict=True))


def unmatched_submissions(occs: Sequence[Occurrence], submissions: Iterable[Submission]) -> list[int]:
    """Positions of submissions that name no occurrence or fall in no window."""
    return [n for n, i in enumerate(_assign(occs, list(submissions))) if i is None]


def current_occurrence(occs: Sequence[Occurrence], as_of: date) -> Occurrence | None:
    """The occurrence whose window contains ``as_of`` (None before the first or after the last)."""
    i = bisect_left([occ.due for occ in occs], as_of)
    if i < len(occs) and occs[i].window.contains(as_of):
        return occs[i]
    return None
