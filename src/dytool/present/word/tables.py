"""Tables as offices set them: a title above, columns fitted to their content, rows that do
not split across pages, the header row repeated on every page.  Ledgers (台账) go on their
own pages behind an annex label; tables in a text get a caption (表N)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from math import ceil

from dytool.documents.model import Table
from dytool.present.word.blocks import Para, Writer, distribute
from dytool.present.word.ooxml import clean, display_width
from dytool.present.word.styles import LINE, table_line
from dytool.present.word.tablefit import Fit, fit_columns

__all__ = ["TEXT_SIZES", "fit_text_table", "grid", "render_ledger"]

TEXT_SIZES = (28, 24, 21)
"""Sizes of a table inside a text, in half-points: 四号, then 小四 and 五号 when it needs room."""

Fill = Callable[[Para, int, int, int], None]
"""Writes the content of the cell (row, column) into its paragraph; the last argument is the width."""


def grid(writer: Writer, fit: Fit, rows: int, header_rows: int, fill: Fill, align: Callable[[int, int], str | None]) -> None:
    """A table of ``rows`` rows (the first ``header_rows`` repeated on each page) in the widths of
    ``fit``.  A table of less than half a page is kept on one page; a longer one never leaves its
    last row alone on a page (a 合计 row stays with the row above)."""
    element = writer.table(fit.widths)
    height = fit.lines * table_line(fit.size) + rows * 30
    kept = rows if height <= writer.page.type_height // 2 else 0
    for row in range(rows):
        header = row < header_rows
        tr = writer.row(element, header=header)
        keep = row < kept - 1 or row == rows - 2
        for column, width in enumerate(fit.widths):
            paragraph = writer.cell(tr, width, header=header, align=None if header else align(row, column), size=fit.size)
            if keep and not header:
                paragraph.set("keepNext")
            fill(paragraph, row, column, width)


def render_ledger(writer: Writer, table: Table) -> None:
    """A 台账: lead heading and annex label, title, note line, then the table."""
    if table.lead and clean(table.lead):
        writer.text(writer.paragraph(writer.ids.heading(1)), table.lead)
    if table.label and clean(table.label):
        writer.styled("annex_label", table.label)
    title = writer.styled("table_title", table.title)
    if table.label and clean(table.label):
        title.set("spacing", {"before": str(LINE), "after": "0", "line": str(LINE), "lineRule": "exact"})  # 版心第三行
    if table.note and clean(table.note):
        writer.styled("table_note", table.note)
    columns = max([len(table.header), *(len(row) for row in table.rows)]) or 1
    cells = [[clean(value) for value in row] + [""] * (columns - len(row)) for row in (table.header, *table.rows)]
    total = writer.page.type_width
    if table.widths and len(table.widths) >= columns:
        fit = Fit(distribute([float(width) for width in table.widths[:columns]], total), table.sizes[0])
    else:
        fit = fit_columns(cells[0], cells[1:], total, table.sizes)
        smallest = table.sizes[-1]
        if fit.size != smallest:  # a smaller size that saves a whole page is worth it
            small = fit_columns(cells[0], cells[1:], total, (smallest,))
            reserve = LINE * (5 if table.label else 2)
            if _pages(small, len(cells), writer.page.type_height, reserve) < _pages(fit, len(cells), writer.page.type_height, reserve):
                fit = small
    short = [all(display_width(row[column]) <= 8 for row in cells[1:]) for column in range(columns)]

    def fill(paragraph: Para, row: int, column: int, width: int) -> None:
        writer.text(paragraph, cells[row][column])

    grid(writer, fit, len(cells), 1, fill, lambda row, column: "center" if short[column] else None)


def _pages(fit: Fit, rows: int, page_height: int, reserve: int) -> int:
    """Pages a table of ``rows`` rows takes below ``reserve`` twips of titles (estimated: rows do
    not split, so a page is never quite full)."""
    return ceil((fit.lines * table_line(fit.size) + rows * 30 + reserve) / (page_height * 0.9))


def fit_text_table(writer: Writer, texts: Sequence[Sequence[str]]) -> Fit:
    """Widths of a table in a text, from the plain text of its cells (first row: the header)."""
    return fit_columns(texts[0] if texts else (), texts[1:], writer.page.type_width, TEXT_SIZES)
