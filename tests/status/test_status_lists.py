"""The three lists 三张清单 as of a day: problems found / closed / open / overdue / escalated /
long-term, 销号率 and 按时销号率 (as defined in status/ledger.py), the overdue items, solutions
and institutions by status, and the problems nobody has touched for ``stale_days``."""

from __future__ import annotations

from pathlib import Path

import pytest
from statuskit import D, brief, make_repo

EV = "evidence: 验收材料"
PROBLEMS = f"""\
- {{id: P-1, title: 按时销号, found_on: 2023-05-01, owner_unit: fgw, due: 2023-06-30, closed_on: 2023-06-28, {EV}}}
- {{id: P-2, title: 逾期销号, found_on: 2023-05-01, owner_unit: fgw, due: 2023-06-30, closed_on: 2023-07-10, {EV}}}
- id: P-3
  title: 逾期未销号
  found_on: 2023-05-01
  owner_unit: gxj
  due: 2023-08-31
  progress: [{{on: 2023-08-20, text: 推进中}}]
- {{id: P-4, title: 刚逾期, found_on: 2023-06-01, owner_unit: xiling, due: 2023-09-10}}
- id: P-5
  title: 提请统筹
  found_on: 2023-06-01
  owner_unit: fgw
  handling: escalated
  due: 2023-08-31
  progress: [{{on: 2023-07-01, text: 已提请市政府统筹}}]
- id: P-6
  title: 长期坚持
  found_on: 2023-06-01
  owner_unit: gxj
  handling: 长期坚持
  due: 2023-08-31
  progress: [{{on: 2023-09-20, text: 统计日之后的进展}}]
- {{id: P-7, title: 统计日之后发现, found_on: 2023-09-20, owner_unit: fgw, due: 2023-09-01}}
- {{id: P-8, title: 统计日之后才销号, found_on: 2023-06-01, owner_unit: gxj, due: 2023-07-31, closed_on: 2023-09-20, {EV}}}
- id: P-9
  title: 未写发现时间
  owner_unit: fgw
  due: 2023-12-31
  progress: [{{on: 2023-09-10, text: 推进中}}]
- {{id: P-10, title: 提请统筹后销号, found_on: 2023-06-01, owner_unit: fgw, handling: escalated, due: 2023-07-31, closed_on: 2023-08-01, {EV}}}
- {{id: P-11, title: 短语时限, found_on: 2023-09-01, owner_unit: xiling, due: 9月底前}}
"""
VISITS = "- {id: V-1, date: 2023-08-20, leaders: [lin], hosts: [xiling], problems: [P-4]}\n"
SOLUTIONS = """\
- {id: S-1, title: 已完成, problems: [P-1], owner_unit: fgw, due: 2023-06-30, done_on: 2023-06-28}
- {id: S-2, title: 统计日之后完成, problems: [P-2], owner_unit: fgw, due: 2023-06-30, done_on: 2023-09-20}
- {id: S-3, title: 未到期, problems: [P-3], owner_unit: gxj, due: 2023-12-31}
"""
INSTITUTIONS = """\
- {id: I-1, title: 已出台, kind: new, problems: [P-3], drafting_unit: fgw, issued_on: 2023-09-05, status: issued}
- {id: I-2, title: 统计日之后出台, kind: revised, problems: [P-3], drafting_unit: gxj, issued_on: 2023-09-20, status: 已出台}
- {id: I-3, title: 审议中, kind: new, drafting_unit: fgw, status: 审议中}
- {id: I-4, title: 起草中, kind: abolished, drafting_unit: fgw, status: drafting}
- {id: I-5, title: 未写状态, kind: new, drafting_unit: gxj}
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_repo(tmp_path, "", {
        "problems/all.yaml": PROBLEMS, "visits/v.yaml": VISITS,
        "solutions/s.yaml": SOLUTIONS, "institutions/i.yaml": INSTITUTIONS,
    })


def test_problem_counts(root: Path) -> None:
    p = brief(root, "2023-09-15").lists.problems
    # P-7 is found after the as-of day; P-9 is undated and counts as found
    assert p.found == 10
    assert (p.closed, p.closed_on_time, p.closed_late) == (3, 1, 2)  # P-1 on time; P-2 and P-10 late
    assert p.open == 7
    assert p.overdue == 3  # P-3, P-4 and P-8 (closed only after the as-of day); never P-5 or P-6
    assert (p.escalated, p.long_term) == (1, 1)  # P-10 was escalated but is closed


def test_closure_rates_as_defined(root: Path) -> None:
    p = brief(root, "2023-09-15").lists.problems
    assert p.closure_rate == round(3 / 10, 4)  # 销号率 = closed ÷ found
    assert p.on_time_rate == round(1 / (3 + 3), 4)  # 按时销号率 = closed on time ÷ (closed + overdue)


def test_overdue_items_sorted_by_days_overdue_with_the_owner_unit_name(root: Path) -> None:
    overdue = brief(root, "2023-09-15").lists.overdue
    assert [(o.id, o.owner_unit, o.owner_unit_name, o.due, o.days_overdue) for o in overdue] == [
        ("P-8", "gxj", "市工信局", D("2023-07-31"), 46),
        ("P-3", "gxj", "市工信局", D("2023-08-31"), 15),
        ("P-4", "xiling", "西岭县", D("2023-09-10"), 5),
        ("S-2", "fgw", "市发展改革委", D("2023-06-30"), 77),  # problems first, then solutions and institutions
    ]
    assert [o.kind for o in overdue] == ["problem", "problem", "problem", "solution"]
    assert overdue[0].title == "统计日之后才销号"


def test_a_day_later_the_closing_counts(root: Path) -> None:
    p = brief(root, "2023-09-20").lists.problems
    assert (p.found, p.closed, p.closed_late, p.overdue) == (11, 4, 3, 3)  # P-8 closed late; P-7 found and overdue


def test_nothing_found_yet(root: Path) -> None:
    lists = brief(root, "2023-04-10").lists
    p = lists.problems
    assert (p.found, p.closed, p.open, p.overdue, p.escalated, p.long_term) == (1, 0, 1, 0, 0, 0)  # only the undated P-9
    assert (p.closure_rate, p.on_time_rate) == (0.0, None)
    assert lists.overdue == ()


def test_rates_are_none_without_a_denominator(tmp_path: Path) -> None:
    p = brief(make_repo(tmp_path), "2023-09-15").lists.problems
    assert (p.found, p.closure_rate, p.on_time_rate) == (0, None, None)


def test_solutions_by_status_as_of_the_day(root: Path) -> None:
    lists = brief(root, "2023-09-15").lists
    assert (lists.solutions_done, lists.solutions_total, lists.solutions_overdue) == (1, 3, 1)  # S-2 done only on 09-20
    later = brief(root, "2023-09-20").lists
    assert (later.solutions_done, later.solutions_total, later.solutions_overdue) == (2, 3, 0)


def test_institutions_by_status_as_of_the_day(root: Path) -> None:
    inst = brief(root, "2023-09-15").lists.institutions
    assert set(inst) == {"drafting", "reviewing", "issued"}
    assert inst["issued"] == 1  # I-2 is issued only on 09-20
    assert sum(inst.values()) == 5
    assert inst["reviewing"] >= 1 and inst["drafting"] >= 2  # I-3; I-4 and I-5
    assert brief(root, "2023-09-20").lists.institutions == {"drafting": 2, "reviewing": 1, "issued": 2}


def test_stale_problems(root: Path) -> None:
    stale = brief(root, "2023-09-15").lists.stale
    # P-3 had progress on 08-20 and P-4 a visit on 08-20; P-6's progress on 09-20 is in the future;
    # P-8 is closed only after the as-of day; closed problems are never stale
    assert [(s.kind, s.id, s.last_activity, s.days) for s in stale] == [
        ("problem", "P-6", D("2023-06-01"), 106),
        ("problem", "P-8", D("2023-06-01"), 106),
        ("problem", "P-5", D("2023-07-01"), 76),
    ]


def test_stale_days_comes_from_the_campaign(tmp_path: Path) -> None:
    root = make_repo(tmp_path, "stale_days: 100\n", {"problems/all.yaml": PROBLEMS, "visits/v.yaml": VISITS})
    assert [s.id for s in brief(root, "2023-09-15").lists.stale] == ["P-6", "P-8"]
