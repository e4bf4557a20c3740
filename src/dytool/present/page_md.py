"""A :class:`~dytool.present.display.Page` as Markdown (to paste into notes, and the source of
the Word file).

Every text is escaped: a record's title shows as written (``**``, ``[link](…)``, ``|`` and
``<`` included), never as markup, and a line break in it becomes a space.  Nothing is cut.
"""

from __future__ import annotations

import re

from dytool.present.display import Block, Cell, Heading, Items, Line, Page, Paragraph, Table

__all__ = ["escape", "page_markdown"]

_MARKUP = re.compile(r"([\\`*_\[\]<>|~&#])")
_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")


def escape(text: str) -> str:
    """``text`` as one line of Markdown that shows exactly ``text``."""
    return _MARKUP.sub(r"\\\1", _BREAKS.sub(" ", text))


def page_markdown(page: Page) -> str:
    out = [f"# {escape(page.title)}", ""]
    for line in page.head:
        out += [_text(line), ""]
    for section in page.sections:
        if section.title:
            out += [f"## {escape(section.title)}", ""]
        for block in section.blocks:
            out += _block(block)
    for line in page.notes:
        out += [_text(line), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _text(line: Line) -> str:
    lead = f"**{escape(line.lead)}**" if line.lead else ""
    return lead + escape(line.text)


def _block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return [f"### {escape(block.text)}", ""]
    if isinstance(block, Paragraph):
        return [part for line in block.lines for part in (_text(line), "")]
    if isinstance(block, Items):
        out = []
        for line in block.lines:
            out.append(f"- {_text(line)}")
            out += [f"  - {_text(detail)}" for detail in line.details]
        return [*out, ""]
    return _table(block)


def _cell(cell: Cell) -> str:
    return escape(cell.text) if cell.text else ""


def _table(block: Table) -> list[str]:
    head = "| " + " | ".join(escape(c) for c in block.columns) + " |"
    rule = "|" + "|".join("---:" if i in block.numeric else "---" for i in range(len(block.columns))) + "|"
    rows = ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
    return [head, rule, *rows, ""]
