"""The roll-up's documents in Word: the same renderer (GB/T 9704) and fixed dates as a
campaign's documents, with the fonts of rollup.yaml."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from dytool.documents.model import DocMeta, Fonts, Part
from dytool.models.campaign import Fonts as FontSpec
from dytool.present.docx import created_time

__all__ = ["fonts_of", "rollup_docx"]


def fonts_of(spec: FontSpec | None) -> Fonts:
    if spec is None:
        return Fonts()
    changes = {name: value for name, value in (("body", spec.body), ("title", spec.title), ("heading1", spec.heading1),
                                               ("heading2", spec.heading2), ("page_number", spec.page_number)) if value}
    return Fonts(**changes)


def rollup_docx(parts: Sequence[Part], *, title: str, author: str, subject: str, as_of: dt.date, fonts: FontSpec | None,
                on_problem: Callable[[str, str], None]) -> bytes:
    from dytool.present.word.render import render_docx  # python-docx is imported only for Word output

    meta = DocMeta(title=title, author=author, subject=subject, created=created_time(as_of))
    return render_docx(parts, meta, fonts=fonts_of(fonts), on_problem=on_problem)
