"""The roll-up's "since the last meeting" section, in Markdown, plain lines and JSON."""

from __future__ import annotations

from typing import Any

from dytool.core.findings import Lang
from dytool.present.rollup_md import day_text, pct, rounded
from dytool.rollup.changes import RollupChanges
from dytool.rollup.textsafe import markdown as esc

__all__ = ["changes_json", "changes_lines", "changes_markdown"]


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else str(n)


def changes_lines(changes: RollupChanges, lang: Lang, *, markdown: bool) -> list[str]:
    en = lang is Lang.EN
    name = esc if markdown else (lambda text, limit=100: str(text))
    title = f"Since {changes.since.isoformat()}" if en else f"自{day_text(changes.since, en)}以来"
    lines = [f"## {title}" if markdown else title, ""]
    for m in changes.members:
        rank = ""
        if m.rank_before != m.rank_after:
            rank = (f", rank {m.rank_before or '—'} → {m.rank_after or '—'}" if en else f"，排名 {m.rank_before or '—'} → {m.rank_after or '—'}")
        if en:
            lines.append(f"- {name(m.name)}: found {_signed(m.found)}, closed {_signed(m.closed)}, overdue {_signed(m.overdue)}; "
                         f"closure rate {pct(m.rate_before)} → {pct(m.rate_after)}{rank}; {m.newly_overdue} newly overdue, "
                         f"{m.no_longer_overdue} no longer overdue")
        else:
            lines.append(f"- {name(m.name)}：新发现 {_signed(m.found)}，新销号 {_signed(m.closed)}，逾期 {_signed(m.overdue)}；"
                         f"销号率 {pct(m.rate_before)} → {pct(m.rate_after)}{rank}；新逾期 {m.newly_overdue} 个，不再逾期 {m.no_longer_overdue} 个")
    for label_zh, label_en, names in (("新纳入汇总", "joined", changes.joined), ("本次未能汇总", "not combined now", changes.failing_now),
                                      ("恢复汇总", "combined again", changes.recovered)):
        if names:
            lines.append(f"- {label_en}: {', '.join(name(n) for n in names)}" if en else f"- {label_zh}：{'、'.join(name(n) for n in names)}")
    if len(lines) == 2:
        lines.append("no changes" if en else "没有变化")
    return lines


def changes_markdown(changes: RollupChanges | None, lang: Lang) -> str:
    if changes is None:
        return ""
    return "\n" + "\n".join(changes_lines(changes, lang, markdown=True)) + "\n"


def changes_json(changes: RollupChanges) -> dict[str, Any]:
    return {
        "since": changes.since.isoformat(),
        "members": [{"name": m.name, "found": m.found, "closed": m.closed, "overdue": m.overdue, "closure_rate_before": rounded(m.rate_before),
                     "closure_rate_after": rounded(m.rate_after), "rank_before": m.rank_before, "rank_after": m.rank_after,
                     "newly_overdue": m.newly_overdue, "no_longer_overdue": m.no_longer_overdue} for m in changes.members],
        "joined": list(changes.joined), "not_combined_now": list(changes.failing_now), "combined_again": list(changes.recovered),
    }
