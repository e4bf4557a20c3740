"""The bundled example (examples/campaign-2023) at three as-of days, against figures computed by
hand from its YAML records with the definitions of dates.md, repo-format.md and status/ledger.py
(not from dytool's output)."""

from __future__ import annotations

import pytest
from statuskit import EXAMPLE, D, brief, leader, milestone, recurring

from dytool.dates import Status
from dytool.status import Briefing

DAYS = ("2023-04-10", "2023-09-15", "2024-01-05")
_CACHE: dict[str, Briefing] = {}


def at(day: str) -> Briefing:
    if day not in _CACHE:
        _CACHE[day] = brief(EXAMPLE, day)
    return _CACHE[day]


S = Status
MILESTONES = {
    # id: (status, n/m or None, missing, days left, days overdue) per day
    "2023-04-10": {
        "leader-topics": (S.DONE, (10, 10), ()),
        "topic-outlines": (S.PENDING, (1, 8), ("T-001", "T-002", "T-004", "T-005", "T-006", "T-009", "T-011")),
        "promotion-meeting": (S.PENDING, None, ()),
        "report-collection": (S.PENDING, (0, 8), ("T-001", "T-002", "T-004", "T-005", "T-006", "T-007", "T-009", "T-011")),
        "exchange-meeting": (S.PENDING, None, ()),
        "county-dept-reports": (S.PENDING, None, ()),
        "excellent-reports": (S.PENDING, None, ()),
        "summary-report": (S.PENDING, None, ()),
    },
    "2023-09-15": {
        "leader-topics": (S.DONE, (10, 10), ()),
        "topic-outlines": (S.DONE_LATE, (8, 8), ()),  # T-009's outline came on 05-06
        "promotion-meeting": (S.DONE, None, ()),
        "report-collection": (S.OVERDUE, (6, 8), ("T-009", "T-011")),
        "exchange-meeting": (S.DONE, None, ()),
        "three-lists": (S.DONE, (15, 15), ()),
        "county-dept-reports": (S.PENDING, None, ()),
        "excellent-reports": (S.PENDING, None, ()),
        "summary-report": (S.PENDING, None, ()),
    },
    "2024-01-05": {
        "leader-topics": (S.DONE, (10, 10), ()),
        "topic-outlines": (S.DONE_LATE, (8, 8), ()),
        "promotion-meeting": (S.DONE, None, ()),
        "report-collection": (S.OVERDUE, (7, 8), ("T-011",)),
        "exchange-meeting": (S.DONE, None, ()),
        "three-lists": (S.DONE, (15, 15), ()),
        "county-dept-reports": (S.DONE_LATE, None, ()),  # done on 11-03, due 10-31
        "excellent-reports": (S.OVERDUE, None, ()),
        "summary-report": (S.DONE, None, ()),
    },
}


@pytest.mark.parametrize("day", DAYS)
def test_milestones(day: str) -> None:
    b = at(day)
    for ident, (status, progress, missing) in MILESTONES[day].items():
        m = milestone(b, ident)
        assert m.status is status, ident
        assert (None if m.total is None else (m.done, m.total)) == progress, ident
        assert m.missing == missing, ident


def test_three_lists_on_april_10() -> None:
    m = milestone(at("2023-04-10"), "three-lists")
    assert (m.status, m.done, m.total) == (Status.PENDING, 1, 15)


def test_milestone_days() -> None:
    april, sept, jan = at("2023-04-10"), at("2023-09-15"), at("2024-01-05")
    assert [(m.id, m.days_left) for m in april.milestones if m.status is Status.PENDING] == [
        ("topic-outlines", 20), ("promotion-meeting", 61), ("report-collection", 81), ("exchange-meeting", 112),
        ("three-lists", 143), ("county-dept-reports", 204), ("excellent-reports", 249), ("summary-report", 265),
    ]
    assert milestone(sept, "report-collection").days_overdue == 77
    assert milestone(sept, "topic-outlines").done_on == D("2023-05-06")
    assert milestone(sept, "county-dept-reports").days_left == 46
    assert milestone(jan, "report-collection").days_overdue == 189
    assert milestone(jan, "excellent-reports").days_overdue == 21
    assert milestone(jan, "county-dept-reports").done_on == D("2023-11-03")


def test_stages() -> None:
    april = at("2023-04-10")
    assert [(s.id, s.elapsed_days, s.total_days, s.days_left) for s in april.stages] == [("mobilize", 10, 30, 20)]
    assert april.next_stage is not None and (april.next_stage.id, april.next_stage.days_until) == ("research", 21)
    sept = at("2023-09-15")
    assert [(s.id, s.elapsed_days, s.total_days, s.days_left) for s in sept.stages] == [
        ("research", 138, 184, 46), ("exchange", 77, 153, 76),
    ]
    assert sept.next_stage is not None and (sept.next_stage.id, sept.next_stage.days_until) == ("summary", 77)
    jan = at("2024-01-05")  # after the campaign period
    assert (jan.stages, jan.next_stage) == ((), None)


