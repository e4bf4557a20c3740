"""Change one record of a YAML text and nothing else.

Two edits cover every command: append a record to a file's top-level list, and set fields of
(or append to lists in) one mapping found by its path.  Both touch the smallest stretch of
text they can: an appended record is added after the last line (so it lands below a trailing
section comment, where a person would put it), and a changed record is cut out, changed
through ruamel.yaml's round trip and put back, so every other line keeps its bytes.

Two guards run on every result: dytool's own reader must read the new text as the old value
with exactly the intended change, and every comment of the old text must still be there.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from dytool.core.catalogue import edits as words
from dytool.core.errors import EXIT_FINDINGS, UserError
from dytool.core.messages import Text
from dytool.edit.splice_fast import edit_item
from dytool.edit.yamlio import dump, dump_item, load, to_node
from dytool.source.locate import index_positions
from dytool.source.yamlread import parse_text

__all__ = ["FieldChange", "append_records", "change_fields", "change_records", "comments_of", "plain"]

Path = tuple[str | int, ...]
_EMPTY_FLOW = re.compile(r"^[ \t]*\[[ \t]*\][ \t]*(#.*)?$")


@dataclass(frozen=True)
class FieldChange:
    """Set ``values`` on the mapping at ``path`` and append ``appends`` to its lists.

    New keys go before the first existing key that comes later in ``order`` (the model's field
    order), so a closed problem gets ``closed_on`` beside ``due``, not after ``extra``."""

    path: Path
    values: Mapping[str, Any] = field(default_factory=dict)
    appends: Mapping[str, Sequence[Any]] = field(default_factory=dict)
    order: Sequence[str] = ()


def plain(value: Any) -> Any:
    """A value as dytool's reader will read it back (days become ISO text)."""
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _read(text: str, rel: str) -> Any:
    parsed = parse_text(text, rel)
    if not parsed.ok:
        raise UserError(words.FILE_HAS_ERRORS(file=rel), exit_code=EXIT_FINDINGS)
    return parsed.value


def _refuse(rel: str, why: Text) -> UserError:
    return UserError(words.CANNOT_EDIT_SAFELY(file=rel, why=why), exit_code=EXIT_FINDINGS)


def comments_of(text: str) -> Counter[str]:
    """The comments of a YAML text (``# …`` outside quotes), as a multiset."""
    found: Counter[str] = Counter()
    for line in text.split("\n"):
        quote = ""
        for i, char in enumerate(line):
            if quote:
                if char == quote:
                    quote = ""
            elif char in "'\"" and (i == 0 or line[i - 1] in " \t[{,:-"):
                quote = char
            elif char == "#" and (i == 0 or line[i - 1] in " \t"):
                found[line[i:].rstrip()] += 1
                break
    return found


def _guard(rel: str, old_text: str, new_text: str, expected: Any) -> str:
    if _read(new_text, rel) != expected:
        raise _refuse(rel, words.WOULD_NOT_READ_BACK)
    if comments_of(old_text) - comments_of(new_text):
        raise _refuse(rel, words.WOULD_LOSE_COMMENT)
    return new_text


# -- appending a record ------------------------------------------------------------------------

def append_records(text: str, records: Sequence[Mapping[str, Any]], rel: str) -> tuple[str, int]:
    """``text`` with ``records`` added at the end of its top-level list, and how many it had."""
    old = _read(text, rel)
    if old is not None and not isinstance(old, list):
        raise UserError(words.SINGLE_RECORD_FILE(file=rel), exit_code=EXIT_FINDINGS)
    count = len(old or [])
    expected = [*(old or []), *(plain(r) for r in records)]
    body = text if not text or text.endswith("\n") else text + "\n"
    lines = body.split("\n")[:-1]
    doc = load(text, rel) if old else None
    if doc is not None and (doc.fa.flow_style() or _dash_column(lines, doc.lc.item(0)) is None):
        doc.extend(to_node(r) for r in records)
        return _guard(rel, text, dump(doc), expected), count
    dash = _dash_column(lines, doc.lc.item(0)) if doc is not None else 0
    blank = doc is None or _blank_between(lines, doc, dash or 0)
    items = ("\n" if blank else "").join(_indent(dump_item(r), dash or 0) for r in records)
    if old is None:
        new_text = body + items
    elif not old:
        new_text = _fill_empty_flow(lines, items, rel)
    else:
        gap = "\n" if blank and lines and lines[-1].strip() and not lines[-1].lstrip().startswith("#") else ""
        new_text = body + gap + items
    return _guard(rel, text, new_text, expected), count


def _fill_empty_flow(lines: list[str], item: str, rel: str) -> str:
    for i in range(len(lines) - 1, -1, -1):
        match = _EMPTY_FLOW.match(lines[i])
        if match:
            keep = [match.group(1)] if match.group(1) else []
            return "\n".join([*lines[:i], *keep]) + ("\n" if i or keep else "") + item + "".join(f"{line}\n" for line in lines[i + 1:])
    raise _refuse(rel, words.NO_EMPTY_LIST)


def _dash_column(lines: list[str], pos: tuple[int, int]) -> int | None:
    line, column = pos
    if line >= len(lines):
        return None
    head = lines[line][:column]
    if head.strip() != "-":
        return None
    return head.index("-")


def _blank_between(lines: list[str], doc: CommentedSeq, dash: int) -> bool:
    """Whether records of this list are separated by blank lines (the example's style)."""
    if len(doc) < 2:
        return True
    votes = 0
    for i in range(1, len(doc)):
        at = doc.lc.item(i)[0] - 1
        while at >= 0 and lines[at].lstrip().startswith("#"):
            at -= 1
        votes += 1 if at >= 0 and not lines[at].strip() else -1
    return votes > 0


