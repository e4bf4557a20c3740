"""git: ``diff`` in campaign terms, ``changes_since`` for ``status --since``, ``changed_files`` for
``check --changed-since``; clear errors outside a git repository."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from edit_helpers import AS_OF_DAY, dy, git, git_repo, make_campaign

from dytool.checks import SUITE
from dytool.core.errors import UserError
from dytool.source import git as gitmod
from dytool.status.changes import changes_json, changes_since, diff_refs


def _commit(root: Path, message: str, day: str) -> None:
    git(root, "add", "-A")
    env = {"GIT_COMMITTER_DATE": f"{day}T12:00:00+08:00", "GIT_AUTHOR_DATE": f"{day}T12:00:00+08:00"}
    os.environ.update(env)
    try:
        git(root, "commit", "-q", "-m", message)
    finally:
        for key in env:
            os.environ.pop(key)


@pytest.fixture
def history(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Three commits: the start (Sep 1), a week of work (Sep 8), more work (Sep 12)."""
    root = make_campaign(tmp_path / "repo")
    git(root, "init", "-q", "-b", "main")
    _commit(root, "起始", "2023-09-01")
    assert dy(capsys, root, "new", "problem", "--title", "路灯不亮", "--owner-unit", "jyj", "--id", "P-010").code == 0
    assert dy(capsys, root, "new", "visit", "--id", "V-010", "--date", "2023-09-05", "--leaders", "lin", "--topics", "T-001").code == 0
    assert dy(capsys, root, "close", "P-002", "--evidence", "已精简", "--on", "2023-09-07").code == 0
    _commit(root, "一周的工作", "2023-09-08")
    assert dy(capsys, root, "close", "outline-due", "--on", "2023-04-28").code == 0
    assert dy(capsys, root, "close", "I-001", "--doc-number", "青办发〔2023〕16号", "--on", "2023-09-11").code == 0
    _commit(root, "又一些", "2023-09-12")
    return root


def test_diff_between_two_commits_in_campaign_terms(history: Path, capsys: pytest.CaptureFixture[str]) -> None:
    changes = diff_refs(history, "HEAD~2", "HEAD~1", AS_OF_DAY)
    assert [c.id for c in changes.new_problems] == ["P-010"]
    assert [(c.id, c.detail) for c in changes.closed_problems] == [("P-002", "2023-09-07")]
    assert [c.id for c in changes.new_visits] == ["V-010"]
    assert [(c.id, c.detail) for c in changes.topic_stages] == [("T-001", "claimed→researching")]
    assert not changes.edited and not changes.removed and not changes.milestones_met
    ran = dy(capsys, history, "diff", "HEAD~2", "HEAD~1")
    assert ran.code == 0
    assert "新发现问题（1）" in ran.out and "P-010 路灯不亮" in ran.out and "领题→调研" in ran.out


def test_diff_against_the_working_tree_and_as_json(history: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (history / "topics" / "topics.yaml").write_text("# 课题\n- id: T-001\n  title: 两湾产业融合发展\n  leader: lin\n", encoding="utf-8")
    ran = dy(capsys, history, "diff", "HEAD~1", "--format", "json")
    data = json.loads(ran.out)
    assert [m["id"] for m in data["milestones_met"]] == ["outline-due"]
    assert [i["id"] for i in data["institutions_issued"]] == ["I-001"]
    assert [(e["id"], e["detail"]) for e in data["edited"]] == [("T-001", "title")]
    assert data["target"] is None


def test_changes_since_a_day_uses_the_last_commit_before_it(history: Path) -> None:
    changes = changes_since(history, "2023-09-10", AS_OF_DAY)  # since the commit of Sep 8
    assert changes.base_day == dt.date(2023, 9, 10)
    assert [c.id for c in changes.institutions_issued] == ["I-001"] and not changes.new_problems
    assert [c.id for c in changes_since(history, "9月5日", AS_OF_DAY).new_problems] == ["P-010"]
    everything = changes_since(history, "2023-08-01", AS_OF_DAY)  # before the first commit: all is new
    assert {"P-001", "P-002", "P-010"} <= {c.id for c in everything.new_problems}
    assert changes_json(changes)["since"] == "2023-09-10"
    assert changes_since(history, "HEAD~1", AS_OF_DAY).institutions_issued


def test_changed_files_since_a_ref_include_uncommitted_and_new_files(history: Path) -> None:
    assert gitmod.changed_files(history, "HEAD~1") == {"campaign.yaml", "institutions/institutions.yaml"}
    (history / "topics" / "新课题.yaml").write_text("- id: T-9\n  title: 新\n", encoding="utf-8")
    assert "topics/新课题.yaml" in gitmod.changed_files(history, "HEAD")


def test_a_campaign_in_a_subfolder_of_the_git_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_campaign(tmp_path / "work" / "campaign")
    git_repo(tmp_path / "work")
    root = tmp_path / "work" / "campaign"
    assert dy(capsys, root, "new", "problem", "--title", "新", "--owner-unit", "fgw", "--id", "P-100").code == 0
    assert gitmod.changed_files(root, "HEAD") == {"problems/fgw.yaml"}
    assert [c.id for c in diff_refs(root, "HEAD", None, AS_OF_DAY).new_problems] == ["P-100"]


def test_outside_git_and_unknown_revisions_are_usage_errors(campaign: Path, history: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ran = dy(capsys, campaign, "diff", "HEAD")
    assert ran.code == 2 and "git" in ran.err and "Traceback" not in ran.err
    with pytest.raises(UserError) as raised:
        gitmod.changed_files(campaign, "HEAD")
    assert raised.value.exit_code == 2
    ran = dy(capsys, history, "diff", "no-such-branch")
    assert ran.code == 2 and "no-such-branch" in ran.err and "fetch-depth" in ran.err
    assert dy(capsys, history, "diff", "--", "-x").code == 2


def test_findings_can_be_narrowed_to_changed_files(history: Path) -> None:
    """What ``check --changed-since`` does: load and check everything, report only changed files."""
    from dytool.engine.check import check_repository

    (history / "topics" / "broken.yaml").write_text("- id: T-9\n  title: 新\n  leader: ghost\n", encoding="utf-8")
    (history / "units.yaml").write_text((history / "units.yaml").read_text(encoding="utf-8") + "- id: bad\n  name: 坏\n  parent: ghost\n",
                                        encoding="utf-8")
    git(history, "commit", "-q", "-am", "坏单位")
    changed = gitmod.changed_files(history, "HEAD")
    findings = check_repository(history, SUITE, AS_OF_DAY).findings
    assert {f.file for f in findings if f.is_error} == {"topics/broken.yaml", "units.yaml"}
    assert {f.file for f in findings if f.is_error and (f.file in changed or not f.file)} == {"topics/broken.yaml"}
