"""Display data: what a page for people says, already worded, before any format is chosen.

A :class:`Page` (the briefing, the roll-up's briefing, the changes between two revisions) is
a title, a few head lines and sections of blocks: paragraphs, bulleted items, tables and
sub-headings, each cell and line a worded string with a :class:`Tone`.  The renderers
(:mod:`dytool.present.page_text` for terminals, :mod:`dytool.present.page_md` for Markdown and,
through it, Word) only lay these out, so every format carries the same facts in the same
words.  Long blocks say how many rows a short rendering shows (``short``) and how to see the
rest (``hint``); only the terminal cuts them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from dytool.core.messages import Lang

__all__ = ["Block", "Cell", "Gauge", "Heading", "Items", "Line", "Page", "Paragraph", "Section", "Table", "Tone"]


class Tone(StrEnum):
    """How a line or cell stands out on a terminal (三色督办: overdue red, due soon yellow, done green)."""

    PLAIN = "plain"
    BAD = "bad"
    WARN = "warn"
    GOOD = "good"
    DIM = "dim"
    STRONG = "strong"


@dataclass(frozen=True, slots=True)
class Gauge:
    """A quantity a terminal draws as a bar: ``part`` of ``whole`` in ``width`` blocks."""

    part: float
    whole: float
    width: int = 20


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    tone: Tone = Tone.PLAIN
    gauge: Gauge | None = None
    """Drawn before the text on a terminal (the text still says the figure)."""


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    tone: Tone = Tone.PLAIN
    details: tuple[Line, ...] = ()
    """Lines under this one (indented on a terminal, a nested list in Markdown)."""
    gauge: Gauge | None = None
    """Drawn after the text on a terminal."""
    lead: str = ""
    """Shown in bold before the text (a member's name before its figures)."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class Items:
    lines: tuple[Line, ...]
    short: int | None = None
    hint: str = ""


@dataclass(frozen=True, slots=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    short: int | None = None
    hint: str = ""
    numeric: tuple[int, ...] = ()
    """Columns of figures: right-aligned."""
    terminal: tuple[int, ...] | None = None
    """The columns a terminal shows, when not all of them fit (None: all)."""


@dataclass(frozen=True, slots=True)
class Heading:
    text: str


Block = Paragraph | Items | Table | Heading


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Page:
    title: str
    lang: Lang
    head: tuple[Line, ...] = ()
    sections: tuple[Section, ...] = ()
    notes: tuple[Line, ...] = field(default=())
    """Lines after the last section."""
