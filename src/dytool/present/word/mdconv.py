"""Markdown (CommonMark + GFM tables) to Word blocks, one token stream walk per text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token

from dytool.documents.model import Chart
from dytool.present.word.blocks import Para, Writer
from dytool.present.word.images import Pictures
from dytool.present.word.ooxml import clean, display_width, is_wide
from dytool.present.word.tablefit import CELL_MARGIN
from dytool.present.word.tables import fit_text_table, grid

__all__ = ["MarkdownRenderer"]

BULLET = "•"
CAPTION = re.compile(r"^\s*(?:\*\*)?表\s*[0-9０-９一二三四五六七八九十]+")
"""A paragraph right before a table that starts like this is the table's title (表1　…)."""
# a heading's own number (一、 （一） 1. （1）), which a table's title does not repeat
HEADING_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)]|[0-9０-９]+(?:[.．][0-9０-９]+)*(?:[.．、]|\s)|[（(][0-9０-９]+[）)])\s*")
FIGURE_CAPTION = re.compile(r"^\s*图\s*[0-9０-９一二三四五六七八九十]+")
"""A paragraph right after a figure that starts like this is its caption (图1　…)."""
LIST_HANG = 150  # hanging indent of list markers, in hundredths of a character
CHAR = 320


@cache
def _parser() -> MarkdownIt:
    # html off: raw HTML stays visible as text, as the spec asks.
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


@dataclass
class _Cell:
    children: list[Token] = field(default_factory=list)
    align: str | None = None


@dataclass
class _TableAcc:
    rows: list[list[_Cell]] = field(default_factory=list)
    header_rows: int = 0


def _align(token: Token) -> str | None:
    style = str(token.attrs.get("style", ""))
    for name in ("left", "center", "right"):
        if f"text-align:{name}" in style:
            return name
    return None


def _plain(children: Sequence[Token]) -> str:
    return "".join(child.content for child in children if child.type in ("text", "code_inline"))


