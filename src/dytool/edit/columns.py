"""The columns of a paper 台账, one table per list, and how a record becomes a row and back.

Columns follow the order offices print their ledgers in (序号, 问题, 问题描述, 责任单位, 责任人,
整改措施, 整改时限, 整改进展, 是否销号 …), headed by each field's Chinese label; fields of a
nested record get ``上级·下级`` headers (``调研提纲·提交日期``), the office's own columns
``扩展字段·名称``.  Cells hold dates as dates, choices as their Chinese label, a list as one item
a line, progress as ``日期：内容`` lines, other nested lists as one ``{字段: 值}`` a line, so
that an exported sheet imports back to the same records.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from dytool.edit.fields import FieldShape, shapes
from dytool.edit.names import NAMED_KINDS, Names
from dytool.edit.yamlio import dump, to_node
from dytool.models import KINDS, LabeledEnum, When
from dytool.models.base import StrictModel, field_plan

__all__ = ["DERIVED", "EXTRA", "LISTS", "SEQ", "Column", "columns", "row_of", "sheet_title"]

LISTS = {"topics": "topic", "visits": "visit", "problems": "problem", "solutions": "solution", "institutions": "institution"}
"""The lists ``export`` writes, in the order of the workbook's sheets."""

SEQ = "序号"
CLOSED = "是否销号"
DERIVED = {SEQ, CLOSED}
"""Columns computed when exporting and ignored when importing."""
EXTRA = "扩展字段"
JOIN = "·"

_ORDER = {
    "problem": ["id", "title", "description", "source", "found_on", "category", "scope", "owner_unit", "owner", "lead_leader", "co_units",
                "handling", "measures", "done_criteria", "due", "progress", CLOSED, "closed_on", "closed_by", "evidence", "note",
                "unresolved_reason", "topic", "visits", "reported_by"],
    "solution": ["id", "title", "problems", "measures", "owner_unit", "owner", "due", "status", "done_on", "evidence", "note"],
    "institution": ["id", "title", "kind", "problems", "drafting_unit", "due", "status", "issued_on", "doc_number"],
    "topic": ["id", "title", "theme", "leader", "lead_unit", "units", "team", "kind", "case", "questions", "methods", "sites"],
    "visit": ["id", "date", "start", "end", "leaders", "participants", "topics", "activity", "hosts", "location", "methods",
              "accompanying", "summary", "findings", "problems"],
}


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    path: tuple[str, ...]
    """Field path (``("outline", "submitted_on")``; ``("extra", name)``); ``()`` for derived columns."""
    shape: FieldShape | None
    refs: tuple[str, ...] = ()
    """The kinds a reference column names (shown by name in a ledger for people)."""
    text_ok: bool = False
    """The reference may be free text (a person's name not in people.yaml)."""


def sheet_title(kind: str) -> str:
    return str(KINDS[kind].model_config.get("title") or kind)


def columns(kind: str, extra_keys: list[str] | tuple[str, ...] = ()) -> list[Column]:
    model = KINDS[kind]
    fields = shapes(model)
    refs = {plan.name: plan.ref for plan in field_plan(model) if plan.ref is not None}
    names = [n for n in _ORDER[kind] if n in fields or n == CLOSED]
    names += [n for n in fields if n not in names and n != "extra"]
    out = [Column(SEQ, (), None)]
    for name in names:
        if name == CLOSED:
            out.append(Column(CLOSED, (), None))
            continue
        shape = fields[name]
        if shape.kind == "model" and shape.model is not None:
            sub_refs = {plan.name: plan.ref for plan in field_plan(shape.model) if plan.ref is not None}
            for sub in shapes(shape.model).values():
                sub_ref = sub_refs.get(sub.name)  # 评审·评审单位或人 by name, as the other references
                out.append(Column(f"{shape.label}{JOIN}{sub.label}", (name, sub.name), sub, sub_ref.kinds if sub_ref else (),
                                  bool(sub_ref and sub_ref.text_ok)))
        else:
            ref = refs.get(name)
            out.append(Column(shape.label, (name,), shape, ref.kinds if ref else (), bool(ref and ref.text_ok)))
    out += [Column(f"{EXTRA}{JOIN}{key}", ("extra", key), None) for key in extra_keys]
    return out


def extra_keys(records: list[Any]) -> list[str]:
    keys: dict[str, None] = {}
    for record in records:
        for key in getattr(record, "extra", None) or {}:
            keys.setdefault(str(key), None)
    return list(keys)


def _value(record: Any, path: tuple[str, ...]) -> Any:
    value = record
    for step in path:
        if value is None:
            return None
        value = value.get(step) if isinstance(value, dict) else getattr(value, step, None)
    return value


def cell(shape: FieldShape | None, value: Any) -> Any:
    """A field's value as a spreadsheet cell (None for an empty cell)."""
    if value is None or value in ([], {}):
        return None
    if isinstance(value, When):
        return value.first if value.is_day and value.text == value.first.isoformat() else value.text
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, LabeledEnum):
        return value.label_zh
    if shape is None:
        return value if isinstance(value, str | int | float | dt.date) else json.dumps(value, ensure_ascii=False)
    if shape.kind == "lines" and isinstance(value, list):
        return "\n".join(f"- {item}" for item in value)
    if shape.kind == "models":
        return "\n".join(_model_line(item) for item in value)
    if isinstance(value, list):
        return "\n".join(str(cell(None, item)) for item in value)
    return value


def _model_line(item: BaseModel) -> str:
    data = item.model_dump(mode="json", exclude_none=True)
    if set(data) == {"on", "text"} and "\n" not in data["text"]:
        return f"{data['on']}：{data['text']}"
    node = to_node(data)
    node.fa.set_flow_style()
    return dump(node).strip()


def row_of(kind: str, record: StrictModel, number: int, cols: list[Column], names: Names | None = None) -> Iterator[Any]:
    """The cells of one record, column by column; with ``names``, references by name."""
    for col in cols:
        if col.header == SEQ:
            yield number
        elif col.header == CLOSED:
            yield "是" if getattr(record, "closed_on", None) is not None else "否"
        elif not col.path:
            yield None  # a column that is not a field (ignored on import)
        else:
            value = _value(record, col.path)
            if names is not None and col.refs and value:
                kinds = [k for k in col.refs if k in NAMED_KINDS]
                if kinds:
                    value = [names.show(kinds, v) for v in value] if isinstance(value, list) else names.show(kinds, str(value))
            yield cell(col.shape, value)
