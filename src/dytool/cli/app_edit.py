"""The commands that change a campaign repository (init, new, close, fmt, import) or compare
revisions (export, diff): declared here, run by ``dytool/cli/cmd_*.py``.

``app.py`` calls :func:`register` once.  Each command is a thin typer function that imports
its ``run_*`` function when it runs, so ``dytool --help`` stays quick.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperCommand

from dytool.cli.choices import GLOBAL_EPILOG, CloseKind, DiffFormat, ExportFormat, LedgerKind

__all__ = ["register"]

_FIELDS = {"allow_extra_args": True, "ignore_unknown_options": True}


class _NewCommand(TyperCommand):
    """``new --help`` ends with every kind's fields, the list fields marked (built only for --help)."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from dytool.edit.flagvalues import field_help

        self.epilog = field_help().replace("\n", "\n\n") + "\n\n" + GLOBAL_EPILOG  # rich help joins single line breaks
        super().format_help(ctx, formatter)

    def reference_epilog(self) -> str:
        """The fields, for the command-line reference (docs/cli.md)."""
        from dytool.edit.flagvalues import field_help

        return "```text\n" + field_help() + "\n```"


def register(app: typer.Typer) -> None:
    app.command("init", epilog=GLOBAL_EPILOG)(init_command)
    app.command("new", context_settings=_FIELDS, cls=_NewCommand)(new_command)
    app.command("close", epilog=GLOBAL_EPILOG)(close_command)
    app.command("fmt", epilog=GLOBAL_EPILOG)(fmt_command)
    app.command("export", epilog=GLOBAL_EPILOG)(export_command)
    app.command("import", epilog=GLOBAL_EPILOG)(import_command)
    app.command("import-report", epilog=GLOBAL_EPILOG)(import_report_command)
    app.command("diff", epilog=GLOBAL_EPILOG)(diff_command)
    app.command("merge-records", hidden=True)(merge_records_command)


def init_command(
    ctx: typer.Context,
    directory: Annotated[Optional[Path], typer.Argument(help="新仓库的目录（缺省为当前目录）/ folder of the new repository", metavar="[DIR]")] = None,  # noqa: UP045
    example: Annotated[bool, typer.Option("--example", help="复制示例活动 / copy the bundled example campaign")] = False,
    ident: Annotated[Optional[str], typer.Option("--id", help="活动编号 / campaign id, e.g. dxdy-2024", metavar="ID")] = None,  # noqa: UP045
    title: Annotated[Optional[str], typer.Option("--title", help="活动名称 / title, e.g. 2024年大兴调查研究活动")] = None,  # noqa: UP045
    start: Annotated[Optional[str], typer.Option("--start", help="开始日期 / first day (YYYY-MM-DD)", metavar="DATE")] = None,  # noqa: UP045
    end: Annotated[Optional[str], typer.Option("--end", help="结束日期 / last day (YYYY-MM-DD)", metavar="DATE")] = None,  # noqa: UP045
    issuer: Annotated[Optional[str], typer.Option("--issuer", help="发文单位 / issuing office")] = None,  # noqa: UP045
    doc_number: Annotated[Optional[str], typer.Option("--doc-number", help="文号 / document number")] = None,  # noqa: UP045
    level: Annotated[Optional[str], typer.Option("--level", help="层级 / province|city|county|district|department|other")] = None,  # noqa: UP045
    id_style: Annotated[str, typer.Option("--id-style", help="编号方式 / random (branch-safe) or serial")] = "random",
    no_git: Annotated[bool, typer.Option("--no-git", help="不运行 git init / do not run git init")] = False,
    no_input: Annotated[bool, typer.Option("--no-input", help="不提问 / never prompt")] = False,
    bundle: Annotated[Optional[Path], typer.Option("--bundle", help="把离线安装包放进 vendor/dytool/，CI 不用软件源 / commit the offline bundle (python3 -m dytool.bundle); CI installs with --no-index", metavar="DIR")] = None,  # noqa: UP045
    rollup: Annotated[bool, typer.Option("--rollup", help="新建汇总仓库（rollup.yaml）/ a roll-up repository over member campaigns")] = False,
) -> int:
    """新建调研活动仓库 / Scaffold a new campaign repository."""
    from dytool.cli.cmd_init import InitFlags, run_init

    flags = InitFlags(ident, title, start, end, issuer, doc_number, level, id_style)
    if rollup:
        from dytool.cli.cmd_init import run_init_rollup

        return run_init_rollup(ctx.obj, directory, flags, git=not no_git, no_input=no_input, bundle=bundle)
    return run_init(ctx.obj, directory, flags, example=example, git=not no_git, no_input=no_input, bundle=bundle)


