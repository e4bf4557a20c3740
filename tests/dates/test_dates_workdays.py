"""Relative deadlines and China's working-day calendar."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import pytest

import dytool
from dytool.dates import (
    ChinaCalendar,
    PhraseError,
    Span,
    WorkCalendar,
    china_calendar,
    is_non_working,
    resolve,
)

D = date
Y2023 = Span(D(2023, 1, 1), D(2023, 12, 31))
NATIONAL_DAY_EVE = D(2023, 9, 28)  # Sep 29 - Oct 6 off, Sat Oct 7 and Sun Oct 8 worked


class EveryDay:
    """A calendar where every day is a working day (to show the protocol is enough)."""

    def is_workday(self, d: date) -> bool:
        return True

    def add_workdays(self, anchor: date, n: int) -> date:
        return anchor + timedelta(days=n)

    def workdays_between(self, a: date, b: date) -> int:
        return (b - a).days


def test_30_working_days_across_national_day() -> None:
    r = resolve("30个工作日内", period=Y2023, anchor=NATIONAL_DAY_EVE, workdays=china_calendar())
    assert r.due == D(2023, 11, 15)
    assert r.span == Span(NATIONAL_DAY_EVE, D(2023, 11, 15))
    assert r.is_deadline and r.is_relative
    # the package's own search agrees
    assert chinese_calendar.find_workday(30, NATIONAL_DAY_EVE) == r.due


def test_calendar_days_without_a_calendar() -> None:
    r = resolve("30日内", period=Y2023, anchor=NATIONAL_DAY_EVE)
    assert r.due == D(2023, 10, 28)
    assert resolve("30天内", period=None, anchor=NATIONAL_DAY_EVE).due == D(2023, 10, 28)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("7日内", D(2023, 5, 8)),
        ("会后7日内", D(2023, 5, 8)),
        ("七日内", D(2023, 5, 8)),
        ("自交办之日起15日内办结", D(2023, 5, 16)),
        ("收到通知后10天内上报", D(2023, 5, 11)),
        ("2周内", D(2023, 5, 15)),
        ("1个月内", D(2023, 6, 1)),
        ("一个月以内", D(2023, 6, 1)),
    ],
)
def test_relative_forms(text: str, due: date) -> None:
    r = resolve(text, period=Y2023, anchor=D(2023, 5, 1))
    assert r.due == due
    assert r.span == Span(D(2023, 5, 1), due)


def test_working_days_after_labour_day_2023() -> None:
    # 2023: Apr 29 - May 3 off, Sun Apr 23 and Sat May 6 worked
    r = resolve("3个工作日内", period=Y2023, anchor=D(2023, 5, 1), workdays=china_calendar())
    assert r.due == D(2023, 5, 6)


def test_working_days_need_the_calendar_and_an_anchor() -> None:
    with pytest.raises(PhraseError) as info:
        resolve("30个工作日内上报", period=Y2023, anchor=NATIONAL_DAY_EVE)
    assert info.value.code == "needs_calendar"
    assert "calendar: cn" in info.value.message_zh and "calendar: cn" in info.value.message_en
    with pytest.raises(PhraseError) as info:
        resolve("30个工作日内", period=Y2023, workdays=china_calendar())
    assert info.value.code == "needs_anchor"


def test_any_calendar_satisfying_the_protocol_works() -> None:
    cal = EveryDay()
    assert isinstance(cal, WorkCalendar)
    assert isinstance(ChinaCalendar(), WorkCalendar)
    r = resolve("30个工作日内", period=Y2023, anchor=NATIONAL_DAY_EVE, workdays=cal)
    assert r.due == D(2023, 10, 28)


def test_year_outside_the_package_is_an_error_not_a_guess() -> None:
    first, last = china_calendar().years
    assert first <= 2023 <= last
    outside = D(last + 1, 3, 1)
    with pytest.raises(PhraseError) as info:
        china_calendar().is_workday(outside)
    err = info.value
    assert err.code == "calendar_year_unsupported"
    assert str(last + 1) in err.message_zh and f"{first}—{last}" in err.message_zh
    with pytest.raises(PhraseError) as info:
        resolve("三十个工作日内", period=None, anchor=outside, workdays=china_calendar())
    assert info.value.code == "calendar_year_unsupported"
    assert "「三十个工作日内」" in info.value.message_zh
    # the package itself signals it with NotImplementedError
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(outside)


def test_china_calendar_agrees_with_the_package() -> None:
    cal = ChinaCalendar()
    d = D(2022, 12, 1)
    while d <= D(2024, 2, 29):
        assert cal.is_workday(d) == chinese_calendar.is_workday(d), d
        d += timedelta(days=1)


def test_holidays_and_adjusted_days() -> None:
    cal = china_calendar()
    assert is_non_working(D(2023, 10, 1))  # National Day, a Sunday
    assert is_non_working(D(2023, 10, 2))  # National Day, a Monday
    assert not is_non_working(D(2023, 10, 7))  # a Saturday made a working day
    assert is_non_working(D(2023, 10, 14))  # an ordinary Saturday
    assert not is_non_working(D(2023, 10, 9))
    assert cal.holiday_name(D(2023, 10, 2)) == "国庆节"
    assert cal.holiday_name(D(2023, 9, 29)) == "中秋"
    assert cal.holiday_name(D(2023, 10, 9)) is None
    assert cal.is_adjusted_workday(D(2023, 10, 7))
    assert not cal.is_adjusted_workday(D(2023, 10, 9))
    assert is_non_working(D(2023, 10, 9), EveryDay()) is False


def test_counting_working_days() -> None:
    cal = china_calendar()
    assert cal.add_workdays(NATIONAL_DAY_EVE, 0) == NATIONAL_DAY_EVE
    assert cal.add_workdays(NATIONAL_DAY_EVE, 1) == D(2023, 10, 7)
    assert cal.add_workdays(D(2023, 10, 7), -1) == NATIONAL_DAY_EVE
    assert cal.workdays_between(NATIONAL_DAY_EVE, D(2023, 10, 9)) == 3
    assert cal.workdays_between(D(2023, 10, 9), NATIONAL_DAY_EVE) == -3
    assert cal.workdays_between(D(2023, 10, 9), D(2023, 10, 9)) == 0
    assert cal.workdays_between(D(2022, 12, 30), D(2023, 1, 3)) == 1  # Jan 2 is a holiday
    for n in (1, 5, 30, 250):
        a = D(2022, 12, 20)
        assert cal.workdays_between(a, cal.add_workdays(a, n)) == n


def test_importing_dates_stays_cheap() -> None:
    src = str(Path(dytool.__file__).resolve().parent.parent)
    code = "import sys, dytool.dates;assert 'chinese_calendar' not in sys.modules;assert 'dateutil' not in sys.modules"
    env = {**os.environ, "PYTHONPATH": src}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
