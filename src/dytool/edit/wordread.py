"""A report written in Word or WPS (.docx) → Markdown, as faithful as CommonMark allows.

Read with python-docx (the package, its parts and relationships: already dytool's Word
library) and its lxml tree directly, for what python-docx has no API for (footnotes, merged
cells, numbering).  What becomes what:

* headings: paragraphs in a heading style (Heading N, 标题 N, Report Heading N, or a style
  with an outline level) and, in a report typed without styles, short paragraphs opening
  with the official numbering typed by hand: ``一、`` → ``##``, ``（一）`` → ``###``,
  ``1.`` → ``####``, ``（1）`` → ``#####`` (``#`` is the report's title, from the Title style);
  a long paragraph that opens with a number stays a paragraph, its number escaped;
* paragraphs; bold, italic and struck-through runs (``**`` ``*`` ``~~``; punctuation at the
  edge of a bold run is moved outside the markers, where CommonMark would not see them);
* Word lists (numbering, or the List Number / List Bullet styles) and lists typed as
  ``1.`` or ``•`` followed by a tab (as dytool's own Word files write them);
* tables as GFM tables, the first row as the header; a merged cell keeps its text in its
  first cell and leaves the cells it covers empty; paragraphs in a cell are joined by a space;
* footnotes as ``[^1]`` with their text at the end (numbered in order of appearance);
* images (PNG and JPEG) as ``![说明](images/…)``, their bytes returned to be written beside the
  report; other formats (EMF, WMF, GIF…) are named as problems and left out;
* links as ``[text](url)``; tracked deletions, field codes and empty paragraphs are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from dytool.core.catalogue import edits as words
from dytool.edit.wordmd import escape, escape_start, heading_level_of_text, join_lists, mark, plain
from dytool.edit.wordstyles import DocumentStyles, W, numbering

__all__ = ["MAX_PARAGRAPHS", "Converted", "TooManyParagraphs", "WordImage", "convert_docx", "heading_level_of_text"]

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
V = "{urn:schemas-microsoft-com:vml}"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
MAX_PARAGRAPHS = 50_000


class TooManyParagraphs(Exception):
    """A document longer than :data:`MAX_PARAGRAPHS`: refused with that reason, not as unreadable."""

_TYPED_LIST = re.compile(r"(?:(\d{1,3})[.)]|([•·●▪◦\-]))\t")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


_AUTO_CAPTION = re.compile(r"表\d+(?:　(.*))?")
"""A table title as dytool writes it above a table that has none of its own: 表N, or 表N and
the words of the heading right before the table.  A title the author wrote is kept."""


@dataclass(frozen=True)
class WordImage:
    name: str
    data: bytes


@dataclass
class Converted:
    markdown: str
    title: str | None = None
    author: str | None = None
    created: str | None = None
    images: list[WordImage] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    """(Chinese, English) notes on what was left out."""


class _Reader:
    def __init__(self, document: Any, image_prefix: str) -> None:
        self.doc = document
        self.prefix = image_prefix
        self.styles = DocumentStyles(document)
        self.out = Converted("")
        self.notes: dict[str, int] = {}
        self.note_text: dict[str, str] = self._footnotes()
        self.paragraphs = 0
        self.started = False
        """Whether any block came before: a title typed without the Title style opens the document."""

    # -- the package ----------------------------------------------------------------------
    def _footnotes(self) -> dict[str, str]:
        from lxml import etree

        for rel in self.doc.part.rels.values():
            if rel.reltype.endswith("/footnotes") and not rel.is_external:
                root = etree.fromstring(rel.target_part.blob, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
                notes = {}
                for note in root.iter(f"{W}footnote"):
                    if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                        continue
                    notes[note.get(f"{W}id") or ""] = " ".join(filter(None, (self._inline(p).strip() for p in note.iter(f"{W}p"))))
                return notes
        return {}

    # -- inline content ---------------------------------------------------------------------------
    def _runs(self, node: Any) -> Iterator[tuple[str, tuple[bool, bool, bool]]]:
        """(markdown text, (bold, italic, strike)) pieces of a paragraph, links resolved."""
        in_field = 0
        for child in node:
            tag = child.tag
            if tag == f"{W}r":
                for kind, piece in self._run(child):
                    if kind == "begin":
                        in_field += 1
                    elif kind == "separate":
                        in_field = max(in_field - 1, 0)
                    elif kind == "text" and not in_field:
                        yield piece, self._format(child)
                    elif kind == "raw" and not in_field:
                        yield piece, (False, False, False)
            elif tag == f"{W}hyperlink":
                text = "".join(t for t, _ in self._runs(child))
                target = self._link(child.get(f"{R}id"))
                yield (f"[{text}]({target})" if target and text else text), (False, False, False)
            elif tag in (f"{W}ins", f"{W}smartTag", f"{W}customXml", f"{W}fldSimple", f"{W}sdtContent"):
                yield from self._runs(child)
            elif tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    yield from self._runs(content)

    def _link(self, rid: str | None) -> str | None:
        rel = self.doc.part.rels.get(rid) if rid else None
        if rel is None or not rel.is_external:
            return None
        target = str(rel.target_ref)
        return target if re.match(r"(https?|mailto):", target) else None

    @staticmethod
    def _format(run: Any) -> tuple[bool, bool, bool]:
        props = run.find(f"{W}rPr")
        if props is None:
            return False, False, False

        def on(name: str) -> bool:
            node = props.find(f"{W}{name}")
            return node is not None and (node.get(f"{W}val") or "true").lower() not in ("0", "false", "off", "none")

        return on("b"), on("i"), on("strike")

    def _run(self, run: Any) -> Iterator[tuple[str, str]]:
        for child in run:
            tag = child.tag
            if tag == f"{W}t":
                yield "text", escape(_CONTROL.sub("", child.text or ""))
            elif tag == f"{W}tab":
                yield "text", "\t"
            elif tag in (f"{W}br", f"{W}cr") and child.get(f"{W}type") not in ("page", "column"):
                yield "raw", "\\\n"
            elif tag == f"{W}noBreakHyphen":
                yield "text", "-"
            elif tag == f"{W}fldChar":
                kind = child.get(f"{W}fldCharType")
                if kind in ("begin", "separate"):
                    yield kind, ""
            elif tag == f"{W}footnoteReference":
                ident = child.get(f"{W}id") or ""
                number = self.notes.setdefault(ident, len(self.notes) + 1)
                yield "raw", f"[^{number}]"
            elif tag in (f"{W}drawing", f"{W}pict", f"{W}object"):
                yield "raw", self._image(child)

    def _image(self, node: Any) -> str:
        blip = next(node.iter(f"{A}blip"), None)
        rid = blip.get(f"{R}embed") if blip is not None else None
        if rid is None:
            shape = next(node.iter(f"{V}imagedata"), None)
            rid = shape.get(f"{R}id") if shape is not None else None
        part = self.doc.part.related_parts.get(rid) if rid else None
        if part is None:
            return ""
        doc_pr = next(node.iter(f"{WP}docPr"), None)
        alt = (doc_pr.get("descr") or doc_pr.get("title") or "") if doc_pr is not None else ""
        data = part.blob
        if data.startswith(PNG_MAGIC):
            suffix = ".png"
        elif data.startswith(JPEG_MAGIC):
            suffix = ".jpg"
        else:
            kind = str(part.partname).rsplit(".", 1)[-1].upper()
            self.out.problems.append(words.IMAGE_FORMAT(kind=kind).pair)
            return ""
        name = f"{self.prefix}-{len(self.out.images) + 1}{suffix}"
        self.out.images.append(WordImage(name, data))
        return f"![{escape(alt)}](images/{name})"

    def _inline(self, paragraph: Any) -> str:
        pieces: list[tuple[str, tuple[bool, bool, bool]]] = []
        for text, fmt in self._runs(paragraph):
            if pieces and pieces[-1][1] == fmt:
                pieces[-1] = (pieces[-1][0] + text, fmt)
            else:
                pieces.append((text, fmt))
        out: list[str] = []
        for index, (text, (bold, italic, strike)) in enumerate(pieces):
            before = out[-1][-1:] if out else ""
            after = pieces[index + 1][0][:1] if index + 1 < len(pieces) else ""
            out.append(mark(text, "**" if bold else "", before, after) if bold else text)
            if italic:
                out[-1] = mark(out[-1], "*", before, after)
            if strike:
                out[-1] = mark(out[-1], "~~", before, after)
        return "".join(out)

    # -- blocks ----------------------------------------------------------------------------------
    def blocks(self, container: Any) -> Iterator[str]:
        for child in container:
            if child.tag == f"{W}p":
                self.paragraphs += 1
                if self.paragraphs > MAX_PARAGRAPHS:
                    raise TooManyParagraphs
                block = self._paragraph(child)
                if block is not None:
                    self.started = True
                    yield block
            elif child.tag == f"{W}tbl":
                self.started = True
                yield self._table(child)
            elif child.tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    yield from self.blocks(content)

    def _generated_caption(self, text: str) -> bool:
        match = _AUTO_CAPTION.fullmatch(text)
        return match is not None and (match.group(1) is None or match.group(1) == getattr(self, "_last_heading", None))

    def _paragraph(self, node: Any) -> str | None:
        props = node.find(f"{W}pPr")
        style = props.find(f"{W}pStyle") if props is not None else None
        style_id = style.get(f"{W}val") if style is not None else None
        outline = props.find(f"{W}outlineLvl") if props is not None else None
        level = self.styles.heading(style_id, int(outline.get(f"{W}val")) if outline is not None and (outline.get(f"{W}val") or "").isdigit() else None)
        text = self._inline(node).strip()
        if not text:
            return None
        if style_id == "TableCaption" and self._generated_caption(plain(text)):
            return None  # the 表N title dytool puts above each table of a compilation: not the report's own words
        if "\\\n" in text and level:
            text = text.replace("\\\n", " ")
        if not level and self._typed_title(props, plain(text)):
            level, text = 1, plain(text)
        if level:
            self._last_heading = plain(text)
        if level == 1:
            if self.out.title is None:
                self.out.title = plain(text)
            return f"# {text}"
        if level:
            return f"{'#' * level} {text}"
        listed = self.styles.list_of(style_id, numbering(props.find(f"{W}numPr")) if props is not None else None)
        typed = _TYPED_LIST.match(text)
        if listed is not None:
            ordered, depth = listed
            return f"{'   ' * depth}{'1.' if ordered else '-'} {text}"
        if typed is not None:
            body = text[typed.end():].strip()
            return f"{typed.group(1)}. {body}" if typed.group(1) else f"- {body}"
        typed_level = heading_level_of_text(plain(text))
        if typed_level is not None and "![" not in text:
            return f"{'#' * typed_level} {text}"
        return escape_start(text.replace("\t", " "))

    def _typed_title(self, props: Any, text: str) -> bool:
        """A centred short line opening the document, as offices type a report's title (no Title style)."""
        if self.started or self.out.title is not None or len(text) > 80 or heading_level_of_text(text) is not None:
            return False
        jc = props.find(f"{W}jc") if props is not None else None
        return jc is not None and jc.get(f"{W}val") == "center" and not text.endswith(("。", "：", ":"))

    def _table(self, node: Any) -> str:
        rows: list[list[str]] = []
        aligns: list[list[str | None]] = []
        for tr in node.iter(f"{W}tr"):
            cells: list[str] = []
            row_aligns: list[str | None] = []
            for tc in tr.findall(f"{W}tc"):
                jc = next(tc.iter(f"{W}jc"), None)
                row_aligns.append(jc.get(f"{W}val") if jc is not None else None)
                props = tc.find(f"{W}tcPr")
                span_node = props.find(f"{W}gridSpan") if props is not None else None
                span = int(span_node.get(f"{W}val") or 1) if span_node is not None else 1
                merge = props.find(f"{W}vMerge") if props is not None else None
                continued = merge is not None and (merge.get(f"{W}val") or "continue") == "continue"
                text = "" if continued else " ".join(filter(None, (self._inline(p).strip() for p in tc.iter(f"{W}p"))))
                cells.append(text.replace("|", "\\|").replace("\\\n", " ").replace("\n", " "))
                cells += [""] * (max(span, 1) - 1)
                row_aligns += [None] * (max(span, 1) - 1)
            rows.append(cells)
            aligns.append(row_aligns)
        if not rows:
            return ""
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        rule = []
        for col in range(width):
            seen = {a[col] if col < len(a) else None for a in aligns[1:]} or {None}
            align = seen.pop() if len(seen) == 1 else None
            rule.append({"right": "---:", "end": "---:", "center": ":---:"}.get(align or "", "---") + "|")
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "".join(rule)]
        lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        return "\n".join(lines)


def convert_docx(path: Any, image_prefix: str) -> Converted:
    """The Markdown of the .docx at ``path``; images named ``{image_prefix}-N.png``."""
    from docx import Document

    document = Document(str(path))
    reader = _Reader(document, image_prefix)
    blocks = [b for b in reader.blocks(document.element.body) if b]
    text = "\n\n".join(join_lists(blocks))
    if reader.notes:
        text += "\n\n" + "\n".join(f"[^{n}]: {reader.note_text.get(ident, '')}" for ident, n in reader.notes.items())
    reader.out.markdown = text.strip() + "\n"
    props = document.core_properties
    reader.out.author = props.author or None
    reader.out.created = props.created.date().isoformat() if props.created else None
    if reader.out.title is None and props.title:
        reader.out.title = props.title
    return reader.out


