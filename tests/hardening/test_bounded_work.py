"""A hostile file costs work in proportion to what the check shows of it, not more: the
expensive parts of a finding (fuzzy "did you mean" searches) stop where the findings a file
shows stop."""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

import pytest

from dytool.cli.main import run
from dytool.core.findings import PER_FILE_AND_CODE
from util import write_repo


def test_thousands_of_unknown_keys_cost_a_bounded_number_of_suggestions(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    keys = "".join(f"  titel{i}: x\n" for i in range(5000))
    (tmp_path / "repo").mkdir()
    root = write_repo(tmp_path / "repo", {"units.yaml": "- {id: fgw, name: 发改委}\n",
                                          "problems/fgw.yaml": "- id: P-1\n  title: 标题\n  owner_unit: fgw\n" + keys})
    searches: list[Any] = []
    real = difflib.get_close_matches

    def counted(*args: Any, **kwargs: Any) -> Any:
        if str(args[0]).startswith("titel"):
            searches.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(difflib, "get_close_matches", counted)
    assert run(["--no-cache", "--lang", "en", "check", "-C", str(root), "--as-of", "2023-09-15", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert len(searches) <= PER_FILE_AND_CODE, len(searches)
    assert report["summary"]["errors"] >= 5000, report["summary"]
    unknown = [f for f in report["findings"] if "titel" in f["message_en"] and f["line"] > 0]
    assert unknown and all("did you mean 'title'" in f["hint"] for f in unknown), unknown[:2]


def test_capping_findings_twice_keeps_the_same_findings_and_the_same_counts() -> None:
    from dytool.core.findings import Finding, Severity, cap_findings, sort_findings

    many = sort_findings([Finding("DY101", Severity.ERROR, "a.yaml", line, 1, "未知", "unknown") for line in range(1, 1001)]
                         + [Finding("DY102", Severity.ERROR, "a.yaml", 5, 1, "缺", "missing")])
    once = cap_findings(many)
    assert cap_findings(once) == once
    assert cap_findings(cap_findings(once)) == once
    assert sum(f.count for f in once) == 1001
    assert sum(1 for f in once if f.line > 0) == PER_FILE_AND_CODE + 1
