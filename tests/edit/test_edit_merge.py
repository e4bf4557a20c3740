"""Merges of record files in real git repositories: nothing lost, conflicts where both changed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from edit_helpers import dy, git

from dytool.checks import SUITE
from dytool.edit.merge import merge_records
from dytool.engine.load import load_repository


@pytest.fixture
def repo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    root = tmp_path / "dxdy"
    ran = dy(capsys, None, "init", str(root), "--title", "2023年大兴调查研究活动", "--start", "2023-04-01", "--end", "2023-12-31",
             "--no-input", "--id-style", "random")
    assert ran.code == 0, ran.err
    assert "merge=dytool" in (root / ".gitattributes").read_text(encoding="utf-8")
    assert "merge=union" not in (root / ".gitattributes").read_text(encoding="utf-8")
    assert dy(capsys, root, "new", "unit", "--id", "fgw", "--name", "市发展改革委").code == 0
    assert dy(capsys, root, "new", "problem", "--owner-unit", "fgw", "--title", "起始问题", "--due", "2023-06-30").code == 0
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "起始")
    git(root, "branch", "-M", "main")
    return root


def _branch_with(root: Path, capsys: pytest.CaptureFixture[str], name: str, *args: str) -> None:
    git(root, "checkout", "-q", "-b", name, "main")
    ran = dy(capsys, root, *args)
    assert ran.code == 0, ran.err
    git(root, "commit", "-q", "-am", name)
    git(root, "checkout", "-q", "main")


def _merge(root: Path, *branches: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "merge", "--no-edit", *branches], cwd=root, capture_output=True, text=True, check=False)


def _problems(root: Path) -> dict[str, object]:
    return {e.record.id: e.record for e in load_repository(root, SUITE).repo.entries("problem")}


def test_two_branches_adding_problems_to_one_unit_file_keep_every_field(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "add", "-A")
    _branch_with(repo, capsys, "a", "new", "problem", "--owner-unit", "fgw", "--title", "甲问题", "--due", "2023-09-30")
    _branch_with(repo, capsys, "b", "new", "problem", "--owner-unit", "fgw", "--title", "乙问题", "--due", "2023-10-31")
    assert _merge(repo, "a").returncode == 0
    done = _merge(repo, "b")
    assert done.returncode == 0, done.stdout + done.stderr
    problems = _problems(repo)
    by_title = {p.title: p for p in problems.values()}  # type: ignore[attr-defined]
    assert set(by_title) == {"起始问题", "甲问题", "乙问题"}
    for title, due in (("甲问题", "2023-09-30"), ("乙问题", "2023-10-31")):
        assert by_title[title].owner_unit == "fgw" and str(by_title[title].due) == due
    assert dy(capsys, repo, "check").code == 0
    assert "<<<<<<<" not in (repo / "problems" / "fgw.yaml").read_text(encoding="utf-8")


def test_both_branches_changing_one_record_is_a_conflict(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ident = next(iter(_problems(repo)))
    _branch_with(repo, capsys, "a", "close", ident, "--evidence", "甲的佐证", "--on", "2023-05-01", "--as-of", "2023-05-02")
    _branch_with(repo, capsys, "b", "close", ident, "--evidence", "乙的佐证", "--on", "2023-05-03", "--as-of", "2023-05-04")
    assert _merge(repo, "a").returncode == 0
    done = _merge(repo, "b")
    assert done.returncode != 0 and "CONFLICT" in done.stdout
    text = (repo / "problems" / "fgw.yaml").read_text(encoding="utf-8")
    assert "甲的佐证" in text and "乙的佐证" in text and "<<<<<<<" in text


def test_without_the_driver_a_server_merge_conflicts_instead_of_losing_lines(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "config", "--remove-section", "merge.dytool")  # as on a server: no such driver
    _branch_with(repo, capsys, "a", "new", "problem", "--owner-unit", "fgw", "--title", "甲问题", "--due", "2023-09-30")
    _branch_with(repo, capsys, "b", "new", "problem", "--owner-unit", "fgw", "--title", "乙问题", "--due", "2023-10-31")
    assert _merge(repo, "a").returncode == 0
    done = _merge(repo, "b")
    assert done.returncode != 0  # a conflict to resolve, never a silent loss
    text = (repo / "problems" / "fgw.yaml").read_text(encoding="utf-8")
    assert text.count("owner_unit: fgw") == 3 and "2023-09-30" in text and "2023-10-31" in text
    git(repo, "merge", "--abort")
    subprocess.run(["git", "checkout", "-q", "main"], cwd=repo, check=True)
    assert dy(capsys, repo, "merge-records", "--install").code == 0  # a clone registers the driver once
    assert _merge(repo, "b").returncode == 0
    assert {p.title for p in _problems(repo).values()} == {"起始问题", "甲问题", "乙问题"}  # type: ignore[attr-defined]


BASE = "# 问题\n\n- id: P-1\n  title: 一\n  owner_unit: fgw\n\n- id: P-2\n  title: 二\n  owner_unit: fgw\n  due: 2023-06-30\n"


def test_records_added_removed_and_edited_on_either_side() -> None:
    ours = BASE.replace("title: 一", "title: 一（改）") + "\n- id: P-3\n  title: 三\n  owner_unit: fgw\n  due: 2023-07-01\n"
    theirs = BASE.replace("\n- id: P-2\n  title: 二\n  owner_unit: fgw\n  due: 2023-06-30\n", "") + "\n- id: P-4\n  title: 四\n  owner_unit: fgw\n  due: 2023-08-01\n"
    result = merge_records(BASE, ours, theirs, "problems/fgw.yaml")
    assert result is not None and result.conflicts == []
    assert result.text == ("# 问题\n\n- id: P-1\n  title: 一（改）\n  owner_unit: fgw\n\n- id: P-3\n  title: 三\n  owner_unit: fgw\n  due: 2023-07-01\n"
                           "\n- id: P-4\n  title: 四\n  owner_unit: fgw\n  due: 2023-08-01\n")


def test_a_record_removed_on_one_side_and_changed_on_the_other_is_a_conflict() -> None:
    ours = BASE.replace("due: 2023-06-30", "due: 2023-07-31")
    theirs = BASE.replace("\n- id: P-2\n  title: 二\n  owner_unit: fgw\n  due: 2023-06-30\n", "")
    result = merge_records(BASE, ours, theirs, "problems/fgw.yaml")
    assert result is not None and result.conflicts == ["P-2"]
    assert "2023-07-31" in result.text and "<<<<<<<" in result.text


def test_a_file_that_is_not_a_plain_list_is_left_to_the_line_merge() -> None:
    assert merge_records("[{id: a, title: x}]\n", "[{id: a, title: y}]\n", "[{id: a, title: z}]\n", "topics/x.yaml") is None
