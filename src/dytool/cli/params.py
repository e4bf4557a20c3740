"""Values of options that typer's choices cannot say: a list of formats (``--format docx,pdf``)."""

from __future__ import annotations

from dytool.core.catalogue import usage
from dytool.core.errors import UserError

__all__ = ["DOCUMENT_FORMATS_METAVAR", "document_formats"]

_DOCUMENT = ("md", "docx", "pdf")
DOCUMENT_FORMATS_METAVAR = "[md|docx|pdf|all][,…]"


def document_formats(value: str) -> str:
    """One of md, docx, pdf, ``all`` (md and docx) or a comma-separated list: ``docx,pdf``;
    the formats, normalized, joined with commas."""
    chosen = [part.strip() for part in str(value).split(",") if part.strip()]
    if "all" in chosen:
        chosen = [c for c in chosen if c != "all"] + [c for c in ("md", "docx") if c not in chosen]
    if not chosen or not set(chosen) <= set(_DOCUMENT):
        raise UserError(usage.FORMAT_LIST(choices="|".join((*_DOCUMENT, "all"))))
    return ",".join(dict.fromkeys(chosen))
