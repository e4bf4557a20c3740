"""Reading a date phrase: syntax only, no year, no period, no clock.

:func:`parse_phrase` turns the text of a date field into a :class:`Phrase` (or raises
:class:`~dytool.dates.errors.PhraseError`), so a record's fields can be checked for syntax
before the campaign period is known.  :mod:`dytool.dates.resolve` then finds the days.

Grammar (after :func:`~dytool.dates.normalize.normalize`), one *atom*:

- a day: ``2023-05-10``, ``2023/5/10``, ``2023.5.10``, ``2023年5月10日``, ``5月10日``, a bare
  ``10日`` (month from the range's other end or from the period);
- a month, or part of one: ``5月``, ``2023-05``, ``5月上旬|中旬|下旬|上中旬|中下旬|初|底``;
- a quarter: ``第二季度``, ``二季度``, ``2季度``, ``Q2``, ``2023-Q2``, ``季度末`` (its last day);
- ``上半年``/``下半年`` (also ``2023-H1``); ``年底``/``2023年底``; ``年内``, ``全年``, ``2023年``.

Any atom may start with ``YYYY年``.  A *range* is ``A至B`` with the separators
``至 到 — ~ -`` (after normalisation all dash variants are ``—``); a bare number in A borrows
B's unit (``6—8月``, ``10—15日``, ``第一至三季度``), a bare day in B borrows A's month
(``5月10—15日``), a part without a year borrows the other's.  A trailing ``前`` (also
``之前``/``以前``) makes a deadline, and may be followed by an action word (``4月底前上报``);
a leading ``于``/``在`` is ignored.  Relative deadlines: ``N日内``, ``N天内``, ``N个工作日内``,
``N周内``, ``N个月内``, optionally after ``…后``/``…起`` (``会后7日内``, ``自交办之日起15日内``)
and before an action word (``30个工作日内上报``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Final

from dytool.dates.atoms import (
    MAX_YEAR,
    MIN_YEAR,
    ParseFailure,
    check_day,
    parse_atom,
    unreadable,
)
from dytool.dates.nodes import (
    Atom,
    DayNode,
    MonthNode,
    Node,
    RangeNode,
    RelativeNode,
    RelativeUnit,
    ReversedRange,
    YearNode,
    range_span,
)
from dytool.dates.normalize import normalize

__all__ = ["ACTIONS", "MAX_YEAR", "MIN_YEAR", "Phrase", "parse_phrase"]

ACTIONS: Final = "(?:完成整改|整改到位|整改完毕|办理完毕|完成|上报|报送|提交|办结|反馈|答复|回复|召开|启动|开始|结束|到位|完毕|落实|报)"
_ISO_RE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
_DEADLINE_RE: Final = re.compile(rf"(.+?)前{ACTIONS}?")
_RELATIVE_RE: Final = re.compile(
    r"(?:\D{0,12}?(?:后|起))?(\d{1,4})(个工作日|工作日|个自然日|自然日|日|天|个周|周|个月)内"
    rf"{ACTIONS}?"
)
_SEPARATOR_RE: Final = re.compile("—|~|至|到|-")
_TAIL_NUMBER_RE: Final = re.compile(r"(.*?)(\d{1,2})")
_LEAD_UNIT_RE: Final = re.compile(r"(?:\d{4}年)?第?\d{1,2}(月|日|季度|季)")
_UNITS: Final[dict[str, RelativeUnit]] = {
    "个工作日": "workday",
    "工作日": "workday",
    "个自然日": "day",
    "自然日": "day",
    "日": "day",
    "天": "day",
    "个周": "week",
    "周": "week",
    "个月": "month",
}
_RELATIVE_EXAMPLES: Final = ("7日内", "30个工作日内")
MAX_PHRASE: Final = 64
"""The longest date phrase read, in characters after normalising (the longest real ones, such
as ``自交办之日起30个工作日内完成整改``, have about twenty): longer text is not a date, and
refusing it at once keeps reading linear in the input whatever is pasted into a date field."""


@dataclass(frozen=True, slots=True)
class Phrase:
    """A parsed date phrase: the syntax tree plus the text as written."""

    text: str
    normalized: str
    node: Node
    deadline: bool = False

    @property
    def is_relative(self) -> bool:
        """``N日内`` and the like: counted from the record's anchor day."""
        return isinstance(self.node, RelativeNode)

    @property
    def is_deadline(self) -> bool:
        """Written with ``前``/``之前``/``以前``, or a relative ``…内`` deadline."""
        return self.deadline or self.is_relative

    @property
    def bare_month_deadline(self) -> bool:
        """``9月前``: due the day before the month begins."""
        node = self.node
        return self.deadline and isinstance(node, MonthNode) and node.part is None

    @property
    def needs_year(self) -> bool:
        """No part of the phrase wrote its year."""
        node = self.node
        if isinstance(node, RelativeNode):
            return False
        if isinstance(node, RangeNode):
            return node.start.year is None and node.end.year is None
        return node.year is None

    @property
    def needs_month(self) -> bool:
        """A bare day (``15日前``, ``10—15日``) whose month must come from the period."""
        node = self.node.start if isinstance(self.node, RangeNode) else self.node
        return isinstance(node, DayNode) and node.month is None