def new_command(
    ctx: typer.Context,
    kind: Annotated[str, typer.Argument(help="topic|visit|problem|solution|institution|person|unit", metavar="KIND")],
    file: Annotated[Optional[str], typer.Option("--file", help="写入的文件 / the file to add it to (default: the kind's file)", metavar="FILE")] = None,  # noqa: UP045
    ident: Annotated[Optional[str], typer.Option("--id", help="编号（缺省自动生成）/ id (generated when left out)", metavar="ID")] = None,  # noqa: UP045
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只显示，不写入 / show, do not write")] = False,
    no_input: Annotated[bool, typer.Option("--no-input", help="不提问 / never prompt")] = False,
) -> int:
    """添加一条记录 / Add a record.

    字段写成 --字段 值，如 --title 道路破损 --owner-unit fgw --due 9月底前（或 字段=值）；在终端中运行时，
    缺少的必填字段会逐项提问。Give fields as --field value (or field=value); on a terminal, missing
    required fields are asked for.
    """
    from dytool.cli.cmd_new import run_new

    return run_new(ctx.obj, kind, list(ctx.args), file=file, ident=ident, dry_run=dry_run, no_input=no_input)


def close_command(
    ctx: typer.Context,
    ident: Annotated[str, typer.Argument(help="问题、解决事项、制度、时间节点或常态化要求的编号 / the id", metavar="ID")],
    on: Annotated[Optional[str], typer.Option("--on", help="日期（缺省为统计日期）/ the day (default: the as-of day)", metavar="DATE")] = None,  # noqa: UP045
    note: Annotated[Optional[str], typer.Option("--note", help="情况说明 / a note")] = None,  # noqa: UP045
    evidence: Annotated[Optional[str], typer.Option("--evidence", help="佐证材料 / evidence")] = None,  # noqa: UP045
    by: Annotated[Optional[str], typer.Option("--by", help="验收人 / who accepted it (problems)")] = None,  # noqa: UP045
    doc_number: Annotated[Optional[str], typer.Option("--doc-number", help="文号 / document number (institutions)")] = None,  # noqa: UP045
    owner_unit: Annotated[Optional[str], typer.Option("--owner-unit", help="责任单位 / owner unit (problems)", metavar="UNIT")] = None,  # noqa: UP045
    period: Annotated[Optional[str], typer.Option("--period", help="期次，如 2023-07 / the occurrence (recurring)")] = None,  # noqa: UP045
    kind: Annotated[Optional[CloseKind], typer.Option("--kind", help="记录类型（编号重复时）/ the kind, when ids repeat across kinds")] = None,  # noqa: UP045
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只显示改动，不写入 / show the change, do not write")] = False,
) -> int:
    """销号或标记完成 / Close a problem, or mark something done.

    问题销号（需要责任单位，和 --evidence 或 --note），解决事项完成，制度出台（--doc-number），时间节点完成，
    常态化要求的一次报送（--period）。Problems, solutions, institutions, milestones, recurring submissions.
    """
    from dytool.cli.cmd_close import run_close

    return run_close(ctx.obj, ident, on=on, note=note, evidence=evidence, by=by, doc_number=doc_number,
                     owner_unit=owner_unit, period=period, kind=kind.value if kind else None, dry_run=dry_run)


