"""Control characters in the Markdown of a report are DY313 at their line and column, the way
they are in any field of a record: a report reaches the compilation, the site and terminals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dytool.cli.main import run
from util import write_repo

REPORT = "---\ntopic: T-1\ntitle: 报告\n---\n\n# 报告\n\n正文第一行\n{hostile}\n"


@pytest.mark.parametrize("hostile", ["二、基\u202e况", "标题\u2066隔离\u2069", "\x1b]0;pwned\x07清屏", "换\x0b页", "\ufffe"])
def test_a_control_character_in_a_report_body_is_a_located_finding(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], hostile: str) -> None:
    (tmp_path / "repo").mkdir()
    root = write_repo(tmp_path / "repo", {
        "units.yaml": "- {id: fgw, name: 发改委}\n",
        "topics/t.yaml": "- {id: T-1, title: 课题, lead_unit: fgw, report: reports/T-1.md}\n",
        "reports/T-1.md": REPORT.format(hostile=hostile),
    })
    assert run(["--lang", "en", "check", "-C", str(root), "--as-of", "2023-09-15", "--format", "json"]) == 1
    found = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["code"] == "DY313"]
    assert found, "no DY313"
    first = found[0]
    assert (first["file"], first["line"]) == ("reports/T-1.md", 9), first
    column = next(i for i, c in enumerate(hostile, 1) if not c.isprintable())
    assert first["column"] == column, first


def test_a_clean_report_has_no_control_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "repo").mkdir()
    root = write_repo(tmp_path / "repo", {
        "units.yaml": "- {id: fgw, name: 发改委}\n",
        "topics/t.yaml": "- {id: T-1, title: 课题, lead_unit: fgw, report: reports/T-1.md}\n",
        "reports/T-1.md": REPORT.format(hostile="制表\t符和\r\n换行都可以"),
    })
    run(["check", "-C", str(root), "--as-of", "2023-09-15", "--format", "json"])
    assert not [f for f in json.loads(capsys.readouterr().out)["findings"] if f["code"] == "DY313"]
