"""The parts of a document, independent of the output format.

Markdown output joins their Markdown; Word output hands them to :mod:`dytool.word`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["CoverPart", "DocPart", "MarkdownPart", "TablePart", "TocPart"]


@dataclass(frozen=True)
class CoverPart:
    title: str
    subtitle: str | None
    issuer: str | None
    date_text: str
    classification: str | None


@dataclass(frozen=True)
class TocPart:
    entries: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class MarkdownPart:
    text: str
    base_dir: Path | None = None
    new_page: bool = True
    title: str | None = None
    byline: str | None = None
    outline: bool = True


@dataclass(frozen=True)
class TablePart:
    title: str
    note: str | None
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] | None = None
    landscape: bool = False
    new_page: bool = True


DocPart = CoverPart | TocPart | MarkdownPart | TablePart
