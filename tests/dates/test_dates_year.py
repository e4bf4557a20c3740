"""Which year (and month) a phrase without one takes from the campaign period."""

from __future__ import annotations

from datetime import date

import pytest

from dytool.dates import PhraseError, Span, parse_phrase, resolve

D = date
SEED_002 = Span(D(2018, 9, 1), D(2019, 8, 31))
APR_DEC_2023 = Span(D(2023, 4, 1), D(2023, 12, 31))
EIGHTEEN_MONTHS = Span(D(2023, 1, 1), D(2024, 6, 30))


@pytest.mark.parametrize(
    ("text", "first", "due"),
    [
        ("10月", D(2018, 10, 1), D(2018, 10, 31)),
        ("5月底前", D(2019, 5, 31), D(2019, 5, 31)),
        ("9月前", D(2019, 9, 1), D(2019, 8, 31)),  # 2018-08-31 lies before the period
        ("8月", D(2019, 8, 1), D(2019, 8, 31)),
        ("9月", D(2018, 9, 1), D(2018, 9, 30)),
        ("上半年", D(2019, 1, 1), D(2019, 6, 30)),
        ("6—8月", D(2019, 6, 1), D(2019, 8, 31)),
        ("10月—5月", D(2018, 10, 1), D(2019, 5, 31)),
        ("12月20日—1月10日", D(2018, 12, 20), D(2019, 1, 10)),
        ("第一季度", D(2019, 1, 1), D(2019, 3, 31)),
        ("1月前", D(2019, 1, 1), D(2018, 12, 31)),
    ],
)
def test_seed_002_twelve_months_resolve_uniquely(text: str, first: date, due: date) -> None:
    r = resolve(text, period=SEED_002)
    assert (r.span.first, r.due) == (first, due)
    assert r.year_inferred


@pytest.mark.parametrize(("text", "first"), [("下半年", D(2018, 7, 1)), ("年内", D(2018, 1, 1)), ("全年", D(2018, 1, 1))])
def test_seed_002_straddling_phrases_take_the_year_they_end_in(text: str, first: date) -> None:
    # 下半年 touches Sep-Dec 2018 and Jul-Aug 2019, but only 2018's ends inside the period;
    # 年内 is then due on the same day as 年底前 (issue 13: they must behave alike)
    r = resolve(text, period=SEED_002)
    assert (r.span.first, r.due) == (first, D(2018, 12, 31))
    assert r.due == resolve("年底前", period=SEED_002).due


def test_a_span_ending_in_two_years_of_the_period_is_ambiguous() -> None:
    with pytest.raises(PhraseError) as info:
        resolve("年内", period=EIGHTEEN_MONTHS.__class__(D(2023, 1, 1), D(2024, 12, 31)))
    err = info.value
    assert err.code == "ambiguous_year"
    assert "2023" in err.message_zh and "2024" in err.message_zh
    assert "请写明年份" in err.message_zh and "write the year" in err.message_en
    assert err.examples == ("2023年年内", "2024年年内")
    for example in err.examples:
        assert not parse_phrase(example).needs_year


@pytest.mark.parametrize("text", ["3月", "3月底前", "5月10日", "第二季度"])
def test_campaign_longer_than_a_year_needs_the_year(text: str) -> None:
    with pytest.raises(PhraseError) as info:
        resolve(text, period=EIGHTEEN_MONTHS)
    assert info.value.code == "ambiguous_year"
    for example in info.value.examples:
        resolve(example, period=EIGHTEEN_MONTHS)


def test_longer_campaign_still_resolves_months_it_holds_once() -> None:
    assert resolve("10月", period=EIGHTEEN_MONTHS).span.first == D(2023, 10, 1)
    assert resolve("第四季度", period=EIGHTEEN_MONTHS).span.first == D(2023, 10, 1)


@pytest.mark.parametrize("text", ["3月", "3月底前", "3月前", "1月上旬", "第一季度"])
def test_no_year_fits(text: str) -> None:
    with pytest.raises(PhraseError) as info:
        resolve(text, period=APR_DEC_2023)
    err = info.value
    assert err.code == "no_year"
    assert "2023-04-01" in err.message_zh and "2023-12-31" in err.message_en
    assert f"「{text}」" in err.message_zh


def test_a_deadline_fits_by_its_due_day() -> None:
    assert resolve("年底前", period=SEED_002).due == D(2018, 12, 31)  # 2019-12-31 is after
    # 1月前 in an April-December campaign: due 2023-12-31, the named month is January 2024
    r = resolve("1月前", period=APR_DEC_2023)
    assert r.due == D(2023, 12, 31) and r.span.first == D(2024, 1, 1)
    assert resolve("4月前", period=Span(D(2023, 3, 1), D(2023, 12, 31))).due == D(2023, 3, 31)


def test_a_span_fits_when_it_shares_a_day_with_the_period() -> None:
    mid_april = Span(D(2023, 4, 15), D(2023, 12, 31))
    assert resolve("4月", period=mid_april).span.first == D(2023, 4, 1)
    assert resolve("年内", period=mid_april).span == Span(D(2023, 1, 1), D(2023, 12, 31))
    assert resolve("4月中旬前", period=mid_april).due == D(2023, 4, 20)
    with pytest.raises(PhraseError, match="no year"):
        resolve("4月上旬", period=mid_april)  # April 1-10 lies wholly before the period


def test_explicit_year_is_used_even_outside_the_period() -> None:
    r = resolve("2018年8月底之前", period=SEED_002)
    assert r.due == D(2018, 8, 31) and not r.year_inferred
    assert resolve("2030年1月", period=SEED_002).span.first == D(2030, 1, 1)


def test_no_period_and_no_year() -> None:
    with pytest.raises(PhraseError) as info:
        resolve("10月", period=None)
    err = info.value
    assert err.code == "no_year"
    assert "请写明年份" in err.message_zh and "write the year" in err.message_en
    assert all(not parse_phrase(e).needs_year for e in err.examples)
    assert resolve("2023年10月", period=None).span.first == D(2023, 10, 1)


def test_bare_days_take_their_month_from_the_period() -> None:
    week = Span(D(2023, 5, 8), D(2023, 5, 20))
    assert resolve("15日前", period=week).due == D(2023, 5, 15)
    assert resolve("10—15日", period=week).span == Span(D(2023, 5, 10), D(2023, 5, 15))
    with pytest.raises(PhraseError) as info:
        resolve("25日前", period=week)
    assert info.value.code == "no_month"
    with pytest.raises(PhraseError) as info:
        resolve("15日前", period=SEED_002)
    assert info.value.code == "ambiguous_month"
    assert info.value.examples == ("2018年9月15日前", "2018年10月15日前")


def test_leap_day_without_year() -> None:
    assert resolve("2月29日", period=Span(D(2024, 1, 1), D(2024, 12, 31))).due == D(2024, 2, 29)
    with pytest.raises(PhraseError) as info:
        resolve("2月29日", period=SEED_002)
    assert info.value.code == "no_such_day"
    assert "2019" in info.value.message_zh  # February 2019 is the one inside the period
