"""A member's text is untrusted: cleaned once for every output, escaped for Markdown.

``clean`` removes what could act on a terminal, a document or a spreadsheet instead of being
read: control characters (C0, C1, escape sequences), bidirectional overrides and isolates (text
that displays in another order than it reads), characters XML cannot hold; line breaks become
spaces; the length is capped.  ``markdown`` escapes what Markdown would read as markup, so a
title such as ``**[link](…)**`` shows as written in the Markdown and the Word output.
"""

from __future__ import annotations

import re

__all__ = ["clean", "markdown"]

_DROP = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0), 0x200E, 0x200F, *range(0x202A, 0x202F),
         *range(0x2066, 0x206A), 0xFEFF, 0xFFFE, 0xFFFF, *range(0xD800, 0xE000)]
_TABLE = {**dict.fromkeys(_DROP), **dict.fromkeys((0x09, 0x0A, 0x0D, 0x2028, 0x2029), " ")}
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
"""What :data:`_TABLE` changes: searched first, since a province's hundreds of thousands of
texts are nearly all clean and a search costs a tenth of a translation."""
_MARKUP = re.compile(r"([\\`*_\[\]<>|~&#])")
"""Markup inside a line: emphasis, code, links and images (``!`` and ``(`` only follow ``]``),
HTML and entities, table cells, strikethrough, a heading's closing ``#``.  Cleaned text is one
line that never starts one of ours, so line-start markers (``-``, ``+``, ``1.``) need nothing."""


def clean(text: object, limit: int = 300) -> str:
    """``text`` as plain, safe, one-line text of at most ``limit`` characters."""
    value = text if isinstance(text, str) else str(text)
    if _UNSAFE.search(value):
        value = value.translate(_TABLE)
    value = value.strip()
    return value if len(value) <= limit else value[: limit - 1] + "…"


def markdown(text: object, limit: int = 300) -> str:
    """:func:`clean`, then every character Markdown could read as markup inside a line escaped."""
    return _MARKUP.sub(r"\\\1", clean(text, limit))
