"""``dytool rollup export``: the combined ledgers as one workbook, in the style of ``dytool export``.

Sheet 汇总: one row per member (counties and districts first, as the 通报 lists them) with its
problem counts and rates, then the members that could not be combined and why.  Then a sheet
per member: its problems by owner unit (from its published summary) and its overdue problems.
A member publishes figures, not records, so these are the ledgers at the level of detail the
office above receives.  Cells are always text or numbers (a member's title that starts with
``=`` is text, never a formula); the workbook is reproducible for the same input and as-of day.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from typing import Any

from dytool.edit.export import as_of_line, display_width
from dytool.edit.workbook import fixed_zip
from dytool.rollup.config import MemberKind
from dytool.rollup.model import Counts, MemberFigures, RollupView
from dytool.rollup.textsafe import clean

__all__ = ["rollup_xlsx", "sheet_name"]

_SUMMARY_HEAD = ("序号", "成员", "类型", "数据截至", "数据版本", "问题总数", "已销号", "按时销号", "逾期销号", "未销号", "逾期未销号", "销号率", "按时销号率",
                 "问题解决清单完成", "问题解决清单总数", "制度已出台", "课题数", "滞后课题")
_UNIT_HEAD = ("序号", "责任单位", "问题总数", "已销号", "按时销号", "逾期销号", "未销号", "逾期未销号", "销号率", "按时销号率")
_OVERDUE_HEAD = ("序号", "编号", "问题", "责任单位", "整改时限", "逾期天数")
_BAD_SHEET = re.compile(r"[\[\]:*?/\\]")
_MAX_WIDTH, _MIN_WIDTH = 60, 6


def sheet_name(name: str, taken: set[str]) -> str:
    """A sheet title Excel accepts (31 characters, none of ``[]:*?/\\``), unique in the book."""
    base = _BAD_SHEET.sub("_", clean(name, 100)).strip("'") or "成员"
    candidate, n = base[:31], 2
    while candidate.lower() in taken or candidate == "汇总":
        suffix = f"({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(candidate.lower())
    return candidate


def _rate(value: float | None) -> Any:
    return None if value is None else value


def _counts_cells(c: Counts) -> list[Any]:
    return [c.found, c.closed, c.closed_on_time, c.closed_late, c.open, c.overdue, _rate(c.closure_rate), _rate(c.on_time_rate)]


def _ordered(members: Sequence[MemberFigures]) -> list[MemberFigures]:
    return sorted(members, key=lambda m: 0 if m.kind.local else 1 if m.kind is MemberKind.department else 2)


def rollup_xlsx(v: RollupView) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    _named_styles(book)
    taken: set[str] = {"汇总"}
    summary = book.create_sheet("汇总")
    rows: list[list[Any]] = []
    members = _ordered(v.members)
    for i, m in enumerate(members, start=1):
        version = m.commit[:10] if m.commit else m.digest.removeprefix("sha256:")[:10]
        rows.append([i, m.name, m.kind.label_zh, m.as_of, version, *_counts_cells(m.problems), m.solutions_done, m.solutions_total,
                     m.institutions_issued, m.topics_total, m.topics_behind_total])
    rows.append(["", "合计", "", "", "", *_counts_cells(v.totals), sum(m.solutions_done for m in members), sum(m.solutions_total for m in members),
                 sum(m.institutions_issued for m in members), sum(m.topics_total for m in members), sum(m.topics_behind_total for m in members)])
    _write_table(summary, f"{v.title}汇总台账", as_of_line(v.as_of), _SUMMARY_HEAD, rows)
    if v.failed:
        summary.append([])
        summary.append(["未能汇总的成员"])
        for f in v.failed:
            summary.append(["", f.name, f.kind.label_zh if f.kind else "", f.source, f.reason_zh])
    for m in members:
        sheet = book.create_sheet(sheet_name(m.name, taken))
        note = f"{as_of_line(m.as_of)}　活动：{m.campaign_title}" + ("　（数据过期）" if m.stale else "")
        units = [[i, u_name, *_counts_cells(c)] for i, (u_name, c) in enumerate(m.units, start=1)]
        units.append(["", "合计", *_counts_cells(m.problems)])
        _write_table(sheet, f"{m.name}问题整改情况", note, _UNIT_HEAD, units)
        if m.overdue:
            sheet.append([])
            start = sheet.max_row + 1
            sheet.append([f"逾期未销号问题（{m.overdue_total}个）"])
            sheet.append(list(_OVERDUE_HEAD))
            for i, o in enumerate(m.overdue, start=1):
                sheet.append([i, o.id, o.title, o.owner_unit or "", o.due, o.days_overdue])
            _style(sheet, start + 1, len(_OVERDUE_HEAD))
    for sheet in book.worksheets:
        _no_formulas(sheet)
    moment = dt.datetime.combine(v.as_of, dt.time())
    book.properties.created = moment
    book.properties.modified = moment
    book.properties.creator = "dytool"
    book.properties.lastModifiedBy = "dytool"
    book.properties.title = clean(v.title, 200)
    out = io.BytesIO()
    book.save(out)
    return fixed_zip(out.getvalue(), moment)


def _no_formulas(sheet: Any) -> None:
    """Every cell that openpyxl took for a formula (a text starting with ``=``) back to text:
    the roll-up writes no formula, and a member's text must never become one."""
    for line in sheet.iter_rows():
        for cell in line:
            if cell.data_type == "f":
                cell.data_type = "s"


