"""Word output: document parts (cover, contents, Markdown texts, ledgers) → a GB/T 9704-2012 .docx.

The one module that renders Word. ``render_docx`` returns the same bytes for the same input:
dates come from ``DocMeta.created`` (the caller derives it from ``--as-of`` or
``SOURCE_DATE_EPOCH``), never from the clock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dytool.documents.model import DEFAULT_FONTS, Contents, Cover, DocMeta, Fonts, Markdown, Part, Table

if TYPE_CHECKING:
    from dytool.present.word.render import render_docx


def __getattr__(name: str) -> Any:
    """``render_docx`` imports python-docx: only when Word output is really asked for."""
    if name == "render_docx":
        from dytool.present.word.render import render_docx

        return render_docx
    raise AttributeError(name)

__all__ = ["DEFAULT_FONTS", "Contents", "Cover", "DocMeta", "Fonts", "Markdown", "Part", "Table", "render_docx"]
