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
re-reads that one file with marks (see :mod:`dytool.source.locate`).
"""

from __future__ import annotations

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

from dytool.core.codes import CODES, Pos
from dytool.core.findings import Finding
from dytool.source.hints import fullwidth_colons, odd_indents, text_hint
from dytool.source.readfile import MAX_BYTES

try:  # the C parser; PyYAML without libyaml falls back to the pure-Python one
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import Loader as _Parser  # type: ignore[assignment]

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "Parsed",
    "make_parser",
    "parse_text",
    "resolve_plain",
    "text_hint",
]

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
        findings.extend(fullwidth_colons(text, file, line_offset))
    if "\u3000" in text or "\u00a0" in text:
        findings.extend(odd_indents(text, file, line_offset))
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


_PROBLEMS_ZH = (
    ("could not find expected ':'", "找不到应有的冒号“:”（字段名后要有半角冒号和空格）"),
    ("mapping values are not allowed here", "这里不能出现“字段: 值”（多半是缩进不对，或值里有未加引号的冒号）"),
    ("cannot start any token", "这个字符不能出现在这里（Tab、@ 或 ` 开头的值要加引号）"),
    ("did not find expected key", "找不到应有的字段名（多半是缩进不一致）"),
    ("did not find expected '-' indicator", "找不到应有的“- ”（列表各项的缩进不一致）"),
    ("did not find expected node content", "这里缺少值"),
    ("found unexpected end of stream", "文件意外结束（引号或括号没有闭合）"),
    ("found unknown escape character", "双引号里的转义字符无法识别（写反斜杠请改用单引号）"),
    ("expected <block end>", "缩进不一致"),
    ("did not find expected ',' or ']'", "方括号列表没有闭合，或逗号缺失"),
    ("did not find expected ',' or '}'", "花括号没有闭合，或逗号缺失"),
    ("found a tab character", "缩进里有 Tab 字符"),
    ("did not find expected alphabetic or numeric character", "* 或 & 后面应是别名或锚点的名称（值以 * 开头时要加引号）"),
    ("found undefined alias", "使用了未定义的别名（值以 * 开头时要加引号）"),
)


def _problem_zh(problem: str) -> str:
    """libyaml's problem in Chinese, where we know it (the English original otherwise)."""
    return next((zh for en, zh in _PROBLEMS_ZH if en in problem), problem)


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
        f"YAML 语法错误：{_problem_zh(problem)}",
        f"YAML syntax error: {problem}",
        hint_zh=hint_zh,
        hint_en=hint_en,
    )
