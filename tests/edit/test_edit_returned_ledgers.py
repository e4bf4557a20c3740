"""Ledgers as units really send them back: re-encoded CSV files, renamed sheets, names typed
their own way.  Each either imports exactly what the unit meant or is refused, naming the file."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from edit_helpers import EXAMPLE, dy
from openpyxl import load_workbook


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "campaign"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".dytool"))
    return root


def _problems_csv(capsys: pytest.CaptureFixture[str], repo: Path, tmp_path: Path) -> list[list[str]]:
    ran = dy(capsys, repo, "export", "--unit", "西岭县", "--format", "csv", "--kind", "problems", "-o", str(tmp_path / "csv"))
    assert ran.code == 0, ran.err
    rows = list(csv.reader(io.StringIO((tmp_path / "csv" / "problems.csv").read_text(encoding="utf-8-sig"), newline="")))
    header = rows[0]
    row = next(r for r in rows if r[header.index("编号")] == "P-028")
    row[header.index("整改措施")] = "编制产业链图谱，组建招商专班。"
    return rows


def _text(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


_ENCODINGS: dict[str, tuple[str, Callable[[str], bytes]]] = {
    "gbk.csv": (",", lambda text: text.encode("gbk")),  # Excel's plain "CSV" on Chinese Windows
    "bom-gbk.csv": (",", lambda text: b"\xef\xbb\xbf" + text.encode("gbk")),
    "unicode.txt": ("\t", lambda text: b"\xff\xfe" + text.encode("utf-16-le")),  # Excel's "Unicode text"
}


@pytest.mark.parametrize("name", list(_ENCODINGS))
def test_a_csv_saved_by_excel_in_gbk_or_utf16_imports_its_edit(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                name: str) -> None:
    rows = _problems_csv(capsys, repo, tmp_path)
    delimiter, encode = _ENCODINGS[name]
    back = tmp_path / name
    back.write_bytes(encode(_text(rows, delimiter)))
    ran = dy(capsys, repo, "import", str(back), "--kind", "problems")
    assert ran.code == 0, ran.err
    assert "修改 1 条记录" in ran.out
    assert "measures: 编制产业链图谱，组建招商专班。" in (repo / "problems" / "xiling-county.yaml").read_text(encoding="utf-8")


def test_a_csv_with_bytes_of_no_encoding_is_refused_not_written_with_replacement_characters(
        repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _problems_csv(capsys, repo, tmp_path)
    back = tmp_path / "broken.csv"
    back.write_bytes(_text(rows).encode("gbk").replace("组建招商专班".encode("gbk"), "组建招商专班".encode("gbk") + b"\x80"))
    before = (repo / "problems" / "xiling-county.yaml").read_bytes()
    ran = dy(capsys, repo, "import", str(back), "--kind", "problems")
    assert ran.code == 1 and "broken.csv" in ran.err and "行" in ran.err and "CSV UTF-8" in ran.err, ran.err
    assert "Traceback" not in ran.err
    assert (repo / "problems" / "xiling-county.yaml").read_bytes() == before
    ran = dy(capsys, repo, "--lang", "en", "import", str(back), "--kind", "problems")
    assert ran.code == 1 and "'broken.csv' line" in ran.err, ran.err


def test_a_leaders_name_with_another_middle_dot_is_the_person(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    people = repo / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + "- id: maimaiti-aili\n  name: 买买提·艾力\n  unit: xiling-county\n",
                      encoding="utf-8")
    ran = dy(capsys, repo, "export", "--unit", "西岭县", "--kind", "problems", "-o", str(tmp_path / "x.xlsx"))
    assert ran.code == 0, ran.err
    book = load_workbook(tmp_path / "x.xlsx")
    sheet = book["问题清单"]
    header = [c.value for c in sheet[3]]
    row = next(r for r in range(4, sheet.max_row + 1) if sheet.cell(r, 2).value == "P-029")
    for name, value in (("是否销号", "是"), ("销号时间", "2023-09-30"), ("销号依据", "考核办法印发。"), ("验收人", "买买提•艾力")):
        sheet.cell(row, header.index(name) + 1).value = value
    book.save(tmp_path / "back.xlsx")
    ran = dy(capsys, repo, "import", str(tmp_path / "back.xlsx"))
    assert ran.code == 0, ran.err
    assert "closed_by: maimaiti-aili" in (repo / "problems" / "xiling-county.yaml").read_text(encoding="utf-8")


def _closing_p029(sheet: object) -> None:
    header = [c.value for c in sheet[3]]  # type: ignore[index]
    row = next(r for r in range(4, sheet.max_row + 1) if sheet.cell(r, 2).value == "P-029")  # type: ignore[attr-defined]
    for name, value in (("是否销号", "是"), ("销号时间", "2023-09-30"), ("销号依据", "考核办法印发。")):
        sheet.cell(row, header.index(name) + 1).value = value  # type: ignore[attr-defined]


def test_a_sheet_the_unit_renamed_still_brings_its_edits_and_its_conflicts(repo: Path, tmp_path: Path,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    ran = dy(capsys, repo, "export", "--unit", "西岭县", "-o", str(tmp_path / "x.xlsx"))
    assert ran.code == 0, ran.err
    book = load_workbook(tmp_path / "x.xlsx")
    sheet = book["问题清单"]
    _closing_p029(sheet)
    sheet.title = "西岭县问题整改台账"
    book.save(tmp_path / "back.xlsx")
    ran = dy(capsys, repo, "import", str(tmp_path / "back.xlsx"), "--dry-run")
    assert ran.code == 0, ran.err
    assert "西岭县问题整改台账 第5行" in ran.out and "修改 1 条记录" in ran.out  # before: ignored, "nothing to import"
    problems = repo / "problems" / "xiling-county.yaml"
    problems.write_text(problems.read_text(encoding="utf-8").replace("修订乡镇招商引资考核办法", "市里改过的措施：修订考核办法"),
                        encoding="utf-8")
    before = problems.read_bytes()
    ran = dy(capsys, repo, "import", str(tmp_path / "back.xlsx"))
    assert ran.code == 1 and "P-029" in ran.err and "冲突" in ran.err, ran.err  # the digest is found under the list's title
    assert problems.read_bytes() == before


def test_an_exported_csv_needs_no_kind(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    back = tmp_path / "problems.csv"
    back.write_bytes(b"\xef\xbb\xbf" + _text(_problems_csv(capsys, repo, tmp_path)).encode("utf-8"))
    ran = dy(capsys, repo, "import", str(back))
    assert ran.code == 0, ran.err
    assert "编制产业链图谱，组建招商专班。" in (repo / "problems" / "xiling-county.yaml").read_text(encoding="utf-8")


def test_a_column_the_unit_added_is_refused_naming_file_sheet_and_column(repo: Path, tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    ran = dy(capsys, repo, "export", "--unit", "西岭县", "-o", str(tmp_path / "x.xlsx"))
    assert ran.code == 0, ran.err
    book = load_workbook(tmp_path / "x.xlsx")
    sheet = book["问题清单"]
    _closing_p029(sheet)
    sheet.cell(3, sheet.max_column + 1).value = "单位备注"
    book.save(tmp_path / "back.xlsx")
    ran = dy(capsys, repo, "import", str(tmp_path / "back.xlsx"))
    assert ran.code == 2 and "back.xlsx 问题清单 第3行" in ran.err and "列“单位备注”" in ran.err and "--map 单位备注=" in ran.err, ran.err
    ran = dy(capsys, repo, "--lang", "en", "import", str(tmp_path / "back.xlsx"))
    assert "back.xlsx 问题清单 row 3" in ran.err and "column " in ran.err and "：" not in ran.err.replace("问题清单", ""), ran.err
    ran = dy(capsys, repo, "import", str(tmp_path / "back.xlsx"), "--map", "单位备注=")
    assert ran.code == 0, ran.err
    assert "closed_on: 2023-09-30" in (repo / "problems" / "xiling-county.yaml").read_text(encoding="utf-8")


def test_a_formula_without_its_result_is_refused_not_read_as_an_empty_cell(repo: Path, tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """A workbook written by a program holds formulas without results: the cell is not empty, and not known."""
    ran = dy(capsys, repo, "export", "--unit", "西岭县", "-o", str(tmp_path / "x.xlsx"))
    assert ran.code == 0, ran.err
    book = load_workbook(tmp_path / "x.xlsx")
    sheet = book["问题清单"]
    _closing_p029(sheet)
    header = [c.value for c in sheet[3]]
    row = next(r for r in range(4, sheet.max_row + 1) if sheet.cell(r, 2).value == "P-029")
    sheet.cell(row, header.index("销号时间") + 1).value = "=DATE(2023,9,30)"
    book.save(tmp_path / "back.xlsx")
    before = (repo / "problems" / "xiling-county.yaml").read_bytes()
    ran = dy(capsys, repo, "import", str(tmp_path / "back.xlsx"))
    letter = chr(ord("A") + header.index("销号时间"))
    assert ran.code == 1 and "back.xlsx" in ran.err and f"问题清单 {letter}{row}" in ran.err and "保存" in ran.err, ran.err
    assert "没有填写销号时间" not in ran.err  # before: taken for an empty cell
    assert (repo / "problems" / "xiling-county.yaml").read_bytes() == before


def test_a_ledger_of_another_campaign_is_refused_by_name(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "campaign-2024"
    shutil.copytree(repo, other)
    settings = other / "campaign.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("id: qc-dxdy-2023", "id: qc-dxdy-2024"), encoding="utf-8")
    ran = dy(capsys, other, "export", "--unit", "西岭县", "-o", str(tmp_path / "2024.xlsx"))
    assert ran.code == 0, ran.err
    book = load_workbook(tmp_path / "2024.xlsx")
    sheet = book["问题清单"]
    _closing_p029(sheet)
    sheet.title = "Sheet1"  # renamed too: nothing but the campaign tells the ledgers apart
    book.save(tmp_path / "back.xlsx")
    before = (repo / "problems" / "xiling-county.yaml").read_bytes()
    ran = dy(capsys, repo, "import", str(tmp_path / "back.xlsx"))
    assert ran.code == 1 and "back.xlsx" in ran.err and "qc-dxdy-2024" in ran.err and "qc-dxdy-2023" in ran.err, ran.err
    assert (repo / "problems" / "xiling-county.yaml").read_bytes() == before
    ran = dy(capsys, other, "import", str(tmp_path / "back.xlsx"))
    assert ran.code == 0, ran.err  # in its own repository it imports


def test_a_name_retyped_with_spaces_or_as_its_id_is_no_change(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ran = dy(capsys, repo, "export", "--unit", "西岭县", "-o", str(tmp_path / "x.xlsx"))
    assert ran.code == 0, ran.err
    book = load_workbook(tmp_path / "x.xlsx")
    sheet = book["问题清单"]
    header = [c.value for c in sheet[3]]
    row = next(r for r in range(4, sheet.max_row + 1) if sheet.cell(r, 2).value == "P-029")
    sheet.cell(row, header.index("责任人") + 1).value = "叶\u3000春林 "
    sheet.cell(row, header.index("牵头领导") + 1).value = "chen-zhiyuan"
    book.save(tmp_path / "back.xlsx")
    ran = dy(capsys, repo, "import", str(tmp_path / "back.xlsx"), "--dry-run")
    assert ran.code == 0, ran.err
    assert "P-029" not in ran.out and "修改" not in ran.out  # before: 责任人：叶春林 → 叶　春林 shown as an edit


def test_a_second_column_for_one_field_is_refused_naming_both(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The unit added its own 备注 at the end, not seeing the hidden 备注 column: which one counts is not known."""
    ran = dy(capsys, repo, "export", "--unit", "西岭县", "-o", str(tmp_path / "x.xlsx"))
    assert ran.code == 0, ran.err
    book = load_workbook(tmp_path / "x.xlsx")
    sheet = book["问题清单"]
    last = sheet.max_column + 1
    sheet.cell(3, last).value = "备注"
    sheet.cell(4, last).value = "已报县委"
    book.save(tmp_path / "back.xlsx")
    before = (repo / "problems" / "xiling-county.yaml").read_bytes()
    ran = dy(capsys, repo, "import", str(tmp_path / "back.xlsx"))
    assert ran.code == 1 and "back.xlsx 问题清单 第3行" in ran.err and "都是“备注”" in ran.err, ran.err
    assert (repo / "problems" / "xiling-county.yaml").read_bytes() == before


