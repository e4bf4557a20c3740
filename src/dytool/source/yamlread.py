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
  file with a finding; anything the parser raises becomes a finding too, the parser's own
  limits as the finding of the same limit here (see :mod:`dytool.source.yamlerrors`).

Positions are not kept on the fast path.  When a finding needs one, :func:`index_positions`
re-reads that one file with marks (see :mod:`dytool.source.locate`).
"""

from __future__ import annotations

import re
import sys
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
from dytool.source.yamlerrors import memory_finding, reader_finding, syntax_finding

_cyaml: Any
try:  # the C parser; PyYAML without libyaml falls back to the pure-Python one
    import yaml._yaml as _cyaml
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import Loader as _Parser  # type: ignore[assignment]

    _cyaml = None

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



_SHORT = 48
"""Scalars up to this length (keys, ids, dates, names, enumeration values) are interned: a
campaign repeats them thousands of times, and one shared string each keeps records, summaries
and the cache's pickles (which store a repeated object once) small."""


def _text(text: str) -> str:
    return sys.intern(text) if len(text) <= _SHORT else text


def resolve_plain(text: str) -> Any:
    """The YAML 1.2 core-schema value of a plain (unquoted) scalar."""
    if text and text[0] not in _SPECIAL_START:
        return _text(text)
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
    return _text(text)


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
    if _FAST:
        fast = _parse_fast(text)
        if fast is not _SLOW:
            return Parsed(fast, tuple(findings), not findings)
    try:
        value = _build(make_parser(text).get_event, file, line_offset)
    except _Stop as stop:
        return Parsed(None, (*findings, stop.finding), False)
    except yaml.MarkedYAMLError as exc:
        return Parsed(None, (*findings, syntax_finding(exc, text, file, line_offset)), False)
    except yaml.reader.ReaderError as exc:
        return Parsed(None, (*findings, reader_finding(exc, text, file, line_offset)), False)
    except MemoryError:
        return Parsed(None, (*findings, memory_finding(file)), False)
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
                value: Any = resolve_plain(ev.value) if ev.implicit[0] else _text(ev.value)
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

# The fast loop (below) reads a clean file about 30 % faster than _build: PyYAML's C parser
# builds each event by calling the class bound to its name in yaml._yaml's module globals,
# and for the length of one parse those names are bound to light stand-ins built entirely in
# C.  Any refusal or error is left to _build, which parses the text again and says precisely
# what is wrong: findings and positions always come from the original loop.

_EVENT_NAMES = (
    "StreamStartEvent", "StreamEndEvent", "DocumentStartEvent", "DocumentEndEvent", "AliasEvent",
    "ScalarEvent", "SequenceStartEvent", "SequenceEndEvent", "MappingStartEvent", "MappingEndEvent",
)
_LIGHT: dict[str, type] = {name: type(name, (BaseException,), {"__slots__": ()}) for name in _EVENT_NAMES}
"""Stand-ins for PyYAML's event classes.  ``yaml._yaml`` builds each event by calling the class
bound to its name in its module globals; ``BaseException.__new__`` (C) keeps the positional
arguments in ``.args``, where PyYAML's classes run a Python ``__init__``.  They are in place
only while :func:`_build_fast` runs."""
_L_SCALAR = _LIGHT["ScalarEvent"]
_L_MAP = _LIGHT["MappingStartEvent"]
_L_SEQ = _LIGHT["SequenceStartEvent"]
_L_MAP_END = _LIGHT["MappingEndEvent"]
_L_SEQ_END = _LIGHT["SequenceEndEvent"]
_L_DOC = _LIGHT["DocumentStartEvent"]
_L_STREAM_END = _LIGHT["StreamEndEvent"]
_L_ALIAS = _LIGHT["AliasEvent"]

_PLAIN: dict[str, Any] = {}
"""Plain scalars already resolved (dates, ``true``, small numbers repeat), at most
:data:`_PLAIN_MAX` of at most 32 characters; values are immutable."""
_PLAIN_MAX = 4096
_SLOW: Any = object()


