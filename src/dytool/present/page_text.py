"""A :class:`~dytool.present.display.Page` on a terminal: rich tables and coloured lines.

Every text goes in as :class:`rich.text.Text` (never parsed as markup) after
:func:`~dytool.core.text.printable`, so nothing a record holds can colour, move or hide the
output.  Long blocks are cut after their ``short`` rows, with "and N more" and the block's
hint, unless ``cut`` is off.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from rich import box
from rich.console import RenderableType
from rich.table import Table as RichTable
from rich.text import Text as RichText

from dytool.core.catalogue.briefing import MORE, MORE_PLAIN
from dytool.core.messages import Lang
from dytool.core.text import can_encode, one_line, printable
from dytool.present.display import Block, Cell, Gauge, Heading, Items, Line, Page, Paragraph, Section, Table, Tone

__all__ = ["STYLES", "bar", "page_renderables"]

STYLES = {Tone.PLAIN: "", Tone.BAD: "bold red", Tone.WARN: "yellow", Tone.GOOD: "green", Tone.DIM: "dim", Tone.STRONG: "bold"}


def bar(gauge: Gauge, encoding: str | None = None) -> str:
    """``███░░`` for ``gauge`` (``-`` for the empty part where the console cannot show ``░``)."""
    width = max(gauge.width, 1)
    filled = min(width, round(gauge.part * width / gauge.whole)) if gauge.whole > 0 else width
    return "█" * filled + ("░" if can_encode("░", encoding) else "-") * (width - filled)


def page_renderables(page: Page, *, cut: bool = True, encoding: str | None = None) -> list[RenderableType]:
    """What to print for ``page``, in order."""
    out: list[RenderableType] = [RichText(one_line(page.title), style="bold")]
    out += [item for line in page.head for item in _lines(line, encoding)]
    for section in page.sections:
        out += _section(section, page.lang, cut, encoding)
    if page.notes:
        out.append(RichText(""))
        out += [item for line in page.notes for item in _lines(line, encoding)]
    return out


def _section(section: Section, lang: Lang, cut: bool, encoding: str | None) -> list[RenderableType]:
    out: list[RenderableType] = [RichText("")]
    if section.title:
        out.append(RichText(one_line(section.title), style="bold underline"))
    for block in section.blocks:
        out += _block(block, lang, cut, encoding)
    return out


def _block(block: Block, lang: Lang, cut: bool, encoding: str | None) -> list[RenderableType]:
    if isinstance(block, Heading):
        return [RichText(printable(block.text), style="bold")]
    if isinstance(block, Paragraph):
        return [item for line in block.lines for item in _lines(line, encoding)]
    if isinstance(block, Items):
        shown = _cut(block.lines, block.short, cut)
        out: list[RenderableType] = []
        for line in shown:
            out += _lines(line, encoding)
        return out + _more(len(block.lines) - len(shown), block.hint, lang)
    return _table(block, lang, cut, encoding)


T = TypeVar("T")


def _cut(rows: Sequence[T], short: int | None, cut: bool) -> Sequence[T]:
    return rows[:short] if cut and short is not None else rows


def _more(hidden: int, hint: str, lang: Lang) -> list[RenderableType]:
    if hidden <= 0:
        return []
    text = (MORE(n=hidden, hint=hint) if hint else MORE_PLAIN(n=hidden)).text(lang)
    return [RichText(f"  {text}", style="dim")]


def _lines(line: Line, encoding: str | None) -> list[RenderableType]:
    """The line, its gauge on a line of its own, and its details indented."""
    out: list[RenderableType] = [_line(line, encoding)]
    if line.gauge is not None:
        out.append(RichText(f"  {bar(line.gauge, encoding)}", style=STYLES[line.tone]))
    return out + [_line(detail, encoding, indent="  ") for detail in line.details]


def _line(line: Line, encoding: str | None, indent: str = "") -> RichText:
    text = RichText(indent)
    if line.lead:
        text.append(one_line(line.lead), style="bold")
    text.append(one_line(line.text), style=STYLES[line.tone])
    return text


def _cell(cell: Cell, encoding: str | None) -> RichText:
    shown = one_line(cell.text)
    if cell.gauge is not None:
        shown = f"{bar(cell.gauge, encoding)} {shown}"
    return RichText(shown, style=STYLES[cell.tone])


def _table(block: Table, lang: Lang, cut: bool, encoding: str | None) -> list[RenderableType]:
    columns = block.terminal if block.terminal is not None else tuple(range(len(block.columns)))
    table = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    for index in columns:
        table.add_column(RichText(one_line(block.columns[index]), style="bold"), overflow="fold",
                         justify="right" if index in block.numeric else "left")
    rows = _cut(block.rows, block.short, cut)
    for row in rows:
        table.add_row(*(_cell(row[index], encoding) for index in columns))
    return [table, *_more(len(block.rows) - len(rows), block.hint, lang)]
