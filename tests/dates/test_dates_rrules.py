"""Raw iCalendar rules: the same days as dateutil, in time proportional to the period."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dytool.dates import PhraseError, Span, occurrences, parse_recurring
from dytool.dates.rrules import rule_days

PERIOD = Span(date(2023, 4, 1), date(2024, 3, 31))


def _dateutil_days(rule: str, first: date, last: date) -> list[date]:
    from dateutil.rrule import rrulestr

    parsed = rrulestr(rule, dtstart=datetime.combine(first, datetime.min.time()))
    out: list[date] = []
    for moment in parsed:
        if moment.date() > last:
            break
        if not out or out[-1] != moment.date():
            out.append(moment.date())
    return out


_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


@st.composite
def rules(draw: st.DrawFn) -> str:
    freq = draw(st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]))
    parts = [f"FREQ={freq}"]
    if draw(st.booleans()):
        parts.append(f"INTERVAL={draw(st.integers(1, 4))}")
    if draw(st.booleans()):
        parts.append("BYMONTH=" + ",".join(map(str, sorted(draw(st.sets(st.integers(1, 12), min_size=1, max_size=3))))))
    if draw(st.booleans()):
        days = draw(st.sets(st.integers(-31, 31).filter(bool), min_size=1, max_size=3))
        parts.append("BYMONTHDAY=" + ",".join(map(str, sorted(days))))
    if draw(st.booleans()):
        ordinal = freq in ("MONTHLY", "YEARLY") and draw(st.booleans())
        chosen = draw(st.sets(st.sampled_from(_DAYS), min_size=1, max_size=3))
        parts.append("BYDAY=" + ",".join((f"{draw(st.sampled_from([1, 2, -1]))}{d}" if ordinal else d) for d in sorted(chosen)))
    if draw(st.booleans()):
        parts.append("BYSETPOS=" + ",".join(map(str, sorted(draw(st.sets(st.sampled_from([1, 2, -1]), min_size=1))))))
    if draw(st.booleans()):
        parts.append(f"COUNT={draw(st.integers(1, 30))}")
    if draw(st.booleans()):
        parts.append("WKST=" + draw(st.sampled_from(_DAYS)))
    return "RRULE:" + ";".join(parts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rules(), st.dates(min_value=date(2022, 1, 1), max_value=date(2025, 12, 31)), st.integers(0, 500))
def test_same_days_as_dateutil(rule: str, first: date, length: int) -> None:
    last = first + timedelta(days=length)
    later = rule_days(rule, first, last + timedelta(days=3 * 366))
    # dateutil only stops at a day after the period; compare where it will find one soon
    assume("COUNT=" in rule or any(d > last for d in later))
    assert rule_days(rule, first, last) == _dateutil_days(rule, first, last)


@pytest.mark.parametrize("rule", [
    "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
    "RRULE:FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=4,6,9,11",
    "RRULE:FREQ=YEARLY;BYYEARDAY=366;BYMONTH=1",
])
def test_a_rule_that_never_matches_costs_no_more_than_one_that_does(rule: str) -> None:
    started = time.perf_counter()
    assert occurrences(parse_recurring(rule), PERIOD) == []
    assert time.perf_counter() - started < 1.0  # dateutil's own iterator walked to the year 9999 (30 s)


def test_unsupported_parts_are_reported_not_ignored() -> None:
    with pytest.raises(PhraseError) as info:
        occurrences(parse_recurring("RRULE:FREQ=YEARLY;BYWEEKNO=20"), PERIOD)
    assert info.value.code == "unreadable"


def test_a_rule_with_its_own_start_counts_from_it() -> None:
    rule = "DTSTART:20230401T000000\nRRULE:FREQ=WEEKLY;COUNT=3;BYDAY=FR"
    assert rule_days(rule, date(2023, 4, 10), date(2023, 12, 31)) == [date(2023, 4, 14), date(2023, 4, 21)]  # 4-07 was the first of three
