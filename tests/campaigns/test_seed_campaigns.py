"""The campaigns written from seeds 001–004, as a new office would write them, through ``check``,
``status`` and ``compile`` (issue 13).

Every figure asserted here was counted by hand from the records by the campaign's writer (its
EXPECTED.md says how, section by section; the sections are cited below) and checked again
against the records where dytool and the writer first disagreed.  How they are counted:

* a record counts from its own day: a problem from ``found_on``, a closing from ``closed_on``, a
  solution from ``done_on``, an institution from ``issued_on``, a visit from its first day, a
  report from its front matter's ``date``; nothing dated after the as-of day counts;
* a deadline is the last day of its phrase's span; a yearless phrase falls in the first year
  whose due day is on or after the record's anchor (a problem's ``found_on``; a solution's or
  institution's problems' ``found_on``), stages and milestones in the campaign's period;
* a topic's stage is its furthest step with evidence by the day: a leader (领题), an outline
  handed in (立题), a visit (调研), a report (结题), an evaluation (评审), an outcome, a linked
  solution done or institution issued (转化);
* 销号率 = closed ÷ found, 按时销号率 = closed on time ÷ (closed + overdue);
* an obligation of several members counts member × occurrence.

The golden files (tests/golden/campaigns/) hold the whole briefing in JSON at the three days and
the compilation in Markdown; ``python tests/campaigns/regen.py`` rewrites them and shows the diff.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from seedkit import GOLDEN, PLANTED, SEEDS, check_findings, copy_seed, golden_files, status_data

# ----------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("seeds")
    for name in SEEDS:
        copy_seed(name, work)
    return work


_BRIEFS: dict[tuple[str, str], dict[str, Any]] = {}


def brief(seeds: Path, name: str, day: str) -> dict[str, Any]:
    key = (name, day)
    if key not in _BRIEFS:
        _BRIEFS[key] = status_data(seeds / name, day)
    return _BRIEFS[key]


def milestones(b: dict[str, Any]) -> dict[str, tuple[str, str | None]]:
    return {m["id"]: (m["status"], m["done_on"]) for m in b["milestones"]}


def problems(b: dict[str, Any]) -> tuple[int, ...]:
    p = b["lists"]["problems"]
    return p["found"], p["closed"], p["closed_on_time"], p["open"], p["overdue"], p["escalated"], p["long_term"]


def overdue(b: dict[str, Any]) -> set[tuple[str, str, str, int]]:
    return {(o["kind"], o["id"], o["owner_unit"], o["days_overdue"]) for o in b["lists"]["overdue"]}


def stages(b: dict[str, Any]) -> dict[str, int]:
    return {k: v for k, v in b["topics"]["by_stage"].items() if v}


# ----------------------------------------------------------------------------- check


@pytest.mark.parametrize("name", list(SEEDS))
def test_each_campaign_checks_with_only_its_planted_breaches(seeds: Path, name: str) -> None:
    """On the last day every planted breach is reported where EXPECTED.md says, and nothing
    else: no finding about the plan's own words, stages, group owners or dates."""
    code, findings = check_findings(seeds / name, SEEDS[name]["days"][-1])
    assert {(f["code"], f["file"], f["line"]) for f in findings} == PLANTED[name]
    assert all(f["severity"] == "warning" for f in findings)
    assert code == 0


