"""The renderers of ``dytool diff`` (registered in :mod:`dytool.present.formats`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dytool.core.messages import Lang
from dytool.present.changes import changes_page
from dytool.present.page_md import page_markdown
from dytool.status.changes import Changes, changes_json

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["ChangesReport", "json_text", "markdown", "text"]


@dataclass(frozen=True)
class ChangesReport:
    changes: Changes
    ref: str
    ref2: str | None = None


def text(report: ChangesReport, lang: Lang) -> list[RenderableType]:
    from dytool.present.page_text import page_renderables

    return page_renderables(changes_page(report.changes, report.ref, report.ref2, lang))


def markdown(report: ChangesReport, lang: Lang) -> str:
    return page_markdown(changes_page(report.changes, report.ref, report.ref2, lang))


def json_text(report: ChangesReport, lang: Lang) -> str:
    return json.dumps(changes_json(report.changes), ensure_ascii=False, indent=2) + "\n"
