"""Control characters in the Markdown of reports (DY313), as in every field of a record.

The body of a report reaches the compilation, the site and the terminal as it is written: a
bidirectional override there shows a sentence in another order than it reads, and an escape
character acts on a terminal.  Fields of YAML records are checked by :mod:`dytool.checks.fields`;
this checks the rest of a file's text, line by line and column by column, in one pass.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dytool.checks.fields import _BIDI, _CONTROL
from dytool.core.catalogue import findings as words
from dytool.core.codes import CODES, Pos
from dytool.core.findings import Finding

if TYPE_CHECKING:
    from dytool.source.locate import Locator

__all__ = ["scan_controls"]


def scan_controls(text: str, file: str, line_offset: int, locator: Locator | None) -> list[Finding]:
    """DY313 at each control character of a text that is not YAML (``locator`` is None)."""
    if locator is not None:
        return []
    found: list[Finding] = []
    line, line_start, seen = 1 + line_offset, 0, 0  # counted on from the previous hit: linear in the text
    for hit in _CONTROL.finditer(text):
        start = hit.start()
        newlines = text.count("\n", seen, start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", seen, start) + 1
        seen = start
        column = start - line_start + 1
        what = words.BIDI_CHARACTER if _BIDI.match(hit.group()) else words.CONTROL_CHARACTER
        found.append(CODES["control-char"].at(Pos(file, line, column), what(char=f"U+{ord(hit.group()):04X}", n=column),
                                              hint=words.CONTROL_CHARACTER_HINT))
    return found
