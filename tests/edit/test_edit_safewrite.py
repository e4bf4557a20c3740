"""Safe writes: atomic replacement, mode kept, and nothing written when the result is invalid."""

from __future__ import annotations

import os
import random
import stat
from pathlib import Path

import pytest
from edit_helpers import AS_OF_DAY, snapshot

from dytool.checks import SUITE
from dytool.edit.new import add_records
from dytool.edit.safewrite import Plan, RefusedWrite, commit, write_atomic
from dytool.engine.check import check_repository


def test_atomic_write_keeps_the_mode_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"old\n")
    path.chmod(0o640)
    write_atomic(path, b"new\n")
    assert path.read_bytes() == b"new\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_a_refused_write_leaves_every_file_untouched(campaign: Path) -> None:
    before = snapshot(campaign)
    mtimes = {p: p.stat().st_mtime_ns for p in campaign.rglob("*") if p.is_file() and ".dytool" not in p.parts}
    with pytest.raises(RefusedWrite) as refused:
        add_records(campaign, "problem", [{"title": "新问题", "owner_unit": "no-such-unit"}], as_of=AS_OF_DAY, rng=random.Random(1))
    assert refused.value.exit_code == 1
    assert any(f.code == "DY202" for f in refused.value.findings)
    assert snapshot(campaign) == before
    assert {p: p.stat().st_mtime_ns for p in campaign.rglob("*") if p.is_file() and ".dytool" not in p.parts} == mtimes


def test_errors_the_repository_already_had_do_not_block_a_valid_change(campaign: Path) -> None:
    (campaign / "visits").mkdir()
    (campaign / "visits" / "old.yaml").write_text("- id: V-1\n  date: 2023-05-01\n  leaders: [ghost]\n", encoding="utf-8")
    findings = check_repository(campaign, SUITE, AS_OF_DAY).findings
    assert any(f.is_error for f in findings)
    plan = Plan({"topics/more.yaml": "- id: T-9\n  title: 新课题\n".encode()})
    commit(campaign, plan, AS_OF_DAY, findings)
    assert (campaign / "topics" / "more.yaml").is_file()


def test_the_scratch_check_never_writes_through_hard_links(campaign: Path) -> None:
    original = (campaign / "topics" / "topics.yaml").read_bytes()
    with pytest.raises(RefusedWrite):
        commit(campaign, Plan({"topics/topics.yaml": b"- id: T-001\n  title: [broken\n"}), AS_OF_DAY, check_repository(campaign, SUITE, AS_OF_DAY).findings)
    assert (campaign / "topics" / "topics.yaml").read_bytes() == original
    assert os.stat(campaign / "topics" / "topics.yaml").st_nlink == 1
