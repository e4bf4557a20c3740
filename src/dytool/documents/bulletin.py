"""The monthly bulletin (工作动态 / 督查专报) for one month (documents.md).

Everything is judged on the month's last day: visits and problems of the month, the
per-unit closing table that hotline bulletins use, what was missed, what is due next month.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any

from dytool.core.errors import UserError
from dytool.dates import Status
from dytool.documents.compile import chinese_day
from dytool.documents.templating import Templates
from dytool.engine.repository import Repository
from dytool.facts.periods import period_label
from dytool.facts.records import Facts, gather
from dytool.facts.stages import campaign_span, stages_phrase
from dytool.facts.visits import leader_days
from dytool.models import Campaign
from dytool.models.enums import UnitType
from dytool.status import compute_status
from dytool.status.deadlines import ObligationTable, obligation_tables
from dytool.status.ledger import LedgerRow, problem_state

__all__ = ["Bulletin", "bulletin_number", "make_bulletin", "month_span"]

_LOCAL = (UnitType.county, UnitType.district)
_KIND_ZH = {"problem": "问题", "solution": "解决事项", "institution": "制度"}


def _obligation(table: ObligationTable, day: dt.date) -> dict[str, Any]:
    """A member × period table: the day each member handed in (月/日), 逾期 when late, 未报送
    when an occurrence due by the day is missing, blank while it is not yet due."""
    rows = []
    for _, name, handed in table.rows:
        cells = []
        for due, on in zip(table.dues, handed, strict=True):
            if on is not None:
                cells.append(f"{on.month}月{on.day}日" + ("（逾期）" if on > due else ""))
            else:
                cells.append("未报送" if due < day else "")
        rows.append({"name": name, "cells": cells})
    return {"title": table.title, "periods": [period_label(k) for k in table.periods], "rows": rows}


def month_span(month: str) -> tuple[dt.date, dt.date]:
    """``2023-06`` → (2023-06-01, 2023-06-30); ValueError when it is not a month."""
    year, _, mon = month.partition("-")
    first = dt.date(int(year), int(mon), 1)
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


def bulletin_number(campaign: Campaign, first: dt.date) -> int:
    start = campaign.period.start.first
    offset = (first.year - start.year) * 12 + first.month - start.month
    base = campaign.bulletin.first_number if campaign.bulletin else 1
    return base + offset


@dataclass(frozen=True)
class Bulletin:
    title: str
    number: int
    issuer: str
    month_first: dt.date
    month_last: dt.date
    markdown: str


def _rate(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%" if whole else "—"


def _unit_table(facts: Facts, rows: list[LedgerRow]) -> list[dict[str, Any]]:
    by_unit: dict[str, list[LedgerRow]] = {}
    for row in rows:
        by_unit.setdefault(row.problem.owner_unit or "", []).append(row)
    order = list(facts.units)
    def key(unit: str) -> tuple[int, int, str]:
        record = facts.units.get(unit)
        group = 0 if record is not None and record.type in _LOCAL else (1 if record is not None else 2)
        return group, order.index(unit) if unit in order else len(order), unit
    table = []
    for unit in sorted(by_unit, key=key):
        mine = by_unit[unit]
        closed = sum(r.closed for r in mine)
        on_time = sum(r.on_time for r in mine)
        overdue = sum(r.overdue for r in mine)
        table.append({"unit": facts.name_of(unit) or "（未明确责任单位）", "total": len(mine), "on_time": on_time, "late": closed - on_time,
                      "open": len(mine) - closed, "rate": _rate(closed, len(mine)), "on_time_rate": _rate(on_time, closed + overdue)})
    if table:
        total = len(rows)
        closed = sum(r.closed for r in rows)
        on_time = sum(r.on_time for r in rows)
        overdue = sum(r.overdue for r in rows)
        table.append({"unit": "合计", "total": total, "on_time": on_time, "late": closed - on_time, "open": total - closed,
                      "rate": _rate(closed, total), "on_time_rate": _rate(on_time, closed + overdue)})
    return table


def make_bulletin(repo: Repository, campaign: Campaign, month: str, templates: Templates) -> Bulletin:
    first, last = month_span(month)
    period = campaign_span(campaign)
    if last < period.first or first > period.last:
        raise UserError(f"{month} 不在活动期间（{period.first.isoformat()} 至 {period.last.isoformat()}）内，没有这一期工作动态",
                        f"{month} lies outside the campaign period ({period.first.isoformat()} to {period.last.isoformat()}): no bulletin for it")
    facts = gather(repo, campaign)
    briefing = compute_status(repo, campaign, last)
    in_month = [v for v in facts.visits if first <= v.first_day <= last]
    leaders = []
    all_days = leader_days(facts.visits, last)
    for line in briefing.leaders:
        visits = [v for v in in_month if line.id in v.leaders]
        days = {d for d in all_days.get(line.id, ()) if first <= d}
        leaders.append({"name": line.name, "title": line.title or "", "visits": len(visits), "days": len(days),
                        "required": line.required_days, "meets": line.required_days is None or len(days) >= line.required_days})
    rows = problem_state(facts.problems, last)
    new = [r.problem for r in rows if r.problem.found_on is not None and first <= r.problem.found_on.first <= last]
    closed = [r.problem for r in rows if r.problem.closed_on is not None and first <= r.problem.closed_on.first <= last]
    next_first, next_last = month_span(f"{last.year + (last.month == 12)}-{last.month % 12 + 1:02d}")
    due_next = [{"title": m.title, "due": chinese_day(m.due)} for m in briefing.milestones
                if m.due is not None and next_first <= m.due <= next_last and not m.status.is_done]
    due_next += [{"title": r.title, "due": chinese_day(r.current.due)} for r in briefing.recurring
                 if r.current is not None and next_first <= r.current.due <= next_last]
    spec = campaign.bulletin
    title = spec.title if spec else "工作动态"
    issuer = (spec.issuer if spec and spec.issuer else None) or facts.name_of(campaign.lead_office) or campaign.issuer or ""
    number = bulletin_number(campaign, first)
    data = {
        "title": title, "number": number, "issuer": issuer, "campaign": campaign.title,
        "month": f"{first.year}年{first.month}月", "date": chinese_day(last),
        "stages": stages_phrase([s.title for s in briefing.stages]),
        "visits_total": len(in_month), "leaders": leaders,
        "new_problems": len(new), "closed_problems": len(closed),
        "unit_table": _unit_table(facts, rows),
        "overdue": [{"id": o.id, "title": o.title, "unit": o.owner_unit_name or "", "due": chinese_day(o.due), "days": o.days_overdue,
                     "kind": o.kind, "kind_zh": _KIND_ZH.get(o.kind, "")} for o in briefing.lists.overdue],
        "has_rule": any(line["required"] is not None for line in leaders),
        "obligations": [_obligation(table, last) for table in obligation_tables(facts, last)],
        "missed_milestones": [{"title": m.title, "due": chinese_day(m.due), "missing": "、".join(m.missing_names or m.missing)}
                              for m in briefing.milestones if m.status is Status.OVERDUE and m.due is not None],
        "missed_submissions": [{"title": r.title, "periods": "、".join(f"{o.by_name}（{o.period}）" if o.by_name else o.period for o in r.missed)}
                               for r in briefing.recurring if r.missed],
        "due_next": due_next, "next_month": f"{next_first.month}月",
    }
    return Bulletin(title, number, issuer, first, last, templates.render("bulletin/bulletin.md.j2", data))
