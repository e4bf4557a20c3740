"""``export``: the lists as a workbook (one sheet each, the layout of a paper 台账), CSV or JSON.

A sheet: the list's title, the line ``截至2023年9月15日`` (the as-of day), the header row
(frozen), then one row per record with its 序号.  Dates are Excel dates; column widths fit
Chinese text (a CJK character counts as two).  The workbook is reproducible: its document
properties and zip entries carry the as-of day, never the current time.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

from dytool.edit.columns import LISTS, columns, extra_keys, row_of, sheet_title
from dytool.engine.repository import Repository
from dytool.models.base import StrictModel

__all__ = ["as_of_line", "display_width", "export_csv", "export_json", "export_xlsx", "records_of"]

_MODIFIED = re.compile(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
_MAX_WIDTH = 60
_MIN_WIDTH = 6


def as_of_line(as_of: dt.date) -> str:
    return f"截至{as_of.year}年{as_of.month}月{as_of.day}日"


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: CJK and full-width characters count double."""
    return max((sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line) for line in text.split("\n")), default=0)


def records_of(repo: Repository, kind: str) -> list[StrictModel]:
    return [entry.record for entry in repo.entries(kind)]


def _table(repo: Repository, kind: str) -> tuple[list[str], list[list[Any]]]:
    records = records_of(repo, kind)
    cols = columns(kind, extra_keys(records))
    rows = [list(row_of(kind, record, i, cols)) for i, record in enumerate(records, start=1)]
    return [c.header for c in cols], rows


def export_xlsx(repo: Repository, kinds: list[str], as_of: dt.date) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for plural in kinds:
        kind = LISTS[plural]
        headers, rows = _table(repo, kind)
        sheet = book.create_sheet(sheet_title(kind))
        sheet.append([sheet_title(kind)])
        sheet.append([as_of_line(as_of)])
        sheet.append(headers)
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
        sheet["A1"].font = Font(bold=True, size=14)
        sheet["A1"].alignment = Alignment(horizontal="center")
        for row in rows:
            sheet.append(row)
        for cell in sheet[3]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDDDDD")
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = border
        for line in sheet.iter_rows(min_row=4):
            for cell in line:
                cell.border = border
                cell.alignment = Alignment(vertical="top", wrap_text=True)
                if isinstance(cell.value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
        for index, header in enumerate(headers, start=1):
            widths = [display_width(header)] + [_cell_width(row[index - 1]) for row in rows]
            sheet.column_dimensions[get_column_letter(index)].width = max(_MIN_WIDTH, min(_MAX_WIDTH, max(widths) + 2))
        sheet.freeze_panes = "A4"
        sheet.print_title_rows = "3:3"
    moment = dt.datetime.combine(as_of, dt.time())
    book.properties.created = moment
    book.properties.modified = moment
    book.properties.creator = "dytool"
    book.properties.lastModifiedBy = "dytool"
    book.properties.title = as_of_line(as_of)
    out = io.BytesIO()
    book.save(out)
    return _fixed_zip(out.getvalue(), moment)


def _cell_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return 10
    return display_width(str(value))


def _fixed_zip(data: bytes, moment: dt.datetime) -> bytes:
    """The same zip with every entry dated ``moment`` (zip files store local times from 1980)."""
    stamp = max(moment, dt.datetime(1980, 1, 1)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with the time of saving
                content = _MODIFIED.sub(rf"\g<1>{moment:%Y-%m-%dT%H:%M:%S}Z\g<2>", content.decode("utf-8")).encode("utf-8")
            dst.writestr(entry, content)
    return out.getvalue()


def export_csv(repo: Repository, kind: str) -> bytes:
    """One list as CSV: header row first, UTF-8 with BOM (so Excel shows Chinese), dates ISO."""
    headers, rows = _table(repo, LISTS[kind])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if v is None else v.isoformat() if isinstance(v, dt.date) else v for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def export_json(repo: Repository, kinds: list[str], as_of: dt.date) -> str:
    """Machine values, field names as in the files, empty fields left out; a deadline also as
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
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v not in ([], {})}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def write_output(path: Path, data: bytes) -> None:
    from dytool.source.atomic import write_atomic

    write_atomic(path, data)
