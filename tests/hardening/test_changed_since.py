"""``check --changed-since REF`` reports what a change brought, wherever it shows."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from dytool.cli.main import run
from util import EXAMPLE


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=root, check=True, capture_output=True)


@pytest.fixture
def history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    root = tmp_path / "campaign"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".dytool"))
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "start")
    return root


def _errors(capsys: pytest.CaptureFixture[str], root: Path, *extra: str) -> list[dict[str, object]]:
    run(["check", "-C", str(root), "--as-of", "2023-09-15", "--format", "json", *extra])
    return [f for f in json.loads(capsys.readouterr().out)["findings"] if f["severity"] == "error"]


def test_deleting_a_unit_reports_the_references_it_breaks_in_untouched_files(history: Path, capsys: pytest.CaptureFixture[str]) -> None:
    units = history / "units.yaml"
    text = units.read_text(encoding="utf-8")
    start = text.index("- id: fgw")
    end = text.index("\n- ", start + 1)
    units.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    everything = _errors(capsys, history)
    since = _errors(capsys, history, "--changed-since", "HEAD")
    assert everything and sorted(map(str, since)) == sorted(map(str, everything))
    assert any(f["file"] != "units.yaml" for f in since)


def test_findings_that_were_already_there_in_untouched_files_are_left_out(history: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (history / "problems" / "old.yaml").write_text("- id: P-900\n  title: 旧\n  owner_unit: ghost\n", encoding="utf-8")
    _git(history, "add", "-A")
    _git(history, "commit", "-q", "-m", "an old mistake")
    (history / "problems" / "new.yaml").write_text("- id: P-901\n  title: 新\n  owner_unit: ghost2\n", encoding="utf-8")
    since = _errors(capsys, history, "--changed-since", "HEAD")
    assert {f["file"] for f in since} == {"problems/new.yaml"}
    assert {f["file"] for f in _errors(capsys, history)} >= {"problems/old.yaml", "problems/new.yaml"}