class MarkdownRenderer:
    """Renders Markdown texts through a :class:`Writer`."""

    def __init__(self, writer: Writer, pictures: Pictures) -> None:
        self.w = writer
        self.ids = writer.ids
        self.pictures = pictures
        self._base: Path | None = None
        self._outline = True
        self._tables = 0  # tables of the current text, for their numbers (表N)
        self._charts: dict[str, Chart] = {}
        self._top_level = False
        self._before: tuple[str, Para | None, str] = ("", None, "")
        """The block just written: its kind (heading, paragraph or other), paragraph and text."""

    def render(self, text: str, base_dir: Path | None, *, outline: bool = True, charts: Sequence[Chart] = (), top_level: bool = False) -> None:
        self._base = base_dir
        self._outline = outline
        self._top_level = top_level
        self._charts = {chart.file: chart for chart in charts}
        self._tables = 0
        self._before = ("", None, "")
        tokens = _parser().parse(clean(text))
        lists: list[int | None] = []  # per open list: the next number (None: a bullet list)
        markers: list[str | None] = []  # per open list item: the marker its first paragraph takes
        quote = 0
        table: _TableAcc | None = None
        heading = 0
        for token in tokens:
            kind = token.type
            if table is not None:
                table = self._table_token(table, token)
                continue
            if kind == "inline":
                self._block_inline(token, heading, lists, markers, quote)
                heading = 0
            elif kind == "heading_open":
                heading = int(token.tag[1:])
            elif kind == "bullet_list_open":
                lists.append(None)
            elif kind == "ordered_list_open":
                lists.append(int(str(token.attrs.get("start", 1))))
            elif kind in ("bullet_list_close", "ordered_list_close"):
                lists.pop()
            elif kind == "list_item_open":
                # Numbered as CommonMark does: from the list's start, whatever the later markers say.
                number = lists[-1] if lists else None
                if number is not None:
                    markers.append(f"{number}{token.markup}")
                    lists[-1] = number + 1
                else:
                    markers.append(BULLET)
            elif kind == "list_item_close":
                markers.pop()
            elif kind == "blockquote_open":
                quote += 1
            elif kind == "blockquote_close":
                quote -= 1
            elif kind == "hr":
                self._before = ("", None, "")
            elif kind in ("fence", "code_block"):
                self._before = ("", None, "")
                for line in token.content.rstrip("\n").split("\n"):
                    self.w.text(self.w.paragraph(self.ids["code"]), line)
            elif kind == "html_block":
                self._before = ("", None, "")
                self.w.text(self.w.paragraph(None), token.content.rstrip("\n"))
            elif kind == "table_open":
                table = _TableAcc()

    # -- paragraphs -------------------------------------------------------------------------
    def _block_inline(self, token: Token, heading: int, lists: list[int | None], markers: list[str | None], quote: int) -> None:
        children = token.children or []
        box = (self.w.page.type_width, self.w.page.type_height * 9 // 10)
        if heading:
            if heading == 1:
                style = self.ids["title"]
            else:
                style = self.ids.heading(heading - 1) if self._outline else self.ids.inner_heading(heading - 1)
            paragraph = self.w.paragraph(style)
            if heading == 1 and self._top_level:
                paragraph.set("outlineLvl", {"val": "0"})
            self._inline(paragraph, children, box)
            self._before = ("heading", paragraph, _plain(children))
            return
        images = [child for child in children if child.type == "image"]
        only_images = bool(images) and all(
            child.type in ("image", "softbreak") or (child.type == "text" and not child.content.strip()) for child in children
        )
        if only_images:
            paragraph = self.w.paragraph(self.ids["figure"])
            paragraph.set("keepNext")  # with its caption
            self._inline(paragraph, images, box)
            self._before = ("figure", paragraph, "")
            return
        if self._before[0] == "figure" and not lists and not quote and FIGURE_CAPTION.match(_plain(children)):
            paragraph = self.w.paragraph(self.ids["figure_caption"])
            self._inline(paragraph, children, box)
            self._before = ("", None, "")
            return
        if lists:
            paragraph = self.w.paragraph(self.ids["list"])
            level = len(lists) - 1
            left = 200 + 200 * level + LIST_HANG
            marker = markers[-1] if markers else None
            if marker is not None:
                markers[-1] = None
                paragraph.set("ind", {"left": str(left * CHAR // 100), "leftChars": str(left),
                                      "hanging": str(LIST_HANG * CHAR // 100), "hangingChars": str(LIST_HANG)})
                self.w.text(paragraph, marker + "\t")
            else:
                paragraph.set("ind", {"left": str(left * CHAR // 100), "leftChars": str(left), "firstLine": "0", "firstLineChars": "0"})
        elif quote:
            paragraph = self.w.paragraph(self.ids["quote"])
            if quote > 1:
                left = 200 * quote
                paragraph.set("ind", {"left": str(left * CHAR // 100), "leftChars": str(left),
                                      "firstLine": str(2 * CHAR), "firstLineChars": "200"})
        else:
            paragraph = self.w.paragraph(None)
        if images:
            paragraph.set("spacing", {"line": "240", "lineRule": "auto"})
        text = _plain(children)
        if text.rstrip().endswith(("：", ":")):
            paragraph.set("keepNext")  # a line that introduces a list or a table is never left at a page's foot
        self._inline(paragraph, children, box)
        self._before = ("paragraph" if not lists and not quote else "", paragraph, text)

    def _inline(self, paragraph: Para, children: Sequence[Token], box: tuple[int, int]) -> None:
        bold = italic = strike = 0
        buffer: list[str] = []
        links: list[tuple[str, list[str]]] = []
        last_char = ""

        def flush() -> None:
            if buffer:
                self.w.text(paragraph, "".join(buffer), bold=bold > 0, italic=italic > 0, strike=strike > 0)
                buffer.clear()

        def add(text: str) -> None:
            nonlocal last_char
            if text:
                buffer.append(text)
                last_char = text[-1]
                for _, link_text in links:
                    link_text.append(text)

        for index, child in enumerate(children):
            kind = child.type
            if kind in ("text", "code_inline", "html_inline"):
                add(child.content)
            elif kind == "softbreak":
                following = children[index + 1].content[:1] if index + 1 < len(children) else ""
                # Chinese lines wrapped in the source join without a space.
                if last_char and following and not (is_wide(last_char) or is_wide(following)):
                    add(" ")
            elif kind == "hardbreak":
                add("\n")
            elif kind in ("strong_open", "strong_close", "em_open", "em_close", "s_open", "s_close"):
                flush()
                step = 1 if kind.endswith("_open") else -1
                if kind.startswith("strong"):
                    bold += step
                elif kind.startswith("em"):
                    italic += step
                else:
                    strike += step
            elif kind == "link_open":
                links.append((str(child.attrs.get("href", "")), []))
            elif kind == "link_close" and links:
                href, parts = links.pop()
                shown = unquote(href)
                label = "".join(parts).strip()
                if shown.startswith("mailto:"):
                    shown = shown[len("mailto:"):]
                elif not shown.startswith(("http://", "https://", "ftp://")):
                    shown = ""
                if shown and label not in (shown, href):
                    add(f"（{shown}）")
            elif kind == "image":
                flush()
                src = str(child.attrs.get("src", ""))
                chart = self._charts.get(unquote(src))
                if chart is not None:
                    self.pictures.add_chart(paragraph, chart, box[0] * 9 // 10)
                elif not self.pictures.add(paragraph, src, child.content, self._base, box):
                    add(f"[图片：{child.content or unquote(src)}]")
        flush()

    # -- GFM tables -------------------------------------------------------------------------
    def _table_token(self, table: _TableAcc, token: Token) -> _TableAcc | None:
        kind = token.type
        if kind == "tr_open":
            table.rows.append([])
        elif kind in ("th_open", "td_open") and table.rows:
            table.rows[-1].append(_Cell(align=_align(token)))
            if kind == "th_open" and len(table.rows) > table.header_rows:
                table.header_rows = len(table.rows)
        elif kind == "inline" and table.rows and table.rows[-1]:
            table.rows[-1][-1].children = list(token.children or [])
        elif kind == "table_close":
            self._emit_table(table)
            return None
        return table

    def _caption(self) -> None:
        """The table's title: the paragraph before it when it reads 表N…, else 表N (with the
        heading's words, without its number, when the table follows a heading directly)."""
        self._tables += 1
        kind, paragraph, text = self._before
        if kind == "paragraph" and paragraph is not None and CAPTION.match(text):
            paragraph.style = self.ids["table_caption"]
            return
        caption = f"表{self._tables}"
        words = HEADING_NUMBER.sub("", text).strip() if kind == "heading" else ""
        if words:
            caption += f"　{words}"
        self.w.styled("table_caption", caption)

    def _emit_table(self, table: _TableAcc) -> None:
        if not table.rows:
            return
        self._caption()
        columns = max(len(row) for row in table.rows)
        rows = [row + [_Cell()] * (columns - len(row)) for row in table.rows]
        texts = [[_plain(cell.children) for cell in row] for row in rows]
        fit = fit_text_table(self.w, texts)
        body = texts[table.header_rows:]
        short = [all(display_width(row[column]) <= 8 for row in body) for column in range(columns)]
        height = self.w.page.type_height // 2

        def fill(paragraph: Para, row: int, column: int, width: int) -> None:
            self._inline(paragraph, rows[row][column].children, (width - CELL_MARGIN, height))

        def align(row: int, column: int) -> str | None:
            return rows[row][column].align or ("center" if short[column] else None)

        grid(self.w, fit, len(rows), table.header_rows, fill, align)
        self._before = ("", None, "")
