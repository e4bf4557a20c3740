"""Leaders 领导调研: topics led, visit days in the as-of month against ``visit_days_per_month``,
and the last visit (repo-format.md, visits/: a leader's visit days in a month are the distinct
days of that month on which the leader was on any visit)."""

from __future__ import annotations

from pathlib import Path

import pytest
from statuskit import D, brief, leader, make_repo

RULE = "rules:\n  visit_days_per_month: {min: 5, roles: [city_leader]}\n"
VISITS = """\
- {id: V-1, start: 2023-08-30, end: 2023-09-02, leaders: [lin], hosts: [xiling]}
- {id: V-2, date: 2023-09-05, leaders: [lin, zhou], hosts: [fgw]}
- {id: V-3, date: 2023-09-05, leaders: [lin], hosts: [gxj]}
- {id: V-4, date: 2023-09-20, leaders: [lin], hosts: [gxj]}
- {id: V-5, date: 2023-07-10, leaders: [sun], hosts: [gxj]}
"""
TOPICS = """\
- {id: T-1, title: 课题一, leader: zhou}
- {id: T-2, title: 课题二, leader: zhou}
- {id: T-3, title: 课题三, leader: sun}
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_repo(tmp_path, RULE, {"visits/v.yaml": VISITS, "topics/t.yaml": TOPICS})


def test_a_visit_across_two_months_gives_days_to_each(root: Path) -> None:
    assert leader(brief(root, "2023-08-31"), "lin").visit_days == 2  # Aug 30, 31
    # September: Sep 1, 2 of V-1 and Sep 5 (V-2 and V-3 on one day count once); V-4 is in the future
    assert leader(brief(root, "2023-09-15"), "lin").visit_days == 3


def test_future_days_are_not_counted(root: Path) -> None:
    b = brief(root, "2023-09-01")
    lin = leader(b, "lin")
    assert (lin.visit_days, lin.last_visit) == (1, D("2023-09-01"))  # Sep 2 has not come yet


def test_two_visits_on_one_day_count_once(root: Path) -> None:
    b = brief(root, "2023-09-05")
    assert leader(b, "lin").visit_days == 3  # Sep 1, 2, 5
    assert leader(b, "zhou").visit_days == 1  # a visit with two leaders counts for each


def test_last_visit_is_the_last_day_on_a_visit_up_to_the_as_of_day(root: Path) -> None:
    b = brief(root, "2023-09-15")
    assert leader(b, "lin").last_visit == D("2023-09-05")
    assert leader(b, "zhou").last_visit == D("2023-09-05")
    assert leader(brief(root, "2023-09-20"), "lin").last_visit == D("2023-09-20")
    before = brief(root, "2023-08-01")
    assert (leader(before, "lin").last_visit, leader(before, "lin").visit_days) == (None, 0)


def test_rule_minimum_applies_to_its_roles(root: Path) -> None:
    b = brief(root, "2023-09-15")
    lin, zhou, sun = leader(b, "lin"), leader(b, "zhou"), leader(b, "sun")
    assert (lin.required_days, lin.meets) == (5, False)
    assert (zhou.required_days, zhou.meets) == (5, False)
    assert (sun.required_days, sun.meets) == (None, None)  # dept_head: the rule is for city leaders
    assert (sun.visit_days, sun.last_visit) == (0, D("2023-07-10"))


def test_meeting_the_rule(tmp_path: Path) -> None:
    visits = "- {id: V-1, start: 2023-09-04, end: 2023-09-08, leaders: [zhou]}\n"
    b = brief(make_repo(tmp_path, RULE, {"visits/v.yaml": visits}), "2023-09-30")
    zhou = leader(b, "zhou")
    assert (zhou.visit_days, zhou.required_days, zhou.meets) == (5, 5, True)
    assert leader(brief(tmp_path, "2023-09-07"), "zhou").meets is False  # four days so far


def test_topics_led_and_order_by_rank(root: Path) -> None:
    b = brief(root, "2023-09-15")
    assert [line.id for line in b.leaders] == ["lin", "zhou", "sun"]  # ranked first, then the others
    assert [(line.topics, line.name, line.title, line.rank) for line in b.leaders] == [
        (0, "林海峰", "市委书记", 1), (2, "周启明", "市长", 2), (1, "孙丽娟", "发改委主任", None),
    ]


def test_without_a_rule_nothing_is_required(tmp_path: Path) -> None:
    b = brief(make_repo(tmp_path, "", {"visits/v.yaml": VISITS}), "2023-09-15")
    assert {(line.required_days, line.meets) for line in b.leaders} == {(None, None)}
