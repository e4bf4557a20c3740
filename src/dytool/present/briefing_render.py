"""The renderers of the briefing, one per ``status --format`` (registered in
:mod:`dytool.present.formats`): all but JSON lay out the same
:func:`~dytool.present.briefing.briefing_page`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from dytool.core.catalogue import briefing as words
from dytool.core.messages import Lang
from dytool.documents.model import Document, Markdown
from dytool.present.briefing import briefing_page
from dytool.present.briefing_json import briefing_json
from dytool.present.page_md import page_markdown
from dytool.status.model import StatusReport

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["document", "json_text", "markdown", "text"]


def text(report: StatusReport, lang: Lang) -> list[RenderableType]:
    from dytool.present.page_text import page_renderables

    return page_renderables(briefing_page(report.briefing, lang, changes=report.changes, since=report.since))


def markdown(report: StatusReport, lang: Lang) -> str:
    return page_markdown(briefing_page(report.briefing, lang, changes=report.changes, since=report.since))


def json_text(report: StatusReport, lang: Lang) -> str:
    data = briefing_json(report.briefing)
    if report.changes is not None:
        from dytool.status.changes import changes_json

        data["changes"] = changes_json(report.changes)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def document(report: StatusReport, lang: Lang) -> Document:
    """The briefing in Word: the Markdown below its title, with the title on the title line."""
    body = markdown(report, lang)
    body = body.split("\n", 1)[1] if body.startswith("# ") else body
    campaign = report.campaign
    title = words.DOCUMENT_TITLE(campaign=campaign.title).text(lang)
    return Document(title, (Markdown(body, new_page=False, title=title),), campaign.issuer or "", campaign.title, report.briefing.as_of,
                    words.FILE_STEM(day=report.briefing.as_of.isoformat()).text(lang))
