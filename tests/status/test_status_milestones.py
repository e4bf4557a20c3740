"""Milestones 时间节点: the deadline statuses of dates.md, and ``requires`` checks over records
(repo-format.md: topic_outline, topic_report, leader_topics, problem_lists, ``applies_to``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from statuskit import D, brief, make_repo, milestone

from dytool.dates import Status

# ---------------------------------------------------------------- plain milestones (done_on)

PLAIN = """\
milestones:
  - {id: on-time, title: 按时完成, due: 2023-06-10, done_on: 2023-06-08, owner: fgw}
  - {id: on-due-day, title: 截止当天完成, due: 2023-06-10, done_on: 2023-06-10}
  - {id: late, title: 逾期完成, due: 2023-06-10, done_on: 2023-06-12}
  - {id: open-past, title: 已逾期, due: 2023-09-01, owner: lin}
  - {id: due-today, title: 今天截止, due: 2023-09-15}
  - {id: due-in-7, title: 七天后截止, due: 2023-09-22}
  - {id: due-in-8, title: 八天后截止, due: 2023-09-23}
  - {id: done-later, title: 完成日期在统计日之后, due: 2023-09-20, done_on: 2023-09-18}
"""


@pytest.fixture
def plain(tmp_path: Path) -> Path:
    return make_repo(tmp_path, PLAIN)


@pytest.mark.parametrize(
    ("ident", "status", "days_left", "days_overdue", "done_on"),
    [
        ("on-time", Status.DONE, 0, 97, D("2023-06-08")),
        ("on-due-day", Status.DONE, 0, 97, D("2023-06-10")),  # C == D is done, not late
        ("late", Status.DONE_LATE, 0, 97, D("2023-06-12")),
        ("open-past", Status.OVERDUE, 0, 14, None),
        ("due-today", Status.DUE_SOON, 0, 0, None),  # 0 <= D - T <= W
        ("due-in-7", Status.DUE_SOON, 7, 0, None),  # the window's last day
        ("due-in-8", Status.PENDING, 8, 0, None),
        ("done-later", Status.DUE_SOON, 5, 0, None),  # done after T counts as not done
    ],
)
def test_deadline_status_of_each_milestone(plain: Path, ident: str, status: Status, days_left: int, days_overdue: int,
                                           done_on: object) -> None:
    m = milestone(brief(plain, "2023-09-15"), ident)
    assert m.status is status
    assert (m.days_left, m.days_overdue, m.done_on) == (days_left, days_overdue, done_on)
    assert m.done is None and m.total is None  # no requires: no n/m


def test_done_date_after_the_as_of_day_counts_once_the_day_comes(plain: Path) -> None:
    before = milestone(brief(plain, "2023-09-17"), "done-later")
    assert (before.status, before.done_on) == (Status.DUE_SOON, None)
    on_the_day = milestone(brief(plain, "2023-09-18"), "done-later")
    assert (on_the_day.status, on_the_day.done_on) == (Status.DONE, D("2023-09-18"))


def test_done_later_than_as_of_and_past_due_is_overdue(plain: Path) -> None:
    m = milestone(brief(plain, "2023-06-11"), "late")  # done on 06-12, seen on 06-11
    assert (m.status, m.days_overdue, m.done_on) == (Status.OVERDUE, 1, None)


def test_as_of_before_the_period_everything_is_pending_or_due_soon(plain: Path) -> None:
    b = brief(plain, "2023-03-01")
    assert {m.status for m in b.milestones} == {Status.PENDING}
    assert milestone(b, "on-time").days_left == (D("2023-06-10") - D("2023-03-01")).days
    assert all(m.done_on is None for m in b.milestones)


def test_due_soon_days_comes_from_the_campaign(tmp_path: Path) -> None:
    root = make_repo(tmp_path, "due_soon_days: 3\n" + PLAIN)
    b = brief(root, "2023-09-15")
    assert milestone(b, "due-in-7").status is Status.PENDING
    assert milestone(b, "due-today").status is Status.DUE_SOON


def test_order_overdue_first_then_due_soon(plain: Path) -> None:
    statuses = [m.status for m in brief(plain, "2023-09-15").milestones]
    rank = [Status.OVERDUE, Status.DUE_SOON, Status.PENDING, Status.DONE_LATE, Status.DONE]
    assert statuses == sorted(statuses, key=rank.index)
    assert statuses[0] is Status.OVERDUE


def test_owner_name_is_resolved(plain: Path) -> None:
    b = brief(plain, "2023-09-15")
    assert (milestone(b, "on-time").owner, milestone(b, "on-time").owner_name) == ("fgw", "市发展改革委")
    assert milestone(b, "open-past").owner_name == "林海峰"


def test_due_written_as_a_phrase_resolves_and_keeps_its_text(tmp_path: Path) -> None:
    root = make_repo(tmp_path, "milestones:\n  - {id: m, title: 拿出方案, due: 9月底前}\n")
    m = milestone(brief(root, "2023-09-25"), "m")
    assert (m.due, m.due_text, m.status, m.days_left) == (D("2023-09-30"), "9月底前", Status.DUE_SOON, 5)


def test_due_phrase_before_a_bare_month(tmp_path: Path) -> None:
    root = make_repo(tmp_path, "milestones:\n  - {id: m, title: 报送, due: 9月前}\n")
    m = milestone(brief(root, "2023-09-01"), "m")
    assert (m.due, m.status, m.days_overdue) == (D("2023-08-31"), Status.OVERDUE, 1)


# ---------------------------------------------------------------- requires: topic_outline

TOPICS = """\
- id: T-1
  title: 重大课题一
  leader: lin
  lead_unit: fgw
  kind: major
  outline: {submitted_on: 2023-04-20}
