"""``dytool status --leader ID`` and ``--unit ID``: the briefing narrowed to one leader or one unit."""

from __future__ import annotations

from pathlib import Path

import pytest
from statuskit import brief, cli, cli_json, make_repo

TOPICS = """\
- {id: T-1, title: 课题一, leader: lin, lead_unit: fgw, outline: {submitted_on: 2023-04-20}}
- {id: T-2, title: 课题二, leader: zhou, lead_unit: gxj, units: [fgw]}
- {id: T-3, title: 课题三, leader: zhou, lead_unit: xiling}
"""
PROBLEMS = """\
- {id: P-1, title: 发改委逾期, found_on: 2023-05-01, owner_unit: fgw, due: 2023-08-31}
- {id: P-2, title: 工信局逾期, found_on: 2023-05-01, owner_unit: gxj, due: 2023-08-31}
- {id: P-3, title: 工信局已销号, found_on: 2023-05-01, owner_unit: gxj, due: 2023-08-31, closed_on: 2023-08-01, evidence: 材料}
"""
SOLUTIONS = "- {id: S-1, title: 事项, problems: [P-1], owner_unit: fgw, due: 2023-12-31}\n"
INSTITUTIONS = "- {id: I-1, title: 办法, kind: new, drafting_unit: gxj, status: drafting}\n"
VISITS = """\
- {id: V-1, date: 2023-09-04, leaders: [lin], hosts: [xiling]}
- {id: V-2, date: 2023-09-05, leaders: [zhou], hosts: [xiling]}
- {id: V-3, date: 2023-09-06, leaders: [zhou], hosts: [xiling, gxj]}
- {id: V-4, date: 2023-09-06, leaders: [zhou], hosts: [gxj]}
- {id: V-5, date: 2023-09-07, leaders: [lin], hosts: [gxj]}
"""
CAMPAIGN = """\
milestones:
  - {id: m, title: 节点, due: 2023-10-31}
rules:
  host_burden: {window_days: 7, max_visits: 2}
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_repo(tmp_path, CAMPAIGN, {
        "topics/t.yaml": TOPICS, "problems/p.yaml": PROBLEMS, "solutions/s.yaml": SOLUTIONS,
        "institutions/i.yaml": INSTITUTIONS, "visits/v.yaml": VISITS,
    })


def test_unfiltered(root: Path) -> None:
    b = brief(root, "2023-09-15")
    assert b.filters == {}
    assert [line.id for line in b.leaders] == ["lin", "zhou"]
    assert b.topics.total == 3
    assert b.lists.problems.found == 3
    assert {x.host for x in b.burden} == {"xiling", "gxj"}


def test_leader_filter(root: Path) -> None:
    b = brief(root, "2023-09-15", leader="zhou")
    assert b.filters == {"leader": "zhou"}
    assert [line.id for line in b.leaders] == ["zhou"]
    assert b.leaders[0].visit_days == 2  # Sep 5 and Sep 6 (V-3 and V-4 share a day)
    assert b.topics.total == 2  # T-2 and T-3
    assert b.topics.by_stage["claimed"] == 2
    assert [m.id for m in b.milestones] == ["m"]


def test_unit_filter(root: Path) -> None:
    b = brief(root, "2023-09-15", unit="gxj")
    assert b.filters == {"unit": "gxj"}
    p = b.lists.problems
    assert (p.found, p.closed, p.overdue) == (2, 1, 1)
    assert [o.id for o in b.lists.overdue] == ["P-2"]
    assert (b.lists.solutions_done, b.lists.solutions_total) == (0, 0)
    assert b.lists.institutions == {"drafting": 1, "reviewing": 0, "issued": 0}
    assert [(x.host, x.visits) for x in b.burden] == [("gxj", 3)]
    assert b.topics.total == 1  # T-2, led by gxj


def test_unit_filter_takes_topics_the_unit_takes_part_in(root: Path) -> None:
    b = brief(root, "2023-09-15", unit="fgw")
    assert b.topics.total == 2  # T-1 (lead unit) and T-2 (participating unit)
    assert [o.id for o in b.lists.overdue] == ["P-1"]
    assert (b.lists.solutions_done, b.lists.solutions_total) == (0, 1)
    assert b.burden == ()


def test_filters_through_the_cli(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = cli_json(capsys, root, "2023-09-15", "--leader", "lin")
    assert [line["id"] for line in data["leaders"]] == ["lin"]
    assert data["topics"]["total"] == 1
    data = cli_json(capsys, root, "2023-09-15", "--unit", "fgw")
    assert [o["id"] for o in data["lists"]["overdue"]] == ["P-1"]


@pytest.mark.parametrize(("option", "value"), [("--leader", "nobody"), ("--unit", "nowhere")])
def test_unknown_id_is_a_usage_error(root: Path, capsys: pytest.CaptureFixture[str], option: str, value: str) -> None:
    code, out, err = cli(capsys, root, "2023-09-15", option, value)
    assert code == 2
    assert value in out + err
    assert "Traceback" not in out + err
