"""``dytool new``: records from flags, in the kind's default file, checked before writing."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from edit_helpers import AS_OF_DAY, FILES, dy, errors, git, git_repo, snapshot

from dytool.checks import SUITE
from dytool.edit.new import add_records
from dytool.edit.scaffold import support_files
from dytool.edit.targets import default_file
from dytool.edit.vendoring import Install
from dytool.engine.load import load_repository


def test_new_then_check_is_clean(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ran = dy(capsys, campaign, "new", "problem", "--title", "道路破损", "--owner-unit", "fgw", "--due", "9月底前", "--found-on", "2023.9.14",
             "--co-units", "jyj")
    assert ran.code == 0, ran.err
    ident = ran.out.split()[1]
    assert ident.startswith("P-20230915-")
    text = (campaign / "problems" / "fgw.yaml").read_text(encoding="utf-8")
    assert text == FILES["problems/fgw.yaml"] + f"- id: {ident}\n  title: 道路破损\n  found_on: 2023-09-14\n  owner_unit: fgw\n  co_units: [jyj]\n  due: 9月底前\n"
    assert dy(capsys, campaign, "check").code == 0


def test_every_kind_goes_to_its_default_file(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commands = [
        ("person", "--id", "zhao", "--name", "赵六"),
        ("unit", "--id", "nyj", "--name", "市农业农村局", "--type", "部门"),
        ("topic", "--title", "新课题", "--leader", "lin"),
        ("visit", "--date", "5月10日", "--leader", "lin", "--hosts", "fgw,某企业", "--methods", "座谈会、field_visit"),
        ("problem", "title=没有责任单位的问题"),
        ("solution", "--title", "解决", "--problems", "P-002"),
        ("institution", "--title", "办法", "--kind", "新建"),
    ]
    for args in commands:
        ran = dy(capsys, campaign, "new", *args)
        assert ran.code == 0, (args, ran.err)
    assert "- id: zhao\n  name: 赵六\n" in (campaign / "people.yaml").read_text(encoding="utf-8")
    assert "type: department" in (campaign / "units.yaml").read_text(encoding="utf-8")
    visits = (campaign / "visits" / "2023-05.yaml").read_text(encoding="utf-8")
    assert "  date: 2023-05-10\n  leaders: [lin]\n  hosts: [fgw, 某企业]\n  methods: [symposium, field_visit]\n" in visits
    assert (campaign / "problems" / "problems.yaml").is_file()
    assert (campaign / "solutions" / "solutions.yaml").read_text(encoding="utf-8").count("- id:") == 2
    assert "kind: new" in (campaign / "institutions" / "institutions.yaml").read_text(encoding="utf-8")
    assert not errors(campaign)


def test_default_problem_file_follows_the_owner_unit(campaign: Path) -> None:
    assert default_file(campaign, "problem", "fgw", None) == "problems/fgw.yaml"
    assert default_file(campaign, "problem", "jyj", None) == "problems/jyj.yaml"
    assert default_file(campaign, "problem", None, None) == "problems/problems.yaml"
    (campaign / "problems" / "problems.yaml").write_text("[]\n", encoding="utf-8")
    assert default_file(campaign, "problem", "jyj", None) == "problems/problems.yaml"


def test_serial_ids_when_the_campaign_asks(campaign: Path) -> None:
    text = (campaign / "campaign.yaml").read_text(encoding="utf-8").replace("period:", "id_style: serial\nperiod:")
    (campaign / "campaign.yaml").write_text(text, encoding="utf-8")
    batch = add_records(campaign, "problem", [{"title": "一"}, {"title": "二"}], as_of=AS_OF_DAY, rng=random.Random(1))
    assert [a.id for a in batch.added] == ["P-003", "P-004"]


def test_file_option_is_checked(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ran = dy(capsys, campaign, "new", "problem", "--title", "t", "--file", "visits/x.yaml")
    assert ran.code == 2 and "--file" in ran.err
    ran = dy(capsys, campaign, "new", "problem", "--title", "t", "--file", "problems/2023/九月.yaml")
    assert ran.code == 0
    assert (campaign / "problems" / "2023" / "九月.yaml").is_file()


def test_missing_required_fields_and_unknown_fields_are_usage_errors(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(campaign)
    ran = dy(capsys, campaign, "new", "visit", "--leaders", "lin")
    assert ran.code == 2 and "date" in ran.err
    ran = dy(capsys, campaign, "new", "problem", "--title", "t", "--owner-unti", "fgw", lang="en")
    assert ran.code == 2 and "did you mean --owner-unit?" in ran.err
    ran = dy(capsys, campaign, "new", "person", "--name", "无编号")
    assert ran.code == 2
    assert dy(capsys, campaign, "new", "problem", "--title", "t", "--id", "P-001").code == 1
    assert snapshot(campaign) == before


def test_an_invalid_record_is_refused_with_the_reason(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(campaign)
    ran = dy(capsys, campaign, "new", "visit", "--date", "2023-02-30", "--leaders", "ghost", lang="en")
    assert ran.code == 1
    assert "DY202" in ran.err or "DY105" in ran.err
    assert snapshot(campaign) == before


def test_dry_run_shows_the_record_and_writes_nothing(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(campaign)
    ran = dy(capsys, campaign, "new", "topic", "--title", "试一试", "--dry-run")
    assert ran.code == 0 and "title: 试一试" in ran.out
    assert snapshot(campaign) == before


def test_crlf_files_stay_crlf(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = campaign / "topics" / "topics.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert dy(capsys, campaign, "new", "topic", "--title", "新课题").code == 0
    data = path.read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n") == 7


def test_two_branches_add_problems_and_merge_cleanly(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git_repo(campaign)
    assert dy(capsys, campaign, "merge-records", "--install").code == 0
    git(campaign, "checkout", "-q", "-b", "east")
    assert dy(capsys, campaign, "new", "problem", "--title", "东边的问题", "--owner-unit", "fgw").code == 0
    git(campaign, "commit", "-q", "-am", "东")
    git(campaign, "checkout", "-q", "main")
    assert dy(capsys, campaign, "new", "problem", "--title", "西边的问题", "--owner-unit", "jyj").code == 0
    git(campaign, "add", "-A")
    git(campaign, "commit", "-q", "-m", "西")
    git(campaign, "merge", "-q", "--no-edit", "east")
    ids = [e.record.id for e in load_repository(campaign, SUITE).repo.entries("problem")]
    assert len(ids) == len(set(ids)) == 4
    assert not errors(campaign)
    assert not git(campaign, "status", "--porcelain", "--untracked-files=no")


def test_two_branches_appending_to_the_same_file_merge_with_the_generated_attributes(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (campaign / ".gitattributes").write_text(support_files("t", Install("0"))[".gitattributes"], encoding="utf-8")
    git_repo(campaign)
    assert dy(capsys, campaign, "merge-records", "--install").code == 0
    git(campaign, "checkout", "-q", "-b", "east")
    assert dy(capsys, campaign, "new", "problem", "--title", "东边的问题", "--owner-unit", "fgw").code == 0
    git(campaign, "commit", "-q", "-am", "东")
    git(campaign, "checkout", "-q", "main")
    assert dy(capsys, campaign, "new", "problem", "--title", "西边的问题", "--owner-unit", "fgw").code == 0
    git(campaign, "commit", "-q", "-am", "西")
    git(campaign, "merge", "-q", "--no-edit", "east")
    text = (campaign / "problems" / "fgw.yaml").read_text(encoding="utf-8")
    assert "东边的问题" in text and "西边的问题" in text and "<<<<<<<" not in text
    ids = [e.record.id for e in load_repository(campaign, SUITE).repo.entries("problem")]
    assert len(ids) == len(set(ids)) == 4
    assert not errors(campaign)


def test_on_a_terminal_missing_required_fields_are_asked_for(campaign: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    import typer

    asked: list[str] = []
    answers = iter(["2023-09-14", "lin"])

    def prompt(text: str, **_: object) -> str:
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(typer, "prompt", prompt)
    ran = dy(capsys, campaign, "new", "visit", "--hosts", "fgw")
    assert ran.code == 0, ran.err
    assert asked == ["日期 (date)", "带队领导 (leaders)"]
    assert "  date: 2023-09-14\n  leaders: [lin]\n  hosts: [fgw]\n" in (campaign / "visits" / "2023-09.yaml").read_text(encoding="utf-8")
