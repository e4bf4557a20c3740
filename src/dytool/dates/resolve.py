"""Resolving a date phrase to days: years from the campaign period, deadlines, relative limits.

Which year ("Which year" in ``dates.md``): a phrase that writes its year uses it (even when
that lies outside the period: ``2018年8月底之前`` in seed 002 was before its campaign began;
checking that is the caller's business).

A phrase without a year on a record with an **anchor day** (a problem's ``found_on``; a
solution's or institution's earliest known day) takes the first year whose due day is on or
after the anchor: ``9月底前`` on a problem found 2019-06-12 is 2019-09-30, ``3月底前`` on one
found 2023-11-08 is 2024-03-31.  ``年底前`` and ``年内`` resolve alike (both are due Dec 31).

Without an anchor (stages, milestones) the phrase is tried in every year around the period,
and a year *fits* when its due day lies inside the period (``9月前`` in 2018-09-01..2019-08-31
is 2019-08-31; ``年内`` and ``年底前`` there are both 2018); only when no year does, a year
whose span shares a day with the period fits (``12月`` in a campaign ending 12-15).
Exactly one fitting year resolves; two (a campaign longer than twelve months) give
``ambiguous_year``; none gives ``no_year``; so does a missing year when there is neither a
period nor an anchor.  A bare day (``15日前``, ``10—15日``) takes its month the same way
(``ambiguous_month``/``no_month``).

The due day: for ``M月前`` (a bare month, with or without year) the day before the month
begins; otherwise the span's last day.  ``Resolved.span`` is always the span the phrase
names (for ``9月前`` that is September), ``Resolved.due`` the deadline.

Relative limits (``N日内``, ``N个工作日内``, ``会后7日内``) count from ``anchor``: the due day
is the ``N``-th (working) day after it, and the span runs from the anchor to the due day.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dytool.dates.errors import PhraseError, quote_en, quote_zh
from dytool.dates.nodes import RangeNode, RelativeNode, ReversedRange, node_span
from dytool.dates.phrases import MAX_YEAR, MIN_YEAR, Phrase, parse_phrase
from dytool.dates.span import Span, add_months
from dytool.dates.workdays import WorkCalendar

__all__ = ["Resolved", "resolve"]

_ONE = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Resolved:
    """A phrase resolved to days.

    Attributes:
        text: the text as written (an ISO string for a ``date``).
        span: the days the phrase names (first and last inclusive).
        due: the deadline day (``span.last``; for ``M月前`` the day before ``M月`` begins).
        is_deadline: written with ``前``/``之前``/``以前``, or a relative ``…内`` limit.
        is_relative: counted from an anchor day (``7日内``).
        year_inferred: the year (or month) was taken from the campaign period.
    """

    text: str
    span: Span
    due: date
    is_deadline: bool = False
    is_relative: bool = False
    year_inferred: bool = False


def resolve(
    phrase_or_text: Phrase | str | date,
    *,
    period: Span | None,
    anchor: date | None = None,
    workdays: WorkCalendar | None = None,
) -> Resolved:
    """Resolve a phrase, its text, an ISO date string or a ``date`` to days.

    Raises :class:`PhraseError` (codes ``unreadable``, ``no_such_day``, ``reversed_range``,
    ``ambiguous_year``, ``no_year``, ``ambiguous_month``, ``no_month``, ``needs_anchor``,
    ``needs_calendar``, ``calendar_year_unsupported``).
    """
    value = phrase_or_text
    if isinstance(value, date):
        day = value.date() if isinstance(value, datetime) else value
        return Resolved(day.isoformat(), Span.day(day), day)
    if isinstance(value, str):
        if len(value) == 10 and value[4] == "-" and value[7] == "-":  # ISO fast path
            try:
                day = date.fromisoformat(value)
            except ValueError:
                pass  # parse_phrase says what is wrong
            else:
                if MIN_YEAR <= day.year <= MAX_YEAR:
                    return Resolved(value, Span.day(day), day)
        phrase = parse_phrase(value)
    elif isinstance(value, Phrase):
        phrase = value
    else:
        text = str(value)
        raise PhraseError(
            "unreadable",
            text,
            f"无法识别日期{quote_zh(text)}：应为日期或日期短语",
            f"cannot read the date {quote_en(text)}: expected a date or a date phrase",
        )
    node = phrase.node
    if isinstance(node, RelativeNode):
        return _relative(phrase, node, anchor, workdays)
    if not (phrase.needs_year or phrase.needs_month):
        return _result(phrase, _explicit_year(phrase), None, inferred=False)
    if anchor is not None:
        return _after_anchor(phrase, anchor.date() if isinstance(anchor, datetime) else anchor)
    return _infer(phrase, period)


@lru_cache(maxsize=8192)
def _after_anchor(phrase: Phrase, anchor: date) -> Resolved:
    """The first year (or month, for a bare day) whose due day is on or after ``anchor``."""
    if phrase.needs_month:
        start = anchor.year * 12 + anchor.month - 2  # the month before the anchor's
        candidates: list[tuple[int, int | None]] = [((i // 12), i % 12 + 1) for i in range(start, start + 14)]
    else:
        candidates = [(y, None) for y in range(anchor.year - 1, anchor.year + 5)]
    for year, month in candidates:
        if not MIN_YEAR <= year <= MAX_YEAR:
            continue
        try:
            result = _result(phrase, year, month, inferred=True)
        except ValueError:  # a day this year or month lacks (2月29日), or a reversed range
            continue
        if result.due >= anchor:
            return result
    word_zh, word_en = ("月份", "month") if phrase.needs_month else ("年份", "year")
    what = "month" if phrase.needs_month else "year"
    raise PhraseError(
        f"no_{what}",
        phrase.text,
        f"{quote_zh(phrase.text)}没有写{word_zh}，从{anchor.isoformat()}起也找不到这样的日期，请写明{word_zh}",
        f"{quote_en(phrase.text)} has no {word_en} and no such day follows {anchor.isoformat()}; write the {word_en}",
        _examples(phrase, [(min(max(anchor.year, MIN_YEAR), MAX_YEAR), anchor.month)]),
    )


def _explicit_year(phrase: Phrase) -> int:
    node = phrase.node
    if isinstance(node, RelativeNode):  # pragma: no cover - callers exclude it
        raise TypeError(node)
    atoms = (node.start, node.end) if isinstance(node, RangeNode) else (node,)
    for atom in atoms:
        if atom.year is not None:
            return atom.year
    raise AssertionError(phrase)  # pragma: no cover


def _result(phrase: Phrase, year: int, month: int | None, *, inferred: bool) -> Resolved:
    """Span and due of ``phrase`` in ``year``; ValueError/PhraseError for impossible days."""
    node = phrase.node
    if isinstance(node, RelativeNode):  # pragma: no cover - callers exclude it
        raise TypeError(node)
    try:
        span = node_span(node, year, month)
    except ReversedRange:
        if inferred:
            raise
        raise PhraseError(
            "reversed_range",
            phrase.text,
            f"{quote_zh(phrase.text)}的结束日期早于开始日期",
            f"{quote_en(phrase.text)} ends before it starts",
            ("4月至11月", "2018年10月—2019年5月"),
        ) from None
    except ValueError:
        if inferred:
            raise
        raise _no_such_day(phrase, year) from None
    due = span.first - _ONE if phrase.bare_month_deadline else span.last
    return Resolved(phrase.text, span, due, phrase.is_deadline, year_inferred=inferred)


def _no_such_day(phrase: Phrase, year: int, month: int | None = None) -> PhraseError:
    q_zh, q_en = quote_zh(phrase.text), quote_en(phrase.text)
    if month is not None:  # a bare day the chosen month does not have (31日 in April)
        return PhraseError(
            "no_such_day",
            phrase.text,
            f"{q_zh}不是真实的日期：{year}年{month}月没有这一天",
            f"{q_en} is not a real day: {year}-{month:02d} has no such day",
            (f"{year}年{month}月底", f"{year}-{month:02d}-01"),
        )
    # parsing checked every day against a leap year, so only 2月29日 can fail here
    return PhraseError(
        "no_such_day",
        phrase.text,
        f"{q_zh}不是真实的日期：{year}年不是闰年，2月没有29日",
        f"{q_en} is not a real day: {year} is not a leap year, February has no day 29",
        (f"{year}-02-28", f"{year}年2月底"),
    )


def _candidates(phrase: Phrase, period: Span) -> Iterator[tuple[int, int | None]]:
    if phrase.needs_month:
        y, m = period.first.year, period.first.month
        while (y, m) <= (period.last.year, period.last.month):
            yield y, m
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return
    for y in range(max(MIN_YEAR, period.first.year - 1), min(MAX_YEAR, period.last.year + 1) + 1):
        yield y, None


def _period_text(period: Span) -> tuple[str, str]:
    first, last = period.first.isoformat(), period.last.isoformat()
    return f"{first}至{last}", f"{first} to {last}"


@lru_cache(maxsize=8192)
def _infer(phrase: Phrase, period: Span | None) -> Resolved:
    word_zh, word_en = ("月份", "month") if phrase.needs_month else ("年份", "year")
    what = "month" if phrase.needs_month else "year"
    q_zh, q_en = quote_zh(phrase.text), quote_en(phrase.text)
    if period is None:
        raise PhraseError(
            f"no_{what}",
            phrase.text,
            f"{q_zh}没有写{word_zh}，也没有活动期间可据以推定，请写明{word_zh}",
            f"{q_en} has no {word_en} and there is no campaign period to infer it from; write the {word_en}",
            _examples(phrase, [(2023, 5), (2024, 5)]),
        )
    fits: dict[tuple[Span, date], tuple[int, int | None, Resolved]] = {}
    touching: dict[tuple[Span, date], tuple[int, int | None, Resolved]] = {}
    failure: tuple[int, int | None] | None = None
    for year, month in _candidates(phrase, period):
        try:
            result = _result(phrase, year, month, inferred=True)
        except ReversedRange:
            continue
        except ValueError:
            in_period = period.contains(date(year, month or 2, 28))
            if failure is None or (in_period and not period.contains(date(failure[0], 2, 28))):
                failure = (year, month)
            continue
        if period.contains(result.due):
            fits.setdefault((result.span, result.due), (year, month, result))
        elif not phrase.is_deadline and result.span.overlaps(period):
            touching.setdefault((result.span, result.due), (year, month, result))
    if not fits:
        fits = touching
    if len(fits) == 1:
        return next(iter(fits.values()))[2]
    p_zh, p_en = _period_text(period)
    if not fits:
        if failure is not None:
            raise _no_such_day(phrase, *failure)
        years = [(period.first.year, period.first.month), (period.last.year, period.last.month)]
        raise PhraseError(
            f"no_{what}",
            phrase.text,
            f"{q_zh}没有写{word_zh}，且不落在活动期间（{p_zh}）内，请写明{word_zh}",
            f"{q_en} has no {word_en} and falls in no {word_en} of the campaign period ({p_en}); write the {word_en}",
            _examples(phrase, years),
        )
    options = [(y, m) for y, m, _ in fits.values()]
    if what == "month":
        zh_names = [f"{y}年{m}月" for y, m in options]
        en_names = [f"{y}-{m:02d}" for y, m in options]
    else:
        zh_names = [f"{y}年" for y, _ in options]
        en_names = [str(y) for y, _ in options]
    names_zh = "或".join(zh_names) if len(options) <= 3 else "、".join(zh_names[:2]) + "等"
    names_en = " or ".join(en_names) if len(options) <= 3 else ", ".join(en_names[:2]) + " and more"
    raise PhraseError(
        f"ambiguous_{what}",
        phrase.text,
        f"{q_zh}没有写{word_zh}，在活动期间（{p_zh}）内可指{names_zh}，请写明{word_zh}",
        f"{q_en} has no {word_en} and could mean {names_en} within the campaign period ({p_en}); write the {word_en}",
        _examples(phrase, options),
    )


def _examples(phrase: Phrase, options: Sequence[tuple[int, int | None]]) -> tuple[str, str]:
    """The phrase with each option's year (or month) written in, when that reads."""
    out: list[str] = []
    text = phrase.text.strip()
    for year, month in options:
        prefix = f"{month}月" if phrase.needs_month and month is not None else f"{year}年"
        if phrase.needs_month:
            prefix = f"{year}年{prefix}"
        candidate = prefix + text
        try:
            parse_phrase(candidate)
        except PhraseError:
            candidate = f"{year}-{month or 12:02d}-01" if phrase.needs_month else f"{year}-12-31"
        if candidate not in out:
            out.append(candidate)
        if len(out) == 2:
            break
    while len(out) < 2:
        out.append(("2023-05-10", "4月底前")[len(out)])
    return out[0], out[1]


