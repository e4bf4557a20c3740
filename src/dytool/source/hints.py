"""What Chinese keyboards and Windows editors put into YAML files, found and explained.

A full-width colon after a key (``title：…``), indentation with a full-width or no-break
space, tabs, and files saved as GB18030 or UTF-16: each gets a finding that says where and
how to fix it, in words a secretary recognises.
"""

from __future__ import annotations

import codecs
import re

from dytool.core.catalogue import reading as words
from dytool.core.codes import CODES, Pos
from dytool.core.findings import Finding

__all__ = ["decode", "fullwidth_colons", "odd_indents", "text_hint"]

_ODD_INDENT = re.compile(r"^[ \t]*([\u3000\u00a0][ \t\u3000\u00a0]*)(?:-[ \t]+)*[A-Za-z_][A-Za-z0-9_]*[ \t]*[:：]", re.MULTILINE)
_FULLWIDTH_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)*([A-Za-z_][A-Za-z0-9_]*)[ \t]*：", re.MULTILINE)
_KEY_LINE = re.compile(r"^([ \t]*(?:-[ \t]+)*)[^\s#-][^:]*?:(?:[ \t]|$)")


def fullwidth_colons(text: str, file: str, line_offset: int) -> list[Finding]:
    """Keys followed by '：' where a key belongs: at the indentation of the key before them
    (so a line such as ``GDP：2.1%`` inside a block of text is left alone)."""
    out = []
    lines = text.split("\n")
    flagged: dict[int, int] = {}  # line index → key column of lines already taken for keys
    for m in _FULLWIDTH_KEY.finditer(text):
        index = text.count("\n", 0, m.start())
        key_column = m.start(1) - m.start()
        before = next((i for i in range(index - 1, -1, -1) if lines[i].strip() and not lines[i].lstrip().startswith("#")), None)
        if before is None:
            if key_column != 0:
                continue
        else:
            prev = _KEY_LINE.match(lines[before])
            prev_column = len(prev.group(1)) if prev is not None else flagged.get(before)
            if prev_column != key_column:
                continue
        flagged[index] = key_column
        line = index + 1 + line_offset
        column = m.end() - m.start()
        out.append(CODES["fullwidth-colon"].at(Pos(file, line, column), words.FULLWIDTH_COLON(key=m.group(1)), hint=words.FULLWIDTH_COLON_HINT(key=m.group(1))))
    return out


def odd_indents(text: str, file: str, line_offset: int) -> list[Finding]:
    out = []
    for m in _ODD_INDENT.finditer(text):
        line = text.count("\n", 0, m.start()) + 1 + line_offset
        column = m.start(1) - m.start() + 1
        fullwidth = "\u3000" in m.group(1)
        out.append(CODES["bad-indent"].at(Pos(file, line, column), words.FULLWIDTH_INDENT if fullwidth else words.NBSP_INDENT, hint=words.REINDENT_HINT))
    return out


def text_hint(line: str) -> tuple[str, str]:
    """A hint for the mistakes Chinese typists make, judged from the offending line."""
    stripped = line.lstrip(" ")
    if stripped.startswith("\t"):
        return words.TAB_HINT.pair
    if stripped.startswith("\u3000"):
        return words.FULLWIDTH_SPACE_HINT.pair
    if stripped.startswith("\u00a0"):
        return words.NBSP_HINT.pair
    if "：" in line and ":" not in line:
        return words.COLON_HINT.pair
    if "“" in line or "”" in line:
        return words.QUOTES_HINT.pair
    value = stripped.removeprefix("- ").partition(": ")[2].strip() if ": " in stripped else stripped.removeprefix("- ").strip()
    if value[:1] in ("*", "&", "!", "%", "@", "`"):
        quoted = "'" + value.replace("'", "''") + "'"
        return words.SPECIAL_START_HINT(char=value[0], quoted=quoted).pair
    return ("", "")


_UTF16 = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode(data: bytes, file: str) -> tuple[str | None, Finding | None]:
    """UTF-8 (with or without BOM) only; say what else a file looks like and how to fix it."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    elif data.startswith(_UTF16) or (len(data) >= 2 and b"\x00" in data[:64] and data.count(b"\x00") * 4 > len(data[:4096])):
        name = "UTF-32" if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) or data[:4].count(b"\x00") == 3 else "UTF-16"
        return None, CODES["not-utf8"].at(Pos(file), words.UTF16(name=name), hint=words.SAVE_AS_UTF8_HINT)
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        try:
            data.decode("gb18030")
            looks = words.LOOKS_GB18030
        except UnicodeDecodeError:
            looks = words.ENCODING_UNKNOWN
        return None, CODES["not-utf8"].at(Pos(file, line, column), words.NOT_UTF8(looks=looks), hint=words.SAVE_AS_UTF8_HINT)