RECURRING = {
    # (current period, its status, met, due so far, missed, late)
    "2023-04-10": {"supervision-report": ("2023-05", S.PENDING, 1, 1, [], []),
                   "work-news": ("2023-04", S.PENDING, 0, 0, [], [])},
    "2023-09-15": {"supervision-report": ("2023-10", S.PENDING, 5, 6, ["2023-08"], [("2023-07", D("2023-08-04"))]),
                   "work-news": ("2023-09", S.PENDING, 5, 5, [], [("2023-06", D("2023-07-03"))])},
    "2024-01-05": {"supervision-report": (None, None, 8, 9, ["2023-08"], [("2023-07", D("2023-08-04"))]),
                   "work-news": (None, None, 9, 9, [], [("2023-06", D("2023-07-03"))])},
}


@pytest.mark.parametrize("day", DAYS)
def test_recurring(day: str) -> None:
    b = at(day)
    for ident, (period, status, met, so_far, missed, late) in RECURRING[day].items():
        r = recurring(b, ident)
        assert (r.current.period if r.current else None, r.current.status if r.current else None) == (period, status), ident
        assert (r.met, r.due_so_far) == (met, so_far), ident
        assert [o.period for o in r.missed] == missed, ident
        assert [(o.period, o.submitted_on) for o in r.late] == late, ident


TOPICS = {
    "2023-04-10": {"proposed": 2, "claimed": 12, "planned": 1, "researching": 0, "reported": 0, "evaluated": 0, "converted": 0},
    # T-008 is at 评审: its problem P-013 has a solution (S-008) not done and an institution
    # (I-003) under review, neither of which is 转化 evidence (issue 13, item 1)
    "2023-09-15": {"proposed": 2, "claimed": 1, "planned": 1, "researching": 3, "reported": 1, "evaluated": 3, "converted": 4},
    "2024-01-05": {"proposed": 2, "claimed": 1, "planned": 1, "researching": 2, "reported": 2, "evaluated": 3, "converted": 4},
}
BEHIND = {"2023-04-10": [], "2023-09-15": ["T-009", "T-011"], "2024-01-05": ["T-011"]}


@pytest.mark.parametrize(
    "day",
    [
        "2023-04-10",
        "2023-09-15",
        "2024-01-05",
    ],
)
def test_topic_stages(day: str) -> None:
    t = at(day).topics
    assert t.total == 15
    assert t.by_stage == TOPICS[day]


@pytest.mark.parametrize("day", DAYS)
def test_topics_behind(day: str) -> None:
    behind = at(day).topics.behind
    assert [b.id for b in behind] == BEHIND[day]
    assert all((b.expected.value, b.milestone) == ("reported", "report-collection") for b in behind)


LEADERS = {
    # id: (topics led, visit days in the as-of month, last visit)
    "2023-04-10": {"lin-haifeng": (1, 1, "2023-04-06"), "zhou-qiming": (2, 1, "2023-04-07"), "chen-zhiyuan": (1, 0, None),
                   "he-jianguo": (1, 0, None), "song-weimin": (1, 0, None), "luo-wenjie": (2, 0, None),
                   "tang-xiaohong": (1, 0, None), "fang-zhenyu": (2, 0, None), "liang-shuhua": (1, 0, None),
                   "xu-guodong": (1, 0, None)},
    "2023-09-15": {"lin-haifeng": (1, 0, "2023-08-29"), "zhou-qiming": (2, 1, "2023-09-12"), "chen-zhiyuan": (1, 0, "2023-08-22"),
                   "he-jianguo": (1, 1, "2023-09-13"), "song-weimin": (1, 0, "2023-08-24"), "luo-wenjie": (2, 0, "2023-08-18"),
                   "tang-xiaohong": (1, 1, "2023-09-14"), "fang-zhenyu": (2, 1, "2023-09-05"), "liang-shuhua": (1, 1, "2023-09-07"),
                   "xu-guodong": (1, 1, "2023-09-06")},
    "2024-01-05": {"lin-haifeng": (1, 0, "2023-11-07"), "zhou-qiming": (2, 0, "2023-10-27"), "chen-zhiyuan": (1, 0, "2023-11-16"),
                   "he-jianguo": (1, 0, "2023-11-14"), "song-weimin": (1, 0, "2023-11-02"), "luo-wenjie": (2, 0, "2023-11-21"),
                   "tang-xiaohong": (1, 0, "2023-10-19"), "fang-zhenyu": (2, 0, "2023-11-23"), "liang-shuhua": (1, 0, "2023-10-26"),
                   "xu-guodong": (1, 0, "2023-11-09")},
}