def fmt_command(
    ctx: typer.Context,
    check: Annotated[bool, typer.Option("--check", help="只列出需要改的文件，有则退出码 1 / list files that would change; exit 1 if any")] = False,
) -> int:
    """统一 YAML 格式 / Rewrite YAML files in the canonical style.

    缩进 2 格，日期写成 2023-05-10，注释、顺序、引号保持不变；--check 只列出需要改的文件（供 CI 使用）。
    Indentation 2, ISO dates; comments, order and quoting kept; --check only lists files (for CI).
    """
    from dytool.cli.cmd_fmt import run_fmt

    return run_fmt(ctx.obj, check=check)


def export_command(
    ctx: typer.Context,
    output_format: Annotated[ExportFormat, typer.Option("--format", "-f", help="输出格式 / output format")] = ExportFormat.xlsx,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="xlsx/json 为文件，csv 为目录 / a file (xlsx, json) or a folder (csv)", metavar="PATH")] = None,  # noqa: UP045
    kind: Annotated[Optional[LedgerKind], typer.Option("--kind", help="只导出一种清单 / one list")] = None,  # noqa: UP045
    unit: Annotated[Optional[list[str]], typer.Option("--unit", help="只导出该单位的事项（编号或名称，可重复）/ only this unit's items (id or name; repeatable)", metavar="UNIT")] = None,  # noqa: UP045
    per_unit: Annotated[Optional[Path], typer.Option("--per-unit", help="每个单位一个文件，写到此目录 / one file per unit, into this folder", metavar="DIR")] = None,  # noqa: UP045
) -> int:
    """导出台账（Excel、CSV、JSON）/ Export the lists as xlsx, csv or json.

    表中显示单位、人员、主题和课题的名称，编号列保留编号以便导回；--unit 只导出某单位的事项，--per-unit 每个单位一个文件。
    Names are shown, the 编号 column keeps ids for the way back; --unit for one unit's items, --per-unit for one file each.
    """
    from dytool.cli.cmd_export import run_export

    return run_export(ctx.obj, output_format.value, output=ctx.obj.path(output), kind=kind.value if kind else None, units=list(unit or []), per_unit=per_unit)