class _Slow(Exception):
    """Not a clean load: the original loop decides what to say."""


def _parse_fast(text: str) -> Any:
    """The value of a clean text, or :data:`_SLOW`."""
    saved = {name: getattr(_cyaml, name) for name in _EVENT_NAMES}
    for name, cls in _LIGHT.items():
        setattr(_cyaml, name, cls)
    try:
        return _build_fast(_Parser(text).get_event)
    except Exception:  # noqa: BLE001 - _Slow or the parser's own error: _build will say which
        return _SLOW
    finally:
        for name, cls in saved.items():
            setattr(_cyaml, name, cls)


def _build_fast(get: Callable[[], Any]) -> Any:
    """:func:`_build` for light events and clean files: same values, no findings (any
    refusal raises :class:`_Slow`).  The open container, its kind and its pending key are
    locals; the stack holds the enclosing ones."""
    root: Any = None
    parent: Any = None
    in_map = False
    key: Any = _NO_KEY
    stack: list[tuple[Any, bool]] = []
    push, pop = stack.append, stack.pop
    documents = 0
    plain, plain_get, special, miss, intern = _PLAIN, _PLAIN.get, _SPECIAL_START, _NO_KEY, sys.intern
    while True:
        ev = get()
        cls = type(ev)
        if cls is _L_SCALAR:
            anchor, tag, implicit, text, _start, _end, _style = ev.args
            if anchor is not None:
                raise _Slow
            if tag is not None:
                if tag not in _SCALAR_TAGS:
                    raise _Slow
                try:
                    value: Any = _tagged(tag, text)
                except ValueError:
                    raise _Slow from None
            if in_map and key is miss:  # a key: its text, never resolved
                if text in parent:
                    raise _Slow
                key = intern(text) if len(text) <= _SHORT else text
                continue
            if tag is None:
                if not implicit[0] or (text and text[0] not in special):
                    value = intern(text) if len(text) <= _SHORT else text
                else:
                    value = plain_get(text, miss)
                    if value is miss:
                        value = resolve_plain(text)
                        if len(plain) < _PLAIN_MAX and len(text) <= 32:
                            plain[text] = value
            if in_map:
                parent[key] = value
                key = miss
            elif parent is not None:
                parent.append(value)
            else:
                root = value
        elif cls is _L_MAP or cls is _L_SEQ:
            args = ev.args
            if args[0] is not None or (args[1] is not None and args[1] not in _COLLECTION_TAGS):
                raise _Slow
            value = {} if cls is _L_MAP else []
            if in_map:
                if key is miss:
                    raise _Slow  # a complex key
                parent[key] = value
            elif parent is not None:
                parent.append(value)
            else:
                root = value
            push((parent, in_map))
            if len(stack) > MAX_DEPTH:
                raise _Slow
            parent, in_map, key = value, cls is _L_MAP, miss
        elif cls is _L_MAP_END or cls is _L_SEQ_END:
            parent, in_map = pop()
            key = miss
        elif cls is _L_DOC:
            documents += 1
            args = ev.args
            if documents > 1 or args[3] is not None or args[4]:
                raise _Slow
        elif cls is _L_STREAM_END:
            return root
        elif cls is _L_ALIAS:
            raise _Slow


def _fast_path_works() -> bool:
    """The stand-ins must carry the argument layout :func:`_build_fast` reads; with another
    PyYAML (or none with libyaml) the original loop does everything."""
    if _cyaml is None:
        return False
    try:
        value = _parse_fast("--- !!map\na: [1, '2', ~, x]\nb: {c: !!str 3}\n")
    except Exception:  # noqa: BLE001
        return False
    return value == {"a": [1, "2", None, "x"], "b": {"c": "3"}} and type(value["a"][0]) is int


_FAST = _fast_path_works()


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
