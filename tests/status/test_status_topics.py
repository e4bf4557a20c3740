"""Topics 课题进展: the derived stage of each topic as of a day (repo-format.md, topics/) and the
topics behind what the milestones expect."""

from __future__ import annotations

from pathlib import Path

import pytest
from statuskit import brief, make_repo

from dytool.facts.topics import TopicStage
from dytool.status import Briefing

FULL = """\
- id: T-1
  title: 全流程课题
  leader: lin
  lead_unit: fgw
  kind: major
  outline: {submitted_on: 2023-04-12}
  report: reports/T-1.md
  evaluation: {grade: 优秀, awarded_on: 2023-08-18}
  outcomes:
    - {kind: institution, form: document, title: 三年行动方案, on: 2023-09-08}
- {id: T-2, title: 待认领选题, kind: special}
"""

FILES = {
    "topics/topics.yaml": FULL,
    "visits/v.yaml": "- {id: V-1, date: 2023-05-04, leaders: [lin], topics: [T-1], hosts: [fgw]}\n",
    "reports/T-1.md": "---\ntopic: T-1\ntitle: 调研报告\ndate: 2023-06-20\n---\n正文。\n",
}


def stage_of(b: Briefing) -> str:
    """The one stage T-1 is counted in."""
    assert b.topics.by_stage["proposed"] == 1  # T-2 has no leader
    stages = [s for s, n in b.topics.by_stage.items() if n and s != "proposed"]
    assert len(stages) == 1
    return stages[0]


@pytest.mark.parametrize(
    ("as_of", "stage"),
    [
        ("2023-04-10", "claimed"),  # outline submitted on 04-12: not yet
        ("2023-04-12", "planned"),
        ("2023-05-03", "planned"),  # the first visit is on 05-04
        ("2023-05-04", "researching"),
        ("2023-06-20", "reported"),
        ("2023-08-18", "evaluated"),
        ("2023-09-07", "evaluated"),  # the outcome is dated 09-08
        ("2023-09-08", "converted"),
    ],
)
def test_each_stage_as_of_a_day(tmp_path: Path, as_of: str, stage: str) -> None:
    b = brief(make_repo(tmp_path, "", FILES), as_of)
    assert b.topics.total == 2
    assert stage_of(b) == stage
    assert sum(b.topics.by_stage.values()) == 2
    assert list(b.topics.by_stage) == [s.value for s in TopicStage]


def test_undated_evidence_counts(tmp_path: Path) -> None:
    topics = "- {id: T-1, title: 课题, leader: lin, evaluation: {grade: 良好}}\n- {id: T-2, title: 选题}\n"
    b = brief(make_repo(tmp_path, "", {"topics/topics.yaml": topics}), "2023-04-02")
    assert stage_of(b) == "evaluated"


def test_an_outline_without_a_submission_day_is_not_planned(tmp_path: Path) -> None:
    topics = "- {id: T-1, title: 课题, leader: lin, outline: {file: outlines/T-1.md}}\n- {id: T-2, title: 选题}\n"
    b = brief(make_repo(tmp_path, "", {"topics/topics.yaml": topics, "outlines/T-1.md": "# 提纲\n"}), "2023-09-01")
    assert stage_of(b) == "claimed"


LINKED = {
    "topics/topics.yaml": "- {id: T-1, title: 课题, leader: lin}\n- {id: T-2, title: 选题}\n",
    "problems/p.yaml": "- {id: P-1, title: 问题, topic: T-1, found_on: 2023-06-01, owner_unit: fgw, due: 2023-08-31}\n",
    "solutions/s.yaml": "- {id: S-1, title: 解决事项, problems: [P-1], owner_unit: fgw, due: 2023-08-31}\n",
}


def test_a_linked_solution_converts_the_topic_once_it_is_done(tmp_path: Path) -> None:
    assert stage_of(brief(make_repo(tmp_path, "", LINKED), "2023-06-05")) == "claimed"  # linked, but not done: no evidence
    done = {**LINKED, "solutions/s.yaml": "- {id: S-1, title: 解决事项, problems: [P-1], owner_unit: fgw, due: 2023-08-31, done_on: 2023-07-20}\n"}
    root = make_repo(tmp_path / "done", "", done)
    assert stage_of(brief(root, "2023-07-19")) == "claimed"  # done after the as-of day: not yet
    assert stage_of(brief(root, "2023-07-20")) == "converted"


def test_a_linked_institution_converts_the_topic_once_it_is_issued(tmp_path: Path) -> None:
    files = {**LINKED, "solutions/s.yaml": "[]\n",
             "institutions/i.yaml": "- {id: I-1, title: 管理办法, kind: new, problems: [P-1], status: drafting}\n"}
    assert stage_of(brief(make_repo(tmp_path, "", files), "2023-06-05")) == "claimed"
    files["institutions/i.yaml"] = "- {id: I-1, title: 管理办法, kind: new, problems: [P-1], issued_on: 2023-06-03, doc_number: 青发〔2023〕1号}\n"
    assert stage_of(brief(make_repo(tmp_path / "issued", "", files), "2023-06-05")) == "converted"


def test_a_link_through_a_problem_found_after_the_as_of_day_does_not_count(tmp_path: Path) -> None:
    b = brief(make_repo(tmp_path, "", LINKED), "2023-05-01")  # P-1 is found on 06-01
    assert stage_of(b) == "claimed"


# ---------------------------------------------------------------- topics behind the milestones

BEHIND = """\
milestones:
  - {id: outlines, title: 提纲报审, due: 2023-04-30, requires: topic_outline, applies_to: {topic_kinds: [major]}}
  - {id: reports, title: 报告报送, due: 2023-06-30, requires: topic_report, applies_to: {topic_kinds: [major]}}
"""
BEHIND_TOPICS = """\
- {id: T-1, title: 按时课题, leader: lin, kind: major, outline: {submitted_on: 2023-04-20}, report: reports/T-1.md}
- {id: T-2, title: 滞后课题, leader: zhou, kind: major, outline: {submitted_on: 2023-05-06}}
- {id: T-3, title: 专项课题, leader: sun, kind: special}
- {id: T-4, title: 选题, kind: major}
"""


@pytest.fixture
def behind_repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path, BEHIND, {
        "topics/topics.yaml": BEHIND_TOPICS,
        "reports/T-1.md": "---\ntopic: T-1\ntitle: 报告\ndate: 2023-06-20\n---\n正文。\n",
        "visits/v.yaml": "- {id: V-1, date: 2023-05-20, leaders: [zhou], topics: [T-2]}\n",
    })


def test_nothing_is_behind_before_or_on_the_due_day(behind_repo: Path) -> None:
    assert brief(behind_repo, "2023-04-30").topics.behind == ()


def test_behind_the_outline_milestone(behind_repo: Path) -> None:
    behind = brief(behind_repo, "2023-05-02").topics.behind
    assert [(t.id, t.stage, t.expected, t.milestone, t.leader, t.leader_name) for t in behind] == [
        ("T-2", TopicStage.claimed, TopicStage.planned, "outlines", "zhou", "周启明"),
    ]  # T-3 is special and T-4 unclaimed: outside the milestone's scope


def test_behind_the_report_milestone(behind_repo: Path) -> None:
    behind = brief(behind_repo, "2023-07-01").topics.behind
    assert [(t.id, t.stage, t.expected, t.milestone) for t in behind] == [
        ("T-2", TopicStage.researching, TopicStage.reported, "reports"),
    ]
