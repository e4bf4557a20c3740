"""What the YAML parser raised, as a located finding in Chinese and English.

The parser is libyaml (through PyYAML's C extension) or, where PyYAML was built without it,
PyYAML's pure-Python parser.  Their problems arrive as English sentences; each known one has
a Chinese reading here, and an unknown one (a future libyaml's) is still said in Chinese,
with the parser's own words kept in parentheses.

Some problems are not about the text's syntax but about limits the parser keeps for itself.
libyaml 0.2.6 (bundled since PyYAML 6.0.4) stops at 1,000 levels of nesting, and its
scanner reads a whole flow collection (``[[[[…``) ahead before it hands out the first event,
so it can refuse a file before :mod:`dytool.source.yamlread`'s own depth guard (64 levels) sees any
event.  Those limits become the finding of dytool's own limit (``DY005``, ``DY002``), so the
result does not depend on which libyaml is bundled.
"""

from __future__ import annotations

from typing import Any

import yaml

from dytool.core.catalogue import reading as words
from dytool.core.catalogue.reading import LIBYAML_PROBLEMS_ZH
from dytool.core.codes import CODES, Pos
from dytool.core.findings import Finding
from dytool.core.messages import Text
from dytool.source.hints import text_hint

__all__ = ["LIBYAML_PROBLEMS_ZH", "libyaml_version", "memory_finding", "problem_zh", "reader_finding", "syntax_finding"]

_LIMITS = {
    # libyaml's own limits -> the finding of dytool's own limit for the same thing
    "maximum nesting depth": "yaml-too-deep",
    "input is too long": "file-too-large",
}


def libyaml_version() -> tuple[int, ...] | None:
    """The bundled libyaml's version, or None when PyYAML runs its pure-Python parser."""
    try:
        from yaml._yaml import get_version  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # pragma: no cover - depends on how PyYAML was built
        return None
    return tuple(int(part) for part in get_version())


def problem_zh(problem: str) -> str:
    """The parser's problem in Chinese: a known reading, or a plain sentence (the parser's
    English stays in the English message)."""
    return next((zh for en, zh in LIBYAML_PROBLEMS_ZH if en in problem), words.UNKNOWN_PROBLEM.zh)


def _pos(file: str, mark: Any, line_offset: int) -> Pos:
    if mark is None:
        return Pos(file)
    return Pos(file, mark.line + 1 + line_offset, mark.column + 1)


def _limit_finding(code: str, pos: Pos, problem: str) -> Finding:
    from dytool.source.readfile import MAX_BYTES
    from dytool.source.yamlread import MAX_DEPTH

    if code == "yaml-too-deep":
        return CODES[code].at(pos, words.TOO_DEEP_FOR_LIBRARY(depth=MAX_DEPTH, problem=problem), hint=words.TOO_DEEP_HINT)
    return CODES[code].at(pos, words.TOO_LONG_FOR_LIBRARY(kib=MAX_BYTES // 1024, problem=problem), hint=words.SPLIT_HINT)


def syntax_finding(exc: yaml.MarkedYAMLError, text: str, file: str, line_offset: int) -> Finding:
    """A scanner or parser error at its place; a limit of the parser's as dytool's own limit."""
    mark = exc.problem_mark or exc.context_mark
    problem = (exc.problem or exc.context or "syntax error").strip()
    limit = next((code for words, code in _LIMITS.items() if words in problem), None)
    if limit is not None:
        return _limit_finding(limit, _pos(file, mark, line_offset), problem)
    line_text = ""
    if mark is not None:
        lines = text.split("\n")
        if 0 <= mark.line < len(lines):
            line_text = lines[mark.line]
    hint_zh, hint_en = text_hint(line_text)
    return CODES["yaml-syntax"].at(_pos(file, mark, line_offset), words.SYNTAX(problem=Text.plain(problem_zh(problem), problem)),
                                   hint_zh=hint_zh, hint_en=hint_en)


def reader_finding(exc: yaml.reader.ReaderError, text: str, file: str, line_offset: int) -> Finding:
    """A reader error (a character YAML refuses, or input too long) at its place."""
    position = exc.position if isinstance(exc.position, int) else 0
    prefix = text.encode("utf-8", errors="surrogatepass")[: max(0, position)].decode("utf-8", errors="ignore")  # libyaml counts bytes
    line = prefix.count("\n") + 1 + line_offset
    column = len(prefix) - (prefix.rfind("\n") + 1) + 1
    reason = str(exc.reason or "")
    limit = next((code for words, code in _LIMITS.items() if words in reason), None)
    if limit is not None:
        return _limit_finding(limit, Pos(file, line, column), reason)
    character = exc.character
    char = character if isinstance(character, str) else chr(character) if isinstance(character, int) and 0 <= character <= 0x10FFFF else ""
    if len(char) != 1:
        return CODES["yaml-syntax"].at(Pos(file, line, column), words.CHARACTER_NOT_ALLOWED(reason=reason), hint=words.DELETE_CHARACTER_HINT)
    code = f"U+{ord(char):04X}"
    return CODES["yaml-syntax"].at(Pos(file, line, column), words.CONTROL_CHARACTER(code=code), hint=words.DELETE_CHARACTER_HINT)


def memory_finding(file: str) -> Finding:
    """The parser ran out of memory (libyaml reports its allocation failures this way)."""
    return CODES["file-too-large"].at(
        Pos(file), words.OUT_OF_MEMORY, hint=words.SPLIT_HINT,
    )