- id: T-2
  title: 重大课题二
  leader: zhou
  lead_unit: xiling
  kind: major
  outline: {submitted_on: 2023-04-28}
- id: T-3
  title: 专项调研
  leader: sun
  lead_unit: fgw
  kind: special
- id: T-4
  title: 待认领选题
  kind: major
"""


def outline_repo(root: Path, applies: str = "", extra_topics: str = "") -> Path:
    """A milestone due 2023-04-30 requiring outlines; ``applies`` is its ``applies_to`` mapping."""
    campaign = (
        "milestones:\n"
        "  - id: outlines\n"
        "    title: 调研提纲报市委审定\n"
        "    due: 2023-04-30\n"
        "    requires: topic_outline\n"
        + (f"    applies_to: {applies}\n" if applies else "")
    )
    return make_repo(root, campaign, {"topics/topics.yaml": TOPICS + extra_topics})


def test_topic_outline_counts_claimed_topics_with_missing_ids(tmp_path: Path) -> None:
    root = outline_repo(tmp_path)
    m = milestone(brief(root, "2023-04-25"), "outlines")
    # T-4 has no leader yet: nobody owes its outline; T-3 has no outline; T-2's comes on 04-28
    assert (m.done, m.total, m.missing) == (1, 3, ("T-2", "T-3"))
    assert m.status is Status.DUE_SOON


def test_topic_outline_applies_to_topic_kinds(tmp_path: Path) -> None:
    root = outline_repo(tmp_path, "{topic_kinds: [major]}")
    early = milestone(brief(root, "2023-04-25"), "outlines")
    assert (early.done, early.total, early.missing, early.status) == (1, 2, ("T-2",), Status.DUE_SOON)
    done = milestone(brief(root, "2023-05-02"), "outlines")
    assert (done.done, done.total, done.missing) == (2, 2, ())
    assert (done.status, done.done_on) == (Status.DONE, D("2023-04-28"))


def test_topic_outline_applies_to_leader_roles(tmp_path: Path) -> None:
    root = outline_repo(tmp_path, "{roles: [dept_head]}")
    m = milestone(brief(root, "2023-05-02"), "outlines")
    assert (m.done, m.total, m.missing, m.status) == (0, 1, ("T-3",), Status.OVERDUE)


def test_topic_outline_applies_to_lead_unit_types(tmp_path: Path) -> None:
    root = outline_repo(tmp_path, "{unit_types: [county]}")
    m = milestone(brief(root, "2023-05-02"), "outlines")
    assert (m.done, m.total, m.status) == (1, 1, Status.DONE)


def test_late_outline_makes_the_milestone_done_late(tmp_path: Path) -> None:
    late = "- {id: T-5, title: 延期报送提纲的课题, leader: zhou, kind: major, outline: {submitted_on: 2023-05-06}}\n"
    root = outline_repo(tmp_path, "{topic_kinds: [major]}", extra_topics=late)
    before = milestone(brief(root, "2023-05-03"), "outlines")
    assert (before.done, before.total, before.missing, before.status) == (2, 3, ("T-5",), Status.OVERDUE)
    assert before.days_overdue == 3
    after = milestone(brief(root, "2023-09-15"), "outlines")
    assert (after.done, after.total, after.status, after.done_on) == (3, 3, Status.DONE_LATE, D("2023-05-06"))


def test_outline_submitted_after_the_as_of_day_is_not_counted(tmp_path: Path) -> None:
    root = outline_repo(tmp_path, "{topic_kinds: [major]}")
    m = milestone(brief(root, "2023-04-10"), "outlines")
    assert (m.done, m.total, m.missing, m.status) == (0, 2, ("T-1", "T-2"), Status.PENDING)


# ---------------------------------------------------------------- requires: topic_report

REPORT = """\
---
topic: {topic}
title: 调研报告
date: {date}
---
正文。
"""


def test_topic_report_counts_reports_by_their_date(tmp_path: Path) -> None:
    campaign = """\
    milestones:
      - id: reports
        title: 调研报告报送
        due: 2023-06-30
        requires: topic_report
        applies_to: {topic_kinds: [major]}
    """
    topics = TOPICS.replace("kind: major\n  outline: {submitted_on: 2023-04-20}",
                            "kind: major\n  outline: {submitted_on: 2023-04-20}\n  report: reports/T-1.md")
    root = make_repo(tmp_path, campaign, {
        "topics/topics.yaml": topics,
        "reports/T-1.md": REPORT.format(topic="T-1", date="2023-06-20"),
        "reports/T-2.md": REPORT.format(topic="T-2", date="2023-07-05"),
    })
    june = milestone(brief(root, "2023-06-25"), "reports")
    assert (june.done, june.total, june.missing, june.status) == (1, 2, ("T-2",), Status.DUE_SOON)
    july = milestone(brief(root, "2023-07-01"), "reports")
    assert (july.done, july.total, july.status, july.days_overdue) == (1, 2, Status.OVERDUE, 1)
    later = milestone(brief(root, "2023-07-05"), "reports")
    assert (later.done, later.total, later.status, later.done_on) == (2, 2, Status.DONE_LATE, D("2023-07-05"))


# ---------------------------------------------------------------- requires: leader_topics

def leader_topics_repo(root: Path, rule: str, applies: str = "") -> Path:
    campaign = (
        "milestones:\n"
        "  - id: lead\n"
        "    title: 领导领题\n"
        "    due: 2023-04-30\n"
        "    requires: leader_topics\n"
        + (f"    applies_to: {applies}\n" if applies else "")
        + f"rules:\n  leader_topics: {rule}\n"
    )
    topics = """\
    - {id: T-1, title: 课题一, leader: lin}
    - {id: T-2, title: 课题二, leader: lin}
    - {id: T-3, title: 课题三, leader: zhou}
    - {id: T-4, title: 课题四, leader: sun}
    """
    return make_repo(root, campaign, {"topics/topics.yaml": topics})


def test_leader_topics_uses_the_rule_minimum_per_role(tmp_path: Path) -> None:
    root = leader_topics_repo(tmp_path, "{min: 2, max: 3, roles: [city_leader]}")
    m = milestone(brief(root, "2023-05-10"), "lead")
    assert (m.done, m.total, m.missing, m.status) == (1, 2, ("zhou",), Status.OVERDUE)


def test_leader_topics_applies_to_roles_overrides_the_rule_roles(tmp_path: Path) -> None:
    root = leader_topics_repo(tmp_path, "{min: 1, roles: [city_leader]}", "{roles: [dept_head]}")
    m = milestone(brief(root, "2023-04-20"), "lead")
    assert (m.done, m.total, m.missing, m.status) == (1, 1, (), Status.DONE)


def test_leader_topics_all_satisfied(tmp_path: Path) -> None:
    root = leader_topics_repo(tmp_path, "{min: 1, roles: [city_leader]}")
    m = milestone(brief(root, "2023-04-20"), "lead")
    assert (m.done, m.total, m.missing, m.status) == (2, 2, (), Status.DONE)


# ---------------------------------------------------------------- requires: problem_lists

LISTS = """\
milestones:
  - id: lists
    title: 研究制定问题清单
    due: 2023-08-31
    requires: problem_lists
    applies_to: {unit_types: [county, department]}
