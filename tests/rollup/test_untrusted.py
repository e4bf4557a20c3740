"""A member's text is shown as written and acts on nothing: Markdown, terminal, Word, Excel."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dytool.cli.main import run

HOSTILE = "**急** [点此](http://evil.example) <script>x</script> | 列 \x1b[31m红\x1b[0m \u202etxt.exe =HYPERLINK(\"http://x\")\n第二行"


def hostile(summary: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(summary)
    data["campaign"]["id"] = "hostile"
    data["campaign"]["title"] = HOSTILE
    data["overdue"][0]["title"] = "=HYPERLINK(\"http://x\",\"点我\")"
    data["overdue"][1]["title"] = HOSTILE
    data["topics"]["behind"][0]["title"] = HOSTILE
    data["leaders"][0]["name"] = HOSTILE[:100]
    for month in data["months"]:
        for leader in month["leaders_below"]:
            leader["name"] = "<b>" + leader["name"]
    return data


@pytest.fixture
def root(rollup_repo: Callable[..., Path], example_summary: dict[str, Any]) -> Path:
    return rollup_repo([("西岭县 | <i>", "county", hostile(example_summary))])


def output(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> str:
    capsys.readouterr()
    code = run(["rollup", *args, "-C", str(root), "--as-of", "2023-09-15", "--no-color"])
    assert code == 0
    return capsys.readouterr().out


def test_markdown_escapes_every_member_text(capsys: pytest.CaptureFixture[str], root: Path) -> None:
    text = output(capsys, root, "status", "--format", "md")
    assert "<script>" not in text and "<i>" not in text and "<b>" not in text
    assert "\x1b" not in text and "\u202e" not in text
    assert "\\*\\*急\\*\\* \\[点此\\](http://evil.example) \\<script\\>x\\</script\\> \\| 列" in text
    tables: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.startswith("|"):
            tables[-1].append(line.replace("\\|", ""))  # an escaped pipe is text, not a column
        elif tables[-1]:
            tables.append([])
    checked = [table for table in tables if any("HYPERLINK" in row for row in table)]
    assert len(checked) == 2  # the members' table (the campaign's title) and the overdue table
    for table in checked:
        assert {row.count("|") for row in table} == {table[0].count("|")}


def test_the_terminal_gets_no_control_or_direction_characters(capsys: pytest.CaptureFixture[str], root: Path) -> None:
    text = output(capsys, root, "status")
    assert "\x1b" not in text and "\u202e" not in text
    assert "[31m" in text or "红" in text  # the text itself is still there, harmless


def test_word_shows_the_text_as_written(capsys: pytest.CaptureFixture[str], root: Path, tmp_path: Path) -> None:
    output(capsys, root, "status", "--format", "docx", "-o", str(tmp_path / "b.docx"))
    from docx import Document

    document = Document(str(tmp_path / "b.docx"))
    texts = [p.text for p in document.paragraphs] + [c.text for t in document.tables for r in t.rows for c in r.cells]
    joined = "\n".join(texts)
    assert "**急** [点此](http://evil.example) <script>x</script> | 列" in joined
    assert "\x1b" not in joined and "\u202e" not in joined


def test_excel_cells_are_text_never_formulas(capsys: pytest.CaptureFixture[str], root: Path, tmp_path: Path) -> None:
    output(capsys, root, "export", "-o", str(tmp_path / "x.xlsx"))
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "x.xlsx")
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    formulas = [cell for cell in cells if cell.value.startswith("=")]
    assert formulas and all(cell.data_type == "s" for cell in formulas)
    assert book.sheetnames == ["汇总", "西岭县 | <i>", "市发改委"]  # counties first; | < > are allowed in sheet names


def test_sheet_names_excel_accepts() -> None:
    from dytool.rollup.ledgers import sheet_name

    taken = {"汇总"}
    assert [sheet_name(n, taken) for n in ("a" * 40, "a" * 40, "汇总", "[x]:*?/\\", "")] == [
        "a" * 31, "a" * 28 + "(2)", "汇总(2)", "_x______", "成员"]


def test_json_keeps_the_text_cleaned_but_unescaped(capsys: pytest.CaptureFixture[str], root: Path) -> None:
    report = json.loads(output(capsys, root, "status", "--format", "json"))
    member = report["members"][1]
    assert member["campaign"]["title"].startswith("**急** [点此](http://evil.example) <script>x</script> | 列 [31m红[0m txt.exe")
    assert "\n" not in member["campaign"]["title"]
