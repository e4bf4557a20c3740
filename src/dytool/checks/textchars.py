"""Control characters in the Markdown of reports (DY313), as in every field of a record.

The body of a report reaches the compilation, the site and the terminal as it is written: a
bidirectional override there shows a sentence in another order than it reads, and an escape
character acts on a terminal.  Fields of YAML records are checked by :mod:`dytool.checks.fields`;
this checks the rest of a file's text, line by line and column by column, in one pass.

A file whose name Windows cannot hold (``problems/aux.yaml``, ``reports/a:b.md``) is DY019:
git on the office's Windows machines refuses to check such a repository out at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dytool.checks.fields import _BIDI, _CONTROL
from dytool.core.catalogue import findings as words
from dytool.core.codes import CODES, Pos
from dytool.core.findings import Finding
from dytool.source.filenames import portable_name

if TYPE_CHECKING:
    from dytool.source.locate import Locator

__all__ = ["scan_controls", "unportable_file"]


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


def unportable_file(text: str, file: str, line_offset: int, locator: Locator | None) -> list[Finding]:
    """DY019 for a file (or a folder on its path) whose name Windows cannot hold; once per
    file, with its YAML text (a record file, or a report's front matter)."""
    if locator is None:
        return []
    bad = next((part for part in file.split("/") if not portable_name(part)), None)
    if bad is None:
        return []
    return [CODES["unportable-name"].at(Pos(file), words.UNPORTABLE_NAME(part=bad), hint=words.UNPORTABLE_NAME_HINT)]