"""


def test_problem_lists_counts_units_with_a_problem_or_an_empty_file(tmp_path: Path) -> None:
    root = make_repo(tmp_path, LISTS, {
        "problems/all.yaml": """\
        - {id: P-1, title: 问题一, found_on: 2023-05-04, owner_unit: fgw}
        - {id: P-2, title: 问题二, found_on: 2023-09-20, owner_unit: xiling}
        - {id: P-3, title: 问题三, found_on: 2023-05-10, owner_unit: shimen}
        """,
        "problems/gxj.yaml": "# 本单位未发现需列入清单的问题\n[]\n",  # filed, nothing found
    })
    m = milestone(brief(root, "2023-08-20"), "lists")
    # shimen is a township: outside applies_to; xiling's only problem is found after the as-of day
    assert (m.done, m.total, m.missing, m.status) == (2, 3, ("xiling",), Status.PENDING)
    late = milestone(brief(root, "2023-09-25"), "lists")
    assert (late.done, late.total, late.status, late.done_on) == (3, 3, Status.DONE_LATE, D("2023-09-20"))


def test_problem_lists_without_applies_to_takes_every_unit(tmp_path: Path) -> None:
    campaign = "milestones:\n  - {id: lists, title: 问题清单, due: 2023-08-31, requires: problem_lists}\n"
    root = make_repo(tmp_path, campaign, {"problems/fgw.yaml": "- {id: P-1, title: 问题, found_on: 2023-05-04, owner_unit: fgw}\n"})
    m = milestone(brief(root, "2023-06-01"), "lists")
    assert (m.done, m.total, m.missing) == (1, 4, ("gxj", "shimen", "xiling"))


def test_problem_lists_done_on_time_has_the_day_the_last_unit_was_met(tmp_path: Path) -> None:
    root = make_repo(tmp_path, LISTS, {"problems/all.yaml": """\
    - {id: P-1, title: 问题一, found_on: 2023-05-04, owner_unit: fgw}
    - {id: P-2, title: 问题二, found_on: 2023-07-06, owner_unit: xiling}
    - {id: P-3, title: 问题三, found_on: 2023-06-01, owner_unit: gxj}
    """})
    m = milestone(brief(root, "2023-09-15"), "lists")
    assert (m.done, m.total, m.status, m.done_on) == (3, 3, Status.DONE, D("2023-07-06"))


def test_problem_lists_own_file_with_only_future_problems_is_not_yet_filed(tmp_path: Path) -> None:
    root = make_repo(tmp_path, LISTS, {
        "problems/fgw.yaml": "- {id: P-1, title: 问题一, found_on: 2023-05-04, owner_unit: fgw}\n",
        "problems/gxj.yaml": "- {id: P-2, title: 问题二, found_on: 2023-06-01, owner_unit: gxj}\n",
        "problems/xiling.yaml": "[]\n",
    })
    m = milestone(brief(root, "2023-04-10"), "lists")
    # on April 10 neither fgw's nor gxj's problem had been found; only xiling's empty list counts
    assert (m.done, m.total, m.missing, m.status) == (1, 3, ("fgw", "gxj"), Status.PENDING)
