"""The renderers of the briefing, one per ``status --format`` (registered in
:mod:`dytool.present.formats`): all but JSON lay out the same
:func:`~dytool.present.briefing.briefing_page`.  Each imports what its format needs, so the
JSON briefing (what scripts and the roll-up read) builds no page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dytool.core.messages import Lang
from dytool.status.model import StatusReport

if TYPE_CHECKING:
    from rich.console import RenderableType

    from dytool.documents.model import Document
    from dytool.present.display import Page

__all__ = ["document", "json_text", "markdown", "text"]


def _page(report: StatusReport, lang: Lang) -> Page:
    from dytool.present.briefing import briefing_page

    return briefing_page(report.briefing, lang, changes=report.changes, since=report.since)


def text(report: StatusReport, lang: Lang) -> list[RenderableType]:
    from dytool.present.page_text import page_renderables

    return page_renderables(_page(report, lang))


def markdown(report: StatusReport, lang: Lang) -> str:
    from dytool.present.page_md import page_markdown

    return page_markdown(_page(report, lang))


def json_text(report: StatusReport, lang: Lang) -> str:
    from dytool.present.briefing_json import briefing_json
    from dytool.present.jsontext import json_text

    data = briefing_json(report.briefing)
    if report.changes is not None:
        from dytool.status.changes import changes_json

        data["changes"] = changes_json(report.changes)
    return json_text(data)


def document(report: StatusReport, lang: Lang) -> Document:
    """The briefing in Word: the Markdown below its title, with the title on the title line."""
    from dytool.core.catalogue import briefing as words
    from dytool.documents.model import Document, Markdown

    body = markdown(report, lang)
    body = body.split("\n", 1)[1] if body.startswith("# ") else body
    campaign = report.campaign
    title = words.DOCUMENT_TITLE(campaign=campaign.title).text(lang)
    return Document(title, (Markdown(body, new_page=False, title=title),), campaign.issuer or "", campaign.title, report.briefing.as_of,
                    words.FILE_STEM(day=report.briefing.as_of.isoformat()).text(lang))
