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

_DROP = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff\ud800-\udfff]")
_SPACE = re.compile(r"[\t\n\r\u2028\u2029]+")
_MARKUP = re.compile(r"([\\`*_\[\]<>|~&#])")
"""Markup inside a line: emphasis, code, links and images (``!`` and ``(`` only follow ``]``),
HTML and entities, table cells, strikethrough, a heading's closing ``#``.  Cleaned text is one
line that never starts one of ours, so line-start markers (``-``, ``+``, ``1.``) need nothing."""


def clean(text: object, limit: int = 300) -> str:
    """``text`` as plain, safe, one-line text of at most ``limit`` characters."""
    value = _DROP.sub("", _SPACE.sub(" ", str(text))).strip()
    return value if len(value) <= limit else value[: limit - 1] + "…"


def markdown(text: object, limit: int = 300) -> str:
    """:func:`clean`, then every character Markdown could read as markup inside a line escaped."""
    return _MARKUP.sub(r"\\\1", clean(text, limit))
