"""Changing fields of a record by editing its lines, without a YAML round trip of the record.

An import of a thousand returned rows spent most of its time loading and dumping each whole
record with ruamel.yaml to change one or two fields.  In the canonical style (block mappings,
plain keys, lists under their key) a field is a run of lines: setting it replaces that run
(or adds one before the next field in the model's order), appending to a list adds lines
after its last item.  Only the new values go through ruamel.yaml (one small mapping each).
:func:`edit_item` returns None for anything else (a flow mapping, a list written ``[a, b]``,
a key written oddly), and the caller then uses the round trip; every result is still checked
by the caller's guard (the text must read back as the intended values, every comment kept).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from dytool.edit.yamlio import dump, to_node

__all__ = ["edit_item"]

_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)[ \t]*:(?:[ \t]|$)")


def _fields(lines: list[str], dash: int) -> tuple[int, list[tuple[str, int]]] | None:
    """The key column of the item and (key, line) of each of its fields."""
    first = lines[0]
    if first[:dash].strip() or first[dash:dash + 2] != "- ":
        return None
    column = dash + 2
    fields = []
    for number, line in enumerate(lines):
        head = line[:column]
        if number == 0 or not head.strip():
            match = _KEY.match(line, column) if number == 0 or len(line) - len(line.lstrip(" ")) == column else None
            if match:
                fields.append((match.group(1), number))
            elif number == 0:
                return None
    return column, fields


def _end(lines: list[str], start: int, stop: int, column: int) -> int:
    """The end (exclusive) of a field's lines: before trailing blank lines and outer comments."""
    end = stop
    while end > start + 1:
        line = lines[end - 1]
        stripped = line.strip()
        if not stripped or (stripped.startswith("#") and len(line) - len(line.lstrip(" ")) <= column):
            end -= 1
        else:
            break
    return end


def _text(key: str, value: Any, column: int) -> list[str]:
    written = dump(to_node({key: value})).rstrip("\n").split("\n")
    return [(" " * column + line) if line else line for line in written]


def edit_item(lines: list[str], dash: int, values: dict[str, Any], appends: dict[str, Sequence[Any]], order: Sequence[str]) -> list[str] | None:
    """``lines`` of one top-level list item with ``values`` set and ``appends`` appended, or None."""
    found = _fields(lines, dash)
    if found is None:
        return None
    column, fields = found
    keys = [key for key, _ in fields]
    if len(set(keys)) != len(keys):
        return None
    out = list(lines)
    spans = {key: (line, _end(lines, line, fields[i + 1][1] if i + 1 < len(fields) else len(lines), column)) for i, (key, line) in enumerate(fields)}
    edits: list[tuple[int, int, list[str]]] = []  # (from, to, new lines): applied bottom-up
    for key, value in values.items():
        if key in spans:
            start, end = spans[key]
            if start == 0:
                return None  # the field on the dash line: leave it to the round trip
            edits.append((start, end, _text(key, value, column)))
        else:
            edits.append((*_insertion(key, order, fields, spans, len(lines), column, lines), _text(key, value, column)))
    for key, items in appends.items():
        if key not in spans:
            edits.append((*_insertion(key, order, fields, spans, len(lines), column, lines), _text(key, list(items), column)))
            continue
        start, end = spans[key]
        if lines[start].strip() != f"{key}:" or end <= start + 1:
            return None  # a flow list or an empty one: the round trip knows how
        item = lines[start + 1]
        dash_at = len(item) - len(item.lstrip(" "))
        if item[dash_at:dash_at + 2] != "- ":
            return None
        written = dump(to_node(list(items))).rstrip("\n").split("\n")
        edits.append((end, end, [(" " * dash_at + line) if line else line for line in written]))
    for start, end, new in sorted(edits, key=lambda edit: (edit[0], edit[1]), reverse=True):
        out[start:end] = new
    return out


def _insertion(key: str, order: Sequence[str], fields: list[tuple[str, int]], spans: dict[str, tuple[int, int]], total: int,
               column: int, lines: list[str]) -> tuple[int, int]:
    """Where a new field goes: before the first field that comes later in the model's order."""
    rank = order.index(key) if key in order else len(order)
    for name, line in fields:
        if name in order and order.index(name) > rank and line > 0:
            return line, line
    last = fields[-1][0]
    end = spans[last][1]
    return end, end
