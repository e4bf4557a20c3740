"""Markdown written from a Word document: escaping, emphasis CommonMark can read, the
official numbering typed by hand, lists (see :mod:`dytool.edit.wordread`)."""

from __future__ import annotations

import re

__all__ = ["escape", "escape_start", "heading_level_of_text", "join_lists", "mark", "plain"]

_NUMERALS = "一二三四五六七八九十百零〇"
_TYPED = [
    (re.compile(rf"[{_NUMERALS}]+[、，.．]"), 2),
    (re.compile(rf"[（(][{_NUMERALS}]+[）)]"), 3),
    (re.compile(r"\d{1,3}[.．、](?!\d)"), 4),
    (re.compile(r"[（(]\d{1,3}[）)]"), 5),
]
_SENTENCE_END = "。！？；!?;"
_PUNCT = re.compile(r"[\s\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2010-\u2027\u2030-\u205e!-/:-@\[-`{-~]")
_ESCAPE = re.compile(r"([\\`*_\[\]<])")
def heading_level_of_text(text: str) -> int | None:
    """The Markdown level of a paragraph that opens with typed official numbering, if short
    enough to be a heading (not a sentence)."""
    stripped = text.strip()
    if len(stripped) > 60 or stripped.endswith(tuple(_SENTENCE_END)):
        return None
    for pattern, level in _TYPED:
        match = pattern.match(stripped)
        if match and len(stripped) > match.end():
            return level
    return None


def escape(text: str) -> str:
    return _ESCAPE.sub(r"\\\1", text)


def escape_start(text: str) -> str:
    """Text that must stay a paragraph: no heading, list or quote marker at its start."""
    if re.match(r"\d{1,9}[.)](\s|$)", text):
        return re.sub(r"^(\d+)([.)])", r"\1\\\2", text)
    if re.match(r"(#{1,6}|[-+>])(\s|$)", text):
        return "\\" + text
    return text


def plain(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text.replace("**", ""))


def mark(text: str, marker: str, before: str, after: str) -> str:
    """``text`` between ``marker``s that CommonMark will read as such: spaces and punctuation at
    the edges go outside the markers (``**总体看，**全`` would not be bold)."""
    core = text
    lead = trail = ""
    while core and (core[0].isspace() or (_PUNCT.match(core[0]) and before and not _PUNCT.match(before))):
        lead, core = lead + core[0], core[1:]
    while core and (core[-1].isspace() or (_PUNCT.match(core[-1]) and after and not _PUNCT.match(after))):
        trail, core = core[-1] + trail, core[:-1]
    return f"{lead}{marker}{core}{marker}{trail}" if core else text


def join_lists(blocks: list[str]) -> list[str]:
    """Consecutive list items form one list (no blank line between them), numbered 1, 2, 3."""
    out: list[str] = []
    number = 0
    for block in blocks:
        item = re.match(r"(\s*)(\d+\.|-) ", block)
        if item is None or block.startswith("|"):
            out.append(block)
            number = 0
            continue
        ordered = item.group(2) != "-"
        same = bool(out) and re.match(r"\s*(\d+\.|-) ", out[-1].split("\n")[-1]) is not None
        number = number + 1 if same and ordered and not item.group(1) else 1
        if not ordered and not item.group(1):
            number = 0  # a bullet list before numbered items: their numbers start at 1
        text = f"{number}. {block[item.end():]}" if ordered and not item.group(1) else block
        if same:
            out[-1] += "\n" + text
        else:
            out.append(text)
    return out
