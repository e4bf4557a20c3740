"""The cover page and the table of contents (a TOC field Word refreshes when the file opens)."""

from __future__ import annotations

from math import ceil

from dytool.documents.model import Contents, Cover, Table
from dytool.present.word.blocks import Para, Writer, distribute
from dytool.present.word.ooxml import clean, display_width
from dytool.present.word.styles import LINE

__all__ = ["TOC_FIELD", "render_contents", "render_cover", "render_ledger"]

TOC_FIELD = ' TOC \\o "1-2" \\h \\z \\u \\t "Title,2,Table Title,2" '
COVER_TITLE_SIZE = 520  # 26 pt (一号) in twips
COVER_TITLE_LINE = 780
COVER_TEXT_LINE = 640


def _lines(text: str, size: int, width: int) -> int:
    """Lines ``text`` takes at ``size`` twips per full-width character in ``width`` twips."""
    return max(1, ceil(display_width(text) * size / 2 / max(width, 1)))


def render_cover(writer: Writer, cover: Cover) -> None:
    """Classification top left, the title in the upper third, issuer and date near the bottom."""
    page = writer.page
    used = 0

    def optional(value: str | None) -> str | None:
        return clean(value) if value else None

    cover = Cover(clean(cover.title), optional(cover.subtitle), optional(cover.issuer), clean(cover.date_text),
                  optional(cover.classification))
    if cover.classification:
        writer.styled("classification", cover.classification)
        used += LINE
    title_before = page.type_height // 5
    title = writer.styled("cover_title", cover.title)
    title.set("spacing", {"before": str(title_before), "after": "0", "line": str(COVER_TITLE_LINE), "lineRule": "exact"})
    used += title_before + _lines(cover.title, COVER_TITLE_SIZE, page.type_width) * COVER_TITLE_LINE
    if cover.subtitle:
        writer.styled("cover_subtitle", cover.subtitle)
        used += 290 + _lines(cover.subtitle, 320, page.type_width) * LINE
    bottom = [text for text in (cover.issuer, cover.date_text) if text]
    if not bottom:
        return
    block = sum(_lines(text, 320, page.type_width) for text in bottom) * COVER_TEXT_LINE
    before = max(LINE, page.type_height - used - block - 3 * LINE)
    for index, text in enumerate(bottom):
        paragraph = writer.styled("cover_text", text)
        if index == 0:
            paragraph.set("spacing", {"before": str(before), "after": "0", "line": str(COVER_TEXT_LINE), "lineRule": "exact"})


def _field_char(paragraph: Para, kind: str, *, dirty: bool = False) -> None:
    flag = ' w:dirty="true"' if dirty else ""
    paragraph.runs.append(f'<w:r><w:fldChar w:fldCharType="{kind}"{flag}/></w:r>')


def render_contents(writer: Writer, contents: Contents) -> None:
    """The contents title, then a dirty TOC field whose result holds the given entries."""
    writer.styled("toc_heading", contents.title)
    entries = contents.entries or ((1, ""),)
    last = len(entries) - 1
    for index, (level, text) in enumerate(entries):
        paragraph = writer.paragraph(writer.ids.toc(level))
        if index == 0:
            _field_char(paragraph, "begin", dirty=True)
            paragraph.runs.append(f'<w:r><w:instrText xml:space="preserve">{TOC_FIELD}</w:instrText></w:r>')
            _field_char(paragraph, "separate")
        writer.text(paragraph, text)
        if index == last:
            _field_char(paragraph, "end")


def render_ledger(writer: Writer, table: Table) -> None:
    """A 台账: title, note line, then the table with its header row repeated on every page."""
    writer.styled("table_title", table.title)
    if table.note and clean(table.note):
        writer.styled("table_note", table.note)
    columns = max([len(table.header), *(len(row) for row in table.rows)]) or 1
    weights: list[float]
    if table.widths and len(table.widths) >= columns:
        weights = [float(width) for width in table.widths[:columns]]
    else:
        weights = [4.0] * columns
        for row in (table.header, *table.rows):
            for index, value in enumerate(row):
                weights[index] = max(weights[index], float(min(display_width(value), 40)))
    widths = distribute(weights, writer.page.type_width)
    short = [all(display_width(row[index]) <= 6 for row in table.rows if index < len(row)) for index in range(columns)]
    element = writer.table(widths)
    header = writer.row(element, header=True)
    for index in range(columns):
        writer.text(writer.cell(header, widths[index], header=True), table.header[index] if index < len(table.header) else "")
    for row in table.rows:
        tr = writer.row(element)
        for index in range(columns):
            paragraph = writer.cell(tr, widths[index], align="center" if short[index] else None)
            writer.text(paragraph, row[index] if index < len(row) else "")
