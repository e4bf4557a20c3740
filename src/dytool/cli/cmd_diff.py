"""``dytool diff REF [REF2]``: what changed, in campaign terms; also renders ``status --since``."""

from __future__ import annotations

import json
import sys

from dytool.cli.settings import Settings
from dytool.core.errors import EXIT_OK, UserError
from dytool.core.findings import Lang
from dytool.status.changes import SECTIONS, Changes

__all__ = ["changes_lines", "run_diff"]

FORMATS = ("text", "md", "json")

_HEADINGS = {
    "new_problems": ("新发现问题", "new problems"),
    "closed_problems": ("已销号问题", "problems closed"),
    "reopened_problems": ("重新打开的问题", "problems reopened"),
    "new_visits": ("新增调研活动", "new visits"),
    "topic_stages": ("课题阶段变化", "topics that moved stage"),
    "milestones_met": ("完成的时间节点", "milestones met"),
    "solutions_done": ("完成的解决事项", "solutions done"),
    "institutions_issued": ("出台的制度", "institutions issued"),
    "added": ("其他新增记录", "other records added"),
    "edited": ("修改的记录", "records edited"),
    "removed": ("删除的记录", "records removed"),
}


def _stage_label(detail: str) -> str:
    from dytool.facts.topics import TopicStage

    parts = detail.split("→")
    try:
        return "→".join(TopicStage.coerce(p).label_zh for p in parts)
    except Exception:  # noqa: BLE001 - show it as it is
        return detail


def changes_lines(changes: Changes, lang: Lang, *, markdown: bool = False) -> list[str]:
    """The changes as lines of text (or Markdown): a heading per non-empty section, an item a line."""
    zh = lang is Lang.ZH
    lines: list[str] = []
    for name in SECTIONS:
        items = getattr(changes, name)
        if not items:
            continue
        title = _HEADINGS[name][0 if zh else 1]
        lines.append(f"### {title}（{len(items)}）" if markdown and zh else f"### {title} ({len(items)})" if markdown
                     else f"{title}（{len(items)}）" if zh else f"{title} ({len(items)})")
        for change in items:
            detail = _stage_label(change.detail) if name == "topic_stages" and zh else change.detail
            if name == "edited" and detail:
                detail = ("改了 " if zh else "changed ") + detail
            tail = f"  {detail}" if detail else ""
            lines.append(f"{'- ' if markdown else '  '}{change.id} {change.title}{tail}")
        if markdown:
            lines.append("")
    return lines


def run_diff(settings: Settings, ref: str, ref2: str | None, output_format: str) -> int:
    if output_format not in FORMATS:
        raise UserError(f"--format 只能是 {'|'.join(FORMATS)}", f"--format must be one of {'|'.join(FORMATS)}")
    as_of, root, lang = settings.as_of, settings.root(), settings.lang()
    from dytool.status.changes import changes_json, diff_refs

    changes = diff_refs(root, ref, ref2, as_of, settings.load_options)
    if output_format == "json":
        sys.stdout.write(json.dumps(changes_json(changes), ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    zh = lang is Lang.ZH
    target = ref2 or ("工作区" if zh else "the working tree")
    head = f"{ref} → {target}"
    print(f"## {head}\n" if output_format == "md" else head)
    lines = changes_lines(changes, lang, markdown=output_format == "md")
    print("\n".join(lines) if lines else ("没有变化" if zh else "no changes"))
    return EXIT_OK
