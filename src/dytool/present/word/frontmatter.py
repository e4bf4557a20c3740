"""The cover page and the table of contents (a TOC field Word refreshes when the file opens)."""

from __future__ import annotations

from math import ceil

from dytool.documents.model import Contents, Cover
from dytool.present.word.blocks import Para, Writer
from dytool.present.word.ooxml import clean, display_width
from dytool.present.word.styles import LINE

__all__ = ["TOC_FIELD", "render_contents", "render_cover"]

TOC_FIELD = ' TOC \\o "1-2" \\h \\z \\u '
"""Headings 1–2 and paragraphs of outline level 1–2 (report and ledger titles carry level 2)."""
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
        if index < len(contents.pages) and contents.pages[index]:
            paragraph.runs.append("<w:r><w:tab/></w:r>")
            writer.text(paragraph, contents.pages[index])
        if index == last:
            _field_char(paragraph, "end")
