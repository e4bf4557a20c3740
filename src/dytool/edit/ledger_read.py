"""Reading a ledger that came back (xlsx or csv), bounded in time and memory.

A returned file is untrusted: a 4.9 KB workbook whose ``<dimension>`` claims a million rows
and 16,384 columns must not exhaust memory, nor a zip that inflates to gigabytes.  So: the file
is at most 32 MiB, its zip entries inflate to at most 128 MiB (and at most 200 times their
compressed size), the claimed dimensions are ignored, and at most 100,000 rows of at most 512
columns are read per sheet; past that the file is refused with what to do.

The hidden sheet ``dytool`` that ``export`` writes (:mod:`dytool.edit.workbook`) comes back as
:class:`ExportState`: per sheet and id, the record's digest and the cells as exported.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dytool.core.catalogue import edits as words
from dytool.core.catalogue import files
from dytool.core.catalogue.system import os_reason
from dytool.core.errors import EXIT_FINDINGS, UserError
from dytool.core.messages import Text, join
from dytool.edit.export import csv_unescape
from dytool.edit.workbook import OPTIONS_SHEET, STATE_SHEET, STATE_VERSION
from dytool.source.office import SPREADSHEETS, convert_to_xlsx

__all__ = ["MAX_COLUMNS", "MAX_ROWS", "ExportState", "Table", "check_zip", "read_tables"]

MAX_BYTES = 32 * 1024 * 1024
MAX_INFLATED = 128 * 1024 * 1024
MAX_RATIO = 200
MAX_ROWS = 100_000
MAX_COLUMNS = 512

Row = tuple[int, list[Any]]


@dataclass
class Table:
    source: str
    """The file's name, as rows are reported (``西岭县.xlsx 问题清单 第5行``)."""
    sheet: str | None
    rows: list[Row]


@dataclass
class ExportState:
    as_of: str | None = None
    campaign: str | None = None
    """The id of the campaign the ledger was exported from (None in ledgers older than this field)."""
    rows: dict[tuple[str, str], tuple[str, list[Any]]] = field(default_factory=dict)
    """(sheet title, id) → (digest, cells as exported)."""


def _refuse(path: Path, why: Text) -> UserError:
    return UserError(words.REFUSED_TO_READ(name=path.name, why=why), exit_code=EXIT_FINDINGS, hint=words.REFUSED_TO_READ_HINT)


def check_zip(path: Path) -> None:
    """Refuse a zip (xlsx, docx) whose entries inflate beyond the limits."""
    try:
        with zipfile.ZipFile(path) as archive:
            total = 0
            for info in archive.infolist():
                total += info.file_size
                if info.file_size > MAX_RATIO * max(info.compress_size, 1024):
                    raise _refuse(path, words.INFLATES_ENTRY(entry=info.filename))
            if total > MAX_INFLATED:
                raise _refuse(path, words.INFLATES)
    except zipfile.BadZipFile:
        kind = path.suffix.lower().lstrip(".") or "Office"
        raise UserError(words.NOT_AN_OFFICE_FILE(name=path.name, kind=kind), exit_code=EXIT_FINDINGS) from None


def _rows(path: Path, sheet: Any) -> list[Row]:
    sheet.reset_dimensions()  # never trust the <dimension> the file claims
    rows: list[Row] = []
    for number, values in enumerate(sheet.iter_rows(max_row=MAX_ROWS + 1, max_col=MAX_COLUMNS, values_only=True), start=1):
        if number > MAX_ROWS:
            raise _refuse(path, words.SHEET_TOO_LONG(sheet=sheet.title, n=MAX_ROWS))
        cells = list(values)
        while cells and cells[-1] is None:
            cells.pop()
        if cells:
            rows.append((number, cells))
    return rows


def _state(rows: list[Row]) -> ExportState:
    state = ExportState()
    if not rows or not rows[0][1] or rows[0][1][0] != STATE_VERSION:
        return state
    head = rows[0][1]
    state.as_of = str(head[1]) if len(head) > 1 else None
    state.campaign = head[2] if len(head) > 2 and isinstance(head[2], str) and head[2] else None
    for _, read in rows[1:]:
        # the headers' row has an empty id and digest, which a workbook gives back as empty cells
        cells = [("" if c is None and i in (1, 2) else c) for i, c in enumerate(read[:4])]
        if len(cells) < 4 or not all(isinstance(c, str) for c in cells):
            continue
        try:
            values = json.loads(cells[3])
        except ValueError:
            continue
        if isinstance(values, list):
            state.rows[(cells[0], cells[1])] = (cells[2], values)
    return state