@pytest.mark.parametrize(("name", "day", "planted", "done_later"), [
    # 001 §3: as of 07-17 only June's DY403 (months judged April-June) and the squat.  Done after the
    # day: 16 closings, S-03/S-06/S-07, I-01/I-03/I-05, 8 milestones (the writer's 30) and the
    # evaluations of T-01…T-03 awarded 10-18 (awarded_on is a done date: docs/repository-format.md)
    ("seed-001", "2023-07-17", {("DY403", "people.yaml", 18), ("DY404", "visits/2023-06.yaml", 67)}, 33),
    ("seed-001", "2023-09-05", {("DY403", "people.yaml", 18), ("DY404", "visits/2023-06.yaml", 67)}, 28),  # 11 closings
    # 002: on A no DY307 for T-15 (its report is dated after A); 29 records and the summary milestone
    ("seed-002", "2018-12-26", {("DY401", "people.yaml", 30), ("DY402", "units.yaml", 23)}, 30),
    ("seed-002", "2019-06-12", PLANTED["seed-002"], 13),
    # 003 §3: DY307 for T-013 only once it has a visit (06-08); the writer's 29, T-001's two plan
    # steps and the outlines of T-011 and T-012 handed in and approved after the day (4)
    ("seed-003", "2023-05-22", PLANTED["seed-003"] - {("DY307", "topics/jiaoban.yaml", 2)}, 35),
    ("seed-003", "2023-08-16", PLANTED["seed-003"], 26),
    # 004 §8: DY307 for T-11 only from its first visit (07-27); the writer's 23 and T-08's outline (07-03)
    ("seed-004", "2023-06-16", PLANTED["seed-004"] - {("DY307", "topics/divisions.yaml", 92)}, 24),
    ("seed-004", "2023-07-21", PLANTED["seed-004"] - {("DY307", "topics/divisions.yaml", 92)}, 14),
])
def test_earlier_days_report_the_breaches_of_their_time(seeds: Path, name: str, day: str, planted: set[Any], done_later: int) -> None:
    """Besides the breaches already committed by the day, only DY305: a record finished after
    the as-of day (closed_on, done_on, issued_on, an outline's submitted/approved day, an
    evaluation's awarded day) is not finished yet on that day."""
    _, findings = check_findings(seeds / name, day)
    assert {(f["code"], f["file"], f["line"]) for f in findings if f["code"] != "DY305"} == planted
    assert sum(f["code"] == "DY305" for f in findings) == done_later


# ----------------------------------------------------------------------------- seed 001


def test_seed_001_mid_campaign(seeds: Path) -> None:
    """EXPECTED-001 §4, as of 2023-07-17."""
    b = brief(seeds, "seed-001", "2023-07-17")
    [stage] = b["stages"]["current"]
    assert (stage["title"], stage["elapsed_days"], stage["total_days"], stage["days_left"]) == ("落实推进阶段", 108, 244, 136)
    m = {x["id"]: x for x in b["milestones"]}
    assert (m["reports"]["status"], m["reports"]["done"], m["reports"]["total"]) == ("pending", 0, 3)
    assert (m["wenji-plan"]["done"], m["wenji-plan"]["missing"]) == (9, ["T-12"])
    assert (m["problem-lists"]["done"], m["problem-lists"]["missing"]) == (3, ["potou"])
    assert (m["township-groups"]["status"], m["township-groups"]["done_on"]) == ("done_late", "2023-04-26")  # 坡头乡 last
    assert m["chendi-normal"]["status"] == "ongoing" and m["chendi-normal"]["due"] is None  # 常态化
    [r] = b["recurring"]
    assert (r["current"]["period"], r["not_submitted"]) == ("2023-Q3", ["xinan", "shiqiao", "longtan", "potou"])
    assert [(o["by"], o["period"]) for o in r["late"]] == [("longtan", "2023-Q2")]
    assert stages(b) == {"proposed": 2, "claimed": 1, "planned": 3, "researching": 6}  # nothing at 转化 yet
    assert {(x["id"], x["visit_days"], x["required_days"]) for x in b["leaders"] if x["rank"]} == {
        ("huang-zhigang", 3, 5), ("wei-lixin", 3, 5), ("nong-haiyan", 3, 5), ("lu-jianhua", 4, 5)}
    assert problems(b) == (21, 4, 3, 17, 1, 1, 1)  # 销号率 4/21 = 19.0%, 按时 3/5
    assert overdue(b) == {("problem", "P-05", "xinan", 7)}
    assert (b["lists"]["solutions_done"], b["lists"]["institutions"]) == (2, {"drafting": 1, "reviewing": 4, "issued": 0})


