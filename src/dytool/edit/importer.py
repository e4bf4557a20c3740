"""``import``: a ledger a unit sent in (xlsx or csv) → records, all checked before any is written.

The header row is found among the first rows (a title and a 截至 line may come first); each
header names a field by its Chinese label (as ``export`` writes them), its field name, or
what ``--map 列名=字段`` says (``--map 列名=`` ignores a column).  Every row is read, then all
are checked against the repository together: unless every row is valid nothing is written,
and with ``skip_bad`` the bad rows are left out and listed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from dytool.core.errors import EXIT_FINDINGS, EXIT_USAGE, UserError
from dytool.core.findings import Finding
from dytool.dates import Span, china_calendar
from dytool.edit.columns import DERIVED, EXTRA, JOIN, LISTS, columns, sheet_title
from dytool.edit.fields import FieldShape, coerce, shapes
from dytool.edit.new import Batch, load_for_edit, ordered, prepare_records, rows_of
from dytool.edit.safewrite import RefusedWrite, check_plan, write_plan
from dytool.engine.load import LoadOptions
from dytool.models import KINDS, Campaign
from dytool.models.when import parse_when

__all__ = ["BadRow", "ImportResult", "import_file", "read_table"]

_HEADER_SCAN = 20
_PROGRESS = re.compile(r"\s*([^：:]+?)\s*[：:]\s*(.*)\Z", re.DOTALL)


@dataclass(frozen=True)
class BadRow:
    row: int
    zh: str
    en: str


@dataclass
class ImportResult:
    batch: Batch | None
    bad: list[BadRow] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    """Rows that repeat a record already in the repository, field for field (left alone)."""


def _norm(text: Any) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text or ""))).strip("*＊")


def read_table(path: Path, sheet: str | None, kind: str) -> list[tuple[int, list[Any]]]:
    """(row number as the user sees it, cells) for every row of the file."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - any unreadable workbook is the same user error
            raise UserError(f"无法读取 Excel 文件“{path}”：{exc}", f"cannot read the workbook {str(path)!r}: {exc}") from None
        names = list(book.sheetnames)
        name = sheet or (sheet_title(kind) if sheet_title(kind) in names else names[0] if len(names) == 1 else None)
        if name not in names:
            raise UserError(f"请用 --sheet 指定工作表，可选：{'、'.join(names)}", f"name the sheet with --sheet; sheets: {', '.join(names)}")
        rows = [(i, list(r)) for i, r in enumerate(book[name].iter_rows(values_only=True), start=1)]
        book.close()
        return rows
    if path.suffix.lower() in (".csv", ".txt"):
        data = path.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("gb18030", errors="replace")  # Excel on Chinese Windows saves CSV as GBK
        return [(i, list(r)) for i, r in enumerate(csv.reader(io.StringIO(text, newline="")), start=1)]
    raise UserError(f"只能导入 .xlsx 或 .csv 文件：{path.name}", f"only .xlsx and .csv files can be imported: {path.name}")


def _known_headers(kind: str) -> dict[str, tuple[str, ...]]:
    known: dict[str, tuple[str, ...]] = {}
    for col in columns(kind):
        if col.path:
            known[_norm(col.header)] = col.path
            known[_norm(".".join(col.path))] = col.path
    return known


def _mapping(kind: str, header: list[Any], maps: list[str]) -> list[tuple[str, ...] | None]:
    known = _known_headers(kind)
    fields = shapes(KINDS[kind])
    given: dict[str, tuple[str, ...] | None] = {}
    for item in maps:
        column, eq, target = item.partition("=")
        if not eq:
            raise UserError(f"--map 写成 列名=字段：{item}", f"write --map as column=field: {item!r}", exit_code=EXIT_USAGE)
        path = tuple(target.strip().split(".")) if target.strip() else None
        if path and path[0] not in fields:
            raise UserError(f"--map {item}：没有字段“{path[0]}”", f"--map {item}: there is no field {path[0]!r}", exit_code=EXIT_USAGE,
                            hint_zh=f"可用字段：{', '.join(fields)}", hint_en=f"fields: {', '.join(fields)}")
        given[_norm(column)] = path
    out: list[tuple[str, ...] | None] = []
    unknown = []
    for raw in header:
        name = _norm(raw)
        if name in given:
            out.append(given[name])
        elif not name or name in DERIVED:
            out.append(None)
        elif name in known:
            out.append(known[name])
        elif name.startswith(f"{EXTRA}{JOIN}") or name.startswith("extra."):
            out.append(("extra", re.split(r"[·.]", name, maxsplit=1)[1]))
        else:
            unknown.append(str(raw))
            out.append(None)
    if unknown:
        raise UserError(f"不认识的列：{'、'.join(unknown)}", f"unknown columns: {', '.join(unknown)}", exit_code=EXIT_USAGE,
                        hint_zh="用 --map 列名=字段 说明对应的字段，或 --map 列名= 忽略这一列",
                        hint_en="say which field each is with --map column=field, or ignore it with --map column=")
    return out


def _header_row(kind: str, rows: list[tuple[int, list[Any]]], maps: list[str]) -> int:
    known = set(_known_headers(kind)) | {_norm(m.partition("=")[0]) for m in maps}
    for index, (_, cells) in enumerate(rows[:_HEADER_SCAN]):
        if sum(1 for c in cells if _norm(c) in known) >= 2:
            return index
    raise UserError("找不到表头行（至少两列的列名应是字段名称，如 问题、责任单位）",
                    "no header row found (at least two columns must be named like the fields, e.g. 问题, 责任单位)",
                    hint_zh="用 --map 列名=字段 说明各列", hint_en="name the columns with --map column=field")


