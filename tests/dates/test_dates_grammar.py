"""Every row of dates.md's grammar table, every date phrase of seeds 000-002, normalisation."""

from __future__ import annotations

from datetime import date

import pytest

from dytool.dates import PhraseError, Span, normalize, parse_phrase, resolve

D = date
Y2023 = Span(D(2023, 1, 1), D(2023, 12, 31))

# dates.md grammar table: text -> (first, last); resolved in a 2023 campaign.
SPEC_SPANS: list[tuple[str, date, date]] = [
    ("2023-05-10", D(2023, 5, 10), D(2023, 5, 10)),
    ("2023/5/10", D(2023, 5, 10), D(2023, 5, 10)),
    ("2023.5.10", D(2023, 5, 10), D(2023, 5, 10)),
    ("2023年5月10日", D(2023, 5, 10), D(2023, 5, 10)),
    ("5月10日", D(2023, 5, 10), D(2023, 5, 10)),
    ("5月10号", D(2023, 5, 10), D(2023, 5, 10)),
    ("5月", D(2023, 5, 1), D(2023, 5, 31)),
    ("5月上旬", D(2023, 5, 1), D(2023, 5, 10)),
    ("5月中旬", D(2023, 5, 11), D(2023, 5, 20)),
    ("5月下旬", D(2023, 5, 21), D(2023, 5, 31)),
    ("5月上中旬", D(2023, 5, 1), D(2023, 5, 20)),
    ("5月中下旬", D(2023, 5, 11), D(2023, 5, 31)),
    ("5月初", D(2023, 5, 1), D(2023, 5, 10)),
    ("5月底", D(2023, 5, 31), D(2023, 5, 31)),
    ("5月末", D(2023, 5, 31), D(2023, 5, 31)),
    ("第二季度", D(2023, 4, 1), D(2023, 6, 30)),
    ("二季度", D(2023, 4, 1), D(2023, 6, 30)),
    ("2季度", D(2023, 4, 1), D(2023, 6, 30)),
    ("第2季度", D(2023, 4, 1), D(2023, 6, 30)),
    ("Q2", D(2023, 4, 1), D(2023, 6, 30)),
    ("2023-Q2", D(2023, 4, 1), D(2023, 6, 30)),
    ("上半年", D(2023, 1, 1), D(2023, 6, 30)),
    ("下半年", D(2023, 7, 1), D(2023, 12, 31)),
    ("年底", D(2023, 12, 31), D(2023, 12, 31)),
    ("年末", D(2023, 12, 31), D(2023, 12, 31)),
    ("年内", D(2023, 1, 1), D(2023, 12, 31)),
    ("全年", D(2023, 1, 1), D(2023, 12, 31)),
    ("2023年", D(2023, 1, 1), D(2023, 12, 31)),
    ("6至8月", D(2023, 6, 1), D(2023, 8, 31)),
    ("6到8月", D(2023, 6, 1), D(2023, 8, 31)),
    ("6—8月", D(2023, 6, 1), D(2023, 8, 31)),
    ("6–8月", D(2023, 6, 1), D(2023, 8, 31)),
    ("6-8月", D(2023, 6, 1), D(2023, 8, 31)),
    ("6~8月", D(2023, 6, 1), D(2023, 8, 31)),
    ("6月—8月", D(2023, 6, 1), D(2023, 8, 31)),
    ("5月10—15日", D(2023, 5, 10), D(2023, 5, 15)),
    ("4月至11月", D(2023, 4, 1), D(2023, 11, 30)),
    ("4月中旬至5月上旬", D(2023, 4, 11), D(2023, 5, 10)),
    ("第一至三季度", D(2023, 1, 1), D(2023, 9, 30)),
    ("2023-05-10至2023-06-01", D(2023, 5, 10), D(2023, 6, 1)),
]


