"""``dytool close``: 销号 and done marks change only the record's lines, and refuse what is closed."""

from __future__ import annotations

from pathlib import Path

import pytest
from edit_helpers import FILES, dy, errors, snapshot

from dytool.checks import SUITE
from dytool.engine.load import load_repository
from dytool.models import Institution, Problem


def _added_lines(before: str, after: str) -> list[str]:
    old = before.splitlines()
    new = after.splitlines()
    assert [line for line in new if line not in old] == [line for line in new if line not in set(old)]
    missing = [line for line in old if line not in new]
    assert not missing, f"lines lost: {missing}"
    return [line for line in new if line not in old]


def test_closing_a_problem_keeps_comments_byte_for_byte(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = campaign / "problems" / "fgw.yaml"
    before = path.read_text(encoding="utf-8")
    ran = dy(capsys, campaign, "close", "P-002", "--evidence", "审批事项精简清单已印发", "--by", "lin", "--on", "2023-09-10")
    assert ran.code == 0, ran.err
    after = path.read_text(encoding="utf-8")
    assert after == before.replace("  due: 2023-12-31  # 年底前\n",
                                   "  due: 2023-12-31  # 年底前\n  closed_on: 2023-09-10\n  closed_by: lin\n  evidence: 审批事项精简清单已印发\n")
    assert not errors(campaign)


def test_closing_refuses_what_is_already_closed_and_says_why(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(campaign)
    ran = dy(capsys, campaign, "close", "P-001", "--evidence", "x")
    assert ran.code == 1 and "2023-06-28" in ran.err and "已" in ran.err
    ran = dy(capsys, campaign, "close", "P-001", "--evidence", "x", lang="en")
    assert "already closed on 2023-06-28" in ran.err
    assert snapshot(campaign) == before


def test_closing_a_problem_needs_an_owner_unit_and_evidence_or_a_note(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (campaign / "problems" / "more.yaml").write_text("- id: P-9\n  title: 无主问题\n", encoding="utf-8")
    assert dy(capsys, campaign, "close", "P-9", "--note", "已解决").code == 1
    assert dy(capsys, campaign, "close", "P-9", "--owner-unit", "jyj").code == 1
    ran = dy(capsys, campaign, "close", "P-9", "--owner-unit", "jyj", "--note", "经核实已解决")
    assert ran.code == 0, ran.err
    problem = next(e.record for e in load_repository(campaign, SUITE).repo.entries("problem") if e.record.id == "P-9")
    assert isinstance(problem, Problem)
    assert problem.owner_unit == "jyj" and str(problem.closed_on) == "2023-09-15" and problem.note == "经核实已解决"


def test_close_solution_institution_milestone_and_recurring(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert dy(capsys, campaign, "close", "S-001", "--evidence", "机制已建立").code == 0
    assert dy(capsys, campaign, "close", "I-001").code == 1  # no document number
    assert dy(capsys, campaign, "close", "I-001", "--doc-number", "青办发〔2023〕16号", "--on", "9月12日").code == 0
    assert dy(capsys, campaign, "close", "outline-due", "--on", "2023-04-29", "--note", "已报送").code == 0
    assert dy(capsys, campaign, "close", "monthly", "--on", "2023-05-30").code == 0
    assert dy(capsys, campaign, "close", "monthly", "--on", "2023-07-02", "--period", "2023-06").code == 0
    assert dy(capsys, campaign, "close", "monthly", "--on", "2023-05-31").code == 1  # May was met on the 30th
    institutions = (campaign / "institutions" / "institutions.yaml").read_text(encoding="utf-8")
    assert "  issued_on: 2023-09-12\n  doc_number: 青办发〔2023〕16号\n  status: 已出台\n" in institutions  # a label, as the file wrote it
    issued = load_repository(campaign, SUITE).repo.entries("institution")[0].record
    assert isinstance(issued, Institution) and issued.status is not None and issued.status.value == "issued"
    text = (campaign / "campaign.yaml").read_text(encoding="utf-8")
    assert "    due: 2023-04-30\n    done_on: 2023-04-29\n    evidence: 已报送\n" in text
    assert "      - 2023-04-28   # 4月\n      - 2023-05-30\n      - {period: 2023-06, on: 2023-07-02}\n" in text
    assert dy(capsys, campaign, "close", "S-001").code == 1
    assert dy(capsys, campaign, "close", "outline-due").code == 1
    assert not errors(campaign)


def test_close_refuses_what_cannot_be_closed(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert dy(capsys, campaign, "close", "T-001").code == 2
    assert dy(capsys, campaign, "close", "nothing").code == 2
    assert dy(capsys, campaign, "close", "P-002", "--evidence", "x", "--owner-unit", "ghost").code == 1  # would dangle


def test_closing_keeps_a_crlf_file_crlf(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = campaign / "problems" / "fgw.yaml"
    path.write_bytes(FILES["problems/fgw.yaml"].encode().replace(b"\n", b"\r\n"))
    assert dy(capsys, campaign, "close", "P-002", "--evidence", "已完成").code == 0
    data = path.read_bytes()
    assert b"  closed_on: 2023-09-15\r\n  evidence: \xe5\xb7\xb2\xe5\xae\x8c\xe6\x88\x90\r\n" in data
    assert data.count(b"\n") == data.count(b"\r\n")


def test_dry_run_shows_the_change_only(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(campaign)
    ran = dy(capsys, campaign, "close", "P-002", "--evidence", "已完成", "--dry-run")
    assert ran.code == 0 and "+  closed_on: 2023-09-15" in ran.out
    assert snapshot(campaign) == before


def test_closing_in_the_example_changes_only_the_intended_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    from edit_helpers import EXAMPLE

    repo = tmp_path / "example"
    shutil.copytree(EXAMPLE, repo, ignore=shutil.ignore_patterns(".dytool"))
    before = (repo / "problems" / "nanxi-county.yaml").read_text(encoding="utf-8")
    open_problem = next(e.record for e in load_repository(repo, SUITE).repo.entries("problem")
                        if e.source.file == "problems/nanxi-county.yaml" and getattr(e.record, "closed_on", None) is None)
    ran = dy(capsys, repo, "close", open_problem.id, "--evidence", "已解决", "--on", "2023-09-15")
    assert ran.code == 0, ran.err
    added = _added_lines(before, (repo / "problems" / "nanxi-county.yaml").read_text(encoding="utf-8"))
    assert added == ["  closed_on: 2023-09-15", "  evidence: 已解决"]
