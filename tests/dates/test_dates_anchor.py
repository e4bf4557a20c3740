"""A deadline without a year belongs to its record's own time (issue 13, item 2).

A yearless phrase on a record with an anchor day (a problem's ``found_on``; a solution's or
institution's earliest day) is due in the first year whose due day is on or after the anchor;
the campaign period plays no part.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dytool.dates import Span, resolve

D = date
WUHAN = Span(D(2018, 9, 1), D(2019, 8, 31))

_MONTH_PHRASES = ["{m}月", "{m}月底前", "{m}月上旬", "{m}月中旬前", "{m}月下旬", "{m}月前", "{m}月初", "{m}月15日前", "{m}月底"]
_YEAR_PHRASES = ["年底前", "年内", "年底", "全年", "上半年", "下半年", "第{q}季度", "第{q}季度前", "{q}季度末"]


@st.composite
def yearless(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        return draw(st.sampled_from(_MONTH_PHRASES)).format(m=draw(st.integers(1, 12)))
    return draw(st.sampled_from(_YEAR_PHRASES)).format(q=draw(st.integers(1, 4)))


anchors = st.dates(min_value=D(1990, 1, 1), max_value=D(2090, 12, 31))


@given(yearless(), anchors, st.one_of(st.none(), st.just(WUHAN)))
def test_due_is_the_first_one_on_or_after_the_anchor(text: str, anchor: date, period: Span | None) -> None:
    r = resolve(text, period=period, anchor=anchor)
    assert r.due >= anchor
    year = r.span.first.year
    earlier = resolve(f"{year - 1}年{text}", period=None)
    assert earlier.due < anchor  # a year earlier would already be past: this is the first
    assert resolve(f"{year}年{text}", period=None).span == r.span  # the same as writing the year


@given(anchors)
def test_year_end_and_within_the_year_resolve_alike(anchor: date) -> None:
    assert resolve("年底前", period=None, anchor=anchor).due == resolve("年内", period=None, anchor=anchor).due
    assert resolve("年底前", period=WUHAN, anchor=anchor).due == D(anchor.year, 12, 31)


@given(st.sampled_from(["{m}月", "{m}月底前", "{m}月上旬"]), st.integers(1, 12), anchors)
def test_the_period_does_not_matter_when_there_is_an_anchor(pattern: str, month: int, anchor: date) -> None:
    text = pattern.format(m=month)
    assert resolve(text, period=WUHAN, anchor=anchor) == resolve(text, period=None, anchor=anchor)


@pytest.mark.parametrize(("text", "found", "due"), [
    ("9月底前", D(2019, 6, 12), D(2019, 9, 30)),   # the Wuhan campaign ends 2019-08-31: still 2019
    ("年底前", D(2019, 3, 6), D(2019, 12, 31)),
    ("10月", D(2019, 5, 23), D(2019, 10, 31)),
    ("3月底前", D(2019, 7, 16), D(2020, 3, 31)),    # next year
    ("1月中旬前", D(2023, 12, 12), D(2024, 1, 20)),
    ("2月底前", D(2023, 12, 19), D(2024, 2, 29)),   # a leap year
    ("6月上旬", D(2023, 11, 21), D(2024, 6, 10)),
    ("上半年", D(2023, 11, 14), D(2024, 6, 30)),
    ("9月前", D(2023, 9, 10), D(2024, 8, 31)),       # due the day before September: 2023's has passed
    ("9月底前", D(2023, 9, 30), D(2023, 9, 30)),     # found on the due day itself: that day
])
def test_seed_deadlines(text: str, found: date, due: date) -> None:
    assert resolve(text, period=WUHAN, anchor=found).due == due


def test_bare_day_takes_the_first_month_on_or_after_the_anchor() -> None:
    assert resolve("15日前", period=None, anchor=D(2023, 5, 20)).due == D(2023, 6, 15)
    assert resolve("31日前", period=None, anchor=D(2023, 2, 10)).due == D(2023, 3, 31)  # February has none
