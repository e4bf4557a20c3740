"""How a YAML scalar reads (the YAML 1.2 core schema), and the libyaml parser both of
dytool's readers drive (:mod:`dytool.source.yamlread` and its fast loop,
:mod:`dytool.source.yamlfast`)."""

from __future__ import annotations

import re
import sys
from typing import Any

__all__ = ["COLLECTION_TAGS", "MAX_DEPTH", "NO_KEY", "SCALAR_TAGS", "SHORT", "SPECIAL_START", "Parser", "cyaml", "resolve_plain", "short_text",
           "tagged"]

cyaml: Any
try:  # the C parser; PyYAML without libyaml falls back to the pure-Python one
    import yaml._yaml as cyaml
    from yaml._yaml import CParser as Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built

    cyaml = None

MAX_DEPTH = 64

_CORE = "tag:yaml.org,2002:"
SCALAR_TAGS = {f"{_CORE}{t}" for t in ("str", "int", "float", "bool", "null")} | {"!"}
COLLECTION_TAGS = {f"{_CORE}map", f"{_CORE}seq", f"{_CORE}omap"}

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
SPECIAL_START = _NUMERIC_START | frozenset("~nNtTfF")
"""First characters of scalars that may not be plain text; anything else is text at once."""


SHORT = 48
"""Scalars up to this length (keys, ids, dates, names, enumeration values) are interned: a
campaign repeats them thousands of times, and one shared string each keeps records, summaries
and the cache's pickles (which store a repeated object once) small."""


def short_text(text: str) -> str:
    return sys.intern(text) if len(text) <= SHORT else text


def resolve_plain(text: str) -> Any:
    """The YAML 1.2 core-schema value of a plain (unquoted) scalar."""
    if text and text[0] not in SPECIAL_START:
        return short_text(text)
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
    return short_text(text)


_TAG_TYPES: dict[str, type | tuple[type, ...]] = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}


def tagged(tag: str, text: str) -> Any:
    kind = tag.removeprefix(_CORE)
    if kind in ("str", "!"):
        return text
    value: Any = resolve_plain(text)
    wrong_bool = isinstance(value, bool) and kind != "bool"
    if wrong_bool or not isinstance(value, _TAG_TYPES[kind]):
        raise ValueError(text)
    number: Any = value
    return float(number) if kind == "float" else value


NO_KEY = object()
"""A mapping's pending key when none is pending."""
