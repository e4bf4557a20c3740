"""What a Word document declares about its paragraphs: its styles (names, what each is based
on, outline levels, list numbering) and its numbering formats.  The report importer
(:mod:`dytool.edit.wordread`) asks it whether a paragraph is a heading, and of which level,
and whether it is an item of a numbered or bulleted list, however the author made it so:
the built-in styles, a style based on one, an outline level, or numbering."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

__all__ = ["DocumentStyles", "W", "numbering"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_HEADING_STYLE = re.compile(r"(?:report\s*)?(?:heading|标题)\s*(\d)", re.IGNORECASE)


@dataclass
class _Style:
    name: str
    based_on: str | None
    outline: int | None
    num: tuple[str, int] | None


def numbering(num: Any) -> tuple[str, int] | None:
    """(numbering id, level) of a ``w:numPr`` element, or None."""
    if num is None:
        return None
    ident = num.find(f"{W}numId")
    level = num.find(f"{W}ilvl")
    if ident is None:
        return None
    value = level.get(f"{W}val") if level is not None else "0"
    return ident.get(f"{W}val") or "", int(value) if (value or "").isdigit() else 0


class DocumentStyles:
    """The styles and numbering formats of one document (python-docx's ``Document``)."""

    def __init__(self, document: Any) -> None:
        self.styles = _styles(document)
        self.formats = _formats(document)

    def _chain(self, ident: str | None) -> Iterator[_Style]:
        seen = set()
        while ident and ident in self.styles and ident not in seen:
            seen.add(ident)
            style = self.styles[ident]
            yield style
            ident = style.based_on

    def heading(self, style_id: str | None, outline: int | None) -> int | None:
        """Markdown level of a styled heading: Title → 1, Heading N → N + 1."""
        for style in self._chain(style_id):
            name = style.name.lower()
            if name in ("title", "标题"):
                return 1
            match = _HEADING_STYLE.fullmatch(name.strip())
            if match:
                return min(int(match.group(1)) + 1, 6)
            if style.outline is not None and outline is None:
                outline = style.outline
        return min(outline + 2, 6) if outline is not None and outline < 9 else None

    def list_of(self, style_id: str | None, num: tuple[str, int] | None) -> tuple[bool, int] | None:
        """(ordered, level) of a paragraph in a Word list."""
        if num is None:
            num = next((s.num for s in self._chain(style_id) if s.num is not None), None)
        if num is None or num[0] == "0":
            names = [s.name.lower() for s in self._chain(style_id)]
            if any(n.startswith("list number") for n in names):
                return True, 0
            if any(n.startswith("list bullet") for n in names):
                return False, 0
            return None
        fmt = self.formats.get(num, "decimal")
        return fmt not in ("bullet", "none"), num[1]


def _styles(document: Any) -> dict[str, _Style]:
    out: dict[str, _Style] = {}
    try:
        root = document.styles.element
    except Exception:  # noqa: BLE001 - a document without styles
        return out
    for style in root.iter(f"{W}style"):
        ident = style.get(f"{W}styleId") or ""
        name = style.find(f"{W}name")
        based = style.find(f"{W}basedOn")
        outline = style.find(f"{W}pPr/{W}outlineLvl")
        out[ident] = _Style(name.get(f"{W}val") if name is not None else ident, based.get(f"{W}val") if based is not None else None,
                            int(outline.get(f"{W}val")) if outline is not None and (outline.get(f"{W}val") or "").isdigit() else None,
                            numbering(style.find(f"{W}pPr/{W}numPr")))
    return out


def _formats(document: Any) -> dict[tuple[str, int], str]:
    formats: dict[tuple[str, int], str] = {}
    try:
        root = document.part.numbering_part.element
    except Exception:  # noqa: BLE001 - no numbering part
        return formats
    abstract = {}
    for node in root.iter(f"{W}abstractNum"):
        levels = {}
        for lvl in node.iter(f"{W}lvl"):
            fmt = lvl.find(f"{W}numFmt")
            levels[int(lvl.get(f"{W}ilvl") or 0)] = fmt.get(f"{W}val") if fmt is not None else "decimal"
        abstract[node.get(f"{W}abstractNumId")] = levels
    for num in root.iter(f"{W}num"):
        ref = num.find(f"{W}abstractNumId")
        for level, fmt in abstract.get(ref.get(f"{W}val") if ref is not None else None, {}).items():
            formats[(num.get(f"{W}numId") or "", level)] = fmt or "decimal"
    return formats
