"""``dytool status``: the meeting briefing as rich text, Markdown, JSON (or Word)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dytool.checks import SUITE
from dytool.cli.settings import Settings
from dytool.core.errors import EXIT_FINDINGS, EXIT_OK, UserError
from dytool.core.findings import Lang, Severity

if TYPE_CHECKING:
    from dytool.status.changes import Changes

__all__ = ["run_status"]

FORMATS = ("text", "md", "json", "docx", "pdf")


def run_status(settings: Settings, output_format: str, *, leader: str | None, unit: str | None, output: Path | None,
               since: str | None = None) -> int:
    if output_format not in FORMATS:
        raise UserError(f"--format 只能是 {'|'.join(FORMATS)}", f"--format must be one of {'|'.join(FORMATS)}")
    as_of = settings.as_of
    root = settings.root()
    from dytool.engine.load import load_repository
    from dytool.status import compute_status

    loaded = load_repository(root, SUITE, settings.load_options, keep_records=False)
    repo = loaded.repo
    campaign = repo.campaign
    lang = settings.lang(campaign.language if campaign else None)
    if campaign is None:
        raise UserError("campaign.yaml 有错误，无法生成简报；先运行 dytool check 查看并改正",
                        "campaign.yaml has errors, so there is no briefing; run 'dytool check' and fix them",
                        exit_code=EXIT_FINDINGS)
    for option, kind, value in (("--leader", "person", leader), ("--unit", "unit", unit)):
        if value is not None and not any(e.record.id == value for e in repo.entries(kind)):
            raise UserError(f"{option}：找不到编号“{value}”", f"{option}: no {kind} with id {value!r}")
    briefing = compute_status(repo, campaign, as_of, leader=leader, unit=unit)
    changes = None
    if since is not None:
        from dytool.status.changes import changes_since

        changes = changes_since(root, since, as_of, settings.load_options)
    errors = sum(1 for f in loaded.findings if f.severity is Severity.ERROR)
    if output_format in ("docx", "pdf"):
        from dytool.cli.cmd_compile import Output, write_word
        from dytool.documents.model import Markdown
        from dytool.present.briefing_md import briefing_markdown
        from dytool.source.output import default_folder

        text = briefing_markdown(briefing, lang) + _since_markdown(changes, since, lang)
        body = text.split("\n", 1)[1] if text.startswith("# ") else text  # the title goes on the title line
        out = Output(lang)
        path = output or default_folder(settings.cwd, "build") / f"会前简报-{as_of.isoformat()}.{output_format}"
        write_word(out, path, [Markdown(body, new_page=False, title=f"{campaign.title}会前简报")], {output_format},
                   title=f"{campaign.title}会前简报", author=campaign.issuer or "", subject=campaign.title, as_of=as_of,
                   campaign=campaign, reference=None)
        code = out.finish()
        return EXIT_FINDINGS if errors else code
    if output_format == "json":
        from dytool.present.briefing_md import briefing_json

        report = briefing_json(briefing)
        if changes is not None:
            from dytool.status.changes import changes_json

            report["changes"] = changes_json(changes)
        text = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    elif output_format == "md":
        from dytool.present.briefing_md import briefing_markdown

        text = briefing_markdown(briefing, lang) + _since_markdown(changes, since, lang)
    else:
        from dytool.present.briefing_text import show_status

        show_status(briefing, lang, color=settings.color and output is None, output=output, errors=errors,
                    since=_since_lines(changes, since, lang, markdown=False))
        return EXIT_FINDINGS if errors else EXIT_OK
    if output is None:
        sys.stdout.write(text)
    else:
        from dytool.cli.cmd_compile import write_document

        write_document(output, text.encode("utf-8"))
    if errors:
        print(f"dytool: 仓库有 {errors} 个错误，简报可能不完整（运行 dytool check 查看）" if lang.value == "zh"
              else f"dytool: the repository has {errors} error(s); the briefing may be incomplete (run 'dytool check')", file=sys.stderr)
    return EXIT_FINDINGS if errors else EXIT_OK


def _since_lines(changes: Changes | None, since: str | None, lang: Lang, *, markdown: bool) -> list[str]:
    """Section 8 of the briefing: what changed since the last meeting."""
    if changes is None:
        return []
    from dytool.cli.cmd_diff import changes_lines

    lines = changes_lines(changes, lang, markdown=markdown)
    title = f"Since {since}" if lang is Lang.EN else f"自 {since} 以来"
    return [f"## {title}" if markdown else title, "", *(lines or ["no changes" if lang is Lang.EN else "没有变化"])]


def _since_markdown(changes: Changes | None, since: str | None, lang: Lang) -> str:
    lines = _since_lines(changes, since, lang, markdown=True)
    return ("\n" + "\n".join(lines) + "\n") if lines else ""
