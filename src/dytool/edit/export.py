"""``export``: the lists as a ledger for people (xlsx), CSV or JSON.

References show names (units, people, themes, topics by title) and the narrow 编号 column keeps
ids, so a ledger sent to a unit reads naturally and still comes back to the same records.
:func:`ledger_sheets` can keep only some units' items (``export --unit``).  The workbook
(:mod:`dytool.edit.workbook`) is reproducible: its properties and zip entries carry the as-of
day, never the current time.

CSV cells that a spreadsheet would run as a formula or a DDE command (text starting with
``=`` ``+`` ``-`` ``@``, a tab or a carriage return) are prefixed with ``'`` as OWASP
recommends, and so is text already starting with ``'``; ``import`` removes that one ``'``,
so round trips stay exact.  JSON never holds ``NaN`` or ``Infinity`` (they become null).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import math
import re
import unicodedata
from collections.abc import Collection
from pathlib import Path
from typing import Any

from dytool.edit.columns import CLOSED, LISTS, SEQ, Column, columns, extra_keys, row_of, sheet_title
from dytool.edit.names import Names
from dytool.edit.workbook import LedgerSheet, build_workbook, display_width
from dytool.engine.repository import Repository
from dytool.models import When
from dytool.models.base import StrictModel

__all__ = [
    "DIGEST_HEADER", "OWNER_FIELDS", "as_of_line", "csv_escape", "display_width", "export_csv", "export_json", "export_xlsx",
    "file_name", "ledger_sheets", "record_cells", "record_digest", "records_of", "units_with_items",
]

DIGEST_HEADER = "记录指纹"
"""The last CSV column: each record's digest when exported (conflicts on import)."""
OWNER_FIELDS = {"problem": ("owner_unit",), "solution": ("owner_unit",), "institution": ("drafting_unit",),
                "topic": ("lead_unit", "units"), "visit": ("hosts",)}
"""The fields that say which unit a record belongs to (``export --unit``)."""
_LOCKED_FIELDS = {"id", "title", "owner_unit", "drafting_unit", "lead_unit"}
_FILL_IN = {"measures", "progress", "closed_on", "closed_by", "evidence", "note", "unresolved_reason", "owner", "status", "done_on",
            "issued_on", "doc_number", "handling", "due"}
"""Columns a unit fills in: shown even when every row is still empty."""
_SECONDARY = {"problem": {"source", "found_on", "category", "scope", "lead_leader", "co_units", "done_criteria", "closed_by", "topic",
                          "visits", "reported_by", "classification"}}
"""Columns of a paper ledger's back office: kept (and imported) but hidden, so the sheet prints
on A4 at a size people can read; a unit that needs one unhides it."""
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "'")
_NAME_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
_NAME_BYTES = 120


def as_of_line(as_of: dt.date) -> str:
    return f"截至{as_of.year}年{as_of.month}月{as_of.day}日"


def records_of(repo: Repository, kind: str) -> list[StrictModel]:
    return [entry.record for entry in repo.entries(kind)]


def record_digest(record: StrictModel) -> str:
    """What a record says, in 16 hex digits: a row whose record's digest changed since export
    is a conflict on import."""
    data = json.dumps(record.model_dump(mode="json"), ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def _belongs(record: StrictModel, kind: str, units: Collection[str]) -> bool:
    for name in OWNER_FIELDS[kind]:
        value = getattr(record, name, None)
        values = value if isinstance(value, list) else [value]
        if any(v in units for v in values if v):
            return True
    return False


def units_with_items(repo: Repository, kinds: list[str]) -> list[str]:
    """Units that own at least one item of the lists ``kinds``, in units.yaml order."""
    owners: set[str] = set()
    for plural in kinds:
        kind = LISTS[plural]
        for record in records_of(repo, kind):
            for name in OWNER_FIELDS[kind]:
                value = getattr(record, name, None)
                owners |= {v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)}
    return [e.record.id for e in repo.entries("unit") if e.record.id in owners]


def _date_cell(value: Any) -> tuple[Any, str | None]:
    """A date field as a real date cell; a phrase shows its last day, the phrase as a note."""
    if isinstance(value, When) and value.text != value.first.isoformat():
        return value.due, f"原文：{value.text}"
    return None, None


def record_cells(kind: str, record: StrictModel, number: int, cols: list[Column], names: Names | None) -> tuple[list[Any], dict[int, str]]:
    """A record's cells as a ledger shows them, and the notes of the date cells read from a phrase."""
    row = list(row_of(kind, record, number, cols, names))
    notes = {}
    for index, col in enumerate(cols):
        if col.shape is not None and col.shape.kind == "date" and len(col.path) == 1:
            day, note = _date_cell(getattr(record, col.path[0], None))
            if day is not None and note is not None:
                row[index] = day
                notes[index] = note
    return row, notes