def _returned(capsys: pytest.CaptureFixture[str], repo: Path, tmp_path: Path, ident: str, cells: dict[str, object]) -> Path:
    """The unit's ledger with the cells of one row changed (a callable is given the cell's exported value)."""
    ran = dy(capsys, repo, "export", "--unit", "西岭县", "-o", str(tmp_path / "x.xlsx"))
    assert ran.code == 0, ran.err
    book = load_workbook(tmp_path / "x.xlsx")
    sheet = book["问题清单"]
    header = [c.value for c in sheet[3]]
    row = next(r for r in range(4, sheet.max_row + 1) if sheet.cell(r, 2).value == ident)
    for name, value in cells.items():
        cell = sheet.cell(row, header.index(name) + 1)
        cell.value = value(cell.value) if callable(value) else value
    book.save(tmp_path / "back.xlsx")
    return tmp_path / "back.xlsx"


@pytest.mark.parametrize("write", [
    lambda old: "2023-12-01：签约3个项目。\n" + old,  # the newest line on top
    lambda old: "\n".join(["2023-12-01：签约3个项目。", *reversed(old.split("\n"))]),  # the whole list newest first
    lambda old: old + "；2023-12-01：签约3个项目。",  # the next line typed on the same line
])
def test_a_progress_line_added_the_units_way_is_appended_and_nothing_else_changes(
        repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], write: Callable[[str], str]) -> None:
    back = _returned(capsys, repo, tmp_path, "P-028", {"整改进展": write})
    problems = repo / "problems" / "xiling-county.yaml"
    before = problems.read_text(encoding="utf-8")
    ran = dy(capsys, repo, "import", str(back))
    assert ran.code == 0, ran.err
    assert "整改进展：+ 2023-12-01：签约3个项目。" in ran.out and "改写" not in ran.out
    after = problems.read_text(encoding="utf-8")
    added = "      text: 产业链图谱编制完成，首位产业招商专班组建。\n"
    assert after == before.replace(added, added + "    - on: 2023-12-01\n      text: 签约3个项目。\n", 1)