def _shape_at(kind: str, path: tuple[str, ...]) -> FieldShape | None:
    shape = shapes(KINDS[kind]).get(path[0])
    if shape is not None and len(path) > 1:
        return shapes(shape.model).get(path[1]) if shape.model is not None else None
    return shape


def _decode(shape: FieldShape | None, value: Any) -> Any:
    if shape is None:  # the office's own columns (extra) keep the cell as it is
        return value.date() if isinstance(value, dt.datetime) else value
    if shape.kind == "models" and isinstance(value, str):
        items = []
        for line in filter(None, (part.strip() for part in value.split("\n"))):
            match = _PROGRESS.match(line)
            if not line.startswith("{") and match and shape.model is not None and set(shapes(shape.model)) >= {"on", "text"}:
                items.append({"on": coerce(FieldShape("on", "日期", "date", True), match.group(1)), "text": match.group(2)})
            else:
                items.extend(coerce(shape, line))
        return items
    if shape.kind == "lines" and isinstance(value, str):
        lines = [line for line in value.split("\n") if line.strip()]
        if lines and all(line.startswith("- ") for line in lines):
            return [line[2:].strip() for line in lines]
    return coerce(shape, value)


def _record(kind: str, paths: list[tuple[str, ...] | None], cells: list[Any]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for path, value in zip(paths, cells, strict=False):
        if path is None or value is None or (isinstance(value, str) and not value.strip()):
            continue
        decoded = _decode(_shape_at(kind, path), value)
        if len(path) == 1:
            record[path[0]] = decoded
        else:
            record.setdefault(path[0], {})[path[1]] = decoded
    return record


def import_file(
    root: Path, source: Path, plural: str, *, as_of: dt.date, rng: random.Random, maps: list[str], sheet: str | None = None,
    file: str | None = None, skip_bad: bool = False, dry_run: bool = False, load: LoadOptions | None = None,
) -> ImportResult:
    kind = LISTS[plural]
    rows = read_table(source, sheet, kind)
    start = _header_row(kind, rows, maps)
    paths = _mapping(kind, rows[start][1], maps)
    baseline, campaign = load_for_edit(root, as_of, load)
    existing = {entry.record.id: entry.record for entry in baseline.repo.entries(kind)}
    records: list[tuple[int, dict[str, Any]]] = []
    bad: list[BadRow] = []
    unchanged: list[int] = []
    for number, cells in rows[start + 1:]:
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        try:
            record = _record(kind, paths, cells)
        except UserError as exc:
            bad.append(BadRow(number, exc.zh, exc.en))
            continue
        ident = str(record.get("id", ""))
        if ident in existing:
            if _same(kind, record, existing[ident], campaign):
                unchanged.append(number)
            else:
                bad.append(BadRow(number, f"编号“{ident}”已存在，且内容与仓库中的不同；import 只添加新记录，修改请直接编辑文件或用 dytool close",
                                  f"the id {ident!r} exists with different content; import only adds records (edit the file, or use 'dytool close')"))
            continue
        records.append((number, record))
    if bad and not skip_bad:
        return ImportResult(None, bad, unchanged)
    if not records and unchanged:
        return ImportResult(Batch(), bad, unchanged)
    while records:
        batch = prepare_records(root, kind, [r for _, r in records], as_of=as_of, rng=rng, file=file, rows=[n for n, _ in records],
                                baseline=baseline)
        added = check_plan(root, batch.plan, as_of, baseline.findings)
        if added:
            found = rows_of(batch, added)
            unplaced = [f for f in added if not any(f in fs for fs in found.values())]
            if unplaced:
                raise RefusedWrite(unplaced, batch)
            bad += [BadRow(row, _zh(fs), _en(fs)) for row, fs in sorted(found.items())]
            if not skip_bad:
                return ImportResult(None, sorted(bad, key=lambda b: b.row), unchanged)
            records = [(n, r) for n, r in records if n not in found]
            continue
        if not dry_run:
            write_plan(root, batch.plan)
        return ImportResult(batch, sorted(bad, key=lambda b: b.row), unchanged)
    if bad:
        raise UserError("没有可以导入的行", "no row could be imported", exit_code=EXIT_FINDINGS)
    raise UserError("文件中没有数据行", "the file has no data rows", exit_code=EXIT_FINDINGS)


def _same(kind: str, record: dict[str, Any], current: Any, campaign: Campaign) -> bool:
    """Whether a row says exactly what the repository's record says (an unchanged row)."""
    context: dict[str, Any] = {"period": Span(campaign.period.start.first, campaign.period.end.last)}
    if campaign.calendar == "cn":
        context["workdays"] = china_calendar()
    if kind == "problem" and record.get("found_on") is not None:
        try:
            context["anchor"] = parse_when(record["found_on"], context).first
        except Exception:  # noqa: BLE001 - then it differs anyway
            return False
    try:
        return bool(KINDS[kind].model_validate(ordered(kind, record), context=context) == current)
    except ValidationError:
        return False


def _zh(findings: list[Finding]) -> str:
    return "；".join(f"{f.code} {f.message_zh}" for f in findings)


def _en(findings: list[Finding]) -> str:
    return "; ".join(f"{f.code} {f.message_en}" for f in findings)
