"""Property tests: what must hold for every phrase, not just the examples."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from dytool.dates import (
    PhraseError,
    Span,
    Status,
    china_calendar,
    deadline_status,
    match_submissions,
    occurrences,
    parse_phrase,
    resolve,
)
from dytool.dates.span import month_last_day

ONE = timedelta(days=1)
CN = "〇一二三四五六七八九"
years = st.integers(min_value=1901, max_value=2099)
months = st.integers(min_value=1, max_value=12)
parts = st.sampled_from(["", "上旬", "中旬", "下旬", "上中旬", "中下旬", "初", "底", "末", "份"])


def cn_small(n: int) -> str:
    """1..31 in Chinese numerals (十二, 二十一, 三十一)."""
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else CN[tens] + "十")) + (CN[ones] if ones else "")


def year_free(draw: st.DrawFn, y: int) -> str:
    """A phrase without its year, naming days inside year ``y``."""
    kind = draw(st.sampled_from(["day", "month", "quarter", "half", "year", "end"]))
    m = draw(months)
    if kind == "day":
        return f"{m}月{draw(st.integers(1, month_last_day(y, m)))}日"
    if kind == "month":
        return f"{m}月{draw(parts)}"
    if kind == "quarter":
        q = draw(st.integers(1, 4))
        return draw(st.sampled_from([f"第{q}季度", f"{q}季度", f"Q{q}", f"{q}季度末"]))
    if kind == "half":
        return draw(st.sampled_from(["上半年", "下半年"]))
    if kind == "year":
        return draw(st.sampled_from(["年内", "全年"]))
    return draw(st.sampled_from(["年底", "年末"]))


@st.composite
def single_year_phrase(draw: st.DrawFn) -> tuple[str, int]:
    y = draw(years)
    if draw(st.booleans()):
        m = draw(months)
        d = draw(st.integers(1, month_last_day(y, m)))
        text = draw(st.sampled_from([f"{y}-{m:02d}-{d:02d}", f"{y}/{m}/{d}", f"{y}.{m}.{d}", f"{y}年{m}月{d}日", f"{y}年"]))
    else:
        text = f"{y}年{year_free(draw, y)}"
    if draw(st.booleans()) and not text.endswith(("年", "年内", "全年")):
        text += draw(st.sampled_from(["前", "之前", "以前"]))
    return text, y


@given(single_year_phrase())
def test_resolved_span_is_non_empty_and_inside_its_year(case: tuple[str, int]) -> None:
    text, y = case
    r = resolve(text, period=None)
    assert r.span.first <= r.span.last
    assert r.span.first.year == y == r.span.last.year
    assert r.due in (r.span.last, r.span.first - ONE)
    assert r.is_deadline == text.endswith("前")


@st.composite
def year_free_in_year(draw: st.DrawFn) -> tuple[str, int]:
    y = draw(st.integers(min_value=1902, max_value=2098))
    return year_free(draw, y), y


@given(year_free_in_year())
def test_a_whole_year_period_gives_its_own_year(case: tuple[str, int]) -> None:
    text, y = case
    if text == "2月29日" and month_last_day(y, 2) == 28:
        return
    r = resolve(text, period=Span(date(y, 1, 1), date(y, 12, 31)))
    assert r.span.first.year == y == r.span.last.year


@given(years, months)
def test_month_deadline_ends_the_day_before_the_month_begins(y: int, m: int) -> None:
    explicit = resolve(f"{y}年{m}月前", period=None)
    assert explicit.due == resolve(f"{y}年{m}月", period=None).span.first - ONE
    period = Span(date(y, 1, 1), date(y, 12, 31))
    yearless = resolve(f"{m}月前", period=period)
    assert yearless.due == yearless.span.first - ONE
    assert period.contains(yearless.due)
    assert yearless.due.month == (m - 2) % 12 + 1


@given(years, months, months, st.sampled_from(["至", "到", "—", "–", "-", "~", "——"]))
def test_ranges_are_ordered(y: int, a: int, b: int, sep: str) -> None:
    explicit = resolve(f"{y}年{a}月{sep}{b}月", period=None)
    assert explicit.span.first <= explicit.span.last
    assert (explicit.span.first.month, explicit.span.last.month) == (a, b)
    assert explicit.span.first.year == y
    assert explicit.span.last.year == (y if a <= b else y + 1)  # 10月—5月 wraps
    period = Span(date(y, 1, 1), date(y, 12, 31))
    if a > b:  # a wrapping range is the one that ends inside the period: from last year's month a
        wrapped = resolve(f"{a}月{sep}{b}月", period=period)
        assert (wrapped.span.first, wrapped.due) == (date(y - 1, a, 1), resolve(f"{y}年{b}月", period=None).span.last)
        return
    r = resolve(f"{a}月{sep}{b}月", period=period)
    assert r.span == explicit.span
    assert resolve(f"{a}{sep}{b}月", period=period).span == r.span  # shared tail


FULL = str.maketrans("0123456789-/.~", "０１２３４５６７８９－／．～")


@given(single_year_phrase(), st.sampled_from(["", "\u3000", " "]))
def test_nfkc_equivalent_inputs_resolve_alike(case: tuple[str, int], space: str) -> None:
    text, _ = case
    variant = space + space.join(text.translate(FULL)) + space
    variant = variant.replace("日", "号") if "月" in text and "日" in text else variant
    a, b = resolve(text, period=None), resolve(variant, period=None)
    assert (a.span, a.due, a.is_deadline) == (b.span, b.due, b.is_deadline)
    assert b.text == variant


@given(years, months, st.integers(1, 28))
def test_chinese_numerals_resolve_like_digits(y: int, m: int, d: int) -> None:
    cn_year = "".join(CN[int(c)] for c in str(y))
    assert resolve(f"{cn_year}年{cn_small(m)}月{cn_small(d)}日", period=None).due == date(y, m, d)


@given(st.text(alphabet="0123456789年月日号前后内至到—-~第季度上中下旬半底末全每个工作天周Q一二十〇 ", max_size=14))
def test_anything_either_parses_or_raises_phrase_error(text: str) -> None:
    try:
        phrase = parse_phrase(text)
    except PhraseError as err:
        assert err.text == text and err.message_zh and err.message_en
        return
    try:
        r = resolve(phrase, period=Span(date(2023, 1, 1), date(2023, 12, 31)), anchor=date(2023, 6, 1))
    except PhraseError:
        return
    assert r.span.first <= r.span.last


@given(
    st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 12, 31)),
    st.one_of(st.none(), st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 12, 31))),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 12, 31)),
    st.integers(min_value=0, max_value=60),
)
def test_status_never_depends_on_the_future(due: date, done: date | None, as_of: date, window: int) -> None:
    status = deadline_status(due, done, as_of, window)
    if done is not None and done > as_of:
        assert status == deadline_status(due, None, as_of, window)
    if done is not None and done <= as_of:
        assert status in (Status.DONE, Status.DONE_LATE)
    else:
        assert status in (Status.OVERDUE, Status.DUE_SOON, Status.PENDING)


@settings(deadline=None)  # the first call builds the calendar's per-year counts
@given(st.dates(min_value=date(2005, 1, 1), max_value=date(2024, 6, 30)), st.integers(0, 120))
def test_counting_working_days_round_trips(anchor: date, n: int) -> None:
    cal = china_calendar()
    due = cal.add_workdays(anchor, n)
    assert cal.workdays_between(anchor, due) == n
    assert n == 0 or cal.is_workday(due)


@given(
    st.sampled_from(["每月", "每月5日前", "每季度", "每个季度第1个月20日前", "每半月", "每周五前", "每两周", "每半年"]),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2024, 12, 31)),
    st.integers(min_value=0, max_value=500),
    st.data(),
)
def test_windows_partition_the_period_up_to_the_last_due_day(rule: str, start: date, length: int, data: st.DataObject) -> None:
    period = Span(start, start + timedelta(days=length))
    occs = occurrences(rule, period)
    if not occs:
        return
    assert occs[0].window.first == period.first
    for prev, occ in pairwise(occs):
        assert occ.window.first == prev.due + ONE
    day = data.draw(st.dates(min_value=period.first, max_value=occs[-1].due))
    (hit,) = [o for o, done in match_submissions(occs, [day]) if done is not None]
    assert hit.window.contains(day)
