"""The guarded YAML read path: bytes in, plain Python values and findings out.

Every read-only command loads through here, so it is built for speed and for hostile input:

* libyaml's event parser (C) does the scanning; this module builds values from the events
  itself, with an explicit stack (no recursion), which is about twice as fast as PyYAML's
  ``CSafeLoader`` and lets every guard act on the event where it happens;
* scalars take their YAML 1.2 core-schema meaning: ``no`` stays a string, ``010`` is the
  decimal 10 (and so a finding where an id is expected), ``12:30`` is text, and dates are
  text too (the date type of :mod:`dytool.models` reads them, and can say what is wrong);
* anchors and aliases, explicit non-core tags, ``%YAML``/``%TAG`` directives, a second
  document, duplicate keys, complex keys and nesting deeper than :data:`MAX_DEPTH` stop the
  file with a finding; anything the parser raises becomes a finding too.

Positions are not kept on the fast path.  When a finding needs one, :func:`index_positions`
re-reads that one file with marks (see :mod:`dytool.locate`).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml
from yaml import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from dytool.codes import CODES, Pos
from dytool.findings import Finding

try:  # the C parser; PyYAML without libyaml falls back to the pure-Python one
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import Loader as _Parser  # type: ignore[assignment]

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "Parsed",
    "decode",
    "make_parser",
    "parse_text",
    "resolve_plain",
    "text_hint",
]

MAX_BYTES = 1 << 20
MAX_DEPTH = 64

_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_CORE}{t}" for t in ("str", "int", "float", "bool", "null")} | {"!"}
_COLLECTION_TAGS = {f"{_CORE}map", f"{_CORE}seq", f"{_CORE}omap"}

_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_TRUE = frozenset(("true", "True", "TRUE"))
_FALSE = frozenset(("false", "False", "FALSE"))
_INT = re.compile(r"[-+]?[0-9]+\Z")
_INT_OTHER = re.compile(r"0o[0-7]+\Z|0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_FLOAT_SPECIAL = {".inf": float("inf"), ".Inf": float("inf"), ".INF": float("inf"),
                  "+.inf": float("inf"), "+.Inf": float("inf"), "+.INF": float("inf"),
                  "-.inf": float("-inf"), "-.Inf": float("-inf"), "-.INF": float("-inf"),
                  ".nan": float("nan"), ".NaN": float("nan"), ".NAN": float("nan")}
_NUMERIC_START = frozenset("-+.0123456789")
_SPECIAL_START = _NUMERIC_START | frozenset("~nNtTfF")
"""First characters of scalars that may not be plain text; anything else is text at once."""

_ODD_INDENT = re.compile(r"^[ \t]*([\u3000\u00a0][ \t\u3000\u00a0]*)(?:-[ \t]+)*[A-Za-z_][A-Za-z0-9_]*[ \t]*[:：]", re.MULTILINE)
_FULLWIDTH_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)*([A-Za-z_][A-Za-z0-9_]*)[ \t]*：", re.MULTILINE)


def resolve_plain(text: str) -> Any:
    """The YAML 1.2 core-schema value of a plain (unquoted) scalar."""
    if text and text[0] not in _SPECIAL_START:
        return text
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if text[0] in _NUMERIC_START:
        if _INT.match(text):
            return int(text) if len(text) < 4000 else text  # Python refuses longer int strings
        if text[0] == "0" and _INT_OTHER.match(text):
            return int(text, 0)
        if _FLOAT.match(text):
            return float(text)
        if text in _FLOAT_SPECIAL:
            return _FLOAT_SPECIAL[text]
    return text


_TAG_TYPES: dict[str, type | tuple[type, ...]] = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}


def _tagged(tag: str, text: str) -> Any:
    kind = tag.removeprefix(_CORE)
    if kind in ("str", "!"):
        return text
    value: Any = resolve_plain(text)
    wrong_bool = isinstance(value, bool) and kind != "bool"
    if wrong_bool or not isinstance(value, _TAG_TYPES[kind]):
        raise ValueError(text)
    number: Any = value
    return float(number) if kind == "float" else value


@dataclass(frozen=True, slots=True)
class Parsed:
    """What one file yielded: its value (``None`` when it could not be read) and findings."""

    value: Any
    findings: tuple[Finding, ...]
    ok: bool


class _Stop(Exception):
    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message_en)
        self.finding = finding


def make_parser(text: str) -> Any:
    """A fresh libyaml parser for one text (parsers keep state; never share them)."""
    return _Parser(text)


def _pos(file: str, mark: Any, line_offset: int) -> Pos:
    if mark is None:
        return Pos(file)
    return Pos(file, mark.line + 1 + line_offset, mark.column + 1)


def parse_text(text: str, file: str, *, line_offset: int = 0) -> Parsed:
    """Parse one YAML document into plain values, or say precisely why not."""
    findings: list[Finding] = []
    if "：" in text:
        findings.extend(_fullwidth_colons(text, file, line_offset))
    if "\u3000" in text or "\u00a0" in text:
        findings.extend(_odd_indents(text, file, line_offset))
    try:
        value = _build(make_parser(text).get_event, file, line_offset)
    except _Stop as stop:
        return Parsed(None, (*findings, stop.finding), False)
    except yaml.MarkedYAMLError as exc:
        return Parsed(None, (*findings, _syntax_finding(exc, text, file, line_offset)), False)
    except yaml.reader.ReaderError as exc:
        return Parsed(None, (*findings, _reader_finding(exc, text, file, line_offset)), False)
    except Exception as exc:  # noqa: BLE001 - any parser failure is the input's fault
        finding = CODES["yaml-syntax"].at(
            Pos(file),
            f"YAML 无法解析（{type(exc).__name__}）",
            f"YAML could not be parsed ({type(exc).__name__}: {exc})"[:300],
        )
        return Parsed(None, (*findings, finding), False)
    return Parsed(value, tuple(findings), not findings)


def _build(get: Callable[[], Any], file: str, line_offset: int) -> Any:
    stack: list[Any] = []
    keys: list[Any] = []  # per open mapping: the pending key, or _NO_KEY
    root: Any = None
    documents = 0
    code = CODES
    while True:
        ev = get()
        cls = type(ev)
        if cls is ScalarEvent:
            if ev.anchor is not None:
                raise _Stop(_alias(ev, file, line_offset))
            tag = ev.tag
            if tag is None:
                value: Any = resolve_plain(ev.value) if ev.implicit[0] else ev.value
            elif tag in _SCALAR_TAGS:
                try:
                    value = _tagged(tag, ev.value)
                except ValueError:
                    raise _Stop(code["yaml-tag"].at(
                        _pos(file, ev.start_mark, line_offset),
                        f"“{ev.value}”不符合标签 {tag}",
                        f"{ev.value!r} does not fit its tag {tag}",
                    )) from None
            else:
                raise _Stop(_bad_tag(ev, file, line_offset))
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            if ev.anchor is not None:
                raise _Stop(_alias(ev, file, line_offset))
            if ev.tag is not None and ev.tag not in _COLLECTION_TAGS:
                raise _Stop(_bad_tag(ev, file, line_offset))
            value = {} if cls is MappingStartEvent else []
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            stack.pop()
            if cls is MappingEndEvent:
                keys.pop()
            continue
        elif cls is AliasEvent:
            raise _Stop(_alias(ev, file, line_offset))
        elif cls is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _Stop(code["yaml-documents"].at(
                    _pos(file, ev.start_mark, line_offset),
                    "一个文件只能写一个 YAML 文档（不要用第二个 ---）",
                    "a file holds exactly one YAML document (no second ---)",
                    hint_zh="把第二部分移到单独的文件，或合并为一个列表",
                    hint_en="move the second part to its own file, or merge both into one list",
                ))
            if ev.version is not None or ev.tags:
                raise _Stop(code["yaml-directive"].at(
                    _pos(file, ev.start_mark, line_offset),
                    "不允许使用 %YAML 或 %TAG 指令",
                    "%YAML and %TAG directives are not allowed",
                    hint_zh="删除以 % 开头的行", hint_en="delete the line starting with %",
                ))
            continue
        elif cls is StreamEndEvent:
            return root
        else:
            continue
        # attach the new node
        if not stack:
            root = value
        else:
            parent = stack[-1]
            if type(parent) is list:
                parent.append(value)
            else:
                key = keys[-1]
                if key is _NO_KEY:
                    if cls is not ScalarEvent:
                        raise _Stop(code["complex-key"].at(
                            _pos(file, ev.start_mark, line_offset),
                            "字段名不能是列表或映射", "a key must be plain text, not a list or mapping",
                        ))
                    key = ev.value
                    if key in parent:
                        raise _Stop(code["duplicate-key"].at(
                            _pos(file, ev.start_mark, line_offset),
                            f"字段“{key}”在同一条记录中出现了两次",
                            f"key {key!r} appears twice in the same mapping",
                            hint_zh="删掉重复的一行，或把两处内容合并",
                            hint_en="delete one of the two lines or merge them",
                        ))
                    keys[-1] = key
                    continue
                parent[key] = value
                keys[-1] = _NO_KEY
        if cls is not ScalarEvent:
            stack.append(value)
            if cls is MappingStartEvent:
                keys.append(_NO_KEY)
            if len(stack) > MAX_DEPTH:
                raise _Stop(code["yaml-too-deep"].at(
                    _pos(file, ev.start_mark, line_offset),
                    f"嵌套超过 {MAX_DEPTH} 层", f"nesting deeper than {MAX_DEPTH} levels",
                ))


_NO_KEY = object()


def _alias(ev: Any, file: str, line_offset: int) -> Finding:
    return CODES["yaml-alias"].at(
        _pos(file, ev.start_mark, line_offset),
        "不允许使用 YAML 锚点（&）和别名（*）",
        "YAML anchors (&) and aliases (*) are not allowed",
        hint_zh="把内容直接写出来；如果 & 或 * 是正文的一部分，请给整段文字加引号",
        hint_en="write the content out; if & or * is part of the text, quote the whole value",
    )


def _bad_tag(ev: Any, file: str, line_offset: int) -> Finding:
    return CODES["yaml-tag"].at(
        _pos(file, ev.start_mark, line_offset),
        f"不允许使用标签 {ev.tag}",
        f"tag {ev.tag} is not allowed",
        hint_zh="删除以 ! 开头的标签；如果 ! 是正文的一部分，请加引号",
        hint_en="remove the tag starting with !; if ! is part of the text, quote the value",
    )


_KEY_LINE = re.compile(r"^([ \t]*(?:-[ \t]+)*)[^\s#-][^:]*?:(?:[ \t]|$)")


def _fullwidth_colons(text: str, file: str, line_offset: int) -> list[Finding]:
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


def _odd_indents(text: str, file: str, line_offset: int) -> list[Finding]:
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
    return ("", "")


def _reader_finding(exc: yaml.reader.ReaderError, text: str, file: str, line_offset: int) -> Finding:
    prefix = text.encode("utf-8")[: max(0, exc.position)].decode("utf-8", errors="ignore")  # libyaml counts bytes
    line = prefix.count("\n") + 1 + line_offset
    column = len(prefix) - (prefix.rfind("\n") + 1) + 1
    char = exc.character if isinstance(exc.character, str) else chr(exc.character) if isinstance(exc.character, int) else "?"
    code = f"U+{ord(char):04X}" if len(char) == 1 else repr(char)
    return CODES["yaml-syntax"].at(
        Pos(file, line, column),
        f"文件含有不允许的控制字符 {code}", f"the file contains the control character {code}, which YAML does not allow",
        hint_zh="删除这个字符（常见于从其他软件复制粘贴的文字）", hint_en="delete it (it often comes with text pasted from other programs)",
    )


def _syntax_finding(exc: yaml.MarkedYAMLError, text: str, file: str, line_offset: int) -> Finding:
    mark = exc.problem_mark or exc.context_mark
    problem = (exc.problem or exc.context or "syntax error").strip()
    line_text = ""
    if mark is not None:
        lines = text.split("\n")
        if 0 <= mark.line < len(lines):
            line_text = lines[mark.line]
    hint_zh, hint_en = text_hint(line_text)
    return CODES["yaml-syntax"].at(
        _pos(file, mark, line_offset),
        f"YAML 语法错误：{problem}",
        f"YAML syntax error: {problem}",
        hint_zh=hint_zh,
        hint_en=hint_en,
    )


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
