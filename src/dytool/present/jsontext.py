"""JSON as dytool writes it for people and scripts alike: objects indented, and every list of
objects one row per line.

A briefing at 200,000 records is megabytes of rows.  ``json.dumps(..., indent=2)`` writes
each row over a dozen lines and, because ``indent`` turns off the C encoder, spends longer
than the whole rest of ``status`` doing it.  Here the outline (objects, and lists of
containers) is laid out in Python, which is a few hundred lines, and each row goes through
the C encoder in one call: the text is a quarter the length, a changed record is a changed
line in a diff, and the values are exactly those of ``json.dumps``.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["json_text"]

_ROW = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "), allow_nan=False).encode


def json_text(value: Any) -> str:
    """``value`` as JSON text ending in a line break (see the module's note on the layout)."""
    out: list[str] = []
    _write(value, "\n", out)
    out.append("\n")
    return "".join(out)


def _write(value: Any, newline: str, out: list[str]) -> None:
    if isinstance(value, dict) and value:
        inner = newline + "  "
        opening = "{" + inner
        for key, item in value.items():
            out.append(opening)
            out.append(_ROW(key if isinstance(key, str) else str(key)))
            out.append(": ")
            _write(item, inner, out)
            opening = "," + inner
        out.append(newline + "}")
    elif isinstance(value, list | tuple) and value and any(isinstance(item, dict | list | tuple) for item in value):
        inner = newline + "  "
        out.append("[" + inner)
        out.append(("," + inner).join(map(_ROW, value)))
        out.append(newline + "]")
    else:
        out.append(_ROW(value))
