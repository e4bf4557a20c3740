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

from dytool.core.catalogue import reading as words
from dytool.core.codes import CODES, Pos
from dytool.core.findings import Finding
from dytool.source.hints import fullwidth_colons, odd_indents, text_hint
from dytool.source.readfile import MAX_BYTES
from dytool.source.yamlerrors import memory_finding, reader_finding, syntax_finding
from dytool.source.yamlfast import FAST, SLOW, parse_fast
from dytool.source.yamlscalar import COLLECTION_TAGS, MAX_DEPTH, NO_KEY, SCALAR_TAGS, Parser, resolve_plain, short_text, tagged

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "Parsed",
    "make_parser",
    "parse_text",
    "resolve_plain",
    "text_hint",
]


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
    return Parser(text)


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
    if FAST:
        fast = parse_fast(text)
        if fast is not SLOW:
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
        finding = CODES["yaml-syntax"].at(Pos(file), words.UNPARSEABLE(kind=type(exc).__name__, detail=str(exc)[:200]))
        return Parsed(None, (*findings, finding), False)
    return Parsed(value, tuple(findings), not findings)


def _build(get: Callable[[], Any], file: str, line_offset: int) -> Any:
    stack: list[Any] = []
    keys: list[Any] = []  # per open mapping: the pending key, or NO_KEY
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
                value: Any = resolve_plain(ev.value) if ev.implicit[0] else short_text(ev.value)
            elif tag in SCALAR_TAGS:
                try:
                    value = tagged(tag, ev.value)
                except ValueError:
                    raise _Stop(code["yaml-tag"].at(_pos(file, ev.start_mark, line_offset), words.TAG_MISFIT(value=ev.value, tag=tag))) from None
            else:
                raise _Stop(_bad_tag(ev, file, line_offset))
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            if ev.anchor is not None:
                raise _Stop(_alias(ev, file, line_offset))
            if ev.tag is not None and ev.tag not in COLLECTION_TAGS:
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
                raise _Stop(code["yaml-documents"].at(_pos(file, ev.start_mark, line_offset), words.SECOND_DOCUMENT,
                                                      hint=words.SECOND_DOCUMENT_HINT))
            if ev.version is not None or ev.tags:
                raise _Stop(code["yaml-directive"].at(_pos(file, ev.start_mark, line_offset), words.DIRECTIVE, hint=words.DIRECTIVE_HINT))
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
                if key is NO_KEY:
                    if cls is not ScalarEvent:
                        raise _Stop(code["complex-key"].at(_pos(file, ev.start_mark, line_offset), words.COMPLEX_KEY))
                    key = ev.value
                    if key in parent:
                        raise _Stop(code["duplicate-key"].at(_pos(file, ev.start_mark, line_offset), words.DUPLICATE_KEY(key=key),
                                                             hint=words.DUPLICATE_KEY_HINT))
                    keys[-1] = key
                    continue
                parent[key] = value
                keys[-1] = NO_KEY
        if cls is not ScalarEvent:
            stack.append(value)
            if cls is MappingStartEvent:
                keys.append(NO_KEY)
            if len(stack) > MAX_DEPTH:
                raise _Stop(code["yaml-too-deep"].at(_pos(file, ev.start_mark, line_offset), words.TOO_DEEP(depth=MAX_DEPTH)))


def _alias(ev: Any, file: str, line_offset: int) -> Finding:
    return CODES["yaml-alias"].at(_pos(file, ev.start_mark, line_offset), words.ALIAS, hint=words.ALIAS_HINT)


def _bad_tag(ev: Any, file: str, line_offset: int) -> Finding:
    return CODES["yaml-tag"].at(_pos(file, ev.start_mark, line_offset), words.TAG_NOT_ALLOWED(tag=ev.tag), hint=words.TAG_NOT_ALLOWED_HINT)
