"""Render document parts to Word with the campaign's fonts and fixed dates."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from dytool.documents.model import DocMeta, Fonts, Part
from dytool.models import Campaign

__all__ = ["created_time", "to_docx"]


def created_time(as_of: dt.date) -> dt.datetime:
    """The fixed document date: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else the
    as-of day at midnight UTC, so the same input gives the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime(as_of.year, as_of.month, as_of.day, tzinfo=dt.UTC)


def campaign_fonts(campaign: Campaign) -> Fonts:
    spec = campaign.fonts
    if spec is None:
        return Fonts()
    changes = {name: value for name, value in (("body", spec.body), ("title", spec.title), ("heading1", spec.heading1),
                                               ("heading2", spec.heading2), ("page_number", spec.page_number)) if value}
    return Fonts(**changes)


def to_docx(
    parts: Sequence[Part],
    *,
    title: str,
    author: str,
    subject: str,
    as_of: dt.date,
    campaign: Campaign,
    reference: Path | None,
    on_problem: Callable[[str, str], None],
) -> bytes:
    from dytool.present.word.render import render_docx  # python-docx is imported only for Word output

    meta = DocMeta(title=title, author=author, subject=subject, created=created_time(as_of))
    return render_docx(parts, meta, fonts=campaign_fonts(campaign), reference=reference, on_problem=on_problem)
