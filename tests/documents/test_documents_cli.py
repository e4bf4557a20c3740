"""The document commands as a user meets them: the bulletin's day, PDF without LibreOffice,
charts beside the Markdown, the ledgers' cross-references."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dytool.cli.main import run
from util import EXAMPLE


def _example(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".dytool"))
    return root


def test_the_bulletin_is_dated_at_the_as_of_day_within_its_month(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _example(tmp_path)
    assert run(["bulletin", "-C", str(root), "--as-of", "2023-08-20", "--month", "2023-08", "--format", "md", "-o", str(tmp_path)]) == 0
    capsys.readouterr()
    text = next(tmp_path.glob("*.md")).read_text(encoding="utf-8")
    assert "2023年8月20日" in text and "截至2023年8月20日" in text
    assert "2023年8月31日" not in text.split("## 四")[0]


def test_quotes_inside_a_quoted_title_are_single(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _example(tmp_path)
    assert run(["bulletin", "-C", str(root), "--as-of", "2023-09-20", "--month", "2023-09", "--format", "md", "-o", str(tmp_path)]) == 0
    capsys.readouterr()
    text = next(tmp_path.glob("*.md")).read_text(encoding="utf-8")
    assert "问题“乡镇招商考核‘重签约、轻落地’”（时限2023年8月31日" in text
    assert "“重签约、轻落地””" not in text


def test_a_bulletin_of_a_month_not_begun_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _example(tmp_path)
    assert run(["bulletin", "-C", str(root), "--as-of", "2023-08-20", "--month", "2023-09", "-o", str(tmp_path)]) == 2
    assert "2023-09" in capsys.readouterr().err


def test_pdf_without_libreoffice_says_what_to_install(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    root = _example(tmp_path)
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setattr("dytool.source.office._WINDOWS", ())
    monkeypatch.setattr("dytool.source.office._MAC", str(empty / "none"))
    code = run(["compile", "-C", str(root), "--as-of", "2023-12-31", "--format", "pdf", "-o", str(tmp_path / "out"), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2 and "LibreOffice" in err and "install" in err
    assert not list((tmp_path / "out").glob("*.pdf")) if (tmp_path / "out").exists() else True
    # Word output asking for the contents' page numbers still works: Word updates them on opening.
    assert run(["compile", "-C", str(root), "--as-of", "2023-12-31", "--format", "docx", "--toc-pages", "-o", str(tmp_path / "out")]) == 0
    assert "LibreOffice" in capsys.readouterr().err


def test_markdown_shows_the_charts_beside_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _example(tmp_path)
    assert run(["compile", "-C", str(root), "--as-of", "2023-12-31", "--format", "md", "-o", str(tmp_path)]) == 0
    capsys.readouterr()
    text = next(tmp_path.glob("*.md")).read_text(encoding="utf-8")
    for name in ("trend", "closure", "leaders"):
        link = f"charts/compilation-{name}.svg"
        assert f"]({link})" in text
        svg = (tmp_path / link).read_text(encoding="utf-8")
        assert svg.startswith("<svg") and "<title>图" in svg


def test_ledgers_cite_problems_by_their_number_in_the_problem_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _example(tmp_path)
    assert run(["compile", "-C", str(root), "--as-of", "2023-12-31", "--format", "md", "-o", str(tmp_path)]) == 0
    capsys.readouterr()
    text = next(tmp_path.glob("*.md")).read_text(encoding="utf-8")
    problems = text.split("### 附件1　问题清单")[1].split("### 附件2")[0]
    solutions = text.split("### 附件2　问题解决清单")[1].split("### 附件3")[0]
    assert "| 序号 | 解决事项 | 对应问题（附件1序号） |" in solutions
    numbers = {line.split(" | ")[0].strip("| ") for line in problems.splitlines() if line.startswith("| ") and line[2:3].isdigit()}
    cited = {n for line in solutions.splitlines() if line.startswith("| ") and line[2:3].isdigit() for n in line.split(" | ")[2].split("、")}
    assert cited and cited <= numbers