def test_seed_001_after_the_9_month_deadline(seeds: Path) -> None:
    """EXPECTED-001 §5, as of 2023-09-05: the 9月前 reports milestone is 5 days overdue, T-03 behind."""
    b = brief(seeds, "seed-001", "2023-09-05")
    m = {x["id"]: x for x in b["milestones"]}
    assert (m["reports"]["status"], m["reports"]["days_overdue"], m["reports"]["missing"]) == ("overdue", 5, ["T-03"])
    assert stages(b) == {"proposed": 2, "claimed": 1, "planned": 1, "researching": 6, "reported": 2}
    assert [t["id"] for t in b["topics"]["behind"]] == ["T-03"]
    assert problems(b) == (24, 9, 7, 15, 1, 1, 1)  # 37.5%, 按时 7/10
    assert overdue(b) == {("problem", "P-03", "rsj", 5)}


def test_seed_001_after_the_campaign(seeds: Path) -> None:
    """EXPECTED-001 §6, as of 2024-01-15: December lies outside 落实推进阶段 (no minimum shown),
    P-26…P-30 found late in 2023 are due in 2024."""
    b = brief(seeds, "seed-001", "2024-01-15")
    assert (b["stages"]["current"], b["stages"]["next"]) == ([], None)
    assert {k: v[0] for k, v in milestones(b).items() if v[0] in ("overdue", "done_late")} == {
        "wenji-plan": "overdue", "problem-lists": "overdue", "satisfaction": "overdue",
        "township-groups": "done_late", "reports": "done_late", "compilation": "done_late"}
    [r] = b["recurring"]
    assert [(o["by"], o["period"], o["days_overdue"]) for o in r["missed"]] == [("potou", "2023-Q4", 15)]
    assert (r["met"], r["due_so_far"]) == (11, 12)
    # T-02 is at 评审: S-04 is not done and I-02 not issued; T-01 and T-03 are at 转化
    assert stages(b) == {"proposed": 2, "claimed": 1, "planned": 1, "researching": 5, "evaluated": 1, "converted": 2}
    assert [t["id"] for t in b["topics"]["behind"]] == ["T-12"]
    assert all(x["required_days"] is None for x in b["leaders"])
    assert problems(b) == (31, 20, 14, 11, 5, 1, 1)  # 64.5%, 按时 14/25 = 56.0%
    assert overdue(b) == {
        ("problem", "P-18", "longtan", 107), ("problem", "P-08", "spj", 76), ("problem", "P-06", "jtj", 15),
        ("problem", "P-20", "zzb", 15), ("problem", "P-28", "shiqiao", 5),  # 1月上旬 found 12-05: 2024-01-10
        ("solution", "S-05", "longtan", 107), ("solution", "S-04", "spj", 15),
        ("institution", "I-02", "spj", 76), ("institution", "I-04", "zzb", 15)}
    lists = b["lists"]
    assert (lists["solutions_done"], lists["solutions_overdue"], lists["institutions_overdue"]) == (5, 2, 2)


# ----------------------------------------------------------------------------- seed 002


def test_seed_002_cross_year_deadlines(seeds: Path) -> None:
    """EXPECTED-002: the Wuhan campaign runs 2018-09-01 to 2019-08-31; a problem found in 2019
    with 9月底前 is due 2019-09-30, not 337 days overdue from 2018-09-30."""
    a, b, c = (brief(seeds, "seed-002", d) for d in SEEDS["seed-002"]["days"])
    assert problems(a) == (18, 4, 3, 14, 1, 1, 0) and overdue(a) == {("problem", "P-16", "huangpi", 6)}
    assert problems(b) == (32, 17, 10, 15, 3, 1, 1)  # 53.1%, 按时 10/20 = 50.0%
    assert overdue(b) == {("problem", "P-23", "jiangan", 43), ("problem", "P-11", "zwb", 12), ("problem", "P-13", "zwb", 2),
                          ("solution", "S-02", "zwb", 12), ("institution", "I-05", "bgt", 73)}
    assert problems(c) == (33, 24, 12, 9, 4, 1, 1)  # 72.7%, 按时 12/28 = 42.9%
    assert overdue(c) == {("problem", "P-23", "jiangan", 168), ("problem", "P-33", "jiangan", 15), ("problem", "P-32", "bgt", 76),
                          ("problem", "P-05", "fgw", 15), ("solution", "S-06", "bgt", 107), ("institution", "I-05", "bgt", 198)}
    assert [(m["id"], m["days_overdue"]) for m in c["milestones"] if m["status"] == "overdue"] == [("long-term-institutions", 45)]


