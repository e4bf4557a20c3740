"""The figures people would rather look at than read, as chart data (documents.md, issue 18):
problems found and closed over time, 销号率 by unit, leaders' visit days against the rule.
Computed from the records as of a day; drawn by the Word writer and as SVG for Markdown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from dytool.documents.model import Chart, Series
from dytool.facts.records import Facts
from dytool.models.enums import UnitType
from dytool.status.ledger import LedgerRow, problem_state

__all__ = ["closure_chart", "leader_chart", "trend_chart", "unit_table"]

_LOCAL = (UnitType.county, UnitType.district)


def _rate(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%" if whole else "—"


def unit_table(facts: Facts, rows: list[LedgerRow]) -> list[dict[str, Any]]:
    """Per owner unit, counties and districts before departments (as hotline bulletins set it),
    then 合计: 问题总数, 按时销号, 逾期销号, 未销号, 销号率, 按时销号率."""
    by_unit: dict[str, list[LedgerRow]] = {}
    for row in rows:
        by_unit.setdefault(row.problem.owner_unit or "", []).append(row)
    order = list(facts.units)

    def key(unit: str) -> tuple[int, int, str]:
        record = facts.units.get(unit)
        group = 0 if record is not None and record.type in _LOCAL else (1 if record is not None else 2)
        return group, order.index(unit) if unit in order else len(order), unit

    def line(name: str, mine: list[LedgerRow]) -> dict[str, Any]:
        closed = sum(r.closed for r in mine)
        on_time = sum(r.on_time for r in mine)
        overdue = sum(r.overdue for r in mine)
        return {"unit": name, "total": len(mine), "closed": closed, "on_time": on_time, "late": closed - on_time,
                "open": len(mine) - closed, "rate": _rate(closed, len(mine)), "on_time_rate": _rate(on_time, closed + overdue),
                "rate_value": round(closed * 100 / len(mine), 1) if mine else 0.0}

    table = [line(facts.name_of(unit) or "（未明确责任单位）", by_unit[unit]) for unit in sorted(by_unit, key=key)]
    if table:
        table.append(line("合计", rows))
    return table


def _months(first: dt.date, last: dt.date) -> list[dt.date]:
    """The last day of each month from ``first``'s month to ``last`` (``last`` itself for its month)."""
    out = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        out.append(min(following - dt.timedelta(days=1), last))
        year, month = following.year, following.month
    return out[-24:]  # two years at most: a chart, not a ledger


def trend_chart(facts: Facts, day: dt.date, file: str, title: str) -> Chart | None:
    """Problems found and closed, cumulative, and those overdue, at each month's end."""
    if not facts.problems:
        return None
    found_days = [p.found_on.first for p in facts.problems if p.found_on is not None and p.found_on.first <= day]
    start = min([facts.period.first, *found_days])
    ends = _months(start, day)
    found, closed, overdue = [], [], []
    for end in ends:
        rows = problem_state(facts.problems, end)
        found.append(float(len(rows)))
        closed.append(float(sum(r.closed for r in rows)))
        overdue.append(float(sum(r.overdue for r in rows)))
    categories = tuple(f"{end.month}月" if end.year == day.year else f"{end.year % 100}年{end.month}月" for end in ends)
    return Chart(file, title, categories, (Series("累计发现", tuple(found), line=True), Series("累计销号", tuple(closed), line=True),
                                           Series("逾期未销号", tuple(overdue), line=True)), unit="个")


def closure_chart(table: Sequence[dict[str, Any]], file: str, title: str) -> Chart | None:
    """销号率 by unit, in the order of the unit table (合计 left out)."""
    units = [line for line in table if line["unit"] != "合计"]
    if not units:
        return None
    return Chart(file, title, tuple(str(line["unit"]) for line in units),
                 (Series("销号率", tuple(float(line["rate_value"]) for line in units)),), horizontal=True, unit="%", percent=True)


def leader_chart(leaders: Sequence[tuple[str, float, int | None]], file: str, title: str, label: str) -> Chart | None:
    """Each leader's visit days (``label``) against the monthly rule, (name, days, required)."""
    if not leaders:
        return None
    series = [Series(label, tuple(float(days) for _, days, _ in leaders))]
    if any(required is not None for _, _, required in leaders):
        series.append(Series("每月要求", tuple(float(required or 0) for _, _, required in leaders), line=True))
    return Chart(file, title, tuple(name for name, _, _ in leaders), tuple(series), unit="天")
