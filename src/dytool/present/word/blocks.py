"""The writer: paragraphs, runs, tables and section breaks, written as WordprocessingML text.

The body is the bulk of a compilation (500 reports make 11 MB of XML), so it is not built as a
tree: each block is a small object that renders itself once it is complete, and the text is
handed to the zip writer in pieces. python-docx's high-level calls (which look styles up by
name and rescan the body) are never used; style ids are resolved once. Property elements are
written in schema order (``ooxml.ORDERS``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from itertools import product

from dytool.present.word.layout import Footers, PageSetup, section_properties
from dytool.present.word.ooxml import ORDERS, attr, clean, element, w
from dytool.present.word.styles import TABLE_SIZES, StyleIds

__all__ = ["Para", "TableXml", "Writer", "distribute", "run_xml", "text_xml"]

_PPR_ORDER = {name[len(w("")):]: index for name, index in ORDERS[w("pPr")].items()}


def _run_properties(bold: bool, italic: bool, strike: bool) -> str:
    inner = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "") + ("<w:strike/>" if strike else "")
    return f"<w:rPr>{inner}</w:rPr>" if inner else ""


_RPR: Mapping[tuple[bool, bool, bool], str] = {
    (bold, italic, strike): _run_properties(bold, italic, strike) for bold, italic, strike in product((False, True), repeat=3)
}


def text_xml(text: str) -> str:
    """Run content for ``text`` (already cleaned): ``w:t``, with ``w:tab`` and ``w:br`` for tabs and newlines."""
    if "\n" not in text and "\t" not in text:
        if text[0] == " " or text[-1] == " ":
            return f'<w:t xml:space="preserve">{escape(text, quote=False)}</w:t>'
        return f"<w:t>{escape(text, quote=False)}</w:t>"
    pieces: list[str] = []
    for line_index, line in enumerate(text.split("\n")):
        if line_index:
            pieces.append("<w:br/>")
        for piece_index, piece in enumerate(line.split("\t")):
            if piece_index:
                pieces.append("<w:tab/>")
            if piece:
                pieces.append(f'<w:t xml:space="preserve">{escape(piece, quote=False)}</w:t>')
    return "".join(pieces)


def run_xml(text: str, *, bold: bool = False, italic: bool = False, strike: bool = False) -> str:
    """A ``w:r`` for ``text``; characters XML cannot hold are dropped (empty text: no run)."""
    text = clean(text)
    if not text:
        return ""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return f"<w:r>{_RPR[bold, italic, strike]}{text_xml(text)}</w:r>"


def distribute(weights: Sequence[float], total: int) -> list[int]:
    """Integer widths proportional to ``weights`` that add up to ``total`` exactly (a width of zero
    or less counts as the average of the others)."""
    if not weights:
        return []
    positive = [float(weight) for weight in weights if weight > 0]
    mean = sum(positive) / len(positive) if positive else 1.0
    shares = [float(weight) if weight > 0 else mean for weight in weights]
    whole = sum(shares)
    widths = [int(total * share / whole) for share in shares]
    widths[-1] += total - sum(widths)
    return widths


class Para:
    """A paragraph being written: style id, direct properties (by element name) and runs."""

    __slots__ = ("props", "runs", "style")

    def __init__(self, style: str | None) -> None:
        self.style = style
        self.props: dict[str, str] = {}
        self.runs: list[str] = []

    def set(self, local: str, attrs: Mapping[str, str] | None = None) -> None:
        self.props[local] = element(local, attrs)

    def render(self) -> str:
        if self.style is None and not self.props:
            return f"<w:p>{''.join(self.runs)}</w:p>"
        head = f'<w:pStyle w:val="{attr(self.style)}"/>' if self.style is not None else ""
        props = "".join(self.props[name] for name in sorted(self.props, key=_PPR_ORDER.__getitem__))
        return f"<w:p><w:pPr>{head}{props}</w:pPr>{''.join(self.runs)}</w:p>"


class TableXml:
    """A full-width bordered table with a fixed grid; rows of (width, paragraph) cells."""

    __slots__ = ("head", "rows")

    def __init__(self, style_id: str, widths: Sequence[int]) -> None:
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
        self.head = (
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{attr(style_id)}"/><w:tblW w:w="5000" w:type="pct"/>'
            '<w:jc w:val="center"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0"'
            ' w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>"
        )
        self.rows: list[tuple[bool, list[tuple[int, Para]]]] = []

    def render(self) -> str:
        out = [self.head]
        for header, cells in self.rows:
            # No row breaks across pages; header rows repeat on every page.
            out.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header else "<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            for width, paragraph in cells:
                out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>')
                out.append(paragraph.render())
                out.append("</w:tc>")
            out.append("</w:tr>")
        out.append("</w:tbl>")
        return "".join(out)


class Writer:
    """Writes the blocks of the body in order and keeps track of sections and page breaks."""

    def __init__(self, ids: StyleIds, setup: PageSetup, footers: Footers) -> None:
        self.ids = ids
        self.setup = setup
        self.footers = footers
        self.pieces: list[bytes] = []  # finished body XML, UTF-8
        self._done: list[str] = []  # finished blocks not yet encoded
        self._last: Para | TableXml | None = None  # the open section's last block (may get a sectPr)
        self._section: tuple[bool, bool] | None = None  # (numbered, landscape) of the open section
        self._restarted = False
        self._pending_break = False

    # -- sections ---------------------------------------------------------------------------
    def begin(self, *, numbered: bool, landscape: bool = False, own_section: bool = False, new_page: bool = True) -> None:
        """Start a part: a new section when its kind differs (or it wants its own), else a page break."""
        key = (numbered, landscape)
        if self._section is None:
            self._section = key
        elif own_section or key != self._section:
            self._close_section()
            self._section = key
        elif new_page and self._last is not None:
            self._pending_break = True

    @property
    def page(self) -> PageSetup:
        return self.setup.landscape() if self._section is not None and self._section[1] else self.setup

    def _section_properties(self) -> str:
        numbered, landscape = self._section or (True, False)
        restart = numbered and not self._restarted
        self._restarted = self._restarted or numbered
        footers = self.footers.numbered if numbered else self.footers.blank
        return section_properties(self.setup, footers, restart=restart, landscape=landscape)

    def _close_section(self) -> None:
        self._pending_break = False
        carrier = self._last
        if not isinstance(carrier, Para):
            carrier = self.spacer()  # after a table (or in an empty section) it holds the break
        carrier.props["sectPr"] = self._section_properties()
        self._commit()

    def spacer(self) -> Para:
        """A one-point empty paragraph: keeps two tables apart, or carries a section break."""
        carrier = self.paragraph(None)
        carrier.set("snapToGrid", {"val": "0"})
        carrier.set("spacing", {"before": "0", "after": "0", "line": "20", "lineRule": "exact"})
        carrier.props["rPr"] = '<w:rPr><w:sz w:val="2"/></w:rPr>'
        return carrier

    def _commit(self) -> None:
        if self._last is not None:
            self._done.append(self._last.render())
            self._last = None

    def flush(self) -> None:
        """Encode the finished blocks (all but the open one)."""
        if self._done:
            self.pieces.append("".join(self._done).encode("utf-8"))
            self._done.clear()

    def finish(self) -> list[bytes]:
        """The body's content, ending with the final section's properties."""
        self._commit()
        self._done.append(self._section_properties())
        self.flush()
        return self.pieces

    # -- paragraphs and runs ----------------------------------------------------------------
    def paragraph(self, style_id: str | None) -> Para:
        """A new top-level paragraph (taking a pending page break)."""
        self._commit()
        paragraph = Para(style_id)
        if self._pending_break:
            paragraph.props["pageBreakBefore"] = "<w:pageBreakBefore/>"
            self._pending_break = False
        self._last = paragraph
        return paragraph

    @staticmethod
    def text(paragraph: Para, text: str, *, bold: bool = False, italic: bool = False, strike: bool = False) -> None:
        run = run_xml(text, bold=bold, italic=italic, strike=strike)
        if run:
            paragraph.runs.append(run)

    def styled(self, style_key: str, text: str) -> Para:
        paragraph = self.paragraph(self.ids[style_key])
        self.text(paragraph, text)
        return paragraph

    # -- tables -----------------------------------------------------------------------------
    def table(self, widths: Sequence[int]) -> TableXml:
        if self._pending_break:
            self.paragraph(None)  # takes the page break: a table cannot
        if isinstance(self._last, TableXml):
            self.spacer()  # two tables in a row would merge into one in Word and LibreOffice
        self._commit()
        table = TableXml(self.ids["table_grid"], widths)
        self._last = table
        return table

    @staticmethod
    def row(table: TableXml, *, header: bool = False) -> list[tuple[int, Para]]:
        cells: list[tuple[int, Para]] = []
        table.rows.append((header, cells))
        return cells

    def cell(self, row: list[tuple[int, Para]], width: int, *, header: bool = False, align: str | None = None, size: int = 28) -> Para:
        """A cell of ``width`` twips; returns its paragraph (styled 'Table Heading' or 'Table Text'
        of the text size ``size``, in half-points: 28, 24 or 21)."""
        suffix = TABLE_SIZES.get(size, "")
        paragraph = Para(self.ids[("table_heading" if header else "table_text") + suffix])
        if align is not None:
            paragraph.set("jc", {"val": align})
        row.append((width, paragraph))
        return paragraph
