"""Lists on the command line: repeated options, separated values and ``key=[a,b]`` mean the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from edit_helpers import dy

from dytool.checks import SUITE
from dytool.engine.load import load_repository


def _person(root: Path, ident: str) -> object:
    return next(e.record for e in load_repository(root, SUITE).repo.entries("person") if e.record.id == ident)


@pytest.mark.parametrize("args", [
    ["--roles", "city_leader,dept_head"],
    ["--roles", "city_leader", "--roles", "dept_head"],
    ["--roles", "city_leader，dept_head"],
    ["--roles", "city_leader、dept_head"],
    ["roles=[city_leader,dept_head]"],
    ["--roles=[city_leader, dept_head]"],
])
def test_every_way_of_writing_a_list_gives_the_same_roles(campaign: Path, capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    ran = dy(capsys, campaign, "new", "person", "--id", "wang", "--name", "王五", *args)
    assert ran.code == 0, ran.err
    assert _person(campaign, "wang").roles == ["city_leader", "dept_head"]  # type: ignore[attr-defined]
    assert "roles: [city_leader, dept_head]" in (campaign / "people.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "words"), [
    (["--roles", "city leader"], "city leader"),
    (["roles=[a,[b]]"], "[b"),
    (["--name", "[王五,李四]"], "不是列表"),
    (["--name", "王五", "--name", "李四"], "只能给一次"),
])
def test_a_value_that_cannot_be_a_list_item_is_refused(campaign: Path, capsys: pytest.CaptureFixture[str], args: list[str], words: str) -> None:
    before = (campaign / "people.yaml").read_bytes()
    ran = dy(capsys, campaign, "new", "person", "--id", "wang", *(["--name", "王五"] if "--name" not in args else []), *args)
    assert ran.code == 2 and words in ran.err, ran.err
    assert (campaign / "people.yaml").read_bytes() == before


def test_references_and_sentences(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ran = dy(capsys, campaign, "new", "topic", "--title", "课题", "--units", "fgw、jyj", "--questions", "如何降低成本，提高效率？",
             "--questions", "如何留住人才？", "--methods", "座谈会,实地走访")
    assert ran.code == 0, ran.err
    topic = next(e.record for e in load_repository(campaign, SUITE).repo.entries("topic") if e.record.title == "课题")
    assert topic.units == ["fgw", "jyj"]  # type: ignore[attr-defined]
    assert topic.questions == ["如何降低成本，提高效率？", "如何留住人才？"]  # type: ignore[attr-defined]
    assert [m.value for m in topic.methods] == ["symposium", "field_visit"]  # type: ignore[attr-defined]


def test_new_help_lists_each_kinds_fields_and_marks_the_lists(capsys: pytest.CaptureFixture[str]) -> None:
    ran = dy(capsys, None, "new", "--help")
    assert ran.code == 0
    assert "person:" in ran.out and "roles[]" in ran.out and "co-units[]" in ran.out and "title*" in ran.out
