"""``dytool rollup status|bulletin|export|schema``: the level above, over its members' summaries.

Exit codes as for a campaign: 0 when every member was combined (stale ones included, with a
warning), 1 when a member could not be combined or rollup.yaml has an error (the output is
still written, with every other member), 2 for usage errors.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dytool.checks import SUITE
from dytool.cli.settings import Settings, start_method
from dytool.core.errors import EXIT_FINDINGS, EXIT_OK, UserError
from dytool.core.findings import Lang

if TYPE_CHECKING:
    from dytool.rollup.run import Rollup

__all__ = ["run_rollup_bulletin", "run_rollup_export", "run_rollup_schema", "run_rollup_status"]

FORMATS = ("text", "md", "json", "docx")
DOC_FORMATS = ("md", "docx", "all")


def _root(settings: Settings) -> Path:
    from dytool.rollup.config import NoRollup, find_rollup_root

    start = settings.directory or Path.cwd()
    if settings.directory is not None and not settings.directory.is_dir():
        raise UserError(f"目录“{settings.directory}”不存在", f"directory {str(settings.directory)!r} does not exist")
    try:
        return find_rollup_root(start)
    except NoRollup:
        raise UserError(f"在“{start}”及其上级目录中找不到 rollup.yaml：这里不是汇总仓库",
                        f"no rollup.yaml in {str(start)!r} or above it: not a roll-up repository",
                        hint_zh="用 -C 指定汇总仓库目录，或用 dytool init --rollup 新建一个",
                        hint_en="point to one with -C DIR, or create one with 'dytool init --rollup'") from None


def _load(settings: Settings) -> Rollup:
    from dytool.rollup.run import load_rollup

    return load_rollup(_root(settings), settings.as_of, suite=SUITE, options=settings.load_options)


def _report(rollup: Rollup, lang: Lang) -> int:
    if rollup.errors:
        failed = rollup.failed
        print(f"dytool: 汇总有 {rollup.errors} 个错误，{failed} 个成员的数据未能汇总（见“数据报送情况”）" if lang is Lang.ZH
              else f"dytool: the roll-up has {rollup.errors} error(s); {failed} member(s) could not be combined (see \"Members' data\")", file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_OK


def run_rollup_status(settings: Settings, output_format: str, *, output: Path | None, since: Path | None) -> int:
    if output_format not in FORMATS:
        raise UserError(f"--format 只能是 {'|'.join(FORMATS)}", f"--format must be one of {'|'.join(FORMATS)}")
    lang = settings.lang()
    rollup = _load(settings)
    view = rollup.view()
    changes = None
    if since is not None:
        from dytool.rollup.changes import changes_since, read_previous

        changes = changes_since(read_previous(since), view)
    from dytool.cli.cmd_compile import write_document

    if output_format == "docx":
        from dytool.documents.model import Markdown
        from dytool.present.rollup_changes import changes_markdown
        from dytool.present.rollup_docx import rollup_docx
        from dytool.present.rollup_md import rollup_markdown

        text = rollup_markdown(view, lang) + changes_markdown(changes, lang)
        body = text.split("\n", 1)[1] if text.startswith("# ") else text
        data = rollup_docx([Markdown(body, new_page=False, title=view.title)], title=view.title, author=view.issuer or "", subject=view.title,
                           as_of=view.as_of, fonts=rollup.config.fonts, on_problem=lambda zh, en: None)
        print(write_document(output or settings.cwd / "build" / f"汇总简报-{view.as_of.isoformat()}.docx", data))
        return _report(rollup, lang)
    if output_format == "text":
        from dytool.present.rollup_changes import changes_lines
        from dytool.present.rollup_text import show_rollup

        show_rollup(view, lang, color=settings.color and output is None, output=output)
        if changes is not None:
            text = "\n".join(changes_lines(changes, lang, markdown=False)) + "\n"
            if output is None:
                sys.stdout.write(text)
            else:
                with output.open("a", encoding="utf-8") as handle:
                    handle.write(text)
        return _report(rollup, lang)
    if output_format == "json":
        from dytool.present.rollup_changes import changes_json
        from dytool.present.rollup_md import rollup_json

        report = rollup_json(view, lang)
        report["changes"] = changes_json(changes) if changes is not None else None
        text = json.dumps(report, ensure_ascii=False) + "\n"  # one line: a province's roll-up is megabytes, and indent= takes the slow encoder
    else:
        from dytool.present.rollup_changes import changes_markdown
        from dytool.present.rollup_md import rollup_markdown

        text = rollup_markdown(view, lang) + changes_markdown(changes, lang)
    if output is None:
        sys.stdout.write(text)
    else:
        write_document(output, text.encode("utf-8"))
    return _report(rollup, lang)


def run_rollup_bulletin(settings: Settings, *, month: str | None, output_format: str, output: Path | None) -> int:
    if output_format not in DOC_FORMATS:
        raise UserError(f"--format 只能是 {'|'.join(DOC_FORMATS)}", f"--format must be one of {'|'.join(DOC_FORMATS)}")
    as_of = settings.as_of
    if month is None:
        previous = as_of.replace(day=1) - dt.timedelta(days=1)
        month = f"{previous.year}-{previous.month:02d}"
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
        raise UserError(f"--month 应写成 2023-06，而不是“{month}”", f"--month must look like 2023-06, not {month!r}")
    lang = settings.lang()
    rollup = _load(settings)
    from dytool.documents.templating import TemplateProblem, Templates
    from dytool.rollup.bulletin import make_rollup_bulletin

    try:
        bulletin = make_rollup_bulletin(rollup, month, Templates(rollup.root, start_method=start_method()))
    except TemplateProblem as problem:
        where = f"{problem.file}:{problem.line}" if problem.line else problem.file
        raise UserError(f"{where}: {problem.zh}", f"{where}: {problem.en}", exit_code=EXIT_FINDINGS) from None
    from dytool.cli.cmd_compile import _safe_name, write_document
    from dytool.source.output import default_folder

    folder = output or default_folder(settings.cwd, "build")
    name = _safe_name(f"{bulletin.title}第{bulletin.number}期（{month}）")
    written = []
    if output_format in ("md", "all"):
        written.append(write_document(folder / f"{name}.md", bulletin.markdown.encode("utf-8")))
    if output_format in ("docx", "all"):
        from dytool.documents.model import Markdown
        from dytool.facts.deadlines import chinese_day
        from dytool.present.rollup_docx import rollup_docx

        text = bulletin.markdown
        body = text[text.index("\n## ") + 1 :] if "\n## " in text else text  # the masthead is set apart, as in a campaign's bulletin
        masthead = f"第{bulletin.number}期　{bulletin.issuer}　{chinese_day(bulletin.month_last)}"
        data = rollup_docx([Markdown(body, new_page=False, title=bulletin.title, byline=masthead)], title=f"{bulletin.title}第{bulletin.number}期",
                           author=bulletin.issuer, subject=rollup.config.title, as_of=bulletin.month_last, fonts=rollup.config.fonts,
                           on_problem=lambda zh, en: None)
        written.append(write_document(folder / f"{name}.docx", data))
    for path in written:
        print(path)
    return _report(rollup, lang)


def run_rollup_export(settings: Settings, *, output: Path | None) -> int:
    lang = settings.lang()
    rollup = _load(settings)
    from dytool.cli.cmd_compile import write_document
    from dytool.rollup.ledgers import rollup_xlsx

    view = rollup.view()
    target = output or settings.cwd / f"汇总台账-{view.as_of.isoformat()}.xlsx"
    write_document(target, rollup_xlsx(view))
    print(f"{'已导出' if lang is Lang.ZH else 'exported'}: {target}")
    return _report(rollup, lang)


def run_rollup_schema(settings: Settings, output: Path) -> int:
    from dytool.rollup.schemas import write_rollup_schemas

    base = settings.directory or Path.cwd()
    folder = output if output.is_absolute() else base / output
    try:
        written = write_rollup_schemas(folder)
    except OSError as exc:
        raise UserError(f"无法写入“{folder}”：{exc.strerror}", f"cannot write to {str(folder)!r}: {exc.strerror}") from None
    for path in written:
        print(path)
    return EXIT_OK
