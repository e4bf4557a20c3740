"""Hand document parts to the Word writer (imported only when Word output is asked for)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from dytool.documents.parts import CoverPart, DocPart, MarkdownPart, TablePart, TocPart
from dytool.models import Campaign

__all__ = ["created_time", "to_docx"]


def created_time(as_of: dt.date) -> dt.datetime:
    """The fixed document date: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else the
    as-of day at midnight UTC, so the same input gives the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime(as_of.year, as_of.month, as_of.day, tzinfo=dt.UTC)


def to_docx(
    parts: Sequence[DocPart],
    *,
    title: str,
    author: str,
    subject: str,
    as_of: dt.date,
    campaign: Campaign,
    reference: Path | None,
    on_problem: Callable[[str, str], None],
) -> bytes:
    from dytool import word  # python-docx is imported only for Word output

    fonts = word.Fonts()
    spec = campaign.fonts
    if spec is not None:
        changes = {name: value for name, value in (("body", spec.body), ("title", spec.title), ("heading1", spec.heading1),
                                                   ("heading2", spec.heading2), ("page_number", spec.page_number)) if value}
        fonts = word.Fonts(**changes)
    converted: list[word.Part] = []
    for part in parts:
        if isinstance(part, CoverPart):
            converted.append(word.Cover(title=part.title, subtitle=part.subtitle, issuer=part.issuer, date_text=part.date_text,
                                        classification=part.classification))
        elif isinstance(part, TocPart):
            converted.append(word.Contents(entries=part.entries))
        elif isinstance(part, MarkdownPart):
            converted.append(word.Markdown(text=part.text, base_dir=part.base_dir, new_page=part.new_page, title=part.title,
                                           byline=part.byline, outline=part.outline))
        elif isinstance(part, TablePart):
            converted.append(word.Table(title=part.title, header=part.header, rows=part.rows, note=part.note, widths=part.widths,
                                        landscape=part.landscape, new_page=part.new_page))
    meta = word.DocMeta(title=title, author=author, subject=subject, created=created_time(as_of))
    return word.render_docx(converted, meta, fonts=fonts, reference=reference, on_problem=on_problem)