def test_a_progress_line_taken_out_is_refused_not_deleted(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    back = _returned(capsys, repo, tmp_path, "P-028", {"整改进展": lambda old: old.split("\n")[1]})
    before = (repo / "problems" / "xiling-county.yaml").read_bytes()
    ran = dy(capsys, repo, "import", str(back))
    assert ran.code == 1 and "第4行" in ran.err and "整改进展" in ran.err and "少了 1 行" in ran.err, ran.err
    assert (repo / "problems" / "xiling-county.yaml").read_bytes() == before


def test_a_closing_day_with_is_closed_still_no_is_refused(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    back = _returned(capsys, repo, tmp_path, "P-029", {"销号时间": "2023-09-30", "销号依据": "考核办法印发。"})
    before = (repo / "problems" / "xiling-county.yaml").read_bytes()
    ran = dy(capsys, repo, "import", str(back))
    assert ran.code == 1 and "第5行" in ran.err and "是否销号仍为“否”" in ran.err, ran.err
    assert (repo / "problems" / "xiling-county.yaml").read_bytes() == before


def test_a_csv_excel_saved_with_its_own_date_format_shows_only_the_units_edit(repo: Path, tmp_path: Path,
                                                                             capsys: pytest.CaptureFixture[str]) -> None:
    rows = _problems_csv(capsys, repo, tmp_path)
    for row in rows[1:]:  # Excel on Chinese Windows writes every date cell as 2023/5/16
        row[:] = [f"{int(c[:4])}/{int(c[5:7])}/{int(c[8:])}" if len(c) == 10 and c[4] == c[7] == "-" else c for c in row]
    back = tmp_path / "problems.csv"
    back.write_bytes(_text(rows).encode("gbk"))
    ran = dy(capsys, repo, "import", str(back), "--dry-run")
    assert ran.code == 0, ran.err
    assert "修改 1 条记录" in ran.out and "发现时间" not in ran.out and "整改时限" not in ran.out, ran.out


def test_a_new_row_pasted_twice_is_one_item_and_the_copy_is_reported(repo: Path, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    ran = dy(capsys, repo, "export", "--unit", "西岭县", "-o", str(tmp_path / "x.xlsx"))
    assert ran.code == 0, ran.err
    book = load_workbook(tmp_path / "x.xlsx")
    sheet = book["问题清单"]
    header = [c.value for c in sheet[3]]
    first = next(r for r in range(4, sheet.max_row + 1) if not sheet.cell(r, 2).value)
    for row, number in ((first, 6), (first + 1, 7)):  # 序号 differs: the rest is the same item
        for name, value in (("序号", number), ("问题", "县城停车难"), ("问题描述", "老城区停车位缺口大。"), ("责任单位", "西岭县")):
            sheet.cell(row, header.index(name) + 1).value = value
    book.save(tmp_path / "back.xlsx")
    before = (repo / "problems" / "xiling-county.yaml").read_bytes()
    ran = dy(capsys, repo, "import", str(tmp_path / "back.xlsx"))
    assert ran.code == 1 and f"第{first + 1}行" in ran.err and "完全相同" in ran.err, ran.err
    assert (repo / "problems" / "xiling-county.yaml").read_bytes() == before


def test_a_unit_name_two_units_share_is_reported_with_their_full_names(repo: Path, tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    units = repo / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8") + "- id: xiling-gov\n  name: 西岭县人民政府\n  short_name: 西岭县\n  type: county\n",
                     encoding="utf-8")
    ran = dy(capsys, repo, "export", "--unit", "xiling-county", "-o", str(tmp_path / "x.xlsx"))
    assert ran.code == 0, ran.err
    book = load_workbook(tmp_path / "x.xlsx")
    sheet = book["问题清单"]
    header = [c.value for c in sheet[3]]
    row = next(r for r in range(4, sheet.max_row + 1) if not sheet.cell(r, 2).value)
    for name, value in (("问题", "县城停车难"), ("问题描述", "老城区停车位缺口大。"), ("责任单位", "西岭县")):
        sheet.cell(row, header.index(name) + 1).value = value
    book.save(tmp_path / "back.xlsx")
    ran = dy(capsys, repo, "import", str(tmp_path / "back.xlsx"))
    assert ran.code == 1 and f"第{row}行" in ran.err and "西岭县人民政府（xiling-gov）" in ran.err and "全称" in ran.err, ran.err
    ran = dy(capsys, repo, "--lang", "en", "import", str(tmp_path / "back.xlsx"))
    assert "西岭县人民政府 (xiling-gov)" in ran.err and "（" not in ran.err, ran.err
    sheet.cell(row, header.index("责任单位") + 1).value = "西岭县人民政府"
    book.save(tmp_path / "back.xlsx")
    ran = dy(capsys, repo, "import", str(tmp_path / "back.xlsx"))
    assert ran.code == 0, ran.err
    assert any("owner_unit: xiling-gov" in file.read_text(encoding="utf-8") for file in (repo / "problems").glob("*.yaml"))


@pytest.mark.skipif(shutil.which("soffice") is None and not os.environ.get("DYTOOL_REQUIRE_RENDER"), reason="LibreOffice is not installed")
def test_a_ledger_saved_as_xls_comes_back_through_libreoffice(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    back = _returned(capsys, repo, tmp_path, "P-029", {"是否销号": "是", "销号时间": "2023-09-30", "销号依据": "考核办法印发。"})
    profile = tmp_path / "profile"
    subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "xls",
                    "--outdir", str(tmp_path / "xls"), str(back)], check=True, capture_output=True, timeout=180,
                   env={**os.environ, "HOME": str(profile)})
    ran = dy(capsys, repo, "import", str(tmp_path / "xls" / "back.xls"))
    assert ran.code == 0, ran.err
    assert "back.xls 问题清单 第5行" in ran.out and "修改 1 条记录" in ran.out
    assert "closed_on: 2023-09-30" in (repo / "problems" / "xiling-county.yaml").read_text(encoding="utf-8")


def test_an_xls_without_libreoffice_says_to_save_it_as_xlsx(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from dytool.source import office

    monkeypatch.setattr(office, "office_program", lambda: None)
    (tmp_path / "西岭县.xls").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(508))
    ran = dy(capsys, repo, "import", str(tmp_path / "西岭县.xls"))
    assert ran.code == 1 and "西岭县.xls" in ran.err and "LibreOffice" in ran.err and ".xlsx" in ran.err and "docx" not in ran.err, ran.err


@pytest.mark.parametrize("placeholder", ["/", "无", "——"])
def test_a_placeholder_in_an_empty_cell_is_nothing_and_on_a_filled_one_is_not_a_deletion(
        repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], placeholder: str) -> None:
    back = _returned(capsys, repo, tmp_path, "P-029", {"销号时间": placeholder, "验收人": placeholder, "销号依据": placeholder})
    ran = dy(capsys, repo, "import", str(back), "--dry-run")
    assert ran.code == 0 and "没有需要导入的改动" in ran.out, ran.out + ran.err  # before: 无法识别日期「/」
    back = _returned(capsys, repo, tmp_path, "P-029", {"整改措施": placeholder})
    ran = dy(capsys, repo, "import", str(back), "--dry-run")
    assert ran.code == 1 and "第5行" in ran.err and "整改措施" in ran.err and "清空" in ran.err, ran.err
