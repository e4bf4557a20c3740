"""The roll-up's briefing on a terminal: the findings first (red errors, yellow warnings), then
the ranking, then what is behind, member by member, cut after a few rows.

Member texts go in as :class:`rich.text.Text` (never parsed as markup) after cleaning, so a
title cannot colour, move or hide the output.
"""

from __future__ import annotations

from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from dytool.core.findings import Lang
from dytool.present.rollup_md import STAGE_LABELS, day_text, pct, version_text
from dytool.rollup.model import RollupView

__all__ = ["show_rollup"]

MAX_ROWS = 5


def _table(*columns: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def show_rollup(v: RollupView, lang: Lang, *, color: bool, output: Path | None = None) -> None:
    handle = output.open("w", encoding="utf-8") if output is not None else None
    console = Console(file=handle, no_color=not color, highlight=False, emoji=False, markup=False)
    en = lang is Lang.EN
    try:
        _show(console, v, en)
    finally:
        if handle is not None:
            handle.close()


def _heading(console: Console, zh: str, en_text: str, en: bool) -> None:
    console.print()
    console.print(Text(en_text if en else zh, style="bold underline"))


def _show(console: Console, v: RollupView, en: bool) -> None:
    console.print(Text(v.title, style="bold"), Text(f"  {'as of' if en else '统计日期'} {day_text(v.as_of, en)}", style="cyan"))
    console.print(Text(f"{len(v.members)} of {v.configured} members combined" if en else f"纳入汇总 {len(v.members)}/{v.configured} 个成员"))
    if not v.configured:
        console.print(Text("rollup.yaml lists no members yet: add them as its comments show" if en
                           else "rollup.yaml 中还没有成员：按文件中的注释添加", style="yellow"))
    if v.findings:
        _heading(console, "数据报送情况", "Members' data", en)
        for f in v.findings:
            style = "bold red" if f.is_error else "yellow"
            console.print(Text.assemble((f"{f.where}: ", "dim"), (f"{f.code} ", style), f.message_en if en else f.message_zh))
    if not v.ranking:
        return
    _heading(console, "销号率排名", "Ranking by closure rate", en)
    table = _table(*(("#", "Member", "As of", "Problems", "Closed", "Overdue", "Closure", "On time") if en
                     else ("排名", "成员", "数据截至", "问题", "已销号", "逾期", "销号率", "按时销号率")))
    for line in v.ranking:
        m, p = line.member, line.member.problems
        name = Text(m.name)
        if m.stale:
            name.append(" (stale)" if en else "（过期）", style="yellow")
        table.add_row(str(line.rank or "—"), name, day_text(m.as_of, en), str(p.found), str(p.closed),
                      Text(str(p.overdue), style="red" if p.overdue else ""), pct(p.closure_rate), pct(p.on_time_rate))
    total = v.totals
    table.add_row("", Text("Total" if en else "合计", style="bold"), "", str(total.found), str(total.closed), str(total.overdue),
                  pct(total.closure_rate), pct(total.on_time_rate))
    console.print(table)
    late = [m for m in v.members if m.overdue_total]
    if late:
        _heading(console, "逾期未销号问题", "Overdue problems", en)
        for m in late:
            console.print(Text.assemble((m.name, "bold"), f"  {m.overdue_total}" + ("" if en else " 个"), ("  " + version_text(m), "dim")))
            for o in m.overdue[:MAX_ROWS]:
                console.print(Text(f"  {o.id} {o.title} ({o.owner_unit or '-'}, overdue {o.days_overdue} d)" if en
                                   else f"  {o.id} {o.title}（{o.owner_unit or '—'}，逾期 {o.days_overdue} 天）"))
            if m.overdue_total > MAX_ROWS:
                console.print(Text(f"  … {m.overdue_total - MAX_ROWS} more" if en else f"  ……另有 {m.overdue_total - MAX_ROWS} 项", style="dim"))
    behind = [m for m in v.members if m.topics_behind_total]
    if behind:
        _heading(console, "进度滞后的课题", "Topics behind", en)
        for m in behind:
            console.print(Text.assemble((m.name, "bold"), f"  {m.topics_behind_total}"))
            for t in m.topics_behind[:MAX_ROWS]:
                stage, expected = (t.stage, t.expected) if en else (STAGE_LABELS.get(t.stage, t.stage), STAGE_LABELS.get(t.expected, t.expected))
                console.print(Text(f"  {t.id} {t.title} ({t.leader or '-'}): {stage} → {expected}" if en
                                   else f"  {t.id} {t.title}（{t.leader or '—'}）：{stage} → {expected}"))
    below = [m for m in v.members if m.leaders_below]
    if below:
        _heading(console, "调研天数未达要求的领导", "Leaders below the visit rule", en)
        for m in below:
            people = (", " if en else "、").join(f"{b.name} {b.days}/{b.required}" for b in m.leaders_below)
            console.print(Text.assemble((m.name, "bold"), f" ({m.leaders_month}): " if en else f"（{m.leaders_month}）：", people))
    late_items = [m for m in v.members if m.behind.milestones or m.behind.submissions]
    if late_items:
        _heading(console, "时间节点和常态化报送", "Milestones and submissions", en)
        for m in late_items:
            console.print(Text.assemble((m.name, "bold"), ": " if en else "：", ("; " if en else "；").join((*m.behind.milestones, *m.behind.submissions))))
