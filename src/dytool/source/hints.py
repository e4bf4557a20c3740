"""What Chinese keyboards and Windows editors put into YAML files, found and explained.

A full-width colon after a key (``title：…``), indentation with a full-width or no-break
space, tabs, and files saved as GB18030 or UTF-16: each gets a finding that says where and
how to fix it, in words a secretary recognises.
"""

from __future__ import annotations

import codecs
import re

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
        out.append(CODES["fullwidth-colon"].at(
            Pos(file, line, column),
            f"字段“{m.group(1)}”后面用了全角冒号“：”，YAML 把整行当成了文字",
            f"key {m.group(1)!r} is followed by a full-width colon '：'; YAML reads the line as text",
            hint_zh=f"改成半角冒号加空格：“{m.group(1)}: ”",
            hint_en=f"use an ASCII colon and a space: '{m.group(1)}: '",
        ))
    return out


def odd_indents(text: str, file: str, line_offset: int) -> list[Finding]:
    out = []
    for m in _ODD_INDENT.finditer(text):
        line = text.count("\n", 0, m.start()) + 1 + line_offset
        column = m.start(1) - m.start() + 1
        fullwidth = "\u3000" in m.group(1)
        out.append(CODES["bad-indent"].at(
            Pos(file, line, column),
            "这一行用全角空格缩进了，YAML 不认作缩进" if fullwidth else "这一行含不换行空格（NBSP，常见于从网页或 Word 复制），YAML 不认作缩进",
            "this line is indented with a full-width space (U+3000), which YAML does not take as indentation" if fullwidth
            else "this line is indented with a no-break space (U+00A0, as pasted from Word or a web page), which YAML does not take as indentation",
            hint_zh="把行首的空白删掉，重新用半角空格缩进", hint_en="delete the leading white space and indent with ASCII spaces",
        ))
    return out


def text_hint(line: str) -> tuple[str, str]:
    """A hint for the mistakes Chinese typists make, judged from the offending line."""
    stripped = line.lstrip(" ")
    if stripped.startswith("\t"):
        return ("这一行用 Tab 缩进了；YAML 只能用空格缩进", "this line is indented with a tab; YAML indents with spaces only")
    if stripped.startswith("\u3000"):
        return ("这一行用全角空格缩进了；请改用半角空格", "this line is indented with a full-width space (U+3000); use ASCII spaces")
    if stripped.startswith("\u00a0"):
        return ("这一行含不换行空格（NBSP），常见于从网页或 Word 复制；请改用普通空格",
                "this line is indented with a no-break space (U+00A0), as pasted from Word or a web page; use ASCII spaces")
    if "：" in line and ":" not in line:
        return ("字段名后应使用半角冒号“:”加空格，而不是全角“：”", "use an ASCII colon and a space after a key, not '：'")
    if "“" in line or "”" in line:
        return ("含引号的值：请用半角引号 \" 把整个值括起来", "for a value with quotes, wrap the whole value in ASCII quotes")
    value = stripped.removeprefix("- ").partition(": ")[2].strip() if ": " in stripped else stripped.removeprefix("- ").strip()
    if value[:1] in ("*", "&", "!", "%", "@", "`"):
        quoted = "'" + value.replace("'", "''") + "'"
        return (f"以 {value[0]} 开头的值在 YAML 中另有含义（* 是别名）：请给整个值加引号，写成 {quoted}",
                f"a value starting with {value[0]} means something else in YAML (* is an alias): quote the whole value, {quoted}")
    return ("", "")


_UTF16 = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode(data: bytes, file: str) -> tuple[str | None, Finding | None]:
    """UTF-8 (with or without BOM) only; say what else a file looks like and how to fix it."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    elif data.startswith(_UTF16) or (len(data) >= 2 and b"\x00" in data[:64] and data.count(b"\x00") * 4 > len(data[:4096])):
        name = "UTF-32" if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) or data[:4].count(b"\x00") == 3 else "UTF-16"
        return None, CODES["not-utf8"].at(
            Pos(file),
            f"文件是 {name} 编码，dytool 只读 UTF-8",
            f"the file is {name} encoded; dytool reads UTF-8 only",
            hint_zh="用记事本或 VS Code 打开，另存为时选择编码“UTF-8”",
            hint_en="open it in an editor and save it again with the encoding 'UTF-8'",
        )
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        try:
            data.decode("gb18030")
            looks_zh, looks_en = "看起来是 GB18030/GBK 编码（Windows 中文版的默认编码）", "it looks like GB18030/GBK (the default on Chinese Windows)"
        except UnicodeDecodeError:
            looks_zh, looks_en = "编码无法识别", "its encoding is not recognised"
        return None, CODES["not-utf8"].at(
            Pos(file, line, column),
            f"文件不是 UTF-8 编码，{looks_zh}",
            f"the file is not UTF-8; {looks_en}",
            hint_zh="用记事本或 VS Code 打开，另存为时选择编码“UTF-8”",
            hint_en="open it in an editor and save it again with the encoding 'UTF-8'",
        )
