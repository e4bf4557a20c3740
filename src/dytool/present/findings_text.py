"""Findings for people: grouped by file, coloured by severity, with hints, in zh or en."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import groupby
from pathlib import Path

from rich.console import Console
from rich.text import Text

from dytool.core.findings import Finding, Lang, Severity
from dytool.core.text import printable, sanitized

__all__ = ["show_findings"]


def show_findings(
    findings: Sequence[Finding],
    lang: Lang,
    display: Callable[[str], str],
    summary: dict[str, int],
    *,
    color: bool,
    output: Path | None = None,
) -> None:
    findings = sanitized(list(findings))  # a message quotes what a file holds: never raw to the terminal
    shown = display
    display = lambda file: printable(shown(file))  # noqa: E731 - file names come from the repository too
    handle = output.open("w", encoding="utf-8") if output is not None else None
    console = Console(file=handle, no_color=not color, highlight=False, soft_wrap=True, emoji=False)
    en = lang is Lang.EN
    try:
        for file, group in groupby(findings, key=lambda f: f.file):
            console.print(Text(display(file) or ".", style="bold underline"))
            for f in group:
                style = "red" if f.severity is Severity.ERROR else "yellow"
                label = f.severity.value if en else f.severity.label_zh
                where = f"{f.line}:{f.column}" if f.line else "-"
                line = Text("  ")
                line.append(f"{display(file)}:{where}" if f.line else display(file), style="dim")
                line.append("  ")
                line.append(label, style=f"bold {style}")
                line.append(f"  {f.code}  ", style="cyan")
                line.append(f.message(lang))
                console.print(line)
                hint = f.hint(lang)
                if hint:
                    console.print(Text(f"      {'hint' if en else '提示'}: {hint}", style="dim"))
            console.print()
        errors, warnings = summary["errors"], summary["warnings"]
        scope = (f"{summary['files']} files, {summary['records']} records" if en
                 else f"{summary['files']} 个文件，{summary['records']} 条记录")
        if not errors and not warnings:
            console.print(Text(f"✓ {'no problems found' if en else '未发现问题'}（{scope}）" if not en else f"✓ no problems found ({scope})", style="bold green"))
        else:
            text = (f"{errors} error(s), {warnings} warning(s) ({scope})" if en
                    else f"共 {errors} 个错误、{warnings} 个警告（{scope}）")
            console.print(Text(text, style="bold red" if errors else "bold yellow"))
    finally:
        if handle is not None:
            handle.close()
