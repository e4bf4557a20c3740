"""The ledger workbook a campaign office sends to units: made to be printed, filled in, sent back.

Each sheet: a title row (the campaign and the list, and the unit when the ledger is one unit's),
a line with the 截至 day and how to fill it in, the header row (frozen, with an autofilter),
then one row per record.  仿宋 11 pt for the cells, 宋体 for the title and headers; A4
landscape, fit to the page's width, the header rows repeated on every printed page.  Dates are
real date cells (a deadline written as a phrase shows its last day, the phrase in a comment).
Columns with a fixed set of values get a drop-down list (是否销号, 整改方式, 责任单位 by name …),
date columns accept only dates.  The columns a unit must not change (编号, the title, the
owner unit) are locked by sheet protection without a password (it prevents slips, it hides
nothing); the rest, and blank rows below for new items, are open.

Every text is written as text, never as a formula (``=HYPERLINK(…)`` stays a string); characters
XML cannot hold (``\\x0b``, ``\\x1b``, U+FFFE) are shown as U+FFFD.  A hidden sheet ``dytool``
keeps, per row, the record's id, the digest of the record as exported and the cells as
written, so ``import`` can tell what the unit changed and whether the record changed since.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["STATE_SHEET", "STATE_VERSION", "LedgerSheet", "build_workbook", "display_width", "fixed_zip", "safe_text"]

STATE_SHEET = "dytool"
STATE_VERSION = "dytool-ledger-1"
OPTIONS_SHEET = "选项"
BLANK_ROWS = 10
"""Open rows below the records, for items a unit adds."""
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_MODIFIED = re.compile(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
_MAX_WIDTH = 30
_MIN_WIDTH = 6
_BODY_FONT = "仿宋"
_HEAD_FONT = "宋体"


def safe_text(text: str) -> str:
    """``text`` with the characters a workbook cannot hold replaced by U+FFFD."""
    return _ILLEGAL.sub("\ufffd", text)


def display_width(text: str) -> int:
    # Columns are at most 40 wide: the first 60 characters of a line tell all a width needs.
    return max((sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line[:60]) for line in text.split("\n")), default=0)


@dataclass
class LedgerSheet:
    title: str
    headers: list[str]
    rows: list[list[Any]]
    ids: list[str]
    digests: list[str]
    locked: set[int] = field(default_factory=set)
    """Column indexes a unit must not change."""
    narrow: set[int] = field(default_factory=set)
    """Column indexes kept narrow (the id)."""
    dates: set[int] = field(default_factory=set)
    hidden: set[int] = field(default_factory=set)
    """Column indexes hidden on screen and paper (still there for import)."""
    optional: set[int] = field(default_factory=set)
    """Column indexes hidden when no row has a value (not a column a unit fills in)."""
    choices: dict[int, str] = field(default_factory=dict)
    """Column index → name of a list on the options sheet (a drop-down)."""
    notes: dict[tuple[int, int], str] = field(default_factory=dict)
    """(row index, column index) → a comment (the phrase a date was written as)."""


def _cell_value(value: Any) -> Any:
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # NaN/inf: shown as text, never an invalid number
    return value


def _stored(value: Any) -> Any:
    """A cell's value as the state sheet keeps it (JSON: dates as ISO text)."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def build_workbook(sheets: Sequence[LedgerSheet], *, heading: str, as_of_line: str, options: dict[str, list[str]], as_of: dt.date,
                   campaign: str = "") -> bytes:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    book.remove(book.active)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    grey = PatternFill("solid", fgColor="EEEEEE")
    head_fill = PatternFill("solid", fgColor="DDDDDD")
    body_font = Font(name=_BODY_FONT, size=11)
    option_columns = _options_sheet(book, options)
    state_rows: list[list[Any]] = [[STATE_VERSION, as_of.isoformat(), campaign or None]]
    for spec in sheets:
        sheet = book.create_sheet(spec.title[:31])
        width = len(spec.headers)
        _text_row(sheet, 1, [f"{heading}{spec.title}"])
        _text_row(sheet, 2, [f"{as_of_line}　　白色单元格可填写；灰色单元格（编号、标题、责任单位）不可修改"])
        _text_row(sheet, 3, spec.headers)
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
        sheet["A1"].font = Font(name=_HEAD_FONT, size=12, bold=True)
        sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
        sheet["A2"].font = Font(name=_BODY_FONT, size=11)
        sheet.row_dimensions[1].height = 24
        for cell in sheet[3]:
            cell.font = Font(name=_HEAD_FONT, size=11, bold=True)
            cell.fill = head_fill
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = border
            cell.protection = Protection(locked=True)
        state_rows.append([spec.title, "", "", json.dumps(spec.headers, ensure_ascii=True)])
        styles = _Styles(sheet, Font, Border, Alignment, PatternFill, Protection, body_font, border, grey)
        for index, values in enumerate(spec.rows):
            row = 4 + index
            for col, value in enumerate(values):
                cell = sheet.cell(row=row, column=col + 1)
                cell.value = _cell_value(value)
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text stays text: "=HYPERLINK(…)" is never a formula
                cell._style = styles.of(locked=col in spec.locked, date=col in spec.dates)  # a date format on empty ones too
                note = spec.notes.get((index, col))
                if note:
                    cell.comment = Comment(safe_text(note), "dytool", width=240, height=60)
            state_rows.append([spec.title, spec.ids[index], spec.digests[index],
                               json.dumps([_stored(v) for v in values], ensure_ascii=True)])
        last = 3 + len(spec.rows) + BLANK_ROWS
        for row in range(4 + len(spec.rows), last + 1):
            for col in range(width):
                sheet.cell(row=row, column=col + 1)._style = styles.of(locked=False, date=col in spec.dates, blank=True)
        _validations(sheet, spec, last, option_columns, DataValidation, get_column_letter)
        column_widths: list[float] = []
        for col, header in enumerate(spec.headers):
            widths = [display_width(header)] + [_width(row[col]) for row in spec.rows]
            limit = 18 if col in spec.narrow else _MAX_WIDTH
            dimension = sheet.column_dimensions[get_column_letter(col + 1)]
            dimension.width = max(_MIN_WIDTH, min(limit, max(widths) + 2))
            if col in spec.hidden or (col in spec.optional and all(row[col] in (None, "") for row in spec.rows)):
                dimension.hidden = True  # kept for import, hidden on screen and paper
            column_widths.append(0 if dimension.hidden else dimension.width)
        for index, values in enumerate(spec.rows):
            lines = max((_lines(value, column_widths[col]) for col, value in enumerate(values) if column_widths[col]), default=1)
            sheet.row_dimensions[4 + index].height = 15 * min(max(lines, 1), 12)  # wrapped text shows in full (up to 12 lines)
        sheet.freeze_panes = "A4"
        sheet.auto_filter.ref = f"A3:{get_column_letter(width)}{max(3, 3 + len(spec.rows))}"
        sheet.print_title_rows = "1:3"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.print_options.horizontalCentered = True
        sheet.page_margins.left = sheet.page_margins.right = 0.4
        sheet.protection.sheet = True  # no password: it prevents slips and hides nothing
        for allowed in ("autoFilter", "sort", "formatColumns", "formatRows", "formatCells", "selectLockedCells", "selectUnlockedCells"):
            setattr(sheet.protection, allowed, False)
    if OPTIONS_SHEET in book.sheetnames:  # made first (the lists need its ranges), shown last
        book.move_sheet(OPTIONS_SHEET, offset=len(book.sheetnames) - 1 - book.sheetnames.index(OPTIONS_SHEET))
    state = book.create_sheet(STATE_SHEET)
    for number, kept in enumerate(state_rows, start=1):
        _text_row(state, number, [str(v) for v in kept])
    state.sheet_state = "hidden"
    moment = dt.datetime.combine(as_of, dt.time())
    book.properties.created = moment
    book.properties.modified = moment
    book.properties.creator = "dytool"
    book.properties.lastModifiedBy = "dytool"
    book.properties.title = safe_text(f"{heading}{as_of_line}")
    out = io.BytesIO()
    book.save(out)
    return fixed_zip(out.getvalue(), moment)


