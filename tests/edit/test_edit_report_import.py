"""``import-report``: reports written in Word become reports/*.md the compilation includes,
and the compilation's own Word output reads back as the Markdown it was made from."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from edit_helpers import EXAMPLE, dy, make_campaign, snapshot
from markdown_it import MarkdownIt
from word_samples import office_report

from dytool.checks import SUITE
from dytool.edit.wordread import convert_docx, heading_level_of_text
from dytool.engine.load import load_repository

MORE_TOPICS = {"topics/more.yaml": "- id: T-002\n  title: 乡村振兴调研\n  leader: lin\n  lead_unit: fgw\n"}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_campaign(tmp_path / "campaign", MORE_TOPICS)


def test_a_word_report_with_typed_numbering_a_table_a_footnote_and_an_image(repo: Path, tmp_path: Path,
                                                                               capsys: pytest.CaptureFixture[str]) -> None:
    source = office_report(tmp_path / "县域产业调研报告.docx", tmp_path)
    ran = dy(capsys, repo, "import-report", str(source), "--topic", "T-001", "--date", "2023-06-20")
    assert ran.code == 0, ran.err
    assert "reports/T-001.md" in ran.out and "图片 1 张" in ran.out
    text = (repo / "reports" / "T-001.md").read_text(encoding="utf-8")
    front, body = text.split("\n---\n\n", 1)
    assert "topic: T-001" in front and "title: 关于县域产业发展的调研报告" in front
    assert "authors: [sun]" in front and "unit: fgw" not in front and "date: 2023-06-20" in front  # the author's name became an id
    assert body.startswith("# 关于县域产业发展的调研报告\n")
    for line in ("## 一、基本情况", "### （一）产业规模稳步扩大", "#### 1.主导产业集聚度提高", "## 二、存在的主要问题", "### （一）要素保障不足",
                 "**总体看**，全县规上工业增加值增长8.2%[^1]，高于全市平均水平。", "（1）新材料产业产值占比达到31%。",
                 "1. 用地指标紧张\n2. 技能人才短缺", "| 合计 | 较上年增长13.3% |  |", "![](images/T-001-1.png)",
                 "[^1]: 数据来源：市统计局2023年统计公报。"):
        assert line in body, line
    assert (repo / "reports" / "images" / "T-001-1.png").read_bytes().startswith(b"\x89PNG")
    topic = next(e.record for e in load_repository(repo, SUITE).repo.entries("topic") if e.record.id == "T-001")
    assert topic.report == ["reports/T-001.md"]  # a topic may have several reports (issue 13)  # type: ignore[attr-defined]
    assert dy(capsys, repo, "check").code == 0
    out = tmp_path / "build"
    assert dy(capsys, repo, "compile", "--format", "md", "-o", str(out)).code == 0
    compiled = "\n".join(p.read_text(encoding="utf-8") for p in out.glob("*.md"))
    assert "关于县域产业发展的调研报告" in compiled and "要素保障不足" in compiled


def test_a_second_report_for_a_topic_needs_replace(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = office_report(tmp_path / "r.docx", tmp_path)
    assert dy(capsys, repo, "import-report", str(source), "--topic", "T-001").code == 0
    before = snapshot(repo)
    ran = dy(capsys, repo, "import-report", str(source), "--topic", "T-001")
    assert ran.code == 1 and "--replace" in ran.err and snapshot(repo) == before
    assert dy(capsys, repo, "import-report", str(source), "--topic", "T-001", "--replace").code == 0


def test_a_folder_of_reports_finds_each_topic_by_file_name(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "报告"
    folder.mkdir()
    office_report(folder / "T-001 县域产业.docx", tmp_path)
    office_report(folder / "T-002.docx", tmp_path)
    (folder / "~$T-002.docx").write_bytes(b"lock file of Word")
    ran = dy(capsys, repo, "import-report", str(folder))
    assert ran.code == 0, ran.err
    assert (repo / "reports" / "T-001.md").is_file() and (repo / "reports" / "T-002.md").is_file()
    assert dy(capsys, repo, "check").code == 0


def test_a_report_whose_topic_cannot_be_told_is_refused(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = office_report(tmp_path / "报告.docx", tmp_path)
    before = snapshot(repo)
    ran = dy(capsys, repo, "import-report", str(source))
    assert ran.code == 1 and "--topic" in ran.err and snapshot(repo) == before


def test_a_doc_file_without_libreoffice_says_what_to_do(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import dytool.source.office as office

    monkeypatch.setattr(office, "office_program", lambda: None)
    (tmp_path / "旧报告.doc").write_bytes(b"\xd0\xcf\x11\xe0 not really a doc")
    ran = dy(capsys, repo, "import-report", str(tmp_path / "旧报告.doc"), "--topic", "T-001")
    assert ran.code == 1 and "LibreOffice" in ran.err and "另存为" in ran.err


@pytest.mark.skipif(shutil.which("soffice") is None and not os.environ.get("DYTOOL_REQUIRE_RENDER"), reason="LibreOffice is not installed")
def test_a_doc_file_is_converted_through_libreoffice(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = office_report(tmp_path / "T-001 报告.docx", tmp_path)
    out = tmp_path / "doc"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--convert-to", "doc",
                    "--outdir", str(out), str(source)], check=True, capture_output=True, timeout=180)
    ran = dy(capsys, repo, "import-report", str(out / "T-001 报告.doc"))
    assert ran.code == 0, ran.err
    body = (repo / "reports" / "T-001.md").read_text(encoding="utf-8")
    assert "## 二、存在的主要问题" in body and "较上年增长13.3%" in body


def test_typed_numbering_makes_headings_only_of_short_lines() -> None:
    assert heading_level_of_text("一、基本情况") == 2 and heading_level_of_text("（二）签约落地率偏低，“签而不落”问题突出") == 3
    assert heading_level_of_text("1.主导产业") == 4 and heading_level_of_text("（1）新材料") == 5
    assert heading_level_of_text("1.建立管理制度，对签约项目实行包保。") is None
    assert heading_level_of_text("2023年以来，全市引进项目213个") is None and heading_level_of_text("1.5倍") is None



def test_a_title_typed_centred_without_the_title_style_and_lists_after_bullets(tmp_path: Path) -> None:
    """As most offices type a report: the title is a centred, bold, large line in the body style."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = Document()
    first = document.add_paragraph()
    first.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = first.add_run("关于服务保障企业达产满产的调研报告")
    run.bold, run.font.size = True, Pt(22)
    document.add_paragraph("按照市委安排，调研组赴12家重点企业开展调研。")
    document.add_paragraph("用电负荷紧张", style="List Bullet")
    document.add_paragraph("融资成本偏高", style="List Bullet")
    document.add_paragraph("摸清底数", style="List Number")
    document.add_paragraph("精准调度", style="List Number")
    centred = document.add_paragraph("一、基本情况")
    centred.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.save(tmp_path / "r.docx")
    converted = convert_docx(tmp_path / "r.docx", "T-001")
    assert converted.title == "关于服务保障企业达产满产的调研报告"
    assert converted.markdown.startswith("# 关于服务保障企业达产满产的调研报告\n\n按照市委安排")
    assert "- 用电负荷紧张\n- 融资成本偏高\n1. 摸清底数\n2. 精准调度" in converted.markdown
    assert "## 一、基本情况" in converted.markdown and converted.markdown.count("\n# ") == 0

