"""Atoms of the date grammar: one day, month, quarter, half or year, possibly without a year.

:func:`parse_atom` reads one normalised atom (see :mod:`dytool.dates.phrases` for the whole
grammar) and checks its numbers: a month 1–12, a quarter 1–4, a day that exists in its month
(29 February is accepted without a year and checked when the year is known).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final, cast

from dytool.dates.errors import DEFAULT_EXAMPLES, PhraseError, quote_en, quote_zh
from dytool.dates.nodes import (
    Atom,
    DayNode,
    HalfNode,
    MonthNode,
    MonthPart,
    QuarterNode,
    YearNode,
)
from dytool.dates.span import month_last_day

__all__ = ["MAX_YEAR", "MIN_YEAR", "ParseFailure", "check_day", "parse_atom", "unreadable"]

MIN_YEAR: Final = 1900
MAX_YEAR: Final = 2100

_NUM_DAY_RE: Final = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")
_CN_DAY_RE: Final = re.compile(r"(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日")
_NUM_MONTH_RE: Final = re.compile(r"(\d{4})[-/.](\d{1,2})")
_CN_MONTH_RE: Final = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(上中旬|中下旬|上旬|中旬|下旬|初|底)?")
_QUARTER_RE: Final = re.compile(r"(?:(\d{4})年)?第?(\d{1,2})季度?(底)?")
_Q_RE: Final = re.compile(r"(?:(\d{4})[年-]?)?Q(\d{1,2})(底)?")
_HALF_RE: Final = re.compile(r"(?:(\d{4})年)?(上|下)半年")
_H_RE: Final = re.compile(r"(\d{4})-?H([12])")
_YEAR_RE: Final = re.compile(r"(\d{4})年(年内|内|全年)?")
_YEAR_BARE_RE: Final = re.compile(r"年内|全年")
_YEAR_END_RE: Final = re.compile(r"(?:(\d{4})年)?年底|(\d{4})年底")


class ParseFailure(Exception):
    """Internal: why a normalised text failed; ``{q}`` in the messages is the quoted text."""

    def __init__(self, code: str, zh: str, en: str, examples: tuple[str, str] = DEFAULT_EXAMPLES) -> None:
        super().__init__(code)
        self.code, self.zh, self.en, self.examples = code, zh, en, examples

    def error(self, text: str) -> PhraseError:
        zh = self.zh.replace("{q}", quote_zh(text))
        en = self.en.replace("{q}", quote_en(text))
        return PhraseError(self.code, text, zh, en, self.examples)


def unreadable(detail_zh: str = "", detail_en: str = "") -> ParseFailure:
    zh = "无法识别日期{q}" + (f"：{detail_zh}" if detail_zh else "")
    en = "cannot read the date {q}" + (f": {detail_en}" if detail_en else "")
    return ParseFailure("unreadable", zh, en)


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    y = int(text)
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise unreadable(f"年份{y}不在{MIN_YEAR}—{MAX_YEAR}之间", f"year {y} is not in {MIN_YEAR}–{MAX_YEAR}")
    return y


def _month(m: int) -> int:
    if not 1 <= m <= 12:
        raise ParseFailure(
            "no_such_day",
            f"{{q}}不是真实的日期：没有{m}月",
            f"{{q}} is not a date: there is no month {m}",
            ("12月", "12月底前"),
        )
    return m


def check_day(y: int | None, m: int | None, d: int) -> DayNode:
    if m is not None:
        _month(m)
    last = 31 if m is None else month_last_day(2024 if y is None else y, m)
    if not 1 <= d <= last:
        when_zh = f"{y}年{m}月" if y is not None and m is not None else f"{m}月" if m else "一个月"
        when_en = date(2024, m, 1).strftime("%B") + (f" {y}" if y else "") if m else "a month"
        ex_last = 31 if m is None else month_last_day(2023 if y is None else y, m)
        prefix = f"{y}年" if y is not None else ""
        examples = (f"{prefix}{m}月{ex_last}日", f"{prefix}{m}月底") if m else ("5月31日", "5月底")
        raise ParseFailure(
            "no_such_day",
            f"{{q}}不是真实的日期：{when_zh}没有{d}日",
            f"{{q}} is not a real day: {when_en} has no day {d}",
            examples,
        )
    return DayNode(y, m, d)


def _quarter(y: int | None, q: int, end: bool) -> QuarterNode:
    if not 1 <= q <= 4:
        raise ParseFailure(
            "no_such_day",
            f"{{q}}不是真实的日期：没有第{q}季度",
            f"{{q}} is not a date: there is no quarter {q}",
            ("第四季度", "第四季度末"),
        )
    return QuarterNode(y, q, end)


def parse_atom(s: str) -> Atom | None:
    """One atom, or None when no pattern matches (raises for impossible numbers)."""
    if m := _NUM_DAY_RE.fullmatch(s):
        return check_day(_year(m[1]), _month(int(m[3])), int(m[4]))
    if (m := _CN_DAY_RE.fullmatch(s)) and not (m[1] and not m[2]):
        month = _month(int(m[2])) if m[2] else None
        return check_day(_year(m[1]), month, int(m[3]))
    if m := _CN_MONTH_RE.fullmatch(s):
        return MonthNode(_year(m[1]), _month(int(m[2])), cast("MonthPart | None", m[3]))
    if m := _NUM_MONTH_RE.fullmatch(s):
        return MonthNode(_year(m[1]), _month(int(m[2])))
    if (m := _QUARTER_RE.fullmatch(s)) or (m := _Q_RE.fullmatch(s)):
        return _quarter(_year(m[1]), int(m[2]), bool(m[3]))
    if m := _HALF_RE.fullmatch(s):
        return HalfNode(_year(m[1]), 1 if m[2] == "上" else 2)
    if m := _H_RE.fullmatch(s):
        return HalfNode(_year(m[1]), int(m[2]))
    if m := _YEAR_END_RE.fullmatch(s):
        return YearNode(_year(m[1] or m[2]), end=True)
    if m := _YEAR_RE.fullmatch(s):
        return YearNode(_year(m[1]))
    if _YEAR_BARE_RE.fullmatch(s):
        return YearNode(None)
    return None