def _text_row(sheet: Any, row: int, texts: Sequence[str]) -> None:
    """A row of texts that stay texts (a campaign titled "=1+1" is not a formula)."""
    for col, text in enumerate(texts, start=1):
        cell = sheet.cell(row=row, column=col)
        cell.value = safe_text(str(text))
        cell.data_type = "s"


class _Styles:
    """Cell styles made once and copied: setting fonts and borders cell by cell hashes style
    objects every time (an export of 10,000 problems spent two thirds of its time there)."""

    def __init__(self, sheet: Any, font: Any, border_type: Any, alignment: Any, fill: Any, protection: Any,
                 body_font: Any, border: Any, grey: Any) -> None:
        self._made: dict[tuple[bool, bool, bool], Any] = {}
        self._sheet = sheet
        self._parts = (alignment, protection, body_font, border, grey)

    def of(self, *, locked: bool, date: bool, blank: bool = False) -> Any:
        from copy import copy

        key = (locked, date, blank)
        if key not in self._made:
            alignment, protection, body_font, border, grey = self._parts
            proto = self._sheet.cell(row=1, column=16384)  # a scratch cell, emptied below
            proto.font = body_font
            proto.border = border
            proto.protection = protection(locked=locked)
            if not blank:
                proto.alignment = alignment(vertical="top", wrap_text=True)
            if locked:
                proto.fill = grey
            if date:
                proto.number_format = "yyyy-mm-dd"
            self._made[key] = copy(proto._style)
            del self._sheet._cells[(1, 16384)]
        return copy(self._made[key])


