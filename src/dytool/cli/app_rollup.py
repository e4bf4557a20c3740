"""The commands between offices: ``publish`` (a member's summary) and ``rollup`` (the level
above combining them): declared here, run by ``cmd_publish.py`` and ``cmd_rollup.py``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from dytool.cli.choices import GLOBAL_EPILOG, RollupBulletinFormat, RollupFormat

__all__ = ["register"]

rollup_app = typer.Typer(
    name="rollup",
    help="上级汇总（rollup.yaml）/ The roll-up over member campaigns.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def register(app: typer.Typer) -> None:
    app.command("publish", epilog=GLOBAL_EPILOG)(publish_command)
    app.add_typer(rollup_app, name="rollup")


def publish_command(
    ctx: typer.Context,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="写入文件（缺省为标准输出）/ write to a file (default: standard output)", metavar="FILE")] = None,  # noqa: UP045
) -> int:
    """发布汇总数据供上级汇总 / Publish the summary for the roll-up."""
    from dytool.cli.cmd_publish import run_publish

    return run_publish(ctx.obj, output if output is None or str(output) == "-" else ctx.obj.path(output))


@rollup_app.command("status", epilog=GLOBAL_EPILOG)
def rollup_status_command(
    ctx: typer.Context,
    output_format: Annotated[RollupFormat, typer.Option("--format", "-f", help="输出格式 / output format")] = RollupFormat.text,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="写入文件 / write to a file", metavar="FILE")] = None,  # noqa: UP045
    since: Annotated[Optional[Path], typer.Option("--since", help="与上次汇总（--format json 的输出）比较 / compare with an earlier roll-up (its --format json output)", metavar="FILE")] = None,  # noqa: UP045
) -> int:
    """汇总简报：各成员销号率排名、逾期、滞后课题、领导调研 / The combined briefing."""
    from dytool.cli.cmd_rollup import run_rollup_status

    return run_rollup_status(ctx.obj, output_format.value, output=ctx.obj.path(output), since=ctx.obj.path(since))


@rollup_app.command("bulletin", epilog=GLOBAL_EPILOG)
def rollup_bulletin_command(
    ctx: typer.Context,
    month: Annotated[Optional[str], typer.Option("--month", help="月份 / month, e.g. 2023-06 (default: the month before the as-of day's)", metavar="YYYY-MM")] = None,  # noqa: UP045
    output_format: Annotated[RollupBulletinFormat, typer.Option("--format", "-f", help="输出格式（all = md 和 docx）/ output format (all: md and docx)")] = RollupBulletinFormat.all,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="输出目录 / output folder (default ./build)", metavar="DIR")] = None,  # noqa: UP045
) -> int:
    """汇总通报（含各成员问题整改情况表）/ The monthly 通报 over all members."""
    from dytool.cli.cmd_rollup import run_rollup_bulletin

    return run_rollup_bulletin(ctx.obj, month=month, output_format=output_format.value, output=ctx.obj.path(output))


@rollup_app.command("export", epilog=GLOBAL_EPILOG)
def rollup_export_command(
    ctx: typer.Context,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="xlsx 文件 / the workbook (default 汇总台账-DATE.xlsx)", metavar="FILE")] = None,  # noqa: UP045
) -> int:
    """汇总台账（xlsx：汇总表和每个成员一张表）/ The combined ledgers as a workbook."""
    from dytool.cli.cmd_rollup import run_rollup_export

    return run_rollup_export(ctx.obj, output=ctx.obj.path(output))


@rollup_app.command("schema", epilog=GLOBAL_EPILOG)
def rollup_schema_command(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("-o", "--output", help="输出目录 / output folder", metavar="DIR")] = Path("schemas"),
) -> int:
    """汇总数据和 rollup.yaml 的 JSON Schema / The roll-up's JSON Schemas."""
    from dytool.cli.cmd_schema import run_rollup_schema

    return run_rollup_schema(ctx.obj, ctx.obj.path(output))
