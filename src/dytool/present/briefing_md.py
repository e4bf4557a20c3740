"""The briefing as JSON (machine values, stable keys) and as Markdown (to paste into notes).

The JSON keys are those of cli.md: ``campaign, as_of, stages, milestones, recurring, topics,
leaders, lists, burden, changes``; every item carries its ``id`` and every status its
machine value from dates.md.  Markdown shows Chinese labels (or English with ``lang=en``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from enum import Enum
from typing import Any

from dytool.core.findings import Lang
from dytool.core.text import sanitized
from dytool.dates import Status
from dytool.facts.topics import TopicStage
from dytool.status.model import Briefing, MilestoneLine, Occurrence, RecurringLine, StaleItem

__all__ = [
    "SECTION_TITLES", "STATUS_LABELS", "briefing_json", "briefing_markdown", "chinese_date", "due_shown", "list_lines",
    "milestone_note", "overdue_kind", "recurring_details", "stale_text", "topic_stage_line",
]

SECTION_TITLES = {
    "campaign": ("活动与日期", "Campaign"),
    "milestones": ("时间节点", "Milestones"),
    "recurring": ("常态化要求", "Recurring obligations"),
    "topics": ("课题进展", "Topics"),
    "leaders": ("领导调研", "Leaders"),
    "lists": ("三张清单", "The three lists"),
    "burden": ("基层负担", "Burden on hosts"),
    "changes": ("会后变化", "Since the last meeting"),
}
STATUS_LABELS = {s: (s.label_zh, s.value.replace("_", " ")) for s in Status}


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if hasattr(value, "progress") and "elapsed_days" in out:
            out["progress"] = value.progress
        return out
    return value


def briefing_json(b: Briefing) -> dict[str, Any]:
    return {
        "campaign": _plain(b.campaign),
        "as_of": b.as_of.isoformat(),
        "stages": {"current": _plain(b.stages), "next": _plain(b.next_stage)},
        "milestones": _plain(b.milestones),
        "recurring": _plain(b.recurring),
        "topics": _plain(b.topics),
        "leaders": _plain(b.leaders),
        "lists": _plain(b.lists),
        "burden": _plain(b.burden),
        "changes": None,
    }


def chinese_date(day: dt.date, *, with_day: bool = True) -> str:
    """2023-09-15 → 2023年9月15日 (the form used in the body of official documents)."""
    return f"{day.year}年{day.month}月{day.day}日" if with_day else f"{day.year}年{day.month}月"


def _day(day: dt.date | None, en: bool) -> str:
    if day is None:
        return "—"
    return day.isoformat() if en else chinese_date(day)


def _ratio(part: int, whole: int) -> str:
    """A percentage from the counts themselves (4 of 21 is 19.0%, not the 19.1% of a rate
    already rounded to 0.1905)."""
    return f"{part * 100 / whole:.1f}%" if whole else "—"


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def _milestone_progress(m: MilestoneLine) -> str:
    return f"{m.done}/{m.total}" if m.total is not None else ""


def due_shown(m: MilestoneLine, en: bool) -> str:
    """A milestone's due day, with the phrase as written when it says more; none for 常态化."""
    if m.due is None:
        return "—"
    return _day(m.due, en) + (f"（{m.due_text}）" if m.due_text and m.due_text != m.due.isoformat() else "")


def milestone_note(m: MilestoneLine, en: bool) -> list[str]:
    """What the briefing says about a milestone besides its status (text and Markdown alike)."""
    note = []
    if m.status is Status.OVERDUE:
        note.append(f"overdue {m.days_overdue} d" if en else f"逾期 {m.days_overdue} 天")
    elif m.status in (Status.DUE_SOON, Status.PENDING):
        left = f"{m.days_left} d left" if en else f"剩余 {m.days_left} 天"
        if m.workdays_left is not None:
            left += f" ({m.workdays_left} working)" if en else f"（工作日 {m.workdays_left} 天）"
        note.append(left)
    if m.done_on is not None:
        note.append(f"done {m.done_on.isoformat()}" if en else f"{_day(m.done_on, en)}完成")
    if m.missing:
        names = m.missing if en else (m.missing_names or m.missing)
        shown = (", " if en else "、").join(names[:8]) + (("..." if en else "…") if len(names) > 8 else "")
        note.append(f"missing: {shown}" if en else f"未完成：{shown}")
    if m.non_working_due and not m.status.is_done and m.due is not None:
        note.append("due on a non-working day" if en else "截止日为非工作日")
    return note