@pytest.mark.parametrize(("text", "first", "last"), SPEC_SPANS)
def test_grammar_table_rows(text: str, first: date, last: date) -> None:
    r = resolve(text, period=Y2023)
    assert r.span == Span(first, last)
    assert r.due == last
    assert not r.is_deadline
    assert r.text == text


# dates.md deadline rules: text -> (period, due)
SPEC_DEADLINES: list[tuple[str, Span, date]] = [
    ("9月前", Y2023, D(2023, 8, 31)),
    ("2019年6月前", Y2023, D(2019, 5, 31)),
    ("4月底前", Y2023, D(2023, 4, 30)),
    ("4月中旬前", Y2023, D(2023, 4, 20)),
    ("5日前", Span(D(2023, 5, 1), D(2023, 5, 31)), D(2023, 5, 5)),
    ("第三季度前", Y2023, D(2023, 9, 30)),
    ("12月底前", Y2023, D(2023, 12, 31)),
    ("9月之前", Y2023, D(2023, 8, 31)),
    ("9月以前", Y2023, D(2023, 8, 31)),
    ("3月前", Y2023, D(2023, 2, 28)),
    ("年底前", Y2023, D(2023, 12, 31)),
]


@pytest.mark.parametrize(("text", "period", "due"), SPEC_DEADLINES)
def test_deadline_rules(text: str, period: Span, due: date) -> None:
    r = resolve(text, period=period)
    assert r.due == due
    assert r.is_deadline


def test_late_month_parts_follow_month_length() -> None:
    assert resolve("2023年5月下旬", period=None).span.days == 11
    assert resolve("2023年2月下旬", period=None).span.days == 8
    assert resolve("2024年2月下旬", period=None).span.days == 9
    assert resolve("2023年2月中下旬", period=None).span == Span(D(2023, 2, 11), D(2023, 2, 28))


SEED_000 = Span(D(2022, 4, 1), D(2022, 12, 31))  # 活动时间从2022年4月开始，12月底基本结束
SEED_001 = Span(D(2023, 4, 1), D(2023, 12, 31))  # no year in the plan; a 2023 campaign
SEED_002 = Span(D(2018, 9, 1), D(2019, 8, 31))  # 调研从2018年9月1日开始，为期1年