@pytest.mark.parametrize("day", DAYS)
def test_leaders(day: str) -> None:
    b = at(day)
    assert [line.id for line in b.leaders] == list(LEADERS[day])  # by rank
    for ident, (topics, days, last) in LEADERS[day].items():
        line = leader(b, ident)
        assert (line.topics, line.visit_days, line.last_visit) == (topics, days, D(last) if last else None), ident
        # the monthly rule applies inside the campaign period: January 2024 is after it
        assert line.required_days == (None if day == "2024-01-05" else 5)


PROBLEMS = {
    # found, closed, on time, open, overdue, escalated, long-term, 销号率, 按时销号率
    "2023-04-10": (0, 0, 0, 0, 0, 0, 0, None, None),
    "2023-09-15": (43, 11, 10, 32, 6, 4, 6, round(11 / 43, 4), round(10 / 17, 4)),
    "2024-01-05": (46, 27, 19, 19, 8, 5, 6, round(27 / 46, 4), round(19 / 35, 4)),
}
OVERDUE = {
    "2023-04-10": [],
    "2023-09-15": [("P-002", "市发展改革委", 15), ("P-008", "市工信局", 15), ("P-016", "市教育局", 15), ("P-029", "西岭县", 15),
                   ("P-010", "市农业农村局", 5), ("P-036", "南溪县", 5)],
    "2024-01-05": [("P-008", "市工信局", 127), ("P-016", "市教育局", 127), ("P-029", "西岭县", 127), ("P-024", "东湖区", 66),
                   ("P-017", "市教育局", 36), ("P-011", "市农业农村局", 5), ("P-013", "市住建局", 5), ("P-044", "石门镇", 5)],
}


@pytest.mark.parametrize("day", DAYS)
def test_problems(day: str) -> None:
    p = at(day).lists.problems
    assert (p.found, p.closed, p.closed_on_time, p.open, p.overdue, p.escalated, p.long_term, p.closure_rate, p.on_time_rate) == PROBLEMS[day]
    assert [(o.id, o.owner_unit_name, o.days_overdue) for o in at(day).lists.overdue if o.kind == "problem"] == OVERDUE[day]


def test_overdue_solutions_and_institutions_are_listed_with_the_problems() -> None:
    sept, jan = at("2023-09-15").lists, at("2024-01-05").lists
    assert [(o.kind, o.id, o.days_overdue) for o in sept.overdue if o.kind != "problem"] == [("solution", "S-003", 15)]
    assert [(o.kind, o.id, o.owner_unit, o.days_overdue) for o in jan.overdue if o.kind != "problem"] == [
        ("solution", "S-004", "zfb", 5), ("solution", "S-008", "zjj", 5), ("solution", "S-010", "xiling-county", 5),
        ("institution", "I-003", "zjj", 36), ("institution", "I-002", "zfb", 5), ("institution", "I-005", "zzb", 5),
    ]
    assert (jan.solutions_overdue, jan.institutions_overdue) == (3, 3)


def test_solutions_and_institutions() -> None:
    sept, jan = at("2023-09-15").lists, at("2024-01-05").lists
    assert (sept.solutions_done, sept.solutions_total, sept.solutions_overdue) == (6, 15, 1)  # S-003 due 08-31
    assert (jan.solutions_done, jan.solutions_total, jan.solutions_overdue) == (12, 15, 3)  # S-004, S-008, S-010
    assert at("2023-04-10").lists.solutions_done == 0
    # issued by the day: I-001, I-004, I-006, I-008 (I-007 is issued on 11-08)
    assert sept.institutions["issued"] == 4
    assert jan.institutions == {"drafting": 1, "reviewing": 2, "issued": 5}
    assert at("2023-04-10").lists.institutions["issued"] == 0


@pytest.mark.parametrize("day", DAYS)
def test_host_burden(day: str) -> None:
    burden = [(b.host, b.window_start, b.window_end, b.visit_ids) for b in at(day).burden]
    if day == "2023-04-10":
        assert burden == []
    else:  # 6月5日至9日，西岭县连续接待三批调研组
        assert burden == [("xiling-county", D("2023-06-05"), D("2023-06-11"), ("V-031", "V-033", "V-035"))]


def test_stale_problems() -> None:
    sept = at("2023-09-15").lists.stale
    assert [(s.id, s.days) for s in sept] == [
        ("P-033", 87), ("P-005", 77), ("P-035", 71), ("P-004", 62), ("P-014", 62), ("P-029", 62), ("P-018", 57), ("P-007", 49),
        ("P-008", 46), ("P-031", 44), ("P-027", 38), ("P-013", 37), ("P-017", 36), ("P-019", 31), ("P-030", 31), ("P-041", 31),
    ]
    assert len(at("2024-01-05").lists.stale) == 18
    assert at("2023-04-10").lists.stale == ()