def recurring_details(r: RecurringLine, en: bool) -> tuple[str, list[str]]:
    """A recurring obligation's line and its details: who has not handed in the current
    occurrence, what was missed (by whom), what was late."""
    line = f"{r.title} ({r.rule})" if en else f"{r.title}（{r.rule}）"
    if r.current is not None:
        c = r.current
        line += (f": current {c.period}, due {c.due.isoformat()}, {STATUS_LABELS[c.status][1]}" if en
                 else f"：本期 {c.period}，{_day(c.due, en)}截止，{STATUS_LABELS[c.status][0]}")
    line += f"; handed in {r.met}/{r.due_so_far}" if en else f"；已报送 {r.met}/{r.due_so_far}" + ("" if r.members else " 期")
    details = []
    sep = ", " if en else "、"
    if r.not_submitted and r.current is not None:
        names = sep.join(r.not_submitted if en else (r.not_submitted_names or r.not_submitted))
        details.append(f"not yet handed in for {r.current.period}: {names}" if en else f"本期尚未报送：{names}")
    if r.missed:
        details.append(("missed: " if en else "未报送：") + sep.join(_occurrence(o, en) for o in r.missed))
    if r.late:
        details.append(("late: " if en else "逾期报送：") + sep.join(
            f"{_occurrence(o, en)} ({_day(o.submitted_on, en)})" if en else f"{_occurrence(o, en)}（{_day(o.submitted_on, en)}）" for o in r.late))
    return line, details


def stale_text(stale: tuple[StaleItem, ...], en: bool) -> str:
    """``P-09 (158 d), P-16 (136 d)`` / ``P-09（158天）、P-16（136天）``."""
    if en:
        return ", ".join(f"{s.id} ({s.days} d)" for s in stale)
    return "、".join(f"{s.id}（{s.days}天）" for s in stale)


def _occurrence(o: Occurrence, en: bool) -> str:
    who = o.by if en else (o.by_name or o.by)
    return f"{who} {o.period}" if who else o.period


def topic_stage_line(b: Briefing, en: bool) -> str:
    """Topics per derived stage: the steps the campaign uses, and 选题 when a topic is there."""
    steps = set(b.topics.steps) or {s.value for s in TopicStage}
    shown = [s for s in TopicStage if s.value in steps or b.topics.by_stage.get(s.value, 0)]
    return " · ".join(f"{(s.value if en else s.label_zh)} {b.topics.by_stage.get(s.value, 0)}" for s in shown)


_KINDS = {"problem": ("问题", "problem"), "solution": ("解决事项", "solution"), "institution": ("制度", "institution")}


def overdue_kind(kind: str, en: bool) -> str:
    return _KINDS.get(kind, (kind, kind))[1 if en else 0]


def list_lines(b: Briefing, en: bool) -> list[str]:
    """The three lists' counts, one line each."""
    lists = b.lists
    p = lists.problems
    inst = lists.institutions
    if en:
        return [
            f"Problems: {p.found} found, {p.closed} closed ({p.closed_on_time} on time), {p.open} open, "
            f"{p.overdue} overdue, {p.escalated} escalated, {p.long_term} long-term; closure rate {_ratio(p.closed, p.found)}, "
            f"on-time rate {_ratio(p.closed_on_time, p.closed + p.overdue)}",
            f"Solutions: {lists.solutions_done}/{lists.solutions_total} done, {lists.solutions_overdue} overdue",
            f"Institutions: {inst.get('issued', 0)} issued, {inst.get('reviewing', 0)} under review, {inst.get('drafting', 0)} drafting, "
            f"{lists.institutions_overdue} overdue",
        ]
    return [
        f"问题清单：发现 {p.found} 个，已销号 {p.closed} 个（按时 {p.closed_on_time} 个），未销号 {p.open} 个，"
        f"其中逾期 {p.overdue} 个、提请统筹 {p.escalated} 个、长期坚持 {p.long_term} 个；销号率 {_ratio(p.closed, p.found)}，"
        f"按时销号率 {_ratio(p.closed_on_time, p.closed + p.overdue)}",
        f"问题解决清单：完成 {lists.solutions_done}/{lists.solutions_total} 项，逾期 {lists.solutions_overdue} 项",
        f"制度清单：已出台 {inst.get('issued', 0)} 项，审议中 {inst.get('reviewing', 0)} 项，起草中 {inst.get('drafting', 0)} 项，逾期 {lists.institutions_overdue} 项",
    ]