def _range_start(a: str, b: str) -> Atom | None:
    """A, completing a bare trailing number with the unit B (or A itself) implies."""
    atom = parse_atom(a)
    if atom is not None or not (m := _TAIL_NUMBER_RE.fullmatch(a)):
        return atom
    units: list[str] = []
    if lead := _LEAD_UNIT_RE.match(b):
        units.append(lead[1])
    if m[1].endswith("月"):
        units.append("日")
    elif m[1].endswith("年") or not m[1]:
        units.append("月")
    for unit in units:
        if (atom := parse_atom(a + unit)) is not None:
            return atom
    return None


def _range_end(a: str, b: str, start: Atom) -> tuple[Atom, bool] | None:
    """B, borrowing A's unit (bare number) or A's month (bare day); and whether B may wrap."""
    if b.isdigit() and a[-1:] in ("月", "日"):
        b += a[-1]
    atom = parse_atom(b)
    if atom is None:
        return None
    if isinstance(atom, DayNode) and atom.month is None:
        month = start.month if isinstance(start, (DayNode, MonthNode)) else None
        return DayNode(atom.year, month, atom.day), False
    return atom, atom.year is None


def _range(s: str) -> RangeNode | None:
    for sep in _SEPARATOR_RE.finditer(s):
        a, b = s[: sep.start()], s[sep.end() :]
        if not a or not b:
            continue
        start = _range_start(a, b)
        if start is None:
            continue
        end = _range_end(a, b, start)
        if end is None:
            continue
        node = RangeNode(start, end[0], wrap=end[1])
        if isinstance(node.end, DayNode) and node.end.month is not None:
            check_day(node.end.year, node.end.month, node.end.day)
        try:  # order is independent of the year chosen later, except for wrapping
            range_span(node, 2024, 1)
        except ReversedRange:
            raise ParseFailure(
                "reversed_range",
                "{q}的结束日期早于开始日期",
                "{q} ends before it starts",
                ("4月至11月", "2018年10月—2019年5月"),
            ) from None
        return node
    return None


def _relative(s: str) -> RelativeNode | None:
    if not (m := _RELATIVE_RE.fullmatch(s)):
        return None
    count = int(m[1])
    if not 1 <= count <= 1000:
        raise ParseFailure(
            "unreadable",
            "无法识别日期{q}：天数应在1—1000之间",
            "cannot read the date {q}: the count must be 1–1000",
            _RELATIVE_EXAMPLES,
        )
    return RelativeNode(count, _UNITS[m[2]])


@lru_cache(maxsize=8192)
def _parse_normalized(s: str) -> tuple[Node, bool]:
    if not s:
        raise unreadable("日期为空", "the date is empty")
    if len(s) > 1 and s[0] in "于在":
        s = s[1:]
    if (relative := _relative(s)) is not None:
        return relative, False
    deadline = False
    if m := _DEADLINE_RE.fullmatch(s):
        s, deadline = m[1], True
    node = parse_atom(s) or _range(s)
    if node is None:
        raise _hint_for(s)
    if deadline and isinstance(node, YearNode) and not node.end:
        y = node.year
        if y is None:  # 年内前, 全年前
            raise unreadable("“前”应接在具体日期之后", "put 前 after a day, month or quarter")
        raise ParseFailure(
            "unreadable",
            f"无法识别日期{{q}}：可指{y}年之前，也可指{y}年底之前",
            f"cannot read the date {{q}}: it may mean before {y} or by the end of {y}",
            (f"{y}年底前", f"{y - 1}年12月31日"),
        )
    return node, deadline


def _too_long() -> ParseFailure:
    return unreadable(f"日期短语不超过{MAX_PHRASE}个字", f"a date phrase has at most {MAX_PHRASE} characters")


def _hint_for(s: str) -> ParseFailure:
    if s.startswith("每"):
        return ParseFailure(
            "unreadable",
            "无法识别日期{q}：周期性要求应写在 recurring 的 rule 中",
            "cannot read the date {q}: recurring rules belong in a recurring item's rule",
        )
    if s.endswith("内") or "工作日" in s:
        return ParseFailure("unreadable", "无法识别期限{q}", "cannot read the time limit {q}", _RELATIVE_EXAMPLES)
    return unreadable()


@lru_cache(maxsize=8192)
def parse_phrase(text: str) -> Phrase:
    """Read a date phrase (syntax only).  Raises :class:`PhraseError` quoting ``text``."""
    if len(text) == 10 and _ISO_RE.fullmatch(text):
        try:
            day = date.fromisoformat(text)
        except ValueError:
            pass  # the slow path explains what is wrong
        else:
            if MIN_YEAR <= day.year <= MAX_YEAR:
                return Phrase(text, text, DayNode(day.year, day.month, day.day))
    if len(text) > 4 * MAX_PHRASE:  # not a date: do not even normalise it
        raise _too_long().error(text)
    norm = normalize(text)
    try:
        if len(norm) > MAX_PHRASE:
            raise _too_long()
        node, deadline = _parse_normalized(norm)
    except ParseFailure as failure:
        raise failure.error(text) from None
    return Phrase(text, norm, node, deadline)
