"""The values the Word renderer takes: fonts, document metadata and the document parts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TypeAlias

__all__ = [
    "DEFAULT_FONTS", "LEDGER_SIZES", "Chart", "Contents", "Cover", "DocMeta", "Document", "Fonts", "Markdown", "Part", "Series", "Table",
]


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
    pages: tuple[str, ...] = ()
    """The page number of each entry where it is known (from a rendering by LibreOffice)."""


@dataclass(frozen=True)
class Series:
    """One series of a chart: a value per category; ``line`` draws it as a line over bars."""

    name: str
    values: tuple[float, ...]
    line: bool = False


@dataclass(frozen=True)
class Chart:
    """A chart with its data: bars (``horizontal``: across, categories top to bottom) and
    lines, or lines only when every series is a line.  ``file`` is where Markdown shows it
    (``charts/NAME.svg``); a Markdown part lists the charts its image links name."""

    file: str
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    horizontal: bool = False
    unit: str = ""
    percent: bool = False


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
    charts: tuple[Chart, ...] = ()
    """Charts drawn where an image link names their ``file`` (native Word charts)."""
    source: str | None = None
    """The repository file the text comes from, named in problems with its images."""
    top_level: bool = False
    """Its ``#`` title is listed in the contents beside the 一、 headings (a preface), not below them."""


LEDGER_SIZES = (24, 21)
"""Text sizes of a ledger, in half-points: 小四, or 五号 when 小四 does not fit."""


@dataclass(frozen=True)
class Table:
    """A ledger (台账): centred title, an optional note line, then the table.

    Column widths are computed from the cells (dates and ids never broken) unless ``widths``
    gives relative ones; ``sizes`` are the text sizes to try, in half-points, largest first.
    ``landscape`` puts it in a landscape section.  ``label`` is the annex label set at the top
    left as GB/T 9704 places it (附件1), and ``lead`` a heading set above it on the same page
    (三、附件), so that a heading never stands alone at the foot of a page."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str | None = None
    widths: tuple[float, ...] | None = None
    landscape: bool = False
    new_page: bool = True
    label: str | None = None
    lead: str | None = None
    sizes: tuple[int, ...] = LEDGER_SIZES


Part: TypeAlias = Cover | Contents | Markdown | Table


@dataclass(frozen=True)
class Document:
    """A document ready for Word (and PDF through LibreOffice): its parts, what the file says
    about itself, and the file name it is written under (without the suffix)."""

    title: str
    parts: tuple[Part, ...]
    author: str
    subject: str
    as_of: date
    stem: str
