"""Text from records on its way out: nothing a record holds may act on the reader's terminal
or break the XML, HTML or JSON it is written into.

A title in a pull request can carry an escape sequence (clear the screen, retitle the
window, hide the rest of a line), a bidirectional override that reorders what is shown, or a
character XML 1.0 does not allow.  :func:`printable` makes such characters visible as
``\\x1b``-style escapes for terminals; :func:`xml_safe` drops what XML cannot hold.
"""

from __future__ import annotations

import codecs
import dataclasses
import re
from typing import Any, TypeVar

__all__ = ["XML_INVALID", "can_encode", "is_utf", "one_line", "printable", "sanitized", "xml_safe"]

_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff\ud800-\udfff]"
)
"""Control characters (but tab and line feed), C1 controls, zero-width and bidirectional
formatting characters, non-characters and lone surrogates."""

XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""What XML 1.0 cannot hold at all (not even escaped)."""

T = TypeVar("T")


def printable(text: str) -> str:
    """``text`` with every character that could act on a terminal shown as an escape."""
    if _UNPRINTABLE.search(text) is None:
        return text
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)


def one_line(text: str) -> str:
    """``text`` :func:`printable` and on one line, its line feeds shown as ``\\n``: a file name or
    a value quoted in a line of output must not start a line of its own, where a CI log would
    read it as a workflow command (``::error file=…::``) or a forged total."""
    return printable(text).replace("\n", "\\n")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (escaping ``&<>`` is the writer's job)."""
    return XML_INVALID.sub("\ufffd", text)


def sanitized(value: T) -> T:
    """``value`` with every string in it (through dataclasses, tuples, lists and dicts) made
    :func:`printable`: what a renderer for terminals gets."""
    return _clean(value)  # type: ignore[no-any-return]


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return printable(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _clean(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return type(value)(*(_clean(item) for item in value))
    if isinstance(value, (tuple, list)):
        return type(value)(_clean(item) for item in value)
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    return value


def is_utf(encoding: str | None) -> bool:
    if not encoding:
        return False
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def can_encode(text: str, encoding: str | None) -> bool:
    """Whether a stream in ``encoding`` can show ``text`` as it is."""
    if not encoding or is_utf(encoding):
        return True
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True
