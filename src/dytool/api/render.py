"""Showing what the other calls return, in any registered format
(:mod:`dytool.present.formats`): text for a file (Markdown, JSON, CI reports), rich
renderables for a terminal (``text``), or a :class:`~dytool.documents.model.Document` for
Word and PDF (:func:`dytool.api.word`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from dytool.core.findings import Finding
from dytool.core.messages import Lang
from dytool.engine.memo import CheckSummary
from dytool.rollup.changes import RollupChanges
from dytool.rollup.run import Rollup
from dytool.status.changes import Changes
from dytool.status.model import StatusReport

__all__ = ["render_changes", "render_findings", "render_rollup", "render_status"]


def render_status(report: StatusReport, format: str = "md", lang: Lang = Lang.ZH) -> Any:
    """The briefing as ``text``, ``md``, ``json``, ``docx`` or ``pdf`` (a Document for the last two)."""
    from dytool.present.formats import BRIEFING

    return BRIEFING[format](report, lang)


def render_findings(result: CheckSummary | Sequence[Finding], format: str = "json", lang: Lang = Lang.ZH,
                    display: Callable[[str], str] | None = None) -> Any:
    """Findings as ``text``, ``json``, ``github``, ``gitlab`` or ``junit``."""
    from dytool.present.formats import FINDINGS

    findings = result.findings if isinstance(result, CheckSummary) else list(result)
    summary = ({"errors": result.errors, "warnings": result.warnings, "files": result.files, "records": result.records}
               if isinstance(result, CheckSummary) else {"errors": 0, "warnings": 0, "files": 0, "records": 0})
    return FINDINGS[format](findings, lang, display or (lambda file: file), summary)


def render_changes(changes: Changes, ref: str, ref2: str | None = None, format: str = "md", lang: Lang = Lang.ZH) -> Any:
    """What changed between two revisions as ``text``, ``md`` or ``json``."""
    from dytool.present.changes_render import ChangesReport
    from dytool.present.formats import CHANGES

    return CHANGES[format](ChangesReport(changes, ref, ref2), lang)


def render_rollup(made: Rollup, format: str = "md", lang: Lang = Lang.ZH, changes: RollupChanges | None = None) -> Any:
    """The roll-up's briefing as ``text``, ``md``, ``json`` or ``docx`` (a Document)."""
    from dytool.present.formats import ROLLUP
    from dytool.present.rollup_render import RollupReport

    return ROLLUP[format](RollupReport(made.view(), changes), lang)
