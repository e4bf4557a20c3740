"""The fast loop of the YAML reader: a clean file's value, about 30 % faster than
:func:`dytool.source.yamlread.parse_text`'s own loop, or :data:`SLOW` for the original
loop to read it again and say precisely what is wrong.

PyYAML's C parser builds each event by calling the class bound to its name in ``yaml._yaml``'s
module globals; for the length of one parse those names are bound to light stand-ins built
entirely in C.  Findings and positions always come from the original loop.  The swap is not
thread-safe: dytool parses in processes, never in threads.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from dytool.source.yamlscalar import (
    COLLECTION_TAGS,
    MAX_DEPTH,
    NO_KEY,
    SCALAR_TAGS,
    SHORT,
    SPECIAL_START,
    Parser,
    cyaml,
    resolve_plain,
    tagged,
)

__all__ = ["FAST", "SLOW", "parse_fast"]

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
    saved = {name: getattr(cyaml, name) for name in _EVENT_NAMES}
    for name, cls in _LIGHT.items():
        setattr(cyaml, name, cls)
    try:
        return _build_fast(Parser(text).get_event)
    except Exception:  # noqa: BLE001 - _Slow or the parser's own error: _build will say which
        return _SLOW
    finally:
        for name, cls in saved.items():
            setattr(cyaml, name, cls)


def _build_fast(get: Callable[[], Any]) -> Any:
    """:func:`_build` for light events and clean files: same values, no findings (any
    refusal raises :class:`_Slow`).  The open container, its kind and its pending key are
    locals; the stack holds the enclosing ones."""
    root: Any = None
    parent: Any = None
    in_map = False
    key: Any = NO_KEY
    stack: list[tuple[Any, bool]] = []
    push, pop = stack.append, stack.pop
    documents = 0
    plain, plain_get, special, miss, intern = _PLAIN, _PLAIN.get, SPECIAL_START, NO_KEY, sys.intern
    while True:
        ev = get()
        cls = type(ev)
        if cls is _L_SCALAR:
            anchor, tag, implicit, text, _start, _end, _style = ev.args
            if anchor is not None:
                raise _Slow
            if tag is not None:
                if tag not in SCALAR_TAGS:
                    raise _Slow
                try:
                    value: Any = tagged(tag, text)
                except ValueError:
                    raise _Slow from None
            if in_map and key is miss:  # a key: its text, never resolved
                if text in parent:
                    raise _Slow
                key = intern(text) if len(text) <= SHORT else text
                continue
            if tag is None:
                if not implicit[0] or (text and text[0] not in special):
                    value = intern(text) if len(text) <= SHORT else text
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
            if args[0] is not None or (args[1] is not None and args[1] not in COLLECTION_TAGS):
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
    if cyaml is None:
        return False
    try:
        value = _parse_fast("--- !!map\na: [1, '2', ~, x]\nb: {c: !!str 3}\n")
    except Exception:  # noqa: BLE001
        return False
    return value == {"a": [1, "2", None, "x"], "b": {"c": "3"}} and type(value["a"][0]) is int


_FAST = _fast_path_works()


FAST = _FAST
"""Whether the fast loop is on (it switches itself off when another PyYAML lays its events out differently)."""
SLOW = _SLOW
parse_fast = _parse_fast
