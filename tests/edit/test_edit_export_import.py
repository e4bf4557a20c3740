"""``export`` (xlsx, csv, json) and ``import``: the paper 台账 layout, and a round trip to the same records."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest
from edit_helpers import EXAMPLE, dy, snapshot
from openpyxl import Workbook, load_workbook

from dytool.checks import SUITE
from dytool.edit.columns import LISTS, columns
from dytool.edit.export import display_width
from dytool.engine.load import load_repository


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example (loading writes a cache into the repository's .dytool/)."""
    root = tmp_path_factory.mktemp("example") / "campaign"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".dytool"))
    return root


@pytest.fixture(scope="module")
def example_xlsx(example: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from dytool.cli.main import run

    out = tmp_path_factory.mktemp("export") / "台账.xlsx"
    assert run(["-C", str(example), "--as-of", "2023-09-15", "export", "-o", str(out)]) == 0
    return out


def test_workbook_layout(example_xlsx: Path) -> None:
    book = load_workbook(example_xlsx)
    visible = [s.title for s in book.worksheets if s.sheet_state == "visible"]
    assert visible == ["调研课题", "调研活动", "问题清单", "问题解决清单", "制度清单"]
    sheet = book["问题清单"]
    assert sheet["A1"].value == "青川市2023年大兴调查研究活动问题清单"
    assert sheet["A2"].value.startswith("截至2023年9月15日")
    headers = [c.value for c in sheet[3]]
    assert headers[:4] == ["序号", "编号", "问题", "问题描述"]
    assert headers.index("责任单位") < headers.index("整改措施") < headers.index("整改时限") < headers.index("整改进展") < headers.index("是否销号")
    assert sheet.freeze_panes == "A4"
    assert [sheet.cell(row=r, column=1).value for r in range(4, 7)] == [1, 2, 3]
    found = sheet.cell(row=4, column=headers.index("发现时间") + 1)
    assert isinstance(found.value, dt.datetime) and found.is_date  # a real date cell, not text
    width = sheet.column_dimensions["D"].width
    assert width is not None and width == 30  # long Chinese descriptions get the widest column, wrapped
    assert book.properties.created == dt.datetime(2023, 9, 15) and book.properties.modified == dt.datetime(2023, 9, 15)


def test_export_is_byte_identical_on_every_run(tmp_path: Path, example: Path, example_xlsx: Path) -> None:
    from dytool.cli.main import run

    again = tmp_path / "again.xlsx"
    assert run(["-C", str(example), "--as-of", "2023-09-15", "export", "-o", str(again)]) == 0
    assert again.read_bytes() == example_xlsx.read_bytes()


def test_csv_and_json(tmp_path: Path, example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ran = dy(capsys, example, "export", "--format", "csv", "-o", str(tmp_path / "csv"), "--kind", "problems")
    assert ran.code == 0
    data = (tmp_path / "csv" / "problems.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # so Excel shows the Chinese
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["序号", "编号", "问题"] and rows[1][0] == "1"
    ran = dy(capsys, example, "export", "--format", "json", "--kind", "institutions")
    payload = json.loads(ran.out)
    assert payload["as_of"] == "2023-09-15"
    assert payload["institutions"][1]["status"] == "issued"  # machine values, even where the file wrote 已出台


def test_display_width_counts_chinese_double() -> None:
    assert display_width("abc") == 3 and display_width("问题") == 4 and display_width("第一行\nab") == 6


def test_headers_are_unique_per_list() -> None:
    for kind in LISTS.values():
        headers = [c.header for c in columns(kind)]
        assert len(headers) == len(set(headers)), kind


@pytest.mark.parametrize("plural", list(LISTS))
def test_export_then_import_gives_the_same_records(tmp_path: Path, example_xlsx: Path, plural: str, capsys: pytest.CaptureFixture[str]) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLE, repo, ignore=shutil.ignore_patterns(".dytool"))
    folder = repo / plural
    original = {e.record.id: e.record for e in load_repository(repo, SUITE).repo.entries(LISTS[plural])}
    shutil.rmtree(folder)
    folder.mkdir()
    if plural == "problems":  # keep the "filed, nothing found" list the milestone checks look at
        shutil.copy(EXAMPLE / "problems" / "xcb.yaml", folder / "xcb.yaml")
    ran = dy(capsys, repo, "import", str(example_xlsx), "--kind", plural)
    assert ran.code == 0, ran.err
    loaded = {e.record.id: e.record for e in load_repository(repo, SUITE).repo.entries(LISTS[plural])}
    assert loaded == original
    assert dy(capsys, repo, "check").code == 0


def _ledger(path: Path, rows: list[list[object]], header: list[str]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["某某县 问题清单"])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_import_with_a_mapping_and_nothing_written_unless_all_rows_are_valid(campaign: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    header = ["序号", "问题名称", "问题具体描述", "责任单位", "整改时限", "备注"]
    rows = [[1, "道路破损", "县道破损严重", "fgw", dt.datetime(2023, 10, 31), None],
            [2, "学校缺老师", "乡村学校缺英语老师", "ghost", "12月底前", None],
            [3, "缺时限", "", "jyj", "2023-02-30", "说明"]]
    ledger = _ledger(tmp_path / "县里报来的.xlsx", rows, header)
    maps = ["--map", "问题名称=title", "--map", "问题具体描述=description"]
    before = snapshot(campaign)
    ran = dy(capsys, campaign, "import", str(ledger), "--kind", "problems", *maps)
    assert ran.code == 1
    assert "第4行" in ran.err and "第5行" in ran.err and "第3行" not in ran.err  # Excel's row numbers
    assert snapshot(campaign) == before
    ran = dy(capsys, campaign, "import", str(ledger), "--kind", "problems", *maps, "--skip-bad")
    assert ran.code == 0, ran.err
    assert "第4行" in ran.err and "跳过 2 行" in ran.err and "ghost" in ran.err
    problems = [e.record for e in load_repository(campaign, SUITE).repo.entries("problem")]
    assert [p.title for p in problems if p.id not in ("P-001", "P-002")] == ["道路破损"]
    assert str(next(p for p in problems if p.title == "道路破损").due) == "2023-10-31"


def test_import_reports_unknown_columns(campaign: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = _ledger(tmp_path / "x.xlsx", [["道路", "fgw", "甲"]], ["问题", "责任单位", "神秘列"])
    ran = dy(capsys, campaign, "import", str(ledger), "--kind", "problems")
    assert ran.code == 2 and "神秘列" in ran.err and "--map" in ran.err
    assert dy(capsys, campaign, "import", str(ledger), "--kind", "problems", "--map", "神秘列=").code == 0


def test_import_a_gbk_csv_from_excel(campaign: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "台账.csv"
    path.write_bytes("问题,责任单位,整改时限\n路灯不亮,fgw,2023/10/1\n".encode("gb18030"))
    ran = dy(capsys, campaign, "import", str(path), "--kind", "problems")
    assert ran.code == 0, ran.err
    text = (campaign / "problems" / "fgw.yaml").read_text(encoding="utf-8")
    assert "  title: 路灯不亮\n  owner_unit: fgw\n  due: 2023-10-01\n" in text


def test_importing_an_unchanged_export_changes_nothing(example: Path, example_xlsx: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(example, repo, ignore=shutil.ignore_patterns(".dytool"))
    before = snapshot(repo)
    ran = dy(capsys, repo, "import", str(example_xlsx), "--kind", "problems")
    assert ran.code == 0, ran.err
    assert "46 行与仓库中的记录相同" in ran.out and "没有需要导入的改动" in ran.out
    assert snapshot(repo) == before


def test_a_changed_cell_of_an_existing_record_becomes_an_edit(example: Path, example_xlsx: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(example, repo, ignore=shutil.ignore_patterns(".dytool"))
    book = load_workbook(example_xlsx)
    sheet = book["问题清单"]
    sheet.cell(row=4, column=3).value = "改过的标题"
    changed = tmp_path / "changed.xlsx"
    book.save(changed)
    ran = dy(capsys, repo, "import", str(changed), "--kind", "problems")
    assert ran.code == 0, ran.err
    assert "第4行" in ran.out and "改过的标题" in ran.out
    ident = sheet.cell(row=4, column=2).value
    record = next(e for e in load_repository(repo, SUITE).repo.entries("problem") if e.record.id == ident)
    assert record.record.title == "改过的标题"  # type: ignore[attr-defined]
    assert "title: 改过的标题" in (repo / record.source.file).read_text(encoding="utf-8")
