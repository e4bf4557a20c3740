"""Spans of days and small calendar helpers shared by the date modules."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["ONE_DAY", "Span", "add_days", "add_months", "month_last_day", "month_span", "quarter_of"]

ONE_DAY = timedelta(days=1)


def month_last_day(year: int, month: int) -> int:
    """Number of days in ``month`` of ``year`` (28–31)."""
    return calendar.monthrange(year, month)[1]


def add_days(d: date, days: int) -> date:
    """``d`` moved by ``days``, held at the first or last representable day instead of
    overflowing (a typo'd year 9999 must give a finding, not a crash)."""
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, the day clamped to the target month's length."""
    index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(index, 12)
    month = month0 + 1
    return date(year, month, min(d.day, month_last_day(year, month)))


def quarter_of(d: date) -> int:
    """1–4."""
    return (d.month - 1) // 3 + 1


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Days ``first`` to ``last``, both inclusive; never empty."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"span ends before it starts: {self.first} > {self.last}")

    @classmethod
    def day(cls, d: date) -> Span:
        """The one-day span ``[d, d]``."""
        return cls(d, d)

    @property
    def days(self) -> int:
        """Number of days in the span (at least 1)."""
        return (self.last - self.first).days + 1

    def contains(self, d: date) -> bool:
        """``first <= d <= last``."""
        return self.first <= d <= self.last

    def __contains__(self, d: object) -> bool:
        return isinstance(d, date) and self.contains(d)

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one day."""
        return self.first <= other.last and other.first <= self.last

    def within(self, other: Span) -> bool:
        """True when every day of this span lies in ``other``."""
        return other.first <= self.first and self.last <= other.last

    def __str__(self) -> str:
        if self.first == self.last:
            return self.first.isoformat()
        return f"{self.first.isoformat()}..{self.last.isoformat()}"


def month_span(year: int, month: int, first_day: int = 1, last_day: int | None = None) -> Span:
    """Days ``first_day``..``last_day`` (default: the month's last day) of a month."""
    end = month_last_day(year, month) if last_day is None else last_day
    return Span(date(year, month, first_day), date(year, month, end))
