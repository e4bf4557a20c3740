"""What a date phrase says, before any year is known (the syntax tree of a phrase).

Every node is a frozen, hashable value.  A ``year`` (or ``month``) of ``None`` means the
phrase did not write it; :mod:`dytool.dates.resolve` supplies it from the campaign period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final, Literal, TypeAlias

from dytool.dates.span import Span, month_last_day, month_span

__all__ = [
    "MONTH_PARTS",
    "Atom",
    "DayNode",
    "HalfNode",
    "MonthNode",
    "MonthPart",
    "Node",
    "QuarterNode",
    "RangeNode",
    "RelativeNode",
    "RelativeUnit",
    "ReversedRange",
    "YearNode",
    "atom_span",
    "node_span",
    "range_span",
]

MonthPart: TypeAlias = Literal["上旬", "中旬", "下旬", "上中旬", "中下旬", "初", "底"]
RelativeUnit: TypeAlias = Literal["day", "workday", "week", "month"]

# first day, last day (None = the month's last day)
MONTH_PARTS: Final[dict[str, tuple[int, int | None]]] = {
    "上旬": (1, 10),
    "中旬": (11, 20),
    "下旬": (21, None),
    "上中旬": (1, 20),
    "中下旬": (11, None),
    "初": (1, 10),
    "底": (0, None),  # 0: the last day only
}


@dataclass(frozen=True, slots=True)
class DayNode:
    """One day.  ``month is None``: a bare day (``15日``)."""

    year: int | None
    month: int | None
    day: int


@dataclass(frozen=True, slots=True)
class MonthNode:
    """A month or part of one (``5月``, ``5月上旬``, ``5月底``)."""

    year: int | None
    month: int
    part: MonthPart | None = None


@dataclass(frozen=True, slots=True)
class QuarterNode:
    """A quarter, or its last day (``季度末``)."""

    year: int | None
    quarter: int
    end: bool = False


@dataclass(frozen=True, slots=True)
class HalfNode:
    """上半年 (1) or 下半年 (2)."""

    year: int | None
    half: int


@dataclass(frozen=True, slots=True)
class YearNode:
    """A whole year (``2023年``, ``年内``, ``全年``) or its last day (``年底``)."""

    year: int | None
    end: bool = False


Atom: TypeAlias = DayNode | MonthNode | QuarterNode | HalfNode | YearNode


@dataclass(frozen=True, slots=True)
class RangeNode:
    """``A至B``: first day of A to last day of B.

    ``wrap``: B wrote no year of its own and names its own month, so when B's month comes
    before A's (``10月—5月``) B lies in the following year.
    """

    start: Atom
    end: Atom
    wrap: bool


@dataclass(frozen=True, slots=True)
class RelativeNode:
    """``N日内``, ``N个工作日内``…: ``count`` units after the record's anchor day."""

    count: int
    unit: RelativeUnit


Node: TypeAlias = Atom | RangeNode | RelativeNode


class ReversedRange(ValueError):
    """A range whose end comes before its start."""


def atom_span(atom: Atom, year: int, month: int | None = None) -> Span:
    """The days ``atom`` names in ``year`` (its own year wins); ``month`` fills a bare day.

    Raises ``ValueError`` for a day that does not exist (``2月29日`` in 2023).
    """
    y = atom.year if atom.year is not None else year
    if isinstance(atom, DayNode):
        m = atom.month if atom.month is not None else month
        if m is None:
            raise ValueError("bare day without a month")
        return Span.day(date(y, m, atom.day))
    if isinstance(atom, MonthNode):
        if atom.part is None:
            return month_span(y, atom.month)
        first, last = MONTH_PARTS[atom.part]
        end = month_last_day(y, atom.month) if last is None else last
        return month_span(y, atom.month, first or end, end)
    if isinstance(atom, QuarterNode):
        last_month = atom.quarter * 3
        last_day = date(y, last_month, month_last_day(y, last_month))
        if atom.end:
            return Span.day(last_day)
        return Span(date(y, last_month - 2, 1), last_day)
    if isinstance(atom, HalfNode):
        if atom.half == 1:
            return Span(date(y, 1, 1), date(y, 6, 30))
        return Span(date(y, 7, 1), date(y, 12, 31))
    if atom.end:
        return Span.day(date(y, 12, 31))
    return Span(date(y, 1, 1), date(y, 12, 31))


def range_span(node: RangeNode, year: int, month: int | None = None) -> Span:
    """The span of ``A至B``; ``year`` (and ``month``) fill what neither part wrote.

    A part without a year takes the other part's year; B moves to the next year when it
    wraps (``10月—5月``), A to the previous one when only B wrote a year.  Raises
    :class:`ReversedRange` when the result would end before it starts.
    """
    a, b = node.start, node.end
    if a.year is None and b.year is not None:
        b_span = atom_span(b, b.year, month)
        a_span = atom_span(a, b.year, month)
        if a_span.first.month > b_span.first.month:
            a_span = atom_span(a, b.year - 1, month)
    else:
        a_span = atom_span(a, year, month)
        b_year = a_span.first.year if a.year is not None else year
        b_span = atom_span(b, b_year, month)
        if b.year is None and node.wrap and b_span.first.month < a_span.first.month:
            b_span = atom_span(b, b_year + 1, month)
    if b_span.last < a_span.first:
        raise ReversedRange("range ends before it starts")
    return Span(a_span.first, b_span.last)


def node_span(node: Atom | RangeNode, year: int, month: int | None = None) -> Span:
    """Span of an atom or a range (see :func:`atom_span`, :func:`range_span`)."""
    if isinstance(node, RangeNode):
        return range_span(node, year, month)
    return atom_span(node, year, month)
