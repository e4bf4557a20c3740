"""Word output of the compilation, the bulletin and the briefing, read back.

Golden file: ``DYTOOL_REGENERATE=1 python -m pytest tests/documents`` rewrites
tests/golden/documents/compilation-2023-12-31.paragraphs.json; review the diff.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import docx
import pytest

from dytool.cli.main import run
from goldens import assert_golden
from util import EXAMPLE


def build(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> Path:
    assert run([*args, "-C", str(EXAMPLE), "--format", "docx", "-o", str(tmp_path)]) == 0, capsys.readouterr().err
    capsys.readouterr()
    [path] = tmp_path.glob("*.docx")
    return path


def test_the_same_input_gives_the_same_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = build(tmp_path / "a", capsys, "compile", "--as-of", "2023-12-31")
    second = build(tmp_path / "b", capsys, "compile", "--as-of", "2023-12-31")
    assert hashlib.sha256(first.read_bytes()).digest() == hashlib.sha256(second.read_bytes()).digest()


def test_source_date_epoch_sets_the_document_dates(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1704067200")  # 2024-01-01T00:00:00Z
    props = docx.Document(str(build(tmp_path, capsys, "compile", "--as-of", "2023-12-31"))).core_properties
    assert props.created is not None and props.created.isoformat().startswith("2024-01-01")
    assert props.author == "中共青川市委办公室"
    assert "python-docx" not in f"{props.author}{props.comments}{props.last_modified_by}"


def test_compilation_paragraphs_golden(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = docx.Document(str(build(tmp_path, capsys, "compile", "--as-of", "2023-12-31")))
    paragraphs = [[p.style.name if p.style is not None else "", p.text] for p in document.paragraphs if p.text.strip()]
    text = "[\n" + ",\n".join(json.dumps(p, ensure_ascii=False) for p in paragraphs) + "\n]\n"  # a line a paragraph
    assert_golden("documents/compilation-2023-12-31.paragraphs.json", text)


def test_compilation_structure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = docx.Document(str(build(tmp_path, capsys, "compile", "--as-of", "2023-12-31")))
    styles = {p.text: p.style.name for p in document.paragraphs if p.text.strip() and p.style is not None}
    assert styles["一、总体情况"] == "Heading 1"
    assert styles["关于推动“两湾”产业融合发展先行试验区建设的调研报告"] == "Title"
    assert any(name == "Report Heading 1" for name in styles.values())
    assert len(document.sections) >= 4  # cover, contents, body, landscape ledgers
    assert any(s.page_width > s.page_height for s in document.sections)
    ledgers = [t for t in document.tables if t.rows and t.rows[0].cells[0].text == "序号"]
    assert len(ledgers) == 3
    assert all(t.rows[0]._tr.trPr is not None and t.rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None for t in ledgers)


def test_bulletin_and_briefing_in_word(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bulletin = docx.Document(str(build(tmp_path / "b", capsys, "bulletin", "--month", "2023-08")))
    header = [c.text for c in bulletin.tables[1].rows[0].cells]
    assert header == ["序号", "单位", "问题总数", "按时销号", "逾期销号", "未销号", "销号率", "按时销号率"]
    out = tmp_path / "brief.docx"
    assert run(["status", "-C", str(EXAMPLE), "--as-of", "2023-09-15", "--format", "docx", "-o", str(out)]) == 0
    brief = docx.Document(str(out))
    assert any("时间节点" in p.text for p in brief.paragraphs)


def test_an_undefined_template_variable_names_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    root = tmp_path / "campaign"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".dytool"))
    (root / "templates" / "compilation").mkdir(parents=True)
    (root / "templates" / "compilation" / "overview.md.j2").write_text("## 一、总体情况\n\n{{ f.nonexistent_figure }}\n", encoding="utf-8")
    assert run(["compile", "-C", str(root), "--format", "md", "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "overview.md.j2:3" in err and "nonexistent_figure" in err
