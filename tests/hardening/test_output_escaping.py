"""Nothing a record holds may act on the reader's terminal or break a machine format."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from dytool.cli.main import run
from util import write_repo

HOSTILE = "\x1b]0;pwned\x07\x1b[2J清屏\u202e反转\ufffe"


def _repo(root: Path) -> Path:
    root.mkdir()
    return write_repo(root, {
        "units.yaml": "- {id: fgw, name: 发改委}\n",
        "problems/fgw.yaml": f'- id: P-1\n  title: "{HOSTILE.encode("unicode_escape").decode()}"\n  owner_unit: fgw\n'
                             f'  due: 2023-05-01\n  found_on: 2023-04-10\n  "bad\\x1bkey": 1\n',
    })


@pytest.mark.parametrize("args", [["check"], ["status"], ["status", "--format", "md"], ["check", "--format", "github"]])
def test_no_control_character_reaches_the_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    root = _repo(tmp_path / "repo")
    run([*args, "-C", str(root), "--as-of", "2023-09-15"])
    captured = capsys.readouterr()
    for stream in (captured.out, captured.err):
        assert "\x1b]" not in stream and "\x1b[2J" not in stream and "\u202e" not in stream and "\x07" not in stream, stream


def test_junit_and_json_stay_well_formed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _repo(tmp_path / "repo")
    run(["check", "-C", str(root), "--as-of", "2023-09-15", "--format", "junit"])
    ET.fromstring(capsys.readouterr().out.encode("utf-8"))
    run(["check", "-C", str(root), "--as-of", "2023-09-15", "--format", "json"])
    json.loads(capsys.readouterr().out)


def test_a_million_findings_are_capped_per_code_and_file_and_counted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    rows = "".join(f"- {{id: V-{i}, date: 2023-05-01, leaders: [ghost-{i}]}}\n" for i in range(3000))
    write_repo(root, {"visits/many.yaml": rows})
    assert run(["check", "-C", str(root), "--as-of", "2023-09-15", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    dangling = [f for f in report["findings"] if f["code"] == "DY202"]
    assert len(dangling) <= 201
    assert any("more" in f["message_en"] and "2800" in f["message_en"] for f in dangling), dangling[:2]
    assert report["summary"]["errors"] >= 3000
