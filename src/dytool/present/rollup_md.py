"""The roll-up's briefing as JSON (complete, machine values) and Markdown (to paste or print).

Every member text is escaped (:func:`dytool.rollup.textsafe.markdown`), so a member's title
cannot turn into a link, a heading or a table cell of its own.  Markdown lists at most
:data:`MAX_ITEMS` overdue problems and behind topics per member (the member's own briefing has
the rest); JSON has everything the members published.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from dytool.core.findings import Finding, Lang
from dytool.present.briefing_md import chinese_date
from dytool.rollup.model import Counts, MemberFigures, RollupView
from dytool.rollup.textsafe import markdown as esc

__all__ = ["MAX_ITEMS", "STAGE_LABELS", "day_text", "pct", "rollup_json", "rollup_markdown", "rounded", "version_text"]

MAX_ITEMS = 10
STAGE_LABELS = {"proposed": "选题", "claimed": "领题", "planned": "立题", "researching": "调研", "reported": "结题", "evaluated": "评审",
                "converted": "转化"}


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def day_text(day: dt.date | None, en: bool) -> str:
    if day is None:
        return "—"
    return day.isoformat() if en else chinese_date(day)


def version_text(m: MemberFigures) -> str:
    """The state the figures came from, short: the commit, else the content digest."""
    return m.commit[:10] if m.commit else m.digest.removeprefix("sha256:")[:10]


def rounded(value: float | None) -> float | None:
    """A rate in JSON: four decimals, as ``dytool status --format json`` writes them."""
    return None if value is None else round(value, 4)


def _counts_json(c: Counts) -> dict[str, Any]:
    return {"found": c.found, "closed": c.closed, "closed_on_time": c.closed_on_time, "closed_late": c.closed_late, "open": c.open,
            "overdue": c.overdue, "closure_rate": rounded(c.closure_rate), "on_time_rate": rounded(c.on_time_rate)}


def _finding_json(f: Finding, en: bool) -> dict[str, Any]:
    return {"code": f.code, "severity": f.severity.value, "file": f.file, "line": f.line, "column": f.column,
            "message": f.message_en if en else f.message_zh}


def _member_json(m: MemberFigures) -> dict[str, Any]:
    return {
        "name": m.name, "kind": m.kind.value, "source": m.source, "campaign": {"id": m.campaign_id, "title": m.campaign_title},
        "as_of": m.as_of.isoformat(), "age_days": m.age_days, "stale": m.stale, "commit": m.commit, "digest": m.digest, "errors": m.errors,
        "problems": _counts_json(m.problems), "solutions": {"done": m.solutions_done, "total": m.solutions_total},
        "institutions_issued": m.institutions_issued,
        "topics": {"total": m.topics_total, "behind_total": m.topics_behind_total,
                   "behind": [{"id": t.id, "title": t.title, "leader": t.leader, "stage": t.stage, "expected": t.expected} for t in m.topics_behind]},
        "leaders_below": {"month": m.leaders_month,
                          "leaders": [{"name": b.name, "title": b.title, "days": b.days, "required": b.required} for b in m.leaders_below]},
        "overdue_total": m.overdue_total,
        "overdue": [{"id": o.id, "title": o.title, "owner_unit": o.owner_unit, "due": o.due.isoformat(), "days_overdue": o.days_overdue}
                    for o in m.overdue],
        "milestones_overdue": list(m.behind.milestones), "submissions_missed": list(m.behind.submissions),
    }


def rollup_json(v: RollupView, lang: Lang = Lang.ZH) -> dict[str, Any]:
    en = lang is Lang.EN
    return {
        "rollup": {"id": v.id, "title": v.title, "issuer": v.issuer},
        "as_of": v.as_of.isoformat(),
        "stale_days": v.stale_days,
        "members_configured": v.configured,
        "members_combined": len(v.members),
        "totals": _counts_json(v.totals),
        "ranking": [{"rank": line.rank, "on_time_rank": line.on_time_rank, "name": line.member.name, "kind": line.member.kind.value, "as_of": line.member.as_of.isoformat(),
                     "stale": line.member.stale, **_counts_json(line.member.problems)} for line in v.ranking],
        "members": [_member_json(m) for m in v.members],
        "failed": [{"name": f.name, "kind": f.kind.value if f.kind else None, "source": f.source, "code": f.code, "reason": f.reason_en if en else f.reason_zh,
                    "where": f.where} for f in v.failed],
        "findings": [_finding_json(f, en) for f in v.findings],
        "changes": None,
    }


def _kind(m: MemberFigures, en: bool) -> str:
    return m.kind.value if en else m.kind.label_zh


def rollup_markdown(v: RollupView, lang: Lang = Lang.ZH) -> str:
    en = lang is Lang.EN
    out: list[str] = []
    add = out.append
    add(f"# {esc(v.title, 200)}")
    add("")
    if en:
        add(f"As of {v.as_of.isoformat()} · {len(v.members)} of {v.configured} members combined")
    else:
        add(f"统计日期：{chinese_date(v.as_of)}　纳入汇总 {len(v.members)}/{v.configured} 个成员")
    add("")
    if not v.configured:
        add("rollup.yaml lists no members yet." if en else "rollup.yaml 中还没有成员。")
        add("")
    if v.findings:
        _findings_md(v, en, add)
    if v.ranking:
        _ranking_md(v, en, add)
        _members_md(v, en, add)
        _overdue_md(v, en, add)
        _topics_md(v, en, add)
        _leaders_md(v, en, add)
        _behind_md(v, en, add)
    return "\n".join(out).rstrip("\n") + "\n"


def _findings_md(v: RollupView, en: bool, add: Callable[[str], None]) -> None:
    add("## Members' data" if en else "## 数据报送情况")
    add("")
    add("| Where | Code | Finding |" if en else "| 位置 | 代码 | 情况 |")
    add("|---|---|---|")
    for f in v.findings:
        level = ("error" if f.is_error else "warning") if en else f.severity.label_zh
        add(f"| {esc(f.where, 200)} | {f.code} {level} | {esc(f.message_en if en else f.message_zh, 600)} |")
    add("")


def _ranking_md(v: RollupView, en: bool, add: Callable[[str], None]) -> None:
    add("## Ranking by closure rate" if en else "## 销号率排名")
    add("")
    add("| Rank | Member | Kind | As of | Problems | Closed | On time | Open | Overdue | Closure rate | On-time rate | On-time rank |" if en
        else "| 排名 | 成员 | 类型 | 数据截至 | 问题总数 | 已销号 | 按时销号 | 未销号 | 逾期未销号 | 销号率 | 按时销号率 | 按时销号率排名 |")
    add("|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for line in v.ranking:
        m, p = line.member, line.member.problems
        stale = (" (stale)" if en else "（数据过期）") if m.stale else ""
        add(f"| {line.rank if line.rank is not None else '—'} | {esc(m.name, 100)}{stale} | {_kind(m, en)} | {day_text(m.as_of, en)} | {p.found} | "
            f"{p.closed} | {p.closed_on_time} | {p.open} | {p.overdue} | {pct(p.closure_rate)} | {pct(p.on_time_rate)} | "
            f"{line.on_time_rank if line.on_time_rank is not None else '—'} |")
    t = v.totals
    add(f"|  | {'Total' if en else '合计'} |  |  | {t.found} | {t.closed} | {t.closed_on_time} | {t.open} | {t.overdue} | "
        f"{pct(t.closure_rate)} | {pct(t.on_time_rate)} |  |")
    add("")


def _members_md(v: RollupView, en: bool, add: Callable[[str], None]) -> None:
    add("## Members" if en else "## 成员概况")
    add("")
    add("| Member | Campaign | Topics | Behind | Solutions done | Institutions issued | Data version |" if en
        else "| 成员 | 活动 | 课题 | 滞后课题 | 问题解决清单完成 | 制度已出台 | 数据版本 |")
    add("|---|---|---:|---:|---:|---:|---|")
    for m in v.members:
        add(f"| {esc(m.name, 100)} | {esc(m.campaign_title)} | {m.topics_total} | {m.topics_behind_total} | "
            f"{m.solutions_done}/{m.solutions_total} | {m.institutions_issued} | {version_text(m)} |")
    add("")


def _more(hidden: int, en: bool) -> str:
    return f"… and {hidden} more (see the member's own briefing)" if en else f"……另有 {hidden} 项（见该成员的简报）"


def _overdue_md(v: RollupView, en: bool, add: Callable[[str], None]) -> None:
    late = [m for m in v.members if m.overdue_total]
    if not late:
        return
    add("## Overdue problems" if en else "## 逾期未销号问题")
    add("")
    for m in late:
        add(f"### {esc(m.name, 100)} ({m.overdue_total})" if en else f"### {esc(m.name, 100)}（{m.overdue_total} 个）")
        add("")
        add("| Problem | Owner unit | Due | Days overdue |" if en else "| 问题 | 责任单位 | 整改时限 | 逾期天数 |")
        add("|---|---|---|---:|")
        for o in m.overdue[:MAX_ITEMS]:
            add(f"| {esc(o.id, 64)} {esc(o.title)} | {esc(o.owner_unit or '—', 100)} | {day_text(o.due, en)} | {o.days_overdue} |")
        if m.overdue_total > MAX_ITEMS:
            add("")
            add(_more(m.overdue_total - min(MAX_ITEMS, len(m.overdue)), en))
        add("")


def _topics_md(v: RollupView, en: bool, add: Callable[[str], None]) -> None:
    behind = [m for m in v.members if m.topics_behind]
    if not behind:
        return
    add("## Topics behind the milestones" if en else "## 进度滞后的课题")
    add("")
    for m in behind:
        shown = m.topics_behind[:MAX_ITEMS]
        items = "; ".join(f"{esc(t.id, 64)} {esc(t.title)} ({esc(t.leader or '—', 100)}): {t.stage}, expected {t.expected}" for t in shown) if en \
            else "；".join(f"{esc(t.id, 64)} {esc(t.title)}（{esc(t.leader or '—', 100)}）：现为“{STAGE_LABELS.get(t.stage, t.stage)}”，"
                          f"应达“{STAGE_LABELS.get(t.expected, t.expected)}”" for t in shown)
        hidden = m.topics_behind_total - len(shown)
        add(f"- **{esc(m.name, 100)}** ({m.topics_behind_total}): {items}" + (f"; {_more(hidden, en)}" if hidden > 0 else "") if en
            else f"- **{esc(m.name, 100)}**（{m.topics_behind_total} 个）：{items}" + (f"；{_more(hidden, en)}" if hidden > 0 else ""))
    add("")


def _leaders_md(v: RollupView, en: bool, add: Callable[[str], None]) -> None:
    below = [m for m in v.members if m.leaders_below]
    if not below:
        return
    add("## Leaders below the visit rule" if en else "## 调研天数未达要求的领导")
    add("")
    for m in below:
        month = m.leaders_month or ""
        label = month if en else f"{int(month[5:])}月" if month else ""
        people = ", ".join(f"{esc(b.name, 100)} ({esc(b.title or '—')}) {b.days}/{b.required} d" for b in m.leaders_below) if en \
            else "、".join(f"{esc(b.name, 100)}（{esc(b.title or '—')}）{b.days}/{b.required} 天" for b in m.leaders_below)
        add(f"- **{esc(m.name, 100)}** ({label}): {people}" if en else f"- **{esc(m.name, 100)}**（{label}）：{people}")
    add("")


def _behind_md(v: RollupView, en: bool, add: Callable[[str], None]) -> None:
    late = [m for m in v.members if m.behind.milestones or m.behind.submissions]
    if not late:
        return
    add("## Milestones and submissions" if en else "## 时间节点和常态化报送")
    add("")
    for m in late:
        parts = []
        if m.behind.milestones:
            parts.append(("overdue: " if en else "逾期未完成：") + ("; " if en else "；").join(esc(t) for t in m.behind.milestones))
        if m.behind.submissions:
            parts.append(("missed: " if en else "未按要求报送：") + ("; " if en else "；").join(esc(t) for t in m.behind.submissions))
        add(f"- **{esc(m.name, 100)}**: " + " · ".join(parts) if en else f"- **{esc(m.name, 100)}**：" + "。".join(parts))
    add("")
