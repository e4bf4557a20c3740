"""The roll-up's monthly 通报: every member's figures for one month, in the bulletin's layout.

Each member's block for the month (:class:`~dytool.rollup.published.MonthFigures`) is judged on
the month's last day, as a campaign's own bulletin is, so a member's row here matches the 合计
row of its own bulletin for that month.  The per-member table lists counties and districts
(and cities) before departments, each group in the order of rollup.yaml.  Members missing,
broken, stale, or without figures for the whole month are named in 六、数据报送情况.
"""

from __future__ import annotations

import datetime as dt

from dytool.documents.bulletin import Bulletin, month_span
from dytool.documents.templating import Templates
from dytool.facts.deadlines import chinese_day
from dytool.rollup.combine import counts_of
from dytool.rollup.config import MemberKind, RollupConfig
from dytool.rollup.model import Counts
from dytool.rollup.published import MonthFigures, PublishedSummary
from dytool.rollup.run import Rollup
from dytool.rollup.sources import Outcome
from dytool.rollup.textsafe import markdown as esc

__all__ = ["TEMPLATE", "bulletin_number", "make_rollup_bulletin"]

TEMPLATE = "rollup/bulletin.md.j2"
_OVERDUE_SHOWN = 3


def bulletin_number(config: RollupConfig, first: dt.date) -> int:
    spec = config.bulletin
    base = spec.first_number if spec else 1
    start = spec.first_month if spec and spec.first_month else f"{first.year}-01"
    year, month = int(start[:4]), int(start[5:])
    return base + (first.year - year) * 12 + first.month - month


def _rate(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%" if whole else "—"


def _row(name: str, c: Counts) -> dict[str, object]:
    return {"unit": name, "total": c.found, "on_time": c.closed_on_time, "late": c.closed_late, "open": c.open, "overdue": c.overdue,
            "rate": _rate(c.closed, c.found), "on_time_rate": _rate(c.closed_on_time, c.closed + c.overdue)}


def _block(summary: PublishedSummary, month: str) -> MonthFigures | None:
    return next((m for m in summary.months if m.month == month), None)


def _kind_order(outcome: Outcome) -> int:
    kind = outcome.member.spec.kind
    return 0 if kind.local else 1 if kind is MemberKind.department else 2


def make_rollup_bulletin(rollup: Rollup, month: str, templates: Templates) -> Bulletin:
    first, last = month_span(month)
    config = rollup.config
    ordered = sorted(rollup.outcomes, key=_kind_order)  # stable: rollup.yaml order inside each group
    rows, overdue, leaders, behind, notes = [], [], [], [], []
    total = Counts()
    visits = new = closed = 0
    local = departments = 0
    for outcome in rollup.outcomes:
        if outcome.summary is None and outcome.refusal is not None:
            notes.append(f"{esc(outcome.member.name, 100)}：数据未能汇总（{esc(outcome.refusal[1], 300)}）")
    for rejected in rollup.rejected:
        reason = rejected.findings[0].message_zh if rejected.findings else ""
        notes.append(f"{esc(rejected.name, 100)}：rollup.yaml 中的配置有误，未能汇总（{esc(reason, 300)}）")
    for outcome in ordered:
        summary, name = outcome.summary, esc(outcome.member.name, 100)
        if summary is None:
            continue
        block = _block(summary, month)
        if block is None:
            if summary.as_of < first:
                notes.append(f"{name}：数据截至{chinese_day(summary.as_of)}，没有本月数据")
            else:
                notes.append(f"{name}：活动期间不含本月，未列入")
            continue
        if block.judged_on < last:
            notes.append(f"{name}：数据截至{chinese_day(block.judged_on)}，本月数字不完整")
        elif outcome.stale:
            notes.append(f"{name}：数据截至{chinese_day(summary.as_of)}，已超过{config.stale_days}天未更新")
        counts = counts_of(block.problems)
        total = total + counts
        visits, new, closed = visits + block.visits, new + block.new_problems, closed + block.closed_problems
        local += outcome.member.spec.kind.local
        departments += outcome.member.spec.kind is MemberKind.department
        rows.append(_row(name, counts))
        if block.problems.overdue:
            shown = "、".join(f"{esc(o.title)}（{esc(o.owner_unit or '未明确责任单位', 100)}，逾期{o.days_overdue}天）"
                             for o in block.overdue_top[:_OVERDUE_SHOWN])
            overdue.append({"member": name, "count": block.problems.overdue, "what": shown,
                            "more": block.problems.overdue > min(_OVERDUE_SHOWN, len(block.overdue_top))})
        if block.leaders_below:
            leaders.append({"member": name, "people": "；".join(f"{esc(b.name, 100)}（{esc(b.title or '', 300)}）调研{b.days}天，要求{b.required}天"
                                                                for b in block.leaders_below)})
        missed = [*(f"{esc(t)}（逾期未完成）" for t in block.missed_milestones), *(f"{esc(t)}（未按要求报送）" for t in block.missed_submissions)]
        if missed:
            behind.append({"member": name, "what": "；".join(missed)})
    if rows:
        rows.append(_row("合计", total))
    spec = config.bulletin
    title = spec.title if spec else "工作通报"
    issuer = (spec.issuer if spec and spec.issuer else None) or config.issuer or ""
    number = bulletin_number(config, first)
    day = min(last, rollup.as_of)  # the month in progress is judged and dated on the as-of day, as a member's own bulletin is
    data = {
        "title": esc(title, 100), "number": number, "issuer": esc(issuer, 200), "rollup": esc(config.title, 200),
        "month": f"{first.year}年{first.month}月", "date": chinese_day(day),
        "members": len(rows) - 1 if rows else 0, "local": local, "departments": departments, "others": (len(rows) - 1 if rows else 0) - local - departments,
        "configured": len(rollup.outcomes) + len(rollup.rejected), "visits": visits, "new_problems": new, "closed_problems": closed,
        "found": total.found, "closed": total.closed, "rate": _rate(total.closed, total.found),
        "on_time_rate": _rate(total.closed_on_time, total.closed + total.overdue),
        "unit_table": rows, "overdue": overdue, "leaders": leaders, "behind": behind, "notes": notes,
    }
    return Bulletin(title, number, issuer, first, last, day, templates.render(TEMPLATE, data))
