"""Findings for people: grouped by file, coloured by severity, with hints, in zh or en."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import groupby

from rich.console import RenderableType
from rich.text import Text as RichText

from dytool.core.catalogue import check as words
from dytool.core.findings import Finding, Lang, Severity
from dytool.core.text import one_line

__all__ = ["findings_text"]


def findings_text(findings: Sequence[Finding], lang: Lang, display: Callable[[str], str], summary: dict[str, int]) -> list[RenderableType]:
    """What ``dytool check`` prints: each file's findings under its name, then the totals.
    A message quotes what a file holds, and file names come from the repository too: every
    text goes through :func:`~dytool.core.text.one_line`, never raw to the terminal."""
    out: list[RenderableType] = []
    for file, group in groupby(findings, key=lambda f: f.file):
        shown = one_line(display(file))
        out.append(RichText(shown or ".", style="bold underline"))
        for f in group:
            style = "red" if f.severity is Severity.ERROR else "yellow"
            line = RichText("  ")
            line.append(f"{shown}:{f.line}:{f.column}" if f.line else shown, style="dim")
            line.append("  ")
            line.append(words.SEVERITY[f.severity.value].text(lang), style=f"bold {style}")
            line.append(f"  {f.code}  ", style="cyan")
            line.append(one_line(f.message(lang)))
            out.append(line)
            hint = f.hint(lang)
            if hint:
                out.append(RichText("      " + one_line(words.HINT(hint=hint).text(lang)), style="dim"))
        out.append(RichText(""))
    errors, warnings = summary["errors"], summary["warnings"]
    scope = words.SCOPE(files=summary["files"], records=summary["records"])
    if not errors and not warnings:
        out.append(RichText(words.CLEAN(scope=scope).text(lang), style="bold green"))
    else:
        out.append(RichText(words.TOTALS(errors=errors, warnings=warnings, scope=scope).text(lang), style="bold red" if errors else "bold yellow"))
    return out