def test_seed_002_every_district_and_department_reports_monthly(seeds: Path) -> None:
    """EXPECTED-002 A, B: 各区、各部门 = bgt, fgw, zwb, huangpi, jiangan; jiangan missed April 2019."""
    a, b, c = (brief(seeds, "seed-002", d) for d in SEEDS["seed-002"]["days"])
    info = {r["id"]: r for r in a["recurring"]}["monthly-info"]
    assert info["members"] == ["bgt", "fgw", "zwb", "huangpi", "jiangan"]
    assert (info["current"]["period"], info["current"]["status"], info["not_submitted"]) == ("2018-12", "due_soon", ["zwb", "huangpi"])
    info = {r["id"]: r for r in b["recurring"]}["monthly-info"]
    assert [(o["by"], o["period"]) for o in info["missed"]] == [("jiangan", "2019-04")]
    assert (info["met"], info["due_so_far"]) == (44, 45)
    info = {r["id"]: r for r in c["recurring"]}["monthly-info"]
    assert (info["met"], info["due_so_far"]) == (59, 60)
    plans = {m["id"]: m for m in a["milestones"]}["unit-plans"]
    assert (plans["status"], plans["done_on"], plans["done"], plans["total"]) == ("done_late", "2018-10-09", 5, 5)
    assert {m["id"]: m["status"] for m in a["milestones"]}["three-lists"] == "ongoing"


def test_seed_002_topics_as_of_each_day(seeds: Path) -> None:
    """EXPECTED-002: on A no topic is at 转化 (the solutions linked to T-01, T-03, T-08 are done in 2019)."""
    a, b, c = (brief(seeds, "seed-002", d) for d in SEEDS["seed-002"]["days"])
    assert stages(a) == {"claimed": 9, "researching": 13}
    assert stages(b) == stages(c) == {"claimed": 4, "researching": 14, "reported": 1, "converted": 3}
    assert b["topics"]["steps"] == ["claimed", "researching", "reported", "converted"]


# ----------------------------------------------------------------------------- seed 003


def test_seed_003_three_days(seeds: Path) -> None:
    """EXPECTED-003 §4–§6."""
    a, b, c = (brief(seeds, "seed-003", d) for d in SEEDS["seed-003"]["days"])
    assert stages(a) == {"proposed": 1, "claimed": 3, "researching": 10}
    assert [t["id"] for t in a["topics"]["behind"]] == ["T-011", "T-012"]
    assert stages(b) == {"proposed": 1, "researching": 11, "reported": 2}
    assert stages(c) == {"proposed": 1, "researching": 9, "converted": 4}  # S-006, S-007, I-006 not done: no 转化
    assert problems(a) == (10, 1, 1, 9, 0, 0, 0)
    assert problems(b) == (27, 4, 4, 23, 2, 1, 2)
    assert problems(c) == (31, 19, 13, 12, 5, 2, 2)  # 61.3%, 按时 13/24 = 54.2%
    assert overdue(c) == {
        ("problem", "P-016", "longgang", 46), ("problem", "P-025", "scjgj", 46), ("problem", "P-005", "zsj", 15),
        ("problem", "P-014", "ghzy", 15), ("problem", "P-020", "zjj", 15), ("solution", "S-006", "zjj", 15),
        ("institution", "I-003", "ghzy", 76), ("institution", "I-002", "zsj", 15)}
    dangke = {m["id"]: m for m in b["milestones"]}["dangke"]  # owed by every 班子成员
    assert (dangke["status"], dangke["done_on"], dangke["done"], dangke["total"]) == ("done_late", "2023-07-12", 6, 6)
    sanhui = {r["id"]: r for r in c["recurring"]}["sanhui-yike"]
    assert [(o["by"], o["period"]) for o in sanhui["missed"]] == [("dzb-3", "2023-08")]
    assert [(o["by"], o["period"]) for o in sanhui["late"]] == [("dzb-2", "2023-10")]