def _indent(text: str, by: int) -> str:
    if by <= 0:
        return text
    pad = " " * by
    return "".join(pad + line if line.strip() else line for line in text.splitlines(keepends=True))


# -- changing fields of one mapping ----------------------------------------------------------------

def change_fields(text: str, change: FieldChange, rel: str) -> str:
    """``text`` with ``change`` applied to the mapping at ``change.path``."""
    old = _read(text, rel)
    expected = copy.deepcopy(old)
    target = _walk(expected, change.path, rel)
    for key, value in change.values.items():
        target[key] = plain(value)
    for key, items in change.appends.items():
        target.setdefault(key, [])
        target[key].extend(plain(list(items)))
    doc = load(text, rel)
    new_text = _splice(text, doc, change, rel)
    return _guard(rel, text, new_text, expected)


def _walk(value: Any, path: Path, rel: str) -> Any:
    for step in path:
        try:
            value = value[step]
        except (KeyError, IndexError, TypeError):
            raise _refuse(rel, words.RECORD_NOT_FOUND) from None
    if not isinstance(value, dict):
        raise _refuse(rel, words.NOT_A_RECORD)
    return value


def _splice(text: str, doc: Any, change: FieldChange, rel: str) -> str:
    """Cut out the list item holding the target, change it, put it back; else change it all."""
    if change.path and isinstance(change.path[-1], int):
        parent = _walk_nodes(doc, change.path[:-1], rel)
        index = change.path[-1]
        if isinstance(parent, CommentedSeq) and not parent.fa.flow_style():
            lines = text.split("\n")
            dash = _dash_column(lines, parent.lc.item(index))
            if dash is not None:
                start = parent.lc.item(index)[0]
                end = _item_end(lines, start, dash)
                block = "\n".join(line[min(dash, len(line) - len(line.lstrip())):] for line in lines[start:end]) + "\n"
                item_doc = load(block, rel)
                _apply(item_doc[0], change)
                new_block = _indent(dump(item_doc), dash)
                return "\n".join(lines[:start]) + ("\n" if start else "") + new_block + "\n".join(lines[end:])
    target = _walk_nodes(doc, change.path, rel)
    _apply(target, change)
    return dump(doc)


def _walk_nodes(doc: Any, path: Path, rel: str) -> Any:
    node = doc
    for step in path:
        node = node[step]
    return node


def _item_end(lines: list[str], start: int, dash: int) -> int:
    end = len(lines)
    for i in range(start + 1, len(lines)):
        line = lines[i]
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and len(line) - len(line.lstrip(" ")) <= dash:
            end = i
            break
    while end > start + 1:
        line = lines[end - 1]
        stripped = line.strip()
        if not stripped or (stripped.startswith("#") and len(line) - len(line.lstrip(" ")) <= dash):
            end -= 1
        else:
            break
    return end


def _apply(node: CommentedMap, change: FieldChange) -> None:
    order = list(change.order)
    for key, value in change.values.items():
        if key in node:
            node[key] = to_node(value)
        else:
            node.insert(_position(node, key, order), key, to_node(value))
    for key, items in change.appends.items():
        if key not in node:
            node.insert(_position(node, key, order), key, to_node(list(items)))
        else:
            for item in items:
                node[key].append(to_node(item))


def _position(node: CommentedMap, key: str, order: list[str]) -> int:
    if key not in order:
        return len(node)
    rank = order.index(key)
    for i, existing in enumerate(node):
        if existing in order and order.index(existing) > rank:
            return i
    return len(node)


# -- changing many records of one file at once -------------------------------------------------

def change_records(text: str, changes: Sequence[FieldChange], rel: str) -> str:
    """``text`` with every change applied; one read of the file however many records change
    (an import of a thousand edited rows must not parse a large file a thousand times)."""
    if not changes:
        return text
    paths = [change.path for change in changes]
    if len(set(paths)) != len(paths) or not all(len(p) == 1 and isinstance(p[0], int) for p in paths):
        for change in changes:  # records not in a top-level list: one at a time
            text = change_fields(text, change, rel)
        return text
    old = _read(text, rel)
    expected = copy.deepcopy(old)
    for change in changes:
        target = _walk(expected, change.path, rel)
        for key, value in change.values.items():
            target[key] = plain(value)
        for key, items in change.appends.items():
            target.setdefault(key, [])
            target[key].extend(plain(list(items)))
    lines = text.split("\n")
    positions = index_positions(text)
    spans = []
    for change in changes:
        line, column = positions.find(change.path)
        dash = _dash_column(lines, (line - 1, column - 1))
        if dash is None:
            raise _refuse(rel, words.RECORD_NOT_FOUND)
        spans.append((line - 1, _item_end(lines, line - 1, dash), dash, change))
    original = list(lines)
    for fast in (True, False):  # edit lines where the layout allows it; if that fails the guard, round-trip every record
        lines = list(original)
        for start, end, dash, change in sorted(spans, key=lambda span: span[0], reverse=True):
            edited = edit_item(lines[start:end], dash, dict(change.values), dict(change.appends), list(change.order)) if fast else None
            if edited is None:
                block = "\n".join(line[min(dash, len(line) - len(line.lstrip())):] for line in lines[start:end]) + "\n"
                item_doc = load(block, rel)
                _apply(item_doc[0], change)
                edited = _indent(dump(item_doc), dash).rstrip("\n").split("\n")
            lines[start:end] = edited
        if fast:
            try:
                return _guard(rel, text, "\n".join(lines), expected)
            except UserError:
                continue
    return _guard(rel, text, "\n".join(lines), expected)
