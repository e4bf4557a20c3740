"""The renderers of ``dytool rollup status`` (registered in :mod:`dytool.present.formats`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dytool.core.catalogue import rollup as words
from dytool.core.messages import Lang
from dytool.documents.model import Document, Markdown
from dytool.present.page_md import page_markdown
from dytool.present.rollup_json import changes_json, rollup_json
from dytool.present.rollup_page import rollup_page
from dytool.rollup.changes import RollupChanges
from dytool.rollup.model import RollupView

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["RollupReport", "document", "json_text", "markdown", "text"]


@dataclass(frozen=True)
class RollupReport:
    view: RollupView
    changes: RollupChanges | None = None


def text(report: RollupReport, lang: Lang) -> list[RenderableType]:
    from dytool.present.page_text import page_renderables

    return page_renderables(rollup_page(report.view, lang, report.changes, terminal=True))


def markdown(report: RollupReport, lang: Lang) -> str:
    return page_markdown(rollup_page(report.view, lang, report.changes))


def json_text(report: RollupReport, lang: Lang) -> str:
    data = rollup_json(report.view, lang)
    data["changes"] = changes_json(report.changes) if report.changes is not None else None
    return json.dumps(data, ensure_ascii=False) + "\n"  # one line: a province's roll-up is megabytes, and indent= takes the slow encoder


def document(report: RollupReport, lang: Lang) -> Document:
    body = markdown(report, lang)
    body = body.split("\n", 1)[1] if body.startswith("# ") else body
    v = report.view
    return Document(v.title, (Markdown(body, new_page=False, title=v.title),), v.issuer or "", v.title, v.as_of,
                    words.DOCUMENT_STEM(day=v.as_of.isoformat()).text(lang))
