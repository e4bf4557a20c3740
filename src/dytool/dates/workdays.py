"""Working days: the :class:`WorkCalendar` protocol and China's official calendar.

:class:`ChinaCalendar` reads the State Council's holiday arrangements (statutory holidays and
the weekend days that become working days, 调休) from the maintained ``chinesecalendar``
package (import name ``chinese_calendar``), never from a table written here.  The package is
imported on first use, so ``import dytool.dates`` stays cheap.  A day in a year the package
has no data for raises :class:`PhraseError` ``calendar_year_unsupported`` (the package
itself raises ``NotImplementedError``); guessing weekends-only there would be wrong.

Counting conventions (the same for every calendar):

- ``add_workdays(anchor, n)``: the ``n``-th working day after ``anchor`` (``anchor`` itself
  not counted, as a period "within N days" starts the next day); ``n == 0`` gives ``anchor``,
  negative ``n`` counts backwards.
- ``workdays_between(a, b)``: working days in ``(a, b]``, negative when ``b < a``; so
  ``workdays_between(a, add_workdays(a, n)) == n`` and "working days left" from the as-of
  day ``T`` to a due day ``D`` is ``workdays_between(T, D)``.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Protocol, runtime_checkable

from dytool.dates.errors import PhraseError, quote_en, quote_zh

__all__ = ["ChinaCalendar", "WorkCalendar", "china_calendar", "is_non_working"]

_ONE = timedelta(days=1)


@runtime_checkable
class WorkCalendar(Protocol):
    """What dytool needs of a working-day calendar."""

    def is_workday(self, d: date) -> bool:
        """True on a working day."""
        ...

    def add_workdays(self, anchor: date, n: int) -> date:
        """The ``n``-th working day after ``anchor``."""
        ...

    def workdays_between(self, a: date, b: date) -> int:
        """Working days in ``(a, b]`` (negative when ``b < a``)."""
        ...


@dataclass(frozen=True, slots=True)
class _Data:
    holidays: Mapping[date, str]  # rest days of statutory holidays -> English name
    workdays: Mapping[date, str]  # weekend days made working days -> English name
    names_zh: Mapping[str, str]  # English holiday name -> Chinese
    first_year: int
    last_year: int
    version: str


@cache
def _data() -> _Data:
    module = importlib.import_module("chinese_calendar")
    holidays: Mapping[date, str] = module.holidays
    workdays: Mapping[date, str] = module.workdays
    names_zh = {str(h.value): str(h.chinese) for h in module.Holiday}
    years = [d.year for d in holidays]
    version = str(getattr(module, "__version__", "?"))
    return _Data(holidays, workdays, names_zh, min(years), max(years), version)


class ChinaCalendar:
    """China's working days (statutory holidays and 调休), from ``chinesecalendar``."""

    name = "cn"

    def __init__(self) -> None:
        self._prefix: dict[int, list[int]] = {}

    @property
    def years(self) -> tuple[int, int]:
        """First and last year the installed package has holiday data for."""
        data = _data()
        return data.first_year, data.last_year

    def check_year(self, d: date) -> None:
        """Raise ``calendar_year_unsupported`` when the package has no data for ``d``'s year."""
        data = _data()
        if data.first_year <= d.year <= data.last_year:
            return
        text = d.isoformat()
        span = f"{data.first_year}—{data.last_year}"
        raise PhraseError(
            "calendar_year_unsupported",
            text,
            f"工作日历 chinesecalendar {data.version} 只有{span}年的节假日安排，没有{d.year}年的，"
            f"无法按工作日计算{quote_zh(text)}；请升级该软件包或改按自然日计算",
            f"the working-day calendar chinesecalendar {data.version} only knows the holidays "
            f"of {data.first_year}-{data.last_year}, not {d.year}, so working days around "
            f"{quote_en(text)} cannot be counted; upgrade the package or count calendar days",
            ("7日内", "2023-05-10"),
        )

    def is_workday(self, d: date) -> bool:
        """True on a working day: Monday–Friday unless a holiday, or an adjusted 调休 day."""
        self.check_year(d)
        data = _data()
        return d in data.workdays or (d.weekday() < 5 and d not in data.holidays)

    def holiday_name(self, d: date) -> str | None:
        """Chinese name of the statutory holiday ``d`` is a rest day of (``国庆节``), else None."""
        self.check_year(d)
        data = _data()
        name = data.holidays.get(d)
        return None if name is None else data.names_zh.get(name, name)

    def is_adjusted_workday(self, d: date) -> bool:
        """True on a weekend day made a working day (调休上班)."""
        self.check_year(d)
        return d in _data().workdays

    def add_workdays(self, anchor: date, n: int) -> date:
        """The ``n``-th working day after ``anchor`` (see the module docstring)."""
        self.check_year(anchor)
        step = _ONE if n >= 0 else -_ONE
        d = anchor
        for _ in range(abs(n)):
            d += step
            while not self.is_workday(d):
                d += step
        return d

    def workdays_between(self, a: date, b: date) -> int:
        """Working days in ``(a, b]``; negative when ``b < a``."""
        return self._upto(b) - self._upto(a)

    def _upto(self, d: date) -> int:
        """Working days from the first covered year's Jan 1 to ``d`` inclusive."""
        self.check_year(d)
        first_year = _data().first_year
        total = sum(self._year_prefix(y)[-1] for y in range(first_year, d.year))
        return total + self._year_prefix(d.year)[d.timetuple().tm_yday]

    def _year_prefix(self, year: int) -> list[int]:
        prefix = self._prefix.get(year)
        if prefix is None:
            prefix = [0]
            d = date(year, 1, 1)
            while d.year == year:
                prefix.append(prefix[-1] + self.is_workday(d))
                d += _ONE
            self._prefix[year] = prefix
        return prefix


@cache
def china_calendar() -> ChinaCalendar:
    """A shared :class:`ChinaCalendar` (its per-year counts are cached)."""
    return ChinaCalendar()


def is_non_working(d: date, calendar: WorkCalendar | None = None) -> bool:
    """True when ``d`` is not a working day (default calendar: :func:`china_calendar`).

    Use it to note a deadline that falls on a weekend or a holiday.
    """
    return not (calendar or china_calendar()).is_workday(d)