# Every date phrase of seeds 000-002: (period, text, first, last, due, is_deadline)
SEED_PHRASES: list[tuple[Span, str, date, date, date, bool]] = [
    (SEED_000, "2022年4月", D(2022, 4, 1), D(2022, 4, 30), D(2022, 4, 30), False),
    (SEED_000, "4月底前", D(2022, 4, 30), D(2022, 4, 30), D(2022, 4, 30), True),
    (SEED_000, "6月上旬", D(2022, 6, 1), D(2022, 6, 10), D(2022, 6, 10), False),
    (SEED_000, "6月底前", D(2022, 6, 30), D(2022, 6, 30), D(2022, 6, 30), True),
    (SEED_000, "7月份", D(2022, 7, 1), D(2022, 7, 31), D(2022, 7, 31), False),
    (SEED_000, "9月前", D(2022, 9, 1), D(2022, 9, 30), D(2022, 8, 31), True),
    (SEED_000, "9月前召开", D(2022, 9, 1), D(2022, 9, 30), D(2022, 8, 31), True),
    (SEED_000, "11月前", D(2022, 11, 1), D(2022, 11, 30), D(2022, 10, 31), True),
    (SEED_000, "12月下旬", D(2022, 12, 21), D(2022, 12, 31), D(2022, 12, 31), False),
    (SEED_000, "12月底", D(2022, 12, 31), D(2022, 12, 31), D(2022, 12, 31), False),
    (SEED_000, "12月底前", D(2022, 12, 31), D(2022, 12, 31), D(2022, 12, 31), True),
    (SEED_000, "12月底前上报", D(2022, 12, 31), D(2022, 12, 31), D(2022, 12, 31), True),
    (SEED_000, "全年", D(2022, 1, 1), D(2022, 12, 31), D(2022, 12, 31), False),
    (SEED_000, "2022年度", D(2022, 1, 1), D(2022, 12, 31), D(2022, 12, 31), False),
    (SEED_000, "2023年", D(2023, 1, 1), D(2023, 12, 31), D(2023, 12, 31), False),
    (SEED_001, "4月中旬前", D(2023, 4, 11), D(2023, 4, 20), D(2023, 4, 20), True),
    (SEED_001, "（4月中旬前）", D(2023, 4, 11), D(2023, 4, 20), D(2023, 4, 20), True),
    (SEED_001, "4月至11月", D(2023, 4, 1), D(2023, 11, 30), D(2023, 11, 30), False),
    (SEED_001, "9月前", D(2023, 9, 1), D(2023, 9, 30), D(2023, 8, 31), True),
    (SEED_001, "9月前完成", D(2023, 9, 1), D(2023, 9, 30), D(2023, 8, 31), True),
    (SEED_001, "10月", D(2023, 10, 1), D(2023, 10, 31), D(2023, 10, 31), False),
    (SEED_001, "11月", D(2023, 11, 1), D(2023, 11, 30), D(2023, 11, 30), False),
    (SEED_001, "12月底前", D(2023, 12, 31), D(2023, 12, 31), D(2023, 12, 31), True),
    (SEED_001, "年内", D(2023, 1, 1), D(2023, 12, 31), D(2023, 12, 31), False),
    (SEED_002, "2018年8月24日", D(2018, 8, 24), D(2018, 8, 24), D(2018, 8, 24), False),
    (SEED_002, "2018年9月1日", D(2018, 9, 1), D(2018, 9, 1), D(2018, 9, 1), False),
    (SEED_002, "2018年9月", D(2018, 9, 1), D(2018, 9, 30), D(2018, 9, 30), False),
    (SEED_002, "2018年8月底之前", D(2018, 8, 31), D(2018, 8, 31), D(2018, 8, 31), True),
    (SEED_002, "2018年10月—2019年5月", D(2018, 10, 1), D(2019, 5, 31), D(2019, 5, 31), False),
    (SEED_002, "2019年6—8月", D(2019, 6, 1), D(2019, 8, 31), D(2019, 8, 31), False),
    (SEED_002, "2018年", D(2018, 1, 1), D(2018, 12, 31), D(2018, 12, 31), False),
    # dates.md's worked examples for seed 002
    (SEED_002, "10月", D(2018, 10, 1), D(2018, 10, 31), D(2018, 10, 31), False),
    (SEED_002, "5月底前", D(2019, 5, 31), D(2019, 5, 31), D(2019, 5, 31), True),
    (SEED_002, "9月前", D(2019, 9, 1), D(2019, 9, 30), D(2019, 8, 31), True),
]


@pytest.mark.parametrize(
    ("period", "text", "first", "last", "due", "deadline"),
    SEED_PHRASES,
    ids=[f"{p.first.year}:{t}" for p, t, *_ in SEED_PHRASES],
)
def test_seed_phrases(period: Span, text: str, first: date, last: date, due: date, deadline: bool) -> None:
    r = resolve(text, period=period)
    assert (r.span, r.due, r.is_deadline) == (Span(first, last), due, deadline)


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("５月１０号", "5月10日"),
        ("２０２３－０５－１０", "2023-05-10"),
        ("２０２３年５月１０日", "2023年5月10日"),
        ("\u30004月底前\u3000", "4月底前"),
        ("4 月 底 前", "4月底前"),
        ("五月十日", "5月10日"),
        ("十二月底前", "12月底前"),
        ("十一月前", "11月前"),
        ("二〇二三年十月", "2023年10月"),
        ("二零二三年五月三十一日", "2023年5月31日"),
        ("第三季度", "第3季度"),
        ("三季度末", "3季度底"),
        ("q2", "Q2"),
        ("６——８月", "6—8月"),
        ("6―8月", "6—8月"),
        ("6～8月", "6~8月"),
        ("6〜8月", "6~8月"),
    ],
)
def test_normalised_variants_resolve_alike(variant: str, canonical: str) -> None:
    assert resolve(variant, period=Y2023).span == resolve(canonical, period=Y2023).span
    assert resolve(variant, period=Y2023).due == resolve(canonical, period=Y2023).due