def read_tables(path: Path, sheet: str | None) -> tuple[list[Table], ExportState]:
    """Every sheet of a workbook (or the one named), or the rows of a CSV file."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UserError(files.CANNOT_READ(path=str(path), reason=os_reason(exc))) from None
    if size > MAX_BYTES:
        raise _refuse(path, words.LARGER_THAN(size="32 MiB"))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    if suffix in (".csv", ".txt"):
        return [Table(path.name, None, _read_csv(path))], ExportState()
    if suffix in SPREADSHEETS:  # .xls, WPS's .et, Calc's .ods: read as LibreOffice converts them, named as sent
        with tempfile.TemporaryDirectory(prefix="dytool-ledger-") as work:
            tables, state = _read_xlsx(convert_to_xlsx(path, Path(work)), sheet)
        for table in tables:
            table.source = path.name
        return tables, state
    raise UserError(words.ONLY_XLSX_CSV(name=path.name), hint=words.ONLY_XLSX_CSV_HINT)


def _read_xlsx(path: Path, wanted: str | None) -> tuple[list[Table], ExportState]:
    from openpyxl import load_workbook

    check_zip(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook is the same user error
        raise UserError(files.WORKBOOK_UNREADABLE(name=path.name, kind=type(exc).__name__, detail=str(exc)), exit_code=EXIT_FINDINGS) from None
    try:
        names = list(book.sheetnames)
        if wanted is not None and wanted not in names:
            raise UserError(words.NO_SHEET(name=path.name, sheet=wanted, sheets=names))
        state = _state(_rows(path, book[STATE_SHEET])) if STATE_SHEET in names else ExportState()
        tables = [Table(path.name, name, _rows(path, book[name])) for name in names
                  if (wanted is None and name not in (STATE_SHEET, OPTIONS_SHEET)) or name == wanted]
    except UserError:
        raise
    except Exception as exc:  # noqa: BLE001 - a sheet is parsed as it is read: entities past expat's limit, bad XML
        raise UserError(files.WORKBOOK_UNREADABLE(name=path.name, kind=type(exc).__name__, detail=str(exc)), exit_code=EXIT_FINDINGS) from None
    finally:
        book.close()
    _refuse_uncomputed_formulas(path, tables)
    return tables, state


_FORMULA = re.compile(rb"<f[ >]")


def _refuse_uncomputed_formulas(path: Path, tables: list[Table]) -> None:
    """A formula whose result the file does not hold (a workbook written by a program, not saved by
    Excel, WPS or Calc) reads as an empty cell: refused with its cells, never taken for empty."""
    with zipfile.ZipFile(path) as archive:
        if not any(name.startswith("xl/worksheets/") and _FORMULA.search(archive.read(name)) for name in archive.namelist()):
            return
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    found: list[str] = []
    book = load_workbook(path, read_only=True, data_only=False)
    try:
        for table in tables:
            values = dict(table.rows)
            sheet = book[table.sheet]
            sheet.reset_dimensions()
            for number, row in enumerate(sheet.iter_rows(max_row=MAX_ROWS, max_col=MAX_COLUMNS, values_only=True), start=1):
                read = values.get(number, [])
                found += [f"{table.sheet} {get_column_letter(i + 1)}{number}" for i, cell in enumerate(row)
                          if isinstance(cell, str) and cell.startswith("=") and (i >= len(read) or read[i] is None)]
    finally:
        book.close()
    if found:
        raise UserError(words.FORMULA_WITHOUT_VALUE(name=path.name, cells=join(found, limit=5)), exit_code=EXIT_FINDINGS,
                        hint=words.FORMULA_WITHOUT_VALUE_HINT)


def _decode_csv(path: Path, data: bytes) -> str:
    """The text of a CSV as Excel, WPS or Calc save it: UTF-8 (with or without a BOM), UTF-16
    (Excel's "Unicode text") or GBK (Excel's plain "CSV" on Chinese Windows).  A byte that is none
    of these is refused with its line: a replacement character would be written into the records."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            encoding = "gb18030"
            data = data.removeprefix(b"\xef\xbb\xbf")  # a BOM someone put before GBK text
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UserError(words.CSV_ENCODING(name=path.name, line=line), exit_code=EXIT_FINDINGS, hint=words.CSV_ENCODING_HINT) from None


def _delimiter(text: str) -> str:
    """Comma, or the tab of Excel's "Unicode text" (and the semicolon of some locales), by the header line."""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    return max((",", "\t", ";"), key=lambda mark: (first.count(mark), mark == ","))


def _read_csv(path: Path) -> list[Row]:
    text = _decode_csv(path, path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: list[Row] = []
    try:
        for number, cells in enumerate(reader, start=1):
            if number > MAX_ROWS or len(cells) > MAX_COLUMNS:
                raise _refuse(path, words.CSV_TOO_BIG(rows=MAX_ROWS, columns=MAX_COLUMNS))
            if any(cell.strip() for cell in cells):
                rows.append((number, [csv_unescape(cell) if cell else None for cell in cells]))
    except csv.Error as exc:
        raise UserError(files.CSV_UNREADABLE(name=path.name, line=reader.line_num, detail=str(exc)), exit_code=EXIT_FINDINGS) from None
    return rows
