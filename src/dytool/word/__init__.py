"""Word output: document parts (cover, contents, Markdown texts, ledgers) → a GB/T 9704-2012 .docx.

The one module that renders Word. ``render_docx`` returns the same bytes for the same input:
dates come from ``DocMeta.created`` (the caller derives it from ``--as-of`` or
``SOURCE_DATE_EPOCH``), never from the clock.
"""

from __future__ import annotations

from dytool.word.model import DEFAULT_FONTS, Contents, Cover, DocMeta, Fonts, Markdown, Part, Table
from dytool.word.render import render_docx

__all__ = ["DEFAULT_FONTS", "Contents", "Cover", "DocMeta", "Fonts", "Markdown", "Part", "Table", "render_docx"]