def briefing_markdown(b: Briefing, lang: Lang = Lang.ZH) -> str:
    b = sanitized(b)  # the Markdown is shown in terminals too: no control characters from records
    en = lang is Lang.EN
    t = {k: v[1] if en else v[0] for k, v in SECTION_TITLES.items()}
    out: list[str] = []
    add = out.append
    add(f"# {b.campaign.title}")
    add("")
    add(f"{'As of' if en else '统计日期'}：{_day(b.as_of, en)}" if not en else f"As of {b.as_of.isoformat()}")
    if b.filters:
        add("")
        add(("Filtered: " if en else "筛选：") + ", ".join(f"{k}={v}" for k, v in b.filters.items()))
    add("")
    add(f"## {t['campaign']}")
    add("")
    if b.stages:
        for s in b.stages:
            if en:
                add(f"- Current stage: **{s.title}** ({s.start.isoformat()} to {s.end.isoformat()}), day {s.elapsed_days} of {s.total_days} ({s.progress * 100:.0f}%), {s.days_left} days left")
            else:
                add(f"- 当前阶段：**{s.title}**（{_day(s.start, en)}至{_day(s.end, en)}），第 {s.elapsed_days}/{s.total_days} 天（{s.progress * 100:.0f}%），剩余 {s.days_left} 天")
    elif b.next_stage is not None:
        n = b.next_stage
        add(f"- Next stage: **{n.title}** starts {n.start.isoformat()} (in {n.days_until} days)" if en
            else f"- 下一阶段：**{n.title}**，{_day(n.start, en)}开始（{n.days_until} 天后）")
    else:
        add("- No current stage" if en else "- 当前不在任何阶段内")
    if b.stages and b.next_stage is not None:
        n = b.next_stage
        add(f"- Next stage: **{n.title}** starts {n.start.isoformat()}" if en else f"- 下一阶段：**{n.title}**，{_day(n.start, en)}开始")
    add("")
    if b.milestones:
        add(f"## {t['milestones']}")
        add("")
        head = ("| Milestone | Due | Status | Progress | Note |", "| 时间节点 | 截止时间 | 状态 | 进度 | 说明 |")[not en]
        add(head)
        add("|---|---|---|---|---|")
        for m in b.milestones:
            note = milestone_note(m, en)
            add(f"| {_cell(m.title)} | {due_shown(m, en)} | {STATUS_LABELS[m.status][en]} | {_milestone_progress(m)} | {_cell('；'.join(note) if not en else '; '.join(note))} |")
        add("")
    if b.recurring:
        add(f"## {t['recurring']}")
        add("")
        for r in b.recurring:
            line, details = recurring_details(r, en)
            add(f"- {line}")
            for detail in details:
                add(f"  - {detail}")
        add("")
    if b.topics.total:
        _topics_md(b, en, t["topics"], add)
    if b.leaders:
        add(f"## {t['leaders']}")
        add("")
        month = f"{b.as_of.year}-{b.as_of.month:02d}" if en else f"{b.as_of.month}月"
        add(f"| Leader | Title | Topics | Visit days in {month} | Last visit |" if en else f"| 领导 | 职务 | 领题 | {month}调研天数 | 最近一次调研 |")
        add("|---|---|---|---|---|")
        for leader in b.leaders:
            days = f"{leader.visit_days}/{leader.required_days}" if leader.required_days is not None else str(leader.visit_days)
            add(f"| {_cell(leader.name)} | {_cell(leader.title or '')} | {leader.topics} | {days} | {_day(leader.last_visit, en)} |")
        add("")
    if not b.lists.empty:
        _lists_md(b, en, t["lists"], add)
    if b.burden:
        add(f"## {t['burden']}")
        add("")
        for busy in b.burden:
            add(f"- {busy.host_name}: {busy.visits} visits between {busy.window_start.isoformat()} and {busy.window_end.isoformat()} (limit {busy.max_visits}): {', '.join(busy.visit_ids)}" if en
                else f"- {busy.host_name}：{_day(busy.window_start, en)}至{_day(busy.window_end, en)}接待调研 {busy.visits} 批次（上限 {busy.max_visits}）：{'、'.join(busy.visit_ids)}")
        add("")
    return "\n".join(out).rstrip("\n") + "\n"


def _topics_md(b: Briefing, en: bool, title: str, add: Callable[[str], None]) -> None:
    add(f"## {title}")
    add("")
    add((f"{b.topics.total} topics: " if en else f"课题 {b.topics.total} 个：") + topic_stage_line(b, en))
    if b.topics.behind:
        add("")
        add("Behind the milestones:" if en else "进度滞后于时间节点：")
        add("")
        for late in b.topics.behind:
            now, expected = (late.stage.value, late.expected.value) if en else (late.stage.label_zh, late.expected.label_zh)
            add(f"- {late.id} {late.title}（{late.leader_name or '—'}）：{'now' if en else '现为'}“{now}”，{'expected' if en else '应达'}“{expected}”")
    add("")


def _lists_md(b: Briefing, en: bool, title: str, add: Callable[[str], None]) -> None:
    lists = b.lists
    add(f"## {title}")
    add("")
    for line in list_lines(b, en):
        add(f"- {line}")
    if lists.overdue:
        add("")
        add("| Overdue | Item | Owner unit | Due | Days overdue |" if en else "| 逾期事项 | 名称 | 责任单位 | 时限 | 逾期天数 |")
        add("|---|---|---|---|---|")
        for o in lists.overdue:
            add(f"| {overdue_kind(o.kind, en)} | {o.id} {_cell(o.title)} | {_cell(o.owner_unit_name or '—')} | {_day(o.due, en)} | {o.days_overdue} |")
    if lists.stale:
        add("")
        add((f"Not updated lately ({len(lists.stale)}): " if en else f"久未更新（{len(lists.stale)} 项）：")
            + stale_text(lists.stale, en))
    add("")