def _options_sheet(book: Any, options: dict[str, list[str]]) -> dict[str, str]:
    """A hidden sheet with one column per drop-down list; name → its range."""
    from openpyxl.utils import get_column_letter

    ranges: dict[str, str] = {}
    used = {name: values for name, values in options.items() if values}
    if not used:
        return ranges
    sheet = book.create_sheet(OPTIONS_SHEET)
    for index, (name, values) in enumerate(used.items(), start=1):
        letter = get_column_letter(index)
        sheet.cell(row=1, column=index).value = safe_text(name)
        for row, value in enumerate(values, start=2):
            cell = sheet.cell(row=row, column=index)
            cell.value = safe_text(value)
            cell.data_type = "s"
        ranges[name] = f"'{OPTIONS_SHEET}'!${letter}$2:${letter}${len(values) + 1}"
    sheet.sheet_state = "hidden"
    return ranges


def _validations(sheet: Any, spec: LedgerSheet, last: int, ranges: dict[str, str], validation: Any, letter: Any) -> None:
    for col, name in spec.choices.items():
        if name not in ranges:
            continue
        rule = validation(type="list", formula1=ranges[name], allow_blank=True, showDropDown=False,
                          error="请从下拉列表中选择", errorTitle="dytool", showErrorMessage=True)
        rule.add(f"{letter(col + 1)}4:{letter(col + 1)}{last}")
        sheet.add_data_validation(rule)
    for col in sorted(spec.dates):
        rule = validation(type="date", operator="greaterThan", formula1="36526", allow_blank=True,
                          error="请填写日期，如 2023-09-20", errorTitle="dytool", showErrorMessage=True)
        rule.add(f"{letter(col + 1)}4:{letter(col + 1)}{last}")
        sheet.add_data_validation(rule)


def _lines(value: Any, width: float) -> int:
    """Lines a cell's text takes when wrapped in a column ``width`` wide."""
    if not isinstance(value, str) or width <= 2:
        return 1
    usable = max(int(width) - 1, 1)
    total = 0
    for line in value.split("\n")[:12]:
        total += max(1, -(-sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line[:600]) // usable))
    return total


def _width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return 12
    return display_width(str(value))


def fixed_zip(data: bytes, moment: dt.datetime) -> bytes:
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