def test_normalize() -> None:
    assert normalize("５月１０号") == "5月10日"
    assert normalize("7月份") == "7月"
    assert normalize("二〇二三年十二月三十一日以前") == "2023年12月31日前"
    assert normalize("（4月中旬前）") == "4月中旬前"


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2023年5月10日至20日", D(2023, 5, 10), D(2023, 5, 20)),
        ("5月10日—6月5日", D(2023, 5, 10), D(2023, 6, 5)),
        ("2023-05-10-2023-06-01", D(2023, 5, 10), D(2023, 6, 1)),
        ("2023年10月—5月", D(2023, 10, 1), D(2024, 5, 31)),
        ("10月—2024年5月", D(2023, 10, 1), D(2024, 5, 31)),
        ("2023年12月20日—1月10日", D(2023, 12, 20), D(2024, 1, 10)),
        ("2023年第四季度", D(2023, 10, 1), D(2023, 12, 31)),
        ("2023年上半年", D(2023, 1, 1), D(2023, 6, 30)),
        ("2023年年底", D(2023, 12, 31), D(2023, 12, 31)),
        ("2023年底", D(2023, 12, 31), D(2023, 12, 31)),
        ("2023年全年", D(2023, 1, 1), D(2023, 12, 31)),
        ("2023-05", D(2023, 5, 1), D(2023, 5, 31)),
        ("2023Q4", D(2023, 10, 1), D(2023, 12, 31)),
        ("2023-H2", D(2023, 7, 1), D(2023, 12, 31)),
        ("一季度末", D(2023, 3, 31), D(2023, 3, 31)),
        ("于12月底前上报", D(2023, 12, 31), D(2023, 12, 31)),
    ],
)
def test_more_forms(text: str, first: date, last: date) -> None:
    assert resolve(text, period=Y2023).span == Span(first, last)


def test_parse_is_syntax_only() -> None:
    p = parse_phrase("9月前")
    assert p.is_deadline and p.bare_month_deadline and p.needs_year
    assert not parse_phrase("2019年6月前").needs_year
    assert parse_phrase("15日前").needs_month
    assert parse_phrase("7日内").is_relative
    assert parse_phrase("4月底前").is_deadline and not parse_phrase("4月底前").bare_month_deadline
    with pytest.raises(PhraseError):
        parse_phrase("9月前后")


def test_iso_fast_path_and_date_objects() -> None:
    assert parse_phrase("2023-05-10").normalized == "2023-05-10"
    r = resolve(D(2023, 5, 10), period=None)
    assert (r.span, r.due, r.text, r.is_deadline) == (Span.day(D(2023, 5, 10)), D(2023, 5, 10), "2023-05-10", False)
    from datetime import datetime

    assert resolve(datetime(2023, 5, 10, 9, 30), period=None).due == D(2023, 5, 10)
    assert resolve(parse_phrase("5月"), period=Y2023).span.days == 31


def test_span_helpers() -> None:
    s = Span(D(2023, 5, 1), D(2023, 5, 31))
    assert s.days == 31
    assert s.contains(D(2023, 5, 31)) and not s.contains(D(2023, 6, 1))
    assert D(2023, 5, 2) in s
    assert s.overlaps(Span.day(D(2023, 5, 31))) and not s.overlaps(Span.day(D(2023, 6, 1)))
    assert s.within(Y2023) and not Y2023.within(s)
    assert str(s) == "2023-05-01..2023-05-31" and str(Span.day(D(2023, 5, 1))) == "2023-05-01"
    with pytest.raises(ValueError, match="ends before"):
        Span(D(2023, 5, 2), D(2023, 5, 1))
