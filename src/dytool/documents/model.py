"""The values the Word renderer takes: fonts, document metadata and the document parts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeAlias

__all__ = ["DEFAULT_FONTS", "Contents", "Cover", "DocMeta", "Fonts", "Markdown", "Part", "Table"]


@dataclass(frozen=True)
class Fonts:
    """Font names written into the styles (GB/T 9704-2012 defaults); Word substitutes missing ones."""

    body: str = "仿宋_GB2312"
    body_fallback: str = "仿宋"
    title: str = "方正小标宋简体"
    heading1: str = "黑体"
    heading2: str = "楷体_GB2312"
    page_number: str = "宋体"
    latin: str = "Times New Roman"


DEFAULT_FONTS = Fonts()


@dataclass(frozen=True)
class DocMeta:
    """Core properties. ``created`` is also the zip timestamp: pass a fixed value (the as-of day,
    or ``SOURCE_DATE_EPOCH``) for byte-identical output; a naive value is taken as UTC."""

    title: str
    author: str
    created: datetime
    subject: str = ""
    keywords: str = ""


@dataclass(frozen=True)
class Cover:
    """A cover page in its own unnumbered section."""

    title: str
    subtitle: str | None = None
    issuer: str | None = None
    date_text: str = ""
    classification: str | None = None


@dataclass(frozen=True)
class Contents:
    """A table of contents: a TOC field Word refreshes on opening, pre-filled with ``entries``
    as ``(level, text)`` pairs (level 1 = 一、 headings)."""

    title: str = "目  录"
    entries: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class Markdown:
    """A Markdown text (CommonMark + GFM tables); images resolve inside ``base_dir``."""

    text: str
    base_dir: Path | None = None
    new_page: bool = True
    title: str | None = None
    byline: str | None = None
    outline: bool = True
    """Whether the text's headings join the document outline and the contents; a report inside
    a compilation keeps its 一、（一） look but only its ``title`` is listed."""


@dataclass(frozen=True)
class Table:
    """A ledger (台账): centred title, an optional note line, then the table. ``widths`` are
    relative column widths; ``landscape`` puts it in a landscape section."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str | None = None
    widths: tuple[float, ...] | None = None
    landscape: bool = False
    new_page: bool = True


Part: TypeAlias = Cover | Contents | Markdown | Table