def import_command(
    ctx: typer.Context,
    sources: Annotated[list[Path], typer.Argument(help="xlsx 或 csv 文件，可多个 / the spreadsheets (one or more)", metavar="FILE...")],
    kind: Annotated[Optional[LedgerKind], typer.Option("--kind", help="清单类型（dytool 导出的台账可省略）/ the list (optional for ledgers dytool exported)")] = None,  # noqa: UP045
    mapping: Annotated[Optional[list[str]], typer.Option("--map", help="列名=字段，如 问题描述=description / column=field", metavar="COL=FIELD")] = None,  # noqa: UP045
    sheet: Annotated[Optional[str], typer.Option("--sheet", help="工作表名称 / sheet name (xlsx)")] = None,  # noqa: UP045
    file: Annotated[Optional[str], typer.Option("--file", help="新记录写入的文件 / the file to add new records to", metavar="FILE")] = None,  # noqa: UP045
    skip_bad: Annotated[bool, typer.Option("--skip-bad", help="跳过有问题的行并逐行列出 / skip rows with problems, listing each")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只预览，不写入 / preview, do not write")] = False,
) -> int:
    """导入单位报回的台账 / Import ledgers units sent back.

    已有记录（按编号）改动的单元格成为对这些记录的修改（整改进展、销号等），没有编号的行成为新记录；
    单位、人员可写名称或编号。逐行预览；全部有效才写入（或 --skip-bad）。导出后仓库中已改的记录报冲突，不覆盖。
    Changed cells of existing records become edits, rows without an id new records; names or ids;
    previewed row by row; written only if all is valid; rows whose record changed since the export conflict.
    """
    from dytool.cli.cmd_import import run_import

    return run_import(ctx.obj, [ctx.obj.path(source) for source in sources], kind.value if kind else None, mapping=mapping or [], sheet=sheet, file=file, skip_bad=skip_bad, dry_run=dry_run)


def import_report_command(
    ctx: typer.Context,
    sources: Annotated[list[Path], typer.Argument(help="Word/WPS 文件或文件夹 / .docx .doc .wps files or folders", metavar="FILE|DIR...")],
    topic: Annotated[Optional[str], typer.Option("--topic", help="所属课题（编号或名称）/ the topic (id or title)", metavar="T")] = None,  # noqa: UP045
    title: Annotated[Optional[str], typer.Option("--title", help="报告标题（缺省取文档标题）/ title (default: the document's)")] = None,  # noqa: UP045
    author: Annotated[Optional[list[str]], typer.Option("--author", help="执笔人（编号或姓名，可重复或用逗号分隔）/ authors (ids or names)")] = None,  # noqa: UP045
    unit: Annotated[Optional[str], typer.Option("--unit", help="单位（缺省为课题牵头单位）/ unit (default: the topic's lead unit)")] = None,  # noqa: UP045
    date: Annotated[Optional[str], typer.Option("--date", help="日期（缺省取文末日期）/ date (default: the closing date line)", metavar="DATE")] = None,  # noqa: UP045
    replace: Annotated[bool, typer.Option("--replace", help="替换课题已有的报告 / replace the topic's existing report")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只检查，不写入 / check, do not write")] = False,
) -> int:
    """导入 Word/WPS 写的调研报告 / Import research reports written in Word or WPS.

    生成 reports/课题编号.md（头信息 + Markdown 正文），图片存到 reports/images/，并在课题中登记报告。
    标题按 Word 标题样式或手写的“一、（一）1.（1）”识别；.doc/.wps 经 LibreOffice 转换。
    Writes reports/<topic>.md with front matter, images under reports/images/, and names it in the topic.
    """
    from dytool.cli.cmd_report import run_import_report

    return run_import_report(ctx.obj, [ctx.obj.path(source) for source in sources], topic=topic, title=title, authors=list(author or []), unit=unit, date=date,
                             replace=replace, dry_run=dry_run)


def diff_command(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(help="较早的版本（提交、分支、标签）/ the earlier revision", metavar="REF")],
    ref2: Annotated[Optional[str], typer.Argument(help="较晚的版本（缺省为工作区）/ the later one (default: the working tree)", metavar="[REF2]")] = None,  # noqa: UP045
    output_format: Annotated[DiffFormat, typer.Option("--format", "-f", help="输出格式 / output format")] = DiffFormat.text,
) -> int:
    """两个版本之间的变化 / What changed between two revisions.

    新增和销号的问题、新增调研、课题阶段变化、完成的时间节点、修改和删除的记录。
    New and closed problems, new visits, topics that moved stage, milestones met, records edited.
    """
    from dytool.cli.cmd_diff import run_diff

    return run_diff(ctx.obj, ref, ref2, output_format.value)


def merge_records_command(
    ctx: typer.Context,
    files: Annotated[Optional[list[Path]], typer.Argument(help="BASE OURS THEIRS [PATH]（git 给出）/ given by git", metavar="FILES")] = None,  # noqa: UP045
    install: Annotated[bool, typer.Option("--install", help="在本仓库登记合并程序 / register the driver in this clone")] = False,
) -> int:
    """git 的记录合并程序 / git's merge driver for record files.

    dytool init 已登记；克隆仓库后运行一次 dytool merge-records --install。
    Registered by dytool init; in a fresh clone run dytool merge-records --install once.
    """
    from dytool.cli.cmd_merge import run_merge_records

    return run_merge_records(ctx.obj, list(files or []), install=install)
