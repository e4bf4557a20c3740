"""The typer application: global options and the list of commands.

Commands import what they need inside their bodies, so ``dytool check`` never loads
python-docx or Jinja2 and ``dytool --help`` stays quick.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from dytool.cli.choices import GLOBAL_EPILOG, CheckFormat, DoctorFormat, Lang, Only, StatusFormat
from dytool.cli.params import DOCUMENT_FORMATS_METAVAR, document_formats
from dytool.cli.settings import Settings

__all__ = ["app"]

app = typer.Typer(
    name="dytool",
    help="调研活动仓库工具：检查记录、会前简报、成果汇编。\n\nKeep a research campaign (大兴调查研究) as plain files: check, brief, compile.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def main_options(
    ctx: typer.Context,
    directory: Annotated[Optional[Path], typer.Option("-C", help="在此目录中运行 / run as if started in DIR", metavar="DIR")] = None,  # noqa: UP045
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="统计日期 / as-of day (YYYY-MM-DD); default DYTOOL_TODAY or today", metavar="DATE")] = None,  # noqa: UP045
    lang: Annotated[Optional[Lang], typer.Option("--lang", help="zh 或 en / message language")] = None,  # noqa: UP045
    no_color: Annotated[bool, typer.Option("--no-color", help="不用颜色 / no colour (also NO_COLOR)")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="出错时显示详细信息 / show tracebacks of internal errors")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="不用缓存 / ignore the cache in .dytool/")] = False,
    version: Annotated[bool, typer.Option("--version", help="显示版本 / show the version")] = False,
) -> None:
    import os

    ctx.obj = Settings(
        directory=directory,
        as_of_text=as_of,
        lang_text=lang.value if lang is not None else None,
        color=not no_color and "NO_COLOR" not in os.environ,
        debug=debug,
        cache=not no_cache and not os.environ.get("DYTOOL_NO_CACHE"),
    )


@app.command("check", epilog=GLOBAL_EPILOG)
def check_command(
    ctx: typer.Context,
    output_format: Annotated[CheckFormat, typer.Option("--format", "-f", help="输出格式 / output format")] = CheckFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="有警告也算失败 / fail on warnings too")] = False,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="写入文件而不是标准输出 / write to a file", metavar="FILE")] = None,  # noqa: UP045
    changed_since: Annotated[Optional[str], typer.Option("--changed-since", help="只报告自该版本以来改动过的文件中的问题 / only findings in files changed since REF", metavar="REF")] = None,  # noqa: UP045
) -> int:
    """检查仓库中的全部记录 / Validate every record of the repository."""
    from dytool.cli.cmd_check import run_check

    return run_check(ctx.obj, output_format.value, strict=strict, output=ctx.obj.path(output), changed_since=changed_since)


@app.command("status", epilog=GLOBAL_EPILOG)
def status_command(
    ctx: typer.Context,
    output_format: Annotated[StatusFormat, typer.Option("--format", "-f", help="输出格式 / output format")] = StatusFormat.text,
    leader: Annotated[Optional[str], typer.Option("--leader", help="只看这位领导 / only this leader (person id)", metavar="ID")] = None,  # noqa: UP045
    unit: Annotated[Optional[str], typer.Option("--unit", help="只看这个单位 / only this unit (unit id)", metavar="ID")] = None,  # noqa: UP045
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="写入文件 / write to a file", metavar="FILE")] = None,  # noqa: UP045
    since: Annotated[Optional[str], typer.Option("--since", help="自某版本或日期以来的变化 / what changed since REF or DATE", metavar="REF|DATE")] = None,  # noqa: UP045
) -> int:
    """会前简报：阶段、时间节点、课题、领导调研、三张清单 / The meeting briefing."""
    from dytool.cli.cmd_status import run_status

    return run_status(ctx.obj, output_format.value, leader=leader, unit=unit, output=ctx.obj.path(output), since=since)


@app.command("compile", epilog=GLOBAL_EPILOG)
def compile_command(
    ctx: typer.Context,
    output_format: Annotated[str, typer.Option("--format", "-f", help="md、docx、pdf、all（= md,docx）或如 docx,pdf / a format, all (md,docx) or a list",
                                               parser=document_formats, metavar=DOCUMENT_FORMATS_METAVAR)] = "all",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="输出目录 / output folder (default ./build)", metavar="DIR")] = None,  # noqa: UP045
    only: Annotated[Only, typer.Option("--only", help="收录哪些报告 / which reports")] = Only.all,
    anonymize: Annotated[bool, typer.Option("--anonymize", help="隐去执笔人和单位 / no author names or units")] = False,
    public: Annotated[bool, typer.Option("--public", help="略去带密级的记录 / leave out classified records")] = False,
    template: Annotated[Optional[str], typer.Option("--template", help="模板集 templates/NAME/ / template set", metavar="NAME")] = None,  # noqa: UP045
    theme: Annotated[Optional[str], typer.Option("--theme", help="只收某一主题 / one theme only", metavar="ID")] = None,  # noqa: UP045
    toc_pages: Annotated[bool, typer.Option("--toc-pages", help="用 LibreOffice 把目录页码写进 Word 文件（WPS 可见）/ store the contents' page numbers in the Word file (needs LibreOffice)")] = False,
) -> int:
    """调研成果汇编（Markdown、Word、PDF）/ The results compilation."""
    from dytool.cli.cmd_compile import run_compile

    return run_compile(ctx.obj, output_format=output_format, output=ctx.obj.path(output), only=only.value, anonymize=anonymize,
                       public=public, template=template, theme=theme, toc_pages=toc_pages)


@app.command("bulletin", epilog=GLOBAL_EPILOG)
def bulletin_command(
    ctx: typer.Context,
    month: Annotated[Optional[str], typer.Option("--month", help="月份 / month, e.g. 2023-06 (default: the as-of month)", metavar="YYYY-MM")] = None,  # noqa: UP045
    output_format: Annotated[str, typer.Option("--format", "-f", help="md、docx、pdf、all（= md,docx）或如 docx,pdf / a format, all (md,docx) or a list",
                                               parser=document_formats, metavar=DOCUMENT_FORMATS_METAVAR)] = "all",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="输出目录 / output folder (default ./build)", metavar="DIR")] = None,  # noqa: UP045
) -> int:
    """月度工作动态 / 督查专报 / The monthly bulletin."""
    from dytool.cli.cmd_compile import run_bulletin

    return run_bulletin(ctx.obj, month=month, output_format=output_format, output=ctx.obj.path(output))


@app.command("site", epilog=GLOBAL_EPILOG)
def site_command(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("-o", "--output", help="输出目录 / output folder (default ./build/site)", metavar="DIR")] = Path("build/site"),
    public: Annotated[bool, typer.Option("--public/--include-classified", help="略去带密级的记录（默认）/ leave out classified records (default)")] = True,
    anonymize: Annotated[bool, typer.Option("--anonymize", help="隐去人名和单位名 / no names of people or units")] = False,
) -> int:
    """活动网站：给领导看的静态看板 / The campaign's static website for leaders."""
    from dytool.cli.cmd_site import run_site

    return run_site(ctx.obj, output=ctx.obj.path(output), public=public, anonymize=anonymize)


@app.command("schema", epilog=GLOBAL_EPILOG)
def schema_command(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("-o", "--output", help="输出目录 / output folder", metavar="DIR")] = Path("schemas"),
) -> int:
    """生成各类记录的 JSON Schema / Write the JSON Schemas of every record kind."""
    from dytool.cli.cmd_schema import run_schema

    return run_schema(ctx.obj, ctx.obj.path(output))


@app.command("doctor", epilog=GLOBAL_EPILOG)
def doctor_command(
    ctx: typer.Context,
    output_format: Annotated[DoctorFormat, typer.Option("--format", "-f", help="输出格式 / output format")] = DoctorFormat.text,
) -> int:
    """版本与环境报告，求助时附上 / Versions and environment, to send when asking for help."""
    from dytool.cli.cmd_doctor import run_doctor

    settings = ctx.obj
    return run_doctor(settings.directory or Path.cwd(), settings.lang(), output_format.value)


def _register_editing_commands() -> None:
    from dytool.cli.app_edit import register

    register(app)


_register_editing_commands()


def _register_rollup_commands() -> None:
    from dytool.cli.app_rollup import register

    register(app)


_register_rollup_commands()