def _write_table(sheet: Any, title: str, note: str, head: Sequence[str], rows: list[list[Any]]) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.append([title])
    sheet.append([note])
    sheet.append(list(head))
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(head))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    for row in rows:
        sheet.append(row)
    _style(sheet, 3, len(head))
    sheet.freeze_panes = "A4"
    sheet.print_title_rows = "3:3"


_HEAD, _CELL, _DATE, _RATE = "dytool 表头", "dytool 单元格", "dytool 日期", "dytool 比率"


def _named_styles(book: Any) -> None:
    """The ledger's look as named styles, registered once: assigning a style object to each of
    a province's hundreds of thousands of cells makes openpyxl hash it every time (minutes)."""
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    book.add_named_style(NamedStyle(_HEAD, font=Font(bold=True), fill=PatternFill("solid", fgColor="DDDDDD"), border=border,
                                    alignment=Alignment(horizontal="center", vertical="center", wrap_text=True)))
    for name, number_format in ((_CELL, "General"), (_DATE, "yyyy-mm-dd"), (_RATE, "0.0%")):
        book.add_named_style(NamedStyle(name, border=border, alignment=Alignment(vertical="top", wrap_text=True), number_format=number_format))


def _style(sheet: Any, head_row: int, width: int) -> None:
    """The header row bold on grey, borders, wrapped text, dates and rates formatted, widths fitted."""
    from openpyxl.utils import get_column_letter

    for cell in sheet[head_row][:width]:
        cell.style = _HEAD
    header = [str(c.value or "") for c in sheet[head_row][:width]]
    rates = [name.endswith("率") for name in header]
    widths = [display_width(name) for name in header]
    for line in sheet.iter_rows(min_row=head_row + 1, max_col=width):
        if all(c.value is None for c in line):
            break
        for i, cell in enumerate(line):
            value = cell.value
            if isinstance(value, dt.date):
                cell.style = _DATE
                widths[i] = max(widths[i], 10)
                continue
            cell.style = _RATE if rates[i] and isinstance(value, float) else _CELL
            if value is not None:
                widths[i] = max(widths[i], display_width(str(value)))
    for index, wanted in enumerate(widths, start=1):
        letter = get_column_letter(index)
        current = sheet.column_dimensions[letter].width or 0
        sheet.column_dimensions[letter].width = max(current, _MIN_WIDTH, min(_MAX_WIDTH, wanted + 2))