def ledger_sheets(repo: Repository, kinds: list[str], names: Names | None, units: Collection[str] | None = None) -> list[LedgerSheet]:
    """One sheet per list: headers, rows (references by name when ``names``), and what the
    workbook needs to know of each column."""
    sheets = []
    for plural in kinds:
        kind = LISTS[plural]
        records = [r for r in records_of(repo, kind) if units is None or _belongs(r, kind, units)]
        cols = columns(kind, extra_keys(records))
        spec = LedgerSheet(sheet_title(kind), [c.header for c in cols], [], [], [])
        for index, col in enumerate(cols):
            _describe(spec, kind, index, col)
        for number, record in enumerate(records, start=1):
            row, notes = record_cells(kind, record, number, cols, names)
            spec.notes.update({(number - 1, index): note for index, note in notes.items()})
            spec.rows.append(row)
            spec.ids.append(str(record.id))  # type: ignore[attr-defined]
            spec.digests.append(record_digest(record))
        sheets.append(spec)
    return sheets


def _describe(spec: LedgerSheet, kind: str, index: int, col: Column) -> None:
    name = col.path[0] if col.path else ""
    if col.header == SEQ or (len(col.path) == 1 and name in _LOCKED_FIELDS):
        spec.locked.add(index)
    if name == "id":
        spec.narrow.add(index)
    if col.header not in (SEQ, CLOSED) and name not in _FILL_IN and name not in _LOCKED_FIELDS:
        spec.optional.add(index)
    if name in _SECONDARY.get(kind, ()) or name == "extra":
        spec.hidden.add(index)
    if col.header == CLOSED:
        spec.choices[index] = CLOSED
    shape = col.shape
    if shape is None:
        return
    if shape.kind == "date":
        spec.dates.add(index)
    elif shape.kind == "enum" and shape.enum is not None:
        spec.choices[index] = col.header
    elif shape.kind == "text" and col.refs == ("unit",) and len(col.path) == 1:
        spec.choices[index] = "单位"


def _options(repo: Repository, kinds: list[str], names: Names) -> dict[str, list[str]]:
    options: dict[str, list[str]] = {CLOSED: ["是", "否"], "单位": names.choices("unit")}
    for plural in kinds:
        for col in columns(LISTS[plural]):
            if col.shape is not None and col.shape.kind == "enum" and col.shape.enum is not None:
                options.setdefault(col.header, [member.label_zh for member in col.shape.enum])
    return options


def export_xlsx(repo: Repository, kinds: list[str], as_of: dt.date, units: Collection[str] | None = None) -> bytes:
    names = Names.of(repo)
    heading = repo.campaign.title if repo.campaign is not None else ""
    if units:
        heading += "（" + "、".join(names.show(["unit"], u) for u in units) + "）"
    sheets = ledger_sheets(repo, kinds, names, units)
    return build_workbook(sheets, heading=heading, as_of_line=as_of_line(as_of), options=_options(repo, kinds, names), as_of=as_of,
                          campaign=repo.campaign.id if repo.campaign is not None else "")


def csv_escape(value: str) -> str:
    """OWASP's defence against formula injection: a leading ``'`` before a dangerous start."""
    return "'" + value if value.startswith(_DANGEROUS) else value


def csv_unescape(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:].startswith(_DANGEROUS) else value


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return csv_escape(str(value)) if isinstance(value, str) else str(value)


def export_csv(repo: Repository, kind: str, units: Collection[str] | None = None) -> bytes:
    """One list as CSV: header row first, UTF-8 with BOM (so Excel shows Chinese), dates ISO,
    references by name, and each record's digest in the last column."""
    names = Names.of(repo)
    sheet = ledger_sheets(repo, [kind], names, units)[0]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*sheet.headers, DIGEST_HEADER])
    for row, digest in zip(sheet.rows, sheet.digests, strict=True):
        writer.writerow([*(_csv_cell(v) for v in row), digest])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def export_json(repo: Repository, kinds: list[str], as_of: dt.date) -> str:
    """Machine values, field names as in the files, empty fields left out, valid JSON always; a deadline also as
    ``due_day``, the day after which the item is overdue (dates.md: a printed deadline is the
    span's last day; ``due`` keeps the phrase as written, so the export reads back)."""
    from dytool.facts.duedays import due_days

    data: dict[str, Any] = {"as_of": as_of.isoformat()}
    days = due_days(repo)
    for plural in kinds:
        items = []
        for record in records_of(repo, LISTS[plural]):
            item = _clean(record.model_dump(mode="json", exclude_none=True))
            day = days.get((LISTS[plural], str(getattr(record, "id", ""))))
            if day is not None:
                item["due_day"] = day.isoformat()
            items.append(item)
        data[plural] = items
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v not in ([], {})}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def file_name(text: str, suffix: str) -> str:
    """A safe file name from a title or a unit's name: no separators or control characters,
    at most 120 bytes before ``suffix`` (a 3,000-character title must not fail the write)."""
    name = _NAME_UNSAFE.sub("_", unicodedata.normalize("NFC", text)).strip(" ._") or "未命名"
    while len(name.encode("utf-8")) > _NAME_BYTES:
        name = name[:-1]
    return name.rstrip(" ._") + suffix


def write_output(path: Path, data: bytes) -> None:
    from dytool.source.output import write_output as write

    write(path, data)
