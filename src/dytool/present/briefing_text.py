"""The briefing on a terminal: rich tables coloured as supervision slips are (三色督办).

Overdue red, due soon yellow, done green, done late green with a note.  Long lists are cut
with "and N more" and a hint to filter, so the briefing fits a normal terminal.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from dytool.core.findings import Lang
from dytool.core.text import sanitized
from dytool.dates import Status
from dytool.present.briefing_md import (
    SECTION_TITLES,
    STATUS_LABELS,
    chinese_date,
    due_shown,
    list_lines,
    milestone_note,
    overdue_kind,
    recurring_details,
    stale_text,
    topic_stage_line,
)
from dytool.status.model import Briefing

__all__ = ["show_status"]

MAX_ROWS = 10
_STYLE = {Status.OVERDUE: "bold red", Status.DUE_SOON: "bold yellow", Status.PENDING: "", Status.DONE: "green", Status.DONE_LATE: "green",
          Status.ONGOING: "dim"}


def _bar(progress: float, encoding: str | None, width: int = 20) -> str:
    from dytool.core.text import can_encode

    filled = round(progress * width)
    return "█" * filled + ("░" if can_encode("░", encoding) else "-") * (width - filled)


def _days_bar(days: int, required: int | None) -> str:
    """``███░░ 3/5``: a leader's visit days against the monthly rule at a glance (one block a day,
    at most ten); the figure alone when there is no rule."""
    if required is None or required <= 0:
        return str(days)
    width = min(required, 10)
    filled = min(width, round(days * width / required))
    return f"{'█' * filled}{'░' * (width - filled)} {days}/{required}"


def _more(console: Console, hidden: int, en: bool, hint: str) -> None:
    if hidden > 0:
        console.print(Text(f"  … and {hidden} more ({hint})" if en else f"  ……另有 {hidden} 项（{hint}）", style="dim"))


def _table(*columns: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


class _Out:
    def __init__(self, console: Console, en: bool) -> None:
        self.console = console
        self.en = en

    def day(self, d: dt.date | None) -> str:
        if d is None:
            return "—"
        return d.isoformat() if self.en else chinese_date(d)

    def title(self, key: str) -> None:
        self.console.print()
        self.console.print(Text(SECTION_TITLES[key][1 if self.en else 0], style="bold underline"))


def show_status(b: Briefing, lang: Lang, *, color: bool, output: Path | None = None, errors: int = 0, since: list[str] | None = None) -> None:
    b = sanitized(b)  # nothing from a record may act on the terminal
    since = sanitized(since)
    handle = output.open("w", encoding="utf-8") if output is not None else None
    console = Console(file=handle, no_color=not color, highlight=False, emoji=False)
    en = lang is Lang.EN
    out = _Out(console, en)
    day, title = out.day, out.title
    try:
        console.print(Text(b.campaign.title, style="bold"), Text(f"  {'as of' if en else '统计日期'} {day(b.as_of)}", style="cyan"))
        if b.filters:
            console.print(Text(("filter: " if en else "筛选：") + ", ".join(f"{k}={v}" for k, v in b.filters.items()), style="dim"))
        for s in b.stages:
            console.print(f"{'stage' if en else '当前阶段'}  {s.title}  {_bar(s.progress, console.encoding)} {s.progress * 100:.0f}%  "
                          + (f"{s.days_left} days left" if en else f"剩余 {s.days_left} 天"))
        if b.next_stage is not None:
            n = b.next_stage
            console.print(f"{'next' if en else '下一阶段'}  {n.title}  " + (f"starts {day(n.start)} (in {n.days_until} days)" if en else f"{day(n.start)}开始（{n.days_until} 天后）"))
        if b.milestones:
            title("milestones")
            table = _table(*(("Status", "Due", "Milestone", "n/m", "Note") if en else ("状态", "截止", "时间节点", "进度", "说明")))
            for m in b.milestones[:MAX_ROWS]:
                note = "；".join(milestone_note(m, en)) if not en else "; ".join(milestone_note(m, en))
                progress = f"{m.done}/{m.total}" if m.total is not None else ""
                table.add_row(Text(STATUS_LABELS[m.status][1 if en else 0], style=_STYLE[m.status]), due_shown(m, en), m.title, progress, note)
            console.print(table)
            _more(console, len(b.milestones) - MAX_ROWS, en, "use --format md for all" if en else "用 --format md 查看全部")
        if b.recurring:
            title("recurring")
            for r in b.recurring:
                headline, details = recurring_details(r, en)
                style = _STYLE[r.current.status] if r.current is not None else ""
                console.print(Text(headline, style=style))
                for detail in details:
                    console.print(Text(f"  {detail}", style="bold red" if detail.startswith(("未报送", "missed")) else ""))
        if b.topics.total:
            title("topics")
            console.print(topic_stage_line(b, en) + (f"  ({b.topics.total} in all)" if en else f"（共 {b.topics.total} 个）"))
            for late in b.topics.behind[:MAX_ROWS]:
                console.print(Text(f"  {late.id} {late.title}（{late.leader_name or '—'}）：{'behind' if en else '滞后'}，"
                                   + (f"{late.stage.value} → {late.expected.value}" if en else f"{late.stage.label_zh} → 应达{late.expected.label_zh}"), style="yellow"))
            _more(console, len(b.topics.behind) - MAX_ROWS, en, "filter with --leader" if en else "用 --leader 筛选")
        if b.leaders:
            title("leaders")
            table = _table(*(("Leader", "Topics", "Visit days this month", "Last visit") if en else ("领导", "领题", "本月调研天数", "最近调研")))
            for leader in b.leaders[:MAX_ROWS * 2]:
                days = Text(_days_bar(leader.visit_days, leader.required_days),
                            style="green" if leader.meets else ("yellow" if leader.meets is False else ""))
                table.add_row(f"{leader.name}{'（' + leader.title + '）' if leader.title else ''}", str(leader.topics), days, day(leader.last_visit))
            console.print(table)
            _more(console, len(b.leaders) - MAX_ROWS * 2, en, "filter with --leader" if en else "用 --leader 筛选")
        if not b.lists.empty:
            _lists(out, b)
        if b.burden:
            title("burden")
            for busy in b.burden[:MAX_ROWS]:
                console.print(Text(f"{busy.host_name}：{day(busy.window_start)}—{day(busy.window_end)} {busy.visits} {'visits' if en else '批次'}"
                                   f"（{'limit' if en else '上限'} {busy.max_visits}）", style="yellow"))
            _more(console, len(b.burden) - MAX_ROWS, en, "filter with --unit" if en else "用 --unit 筛选")
        if since:
            console.print()
            console.print(Text(since[0], style="bold underline"))
            for entry in since[1:]:
                console.print(entry)
        if errors:
            console.print()
            console.print(Text(f"The repository has {errors} error(s); run 'dytool check'." if en
                               else f"仓库有 {errors} 个错误，简报可能不完整；运行 dytool check 查看。", style="bold red"))
    finally:
        if handle is not None:
            handle.close()


def _lists(out: _Out, b: Briefing) -> None:
    console, en, day = out.console, out.en, out.day
    out.title("lists")
    for line in list_lines(b, en):
        console.print(line)
    rows = b.lists.overdue
    if rows:
        table = _table(*(("Overdue", "Item", "Owner unit", "Due", "Days") if en else ("逾期事项", "名称", "责任单位", "时限", "逾期天数")))
        for o in b.lists.overdue[:MAX_ROWS]:
            table.add_row(overdue_kind(o.kind, en), f"{o.id} {o.title}", o.owner_unit_name or "—", day(o.due), Text(str(o.days_overdue), style="bold red"))
        console.print(table)
        _more(console, len(rows) - MAX_ROWS, en, "filter with --unit" if en else "用 --unit 筛选")
    if b.lists.stale:
        shown = stale_text(b.lists.stale[:MAX_ROWS], en)
        console.print(Text(f"not updated lately: {shown}" if en else f"久未更新：{shown}", style="dim"))
        _more(console, len(b.lists.stale) - MAX_ROWS, en, "filter with --unit" if en else "用 --unit 筛选")