def _relative(phrase: Phrase, node: RelativeNode, anchor: date | None, calendar: WorkCalendar | None) -> Resolved:
    q_zh, q_en = quote_zh(phrase.text), quote_en(phrase.text)
    if anchor is None:
        raise PhraseError(
            "needs_anchor",
            phrase.text,
            f"{q_zh}是相对期限，须从记录自己的日期起算，但此处没有起算日；请写具体日期",
            f"{q_en} is a relative time limit counted from the record's own day, but there is none here; write a date",
        )
    if isinstance(anchor, datetime):
        anchor = anchor.date()
    n = node.count
    if node.unit == "workday":
        if calendar is None:
            raise PhraseError(
                "needs_calendar",
                phrase.text,
                f"{q_zh}按工作日计算，须在 campaign.yaml 中设置 calendar: cn；或改按自然日写",
                f"{q_en} counts working days, which needs calendar: cn in campaign.yaml; or count calendar days",
                (f"{n}日内", "4月底前"),
            )
        try:
            due = calendar.add_workdays(anchor, n)
        except PhraseError as err:
            raise PhraseError(
                err.code,
                phrase.text,
                f"{q_zh}：{err.message_zh}",
                f"{q_en}: {err.message_en}",
                err.examples,
            ) from None
    else:
        try:
            due = add_months(anchor, n) if node.unit == "month" else anchor + timedelta(days=n * (7 if node.unit == "week" else 1))
        except (OverflowError, ValueError):
            raise PhraseError(
                "no_such_day",
                phrase.text,
                f"{q_zh}从{anchor.isoformat()}起算，超出了可以表示的日期范围；请检查起算日",
                f"{q_en} counted from {anchor.isoformat()} runs past the last representable day; check the day it counts from",
            ) from None
    return Resolved(phrase.text, Span(anchor, due), due, True, is_relative=True)