# -- the compilation's own reports, written to Word by compile and read back ----------------------------

def _blocks(markdown: str) -> list[tuple[str, str]]:
    """A text's block structure and inline content: what must survive the round trip.

    Normalised away: blank lines and line wrapping, escapes, list numbers (CommonMark numbers
    them), table column widths and alignment, emphasis of punctuation at the edge of bold."""
    out = []
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(markdown)
    for token in tokens:
        if token.type == "inline":
            content = re.sub(r"\s+", "", "".join(c.content if c.type == "text" else f"<{c.type}>" for c in token.children or []))
            out.append((token.type, content))
        elif token.type.endswith("_open") and token.type not in ("paragraph_open", "thead_open", "tbody_open"):
            out.append((token.type, token.tag))
    return out


@pytest.fixture(scope="module")
def compiled_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from dytool.cli.main import run

    root = tmp_path_factory.mktemp("example") / "campaign"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".dytool"))
    out = tmp_path_factory.mktemp("build")
    assert run(["-C", str(root), "--as-of", "2023-12-31", "compile", "--format", "docx", "-o", str(out)]) == 0
    return next(out.glob("*.docx"))


def test_the_compilations_reports_read_back_as_their_markdown(compiled_docx: Path) -> None:
    converted = convert_docx(compiled_docx, "x").markdown
    sections = {part.split("\n", 1)[0].strip(): part for part in re.split(r"(?m)^# ", converted)[1:]}
    reports = sorted((EXAMPLE / "reports").glob("*.md"))
    assert len(reports) == 9
    for report in reports:
        body = report.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        title = body.strip().split("\n", 1)[0].lstrip("# ").strip()
        assert title in sections, title
        original = _blocks(body)
        back = _blocks("# " + sections[title])
        assert back[:2] == original[:2]  # the title
        start = back.index(original[3]) - 1  # after the compilation's own lines (领题领导, 摘要)
        assert back[start:start + len(original) - 2] == original[2:], report.name