def test_seed_003_compilation_counts_units_visited_and_each_report(seeds: Path, tmp_path: Path) -> None:
    """EXPECTED-003 §7: 赴上海、成都、南京、广州等城市实地调研单位8家 (units of other regions are
    their own kind); T-001's 6 专题报告 and 1 附件 are 7 reports."""
    from seedkit import compile_md

    text = compile_md(seeds / "seed-003", "2023-06-30", tmp_path / "h1")
    assert "共开展调研38次、累计42天" in text
    assert "召开部门座谈17次、专家咨询会4次" in text
    assert "深入40个单位和调研点（部门14个、企业13个、外地单位8个、企业、群众等5个）" in text
    text = compile_md(seeds / "seed-003", "2024-01-15", tmp_path / "end")
    assert "已形成调研报告10篇（涉及课题4个）" in text
    titles = ["关于做大做强深圳市6大交易平台的总体思路和对策建议", "交易平台功能定位与错位发展研究", "交易平台增值服务能力提升研究",
              "交易平台政策支持体系研究", "交易平台交易额入库纳统问题研究", "上海交易平台建设经验借鉴", "附件：深圳市交易平台基本情况和问题、对策建议汇总"]
    body = text[text.index("## 二、调研报告"):]
    places = [body.index(f"### {title}") for title in titles]  # each report of T-001, in the order its report lists them
    assert places == sorted(places)


# ----------------------------------------------------------------------------- seed 004


def test_seed_004_three_days(seeds: Path) -> None:
    """EXPECTED-004 §2–§7: two stages current on A; the Q3 务虚会 of 08-30 meets Q3 although the
    period ends on 08-31; T-04 at 转化 through solutions while still being researched."""
    a, b, c = (brief(seeds, "seed-004", d) for d in SEEDS["seed-004"]["days"])
    assert [(s["title"], s["elapsed_days"], s["total_days"]) for s in a["stages"]["current"]] == [
        ("多措并举，聚智“研题”", 37, 71), ("握指成拳，合力“破题”", 77, 153)]
    assert stages(a) == {"proposed": 1, "claimed": 2, "planned": 1, "researching": 7, "converted": 1}
    assert stages(b) == {"proposed": 1, "claimed": 1, "planned": 1, "researching": 6, "reported": 1, "converted": 2}
    assert stages(c) == {"proposed": 1, "planned": 1, "researching": 5, "converted": 5}
    assert [t["id"] for t in c["topics"]["behind"]] == ["T-05"]
    wuxu = {r["id"]: r for r in b["recurring"]}["quarterly-wuxu"]
    assert (wuxu["current"]["period"], wuxu["current"]["due"], wuxu["current"]["status"]) == ("2023-Q3", "2023-09-30", "pending")
    wuxu = {r["id"]: r for r in c["recurring"]}["quarterly-wuxu"]
    assert (wuxu["met"], wuxu["due_so_far"], wuxu["missed"]) == (2, 2, [])
    plan = {r["id"]: r for r in c["recurring"]}["visit-plan"]
    assert [o["period"] for o in plan["missed"]] == ["2023-07-15"]
    liaison = {m["id"]: m for m in a["milestones"]}["liaison"]
    assert (liaison["status"], liaison["done"], liaison["total"], liaison["done_on"]) == ("done_late", 10, 10, "2023-06-12")
    assert problems(c) == (32, 18, 13, 14, 4, 2, 1)  # 56.25%, 按时 13/22
    assert overdue(c) == {("problem", "P-18", "baisha", 50), ("problem", "P-22", "djj", 19), ("problem", "P-05", "tgc", 9),
                          ("problem", "P-11", "jdc", 9), ("solution", "S-05", "tgc", 9), ("institution", "I-04", "tgc", 70)}


# ----------------------------------------------------------------------------- golden files


def test_golden_briefings_and_compilations(tmp_path: Path) -> None:
    """The whole JSON briefing at each day and the compilation, as reviewed against EXPECTED.md."""
    stale = []
    for path, text in golden_files(tmp_path).items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(str(path.relative_to(GOLDEN)))
    assert not stale, f"golden files differ: {stale}; if intended, run `python tests/campaigns/regen.py` and review the diff"
