"""``dytool init [DIR]``: a new campaign repository from flags, or answers typed on a terminal."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from dytool.cli.settings import Settings
from dytool.core.errors import EXIT_OK, UserError
from dytool.core.findings import Lang

__all__ = ["InitFlags", "run_init", "run_init_rollup"]


@dataclass(frozen=True)
class InitFlags:
    ident: str | None
    title: str | None
    start: str | None
    end: str | None
    issuer: str | None
    doc_number: str | None
    level: str | None
    id_style: str


def _day(text: str, flag: str) -> object:
    from dytool.dates import explicit_day

    day = explicit_day(text)
    if day is None:
        raise UserError(f"{flag}“{text}”不是日期，请写成 2024-03-01", f"{flag} {text!r} is not a date; write it as 2024-03-01")
    return day


def run_init(settings: Settings, directory: Path | None, flags: InitFlags, *, example: bool, git: bool, no_input: bool,
             bundle: Path | None = None) -> int:
    import datetime as dt

    from dytool.cli.init_install import install_for_init
    from dytool.edit.init import Answers, scaffold, scaffold_example

    base = settings.directory or Path.cwd()
    dest = (directory if directory is not None and directory.is_absolute() else base / (directory or Path("."))).resolve()
    lang = settings.lang()
    zh = lang is Lang.ZH
    if dest.exists() and not dest.is_dir():
        raise UserError(f"“{dest}”不是目录", f"{str(dest)!r} is not a folder")
    install, warning = install_for_init(bundle)
    if example:
        written = scaffold_example(dest, install)
    else:
        title, start, end = flags.title, flags.start, flags.end
        missing = [name for name, value in (("--title", title), ("--start", start), ("--end", end)) if not value]
        if missing and sys.stdin.isatty() and not no_input:
            import typer

            year = settings.as_of.year
            title = title or typer.prompt("活动名称 / title", default=f"{year}年大兴调查研究活动")
            start = start or typer.prompt("开始日期 / first day", default=f"{year}-01-01")
            end = end or typer.prompt("结束日期 / last day", default=f"{year}-12-31")
        elif missing:
            raise UserError(f"请给出 {'、'.join(missing)}（或在终端中运行以逐项回答）", f"give {', '.join(missing)} (or run it on a terminal to be asked)",
                            hint_zh="例如：dytool init 新活动 --title 2024年大兴调查研究活动 --start 2024-03-01 --end 2024-12-31",
                            hint_en="e.g. dytool init campaign --title '2024 campaign' --start 2024-03-01 --end 2024-12-31")
        assert title and start and end
        first, last = _day(start, "--start"), _day(end, "--end")
        assert isinstance(first, dt.date) and isinstance(last, dt.date)
        answers = Answers(flags.ident or f"campaign-{first.year}", title, first, last, flags.issuer, flags.doc_number, flags.level, flags.id_style)
        written = scaffold(dest, answers, install)
    created_git = False
    if git:
        from dytool.cli.cmd_merge import install_driver
        from dytool.source import git as gitmod

        created_git = gitmod.init_repository(dest)
        install_driver(dest)
    print(f"已创建调研活动仓库：{dest}（{len(written)} 个文件）" if zh else f"created the campaign repository {dest} ({len(written)} files)")
    if created_git:
        print("已运行 git init" if zh else "ran git init")
    if warning:
        print(f"dytool: {warning[0] if zh else warning[1]}", file=sys.stderr)
    if not example:
        print(f"下一步：cd {dest}；dytool new person --id 编号 --name 姓名；dytool check" if zh
              else f"next: cd {dest}; dytool new person --id ID --name NAME; dytool check")
    return EXIT_OK


def run_init_rollup(settings: Settings, directory: Path | None, flags: InitFlags, *, git: bool, no_input: bool,
                    bundle: Path | None = None) -> int:
    """``dytool init --rollup [DIR]``: a roll-up repository for the office above its members."""
    from dytool.edit.init import RollupAnswers, scaffold_rollup

    base = settings.directory or Path.cwd()
    dest = (directory if directory is not None and directory.is_absolute() else base / (directory or Path("."))).resolve()
    zh = settings.lang() is Lang.ZH
    if dest.exists() and not dest.is_dir():
        raise UserError(f"“{dest}”不是目录", f"{str(dest)!r} is not a folder")
    title = flags.title
    if not title and sys.stdin.isatty() and not no_input:
        import typer

        title = typer.prompt("汇总仓库名称 / title", default=f"{settings.as_of.year}年大兴调查研究活动汇总")
    if not title:
        raise UserError("请给出 --title（或在终端中运行以回答）", "give --title (or run it on a terminal to be asked)",
                        hint_zh="例如：dytool init --rollup 汇总 --title 青川市大兴调查研究活动汇总 --issuer 市调研办",
                        hint_en="e.g. dytool init --rollup rollup --title 'City roll-up' --issuer 'City office'")
    from dytool.cli.init_install import install_for_init

    install, warning = install_for_init(bundle)
    if warning is not None:
        print(f"注意：{warning[0]}" if zh else f"note: {warning[1]}", file=sys.stderr)
    written = scaffold_rollup(dest, RollupAnswers(flags.ident or "rollup", title, flags.issuer, flags.level), install)
    created_git = False
    if git:
        from dytool.source import git as gitmod

        created_git = gitmod.init_repository(dest)
    print(f"已创建汇总仓库：{dest}（{len(written)} 个文件）" if zh else f"created the roll-up repository {dest} ({len(written)} files)")
    if created_git:
        print("已运行 git init" if zh else "ran git init")
    print(f"下一步：在 {dest / 'rollup.yaml'} 中列出成员；dytool rollup status" if zh
          else f"next: list the members in {dest / 'rollup.yaml'}; dytool rollup status")
    return EXIT_OK

