"""Each rule of issue 13 on a small repository of its own: figures as of the day, deadlines in
their record's time, the campaign's own pipeline, obligations owed by every unit, dates outside
the period, several reports per topic, the campaign's own words, rules scoped in time and
persons, stages given by their end, units visited, and the small ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helpers_repo import make_repo, run_check, run_cli

PEOPLE = """\
- {id: lin, name: 林海峰, rank: 1, roles: [city_leader]}
- {id: zhou, name: 周启明, rank: 2, roles: [city_leader]}
- {id: wang, name: 王局长, unit: fgw}
"""
UNITS = """\
- {id: fgw, name: 市发展改革委, type: department}
- {id: jyj, name: 市教育局, type: department}
- {id: beishan, name: 北山区, type: district}
- {id: kfq, name: 高新区, type: district}
- {id: sz, name: 深圳市发改委, type: external}
"""


def repo(tmp_path: Path, campaign: str = "", files: dict[str, str] | None = None, period: str = "{start: 2023-04-01, end: 2023-12-31}") -> Path:
    head = f"id: c\ntitle: 测试活动\nperiod: {period}\ncalendar: cn\n"
    return make_repo(tmp_path, {"campaign.yaml": head + campaign, "people.yaml": PEOPLE, "units.yaml": UNITS, **(files or {})})


def status(capsys: pytest.CaptureFixture[str], root: Path, day: str, fmt: str = "json") -> Any:
    code, out, err = run_cli(capsys, ["-C", str(root), "--as-of", day, "--no-cache", "--no-color", "status", "--format", fmt])
    assert code in (0, 1), err
    return json.loads(out) if fmt == "json" else out


def findings(capsys: pytest.CaptureFixture[str], root: Path, day: str = "2023-09-15") -> set[tuple[str, str, int]]:
    outcome = run_check(capsys, root, as_of=day)
    return {(f["code"], f["file"], f["line"]) for f in outcome.findings}


# ----------------------------------------------------------------------------- 1. as of the day

REPORTED = {
    "topics/t.yaml": "- {id: T-1, title: 课题, leader: lin, report: [reports/a.md, reports/b.md]}\n",
    "visits/v.yaml": "- {id: V-1, date: 2023-05-10, leaders: lin, topics: T-1}\n",
    "reports/a.md": "---\ntopic: T-1\ntitle: 总报告\ndate: 2023-06-01\n---\n\n正文。\n",
    "reports/b.md": "---\ntopic: T-1\ntitle: 附件\ndate: 2023-10-01\n---\n\n附件正文。\n",
}


def test_the_compilation_holds_the_reports_written_by_the_day(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = repo(tmp_path, files=REPORTED)
    for day, titles, count in (("2023-05-20", [], "已形成调研报告0篇"), ("2023-07-01", ["总报告"], "已形成调研报告1篇"),
                               ("2023-12-31", ["总报告", "附件"], "已形成调研报告2篇（涉及课题1个）")):
        out = tmp_path / f"out-{day}"
        assert run_cli(capsys, ["-C", str(root), "--as-of", day, "--no-cache", "compile", "--format", "md", "-o", str(out)])[0] == 0
        [path] = out.glob("*.md")
        text = path.read_text(encoding="utf-8")
        assert [t for t in ("总报告", "附件") if f"\n### {t}\n" in text] == titles
        assert count in text


def test_no_report_file_no_report_counted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The old count said 1 篇 with reports/ empty (a topic counted as past 结题)."""
    root = repo(tmp_path, files={"topics/t.yaml": "- {id: T-1, title: 课题, leader: lin, outcomes: [{kind: practice, on: 2023-05-01}]}\n"})
    out = tmp_path / "out"
    assert run_cli(capsys, ["-C", str(root), "--as-of", "2023-12-31", "--no-cache", "compile", "--format", "md", "-o", str(out)])[0] == 0
    assert "已形成调研报告0篇" in next(out.glob("*.md")).read_text(encoding="utf-8")


# ----------------------------------------------------------------------------- 2. deadlines in the record's time

WUHAN = "{start: 2018年9月1日, end: 2019-08-31}"


def test_a_solution_is_due_in_its_problems_time(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = repo(tmp_path, period=WUHAN, files={
        "problems/p.yaml": "- {id: P-1, title: 问题, found_on: 2019-06-12, due: 9月底前, owner_unit: fgw}\n"
                           "- {id: P-2, title: 问题二, found_on: 2019-07-16, due: 年底前, owner_unit: fgw}\n",
        "solutions/s.yaml": "- {id: S-1, title: 解决, problems: P-1, owner_unit: fgw, due: 9月底前}\n",
        "institutions/i.yaml": "- {id: I-1, title: 办法, kind: new, problems: P-2, drafting_unit: fgw, due: 年内, status: drafting}\n",
    })
    assert findings(capsys, root, "2019-08-31") == set()
    b = status(capsys, root, "2019-08-31")
    assert b["lists"]["overdue"] == []  # 2018-09-30 would be 335 days overdue
    b = status(capsys, root, "2019-10-10")
    assert {(o["kind"], o["id"], o["due"]) for o in b["lists"]["overdue"]} == {("problem", "P-1", "2019-09-30"), ("solution", "S-1", "2019-09-30")}
    export = tmp_path / "x.json"
    assert run_cli(capsys, ["-C", str(root), "--no-cache", "export", "--format", "json", "--kind", "institutions", "-o", str(export)])[0] == 0
    [inst] = json.loads(export.read_text(encoding="utf-8"))["institutions"]
    assert (inst["due"], inst["due_day"]) == ("年内", "2019-12-31")  # 年内 and 年底前 alike, in the problem's year


def test_a_yearless_deadline_nothing_can_place_is_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = repo(tmp_path, files={
        "problems/p.yaml": "- {id: P-1, title: 无发现时间, due: 3月底前, owner_unit: fgw}\n",
        "solutions/s.yaml": "- {id: S-1, title: 解决, problems: P-1, owner_unit: fgw, due: 2月底前}\n"})
    assert findings(capsys, root) == {("DY105", "problems/p.yaml", 1), ("DY105", "solutions/s.yaml", 1)}


# ----------------------------------------------------------------------------- 4. institutions overdue


def test_an_institution_past_its_deadline_is_overdue(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = repo(tmp_path, files={
        "problems/p.yaml": "- {id: P-1, title: 问题, found_on: 2023-05-01, due: 2023-12-31, owner_unit: fgw}\n",
        "institutions/i.yaml": "- {id: I-1, title: 管理办法, kind: new, problems: P-1, drafting_unit: jyj, due: 9月底前, status: reviewing}\n"})
    b = status(capsys, root, "2024-01-05")
    assert [(o["kind"], o["id"], o["owner_unit"], o["days_overdue"]) for o in b["lists"]["overdue"]] == [
        ("problem", "P-1", "fgw", 5), ("institution", "I-1", "jyj", 97)]
    assert b["lists"]["institutions_overdue"] == 1
    text = status(capsys, root, "2024-01-05", "text")
    assert "I-1" in text and "逾期 1 项" in text


def test_the_ledgers_mark_late_solutions_and_institutions_as_the_briefing_does(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The compiled 问题解决清单 and 制度清单 say 逾期 for what the briefing counts as overdue."""
    root = repo(tmp_path, files={
        "problems/p.yaml": "- {id: P-1, title: 问题, found_on: 2023-05-01, due: 2023-12-31, owner_unit: fgw}\n",
        "solutions/s.yaml": "- {id: S-1, title: 晚了的办法, problems: P-1, owner_unit: fgw, due: 9月前}\n"
                            "- {id: S-2, title: 按时的办法, problems: P-1, owner_unit: fgw, due: 9月前, done_on: 2023-08-20}\n",
        "institutions/i.yaml": "- {id: I-1, title: 管理办法, kind: new, problems: P-1, drafting_unit: jyj, due: 9月底前, status: reviewing}\n"})
    for day, late in (("2023-09-30", {"晚了的办法"}), ("2023-10-01", {"晚了的办法", "管理办法"})):
        out = tmp_path / f"out-{day}"
        assert run_cli(capsys, ["-C", str(root), "--as-of", day, "--no-cache", "compile", "--format", "md", "-o", str(out)])[0] == 0
        rows = [line for line in next(out.glob("*.md")).read_text(encoding="utf-8").splitlines() if line.startswith("| 1 |") or line.startswith("| 2 |")]
        marked = {name for name in ("晚了的办法", "按时的办法", "管理办法") for row in rows if f"| {name} |" in row and "逾期" in row}
        assert marked == late
        assert status(capsys, root, day)["lists"]["solutions_overdue"] + status(capsys, root, day)["lists"]["institutions_overdue"] == len(late)


# ----------------------------------------------------------------------------- 5. unit_topics counts a unit's own topics


def test_unit_topics_leaves_out_the_leaders_topics(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = repo(tmp_path, "rules:\n  leader_topics: {min: 1, max: 2, roles: [city_leader]}\n  unit_topics: {min: 2, max: 3, unit_types: [department]}\n", {
        "topics/t.yaml": "- {id: T-1, title: 市领导课题, leader: lin, lead_unit: fgw}\n- {id: T-2, title: 市领导课题二, leader: zhou, lead_unit: fgw}\n"
                         "- {id: T-3, title: 本部门课题, leader: wang, lead_unit: fgw}\n"
                         "- {id: T-4, title: 教育课题, leader: wang, lead_unit: jyj}\n- {id: T-5, title: 教育课题二, lead_unit: jyj}\n"})
    assert findings(capsys, root) == {("DY402", "units.yaml", 1)}  # fgw: 1 own topic (T-1, T-2 are city leaders'); jyj: 2


# ----------------------------------------------------------------------------- 6. text and Markdown carry the same facts


def test_the_text_briefing_shows_what_the_markdown_shows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = repo(tmp_path, "recurring:\n  - {id: r, title: 月报, rule: 每月, owner: fgw, submissions: [{period: 2023-05, on: 2023-06-03}]}\n", {
        "problems/p.yaml": "- {id: P-1, title: 问题, found_on: 2023-05-01, due: 2023-12-31, owner_unit: fgw}\n",
        "solutions/s.yaml": "- {id: S-1, title: 解决事项甲, problems: P-1, owner_unit: fgw, due: 2023-06-30}\n"})
    text, md = status(capsys, root, "2023-07-15", "text"), status(capsys, root, "2023-07-15", "md")
    for fact in ("逾期报送", "2023年5月（2023年6月3日）", "未报送：2023年4月", "S-1 解决事项甲", "问题解决清单：完成 0/1 项，逾期 1 项"):
        assert fact in text and fact in md, fact


# ----------------------------------------------------------------------------- 7. the campaign's own pipeline

PIPELINE = {
    "topics/t.yaml": "- {id: T-1, title: 边调研边解决, leader: lin}\n",
    "visits/v.yaml": "- {id: V-1, date: 2023-05-10, leaders: lin, topics: T-1}\n",
    "problems/p.yaml": "- {id: P-1, title: 问题, topic: T-1, found_on: 2023-05-10, due: 2023-06-30, owner_unit: fgw, closed_on: 2023-05-20, evidence: 已解决}\n",
    "solutions/s.yaml": "- {id: S-1, title: 现场解决, problems: P-1, owner_unit: fgw, due: 2023-06-30, done_on: 2023-05-20}\n",
}


@pytest.mark.parametrize(("steps", "gaps"), [
    ("", {("DY307", "topics/t.yaml", 1)}),                       # all seven steps: 立题 is missing
    ("topic_stages: [领题, 调研, 结题, 转化]\n", set()),             # no 立题 or 评审 in this plan
])
def test_steps_the_campaign_does_not_use_are_no_gap(tmp_path: Path, capsys: pytest.CaptureFixture[str], steps: str, gaps: set[Any]) -> None:
    root = repo(tmp_path, steps, PIPELINE)
    assert findings(capsys, root) == gaps
    b = status(capsys, root, "2023-09-15")
    assert b["topics"]["by_stage"]["converted"] == 1  # solved on site while researching: no 结题 or 评审 gap


def test_a_linked_solution_not_done_yet_is_no_conversion(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = {**PIPELINE, "solutions/s.yaml": "- {id: S-1, title: 解决, problems: P-1, owner_unit: fgw, due: 2023-12-31, done_on: 2023-11-20}\n"}
    root = repo(tmp_path, "topic_stages: [领题, 调研, 结题, 转化]\n", files)
    assert status(capsys, root, "2023-09-15")["topics"]["by_stage"]["researching"] == 1
    assert status(capsys, root, "2023-11-20")["topics"]["by_stage"]["converted"] == 1


# ----------------------------------------------------------------------------- 8. obligations owed by every unit

GROUP = """\
milestones:
  - id: plans
    title: 各区、各部门制订具体方案
    due: 2023-04-30
    owner: {unit_types: [district, department]}
    submissions: [{by: fgw, on: 2023-04-20}, {by: jyj, on: 2023-04-25}, {by: beishan, on: 2023-04-28}, {by: kfq, on: 2023-05-06}]
recurring:
  - id: info
    title: 报送工作动态信息
    rule: 每月
    owner: {unit_types: [district, department]}
    submissions:
      - {by: fgw, period: 2023-04, on: 2023-04-28}
      - {by: jyj, period: 2023-04, on: 2023-04-29}
      - {by: beishan, period: 2023-04, on: 2023-05-04}
      - {by: fgw, period: 2023-05, on: 2023-05-30}
vocabulary:
  unit_types: {开发区: district}
"""
GROUP_UNITS = {"units.yaml": UNITS.replace("type: district}\n- {id: sz", "type: 开发区}\n- {id: sz")}


def test_a_group_owes_an_obligation_member_by_member(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = repo(tmp_path, GROUP, GROUP_UNITS)
    assert findings(capsys, root, "2023-06-10") == set()  # 各区、各部门 is no dangling reference
    b = status(capsys, root, "2023-05-20")
    plans = next(m for m in b["milestones"] if m["id"] == "plans")
    assert (plans["members"], plans["status"], plans["done_on"]) == (["fgw", "jyj", "beishan", "kfq"], "done_late", "2023-05-06")
    info = next(r for r in b["recurring"] if r["id"] == "info")
    assert info["current"]["period"] == "2023-05" and info["not_submitted"] == ["fgw", "jyj", "beishan", "kfq"]  # fgw's is dated 05-30
    assert [(o["by"], o["period"]) for o in info["missed"]] == [("kfq", "2023-04")]  # 高新区 is a district by the vocabulary
    assert [(o["by"], o["period"]) for o in info["late"]] == [("beishan", "2023-04")]
    assert info["not_submitted_names"] == ["市发展改革委", "市教育局", "北山区", "高新区"]


def test_a_submission_by_someone_who_does_not_owe_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = repo(tmp_path, files=GROUP_UNITS, campaign=GROUP.replace("{by: fgw, period: 2023-05, on: 2023-05-30}", "{by: sz, period: 2023-05, on: 2023-05-30}\n      - {period: 2023-05, on: 2023-05-30}"))
    assert {code for code, _, _ in findings(capsys, root, "2023-06-10")} == {"DY312"}


def test_the_bulletin_has_the_member_by_period_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = repo(tmp_path, GROUP, GROUP_UNITS)
    out = tmp_path / "b"
    assert run_cli(capsys, ["-C", str(root), "--no-cache", "bulletin", "--month", "2023-05", "--format", "md", "-o", str(out)])[0] == 0
    text = next(out.glob("*.md")).read_text(encoding="utf-8")
    assert "| 序号 | 单位 | 2023年4月 | 2023年5月 |" in text
    assert "| 4 | 高新区 | 未报送 |  |" in text  # May's report is due on the bulletin's day: not missed yet
    assert "| 3 | 北山区 | 5月4日（逾期） |  |" in text
    assert "表3　“报送工作动态信息”各单位落实情况" in text  # the table has its title, numbered after 表1 and 表2


def test_a_year_of_months_is_set_a_line_per_month_so_that_it_fits_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    months = "".join(f"      - {{by: fgw, period: 2023-{m:02d}, on: 2023-{m:02d}-25}}\n" for m in range(6, 13))
    root = repo(tmp_path, GROUP.replace("      - {by: fgw, period: 2023-05, on: 2023-05-30}\n", "      - {by: fgw, period: 2023-05, on: 2023-05-30}\n" + months),
                GROUP_UNITS)
    out = tmp_path / "b"
    assert run_cli(capsys, ["-C", str(root), "--no-cache", "--as-of", "2023-12-31", "bulletin", "--month", "2023-12", "--format", "md,docx",
                            "-o", str(out)])[0] == 0
    text = next(out.glob("*.md")).read_text(encoding="utf-8")
    assert "| 时间 | 市发展改革委 | 市教育局 | 北山区 | 高新区 |" in text  # 9 months, 4 units: a column per unit
    assert "| 2023年4月 | 4月28日 | 4月29日 | 5月4日（逾期） | 未报送 |" in text
    assert "| 2023年11月 | 11月25日 | 未报送 | 未报送 | 未报送 |" in text
    assert "| 序号 | 单位 | 2023年4月 |" not in text
# ----------------------------------------------------------------------------- 9. dates outside the period


def test_dates_written_with_their_year_outside_the_period_are_legitimate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = repo(tmp_path, "milestones:\n  - {id: deploy, title: 部署会, due: 2018年8月底之前, done_on: 2018-08-28}\n"
                          "recurring:\n  - {id: wuxu, title: 季度务虚会, rule: 每季度, owner: fgw, submissions: [{period: 2023-Q3, on: 2023-08-30}]}\n",
                period="{start: 2023-04-01, end: 2023-08-31}", files={
        "problems/p.yaml": "- {id: P-1, title: 问题, found_on: 2023-08-15, due: 2024年3月底前, owner_unit: fgw, closed_on: 2023-09-12, evidence: 已整改}\n",
        "visits/v.yaml": "- {id: V-1, date: 2023-09-05, leaders: lin}\n"})
    assert findings(capsys, root, "2023-10-09") == {("DY302", "visits/v.yaml", 1)}  # only the visit outside the period


# ----------------------------------------------------------------------------- 10. several reports per topic


def test_each_report_names_its_topic_and_is_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = {**REPORTED, "topics/t.yaml": "- {id: T-1, title: 课题, leader: lin, report: reports/a.md}\n"}
    steps = "topic_stages: [领题, 调研, 结题, 转化]\n"
    assert findings(capsys, repo(tmp_path, steps, files)) == {("DY204", "reports/b.md", 2)}  # b names T-1, which does not list it
    assert findings(capsys, repo(tmp_path / "ok", steps, REPORTED)) == set()


# ----------------------------------------------------------------------------- 11. the campaign's own words

WORDS = "vocabulary:\n  methods: {实地调研: field_visit, 换位沉底: squat}\n  meeting_kinds: {季度务虚会: seminar}\n  sources: {回头看: inspection}\n"


def test_declared_words_are_accepted_and_counted_by_category(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = repo(tmp_path, WORDS + "rules:\n  squat_days: {min: 3}\n", {
        "visits/v.yaml": "- {id: V-1, start: 2023-05-10, end: 2023-05-11, leaders: lin, methods: [实地调研, 换位沉底], meeting: 季度务虚会}\n",
        "problems/p.yaml": "- {id: P-1, title: 问题, source: 回头看, found_on: 2023-05-10, due: 2023-12-31, owner_unit: fgw}\n"})
    assert findings(capsys, root) == {("DY404", "visits/v.yaml", 1)}  # 换位沉底 counts as a squat: 2 days < 3
    out = tmp_path / "c"
    assert run_cli(capsys, ["-C", str(root), "--as-of", "2023-09-15", "--no-cache", "compile", "--format", "md", "-o", str(out)])[0] == 0
    text = next(out.glob("*.md")).read_text(encoding="utf-8")
    assert "实地走访1次" in text and "蹲点1次" in text and "召开季度务虚会1次" in text


def test_an_undeclared_word_is_never_corrected(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = repo(tmp_path, files={"visits/v.yaml": "- {id: V-1, date: 2023-05-10, leaders: lin, methods: [实地调研]}\n"})
    outcome = run_check(capsys, root, lang="zh")
    [finding] = outcome.findings
    assert finding["code"] == "DY104" and "vocabulary" in finding["hint"]
    assert "实地走访" not in finding["hint"] and "随机调研" not in finding["hint"]


def test_schemas_written_inside_a_campaign_list_its_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = repo(tmp_path, WORDS)
    assert run_cli(capsys, ["-C", str(root), "schema", "-o", "schemas"])[0] == 0
    visit = (root / "schemas" / "visit.schema.json").read_text(encoding="utf-8")
    problem = (root / "schemas" / "problem.schema.json").read_text(encoding="utf-8")
    assert "实地调研" in visit and "季度务虚会" in visit and "座谈会" in visit and "回头看" in problem


# ----------------------------------------------------------------------------- 12. rules scoped in time and persons

SCOPED = """\
stages:
  - {id: deploy, title: 动员部署阶段, end: 4月中旬前}
  - {id: implement, title: 落实推进阶段, start: 4月, end: 11月}
  - {id: review, title: 检查考核阶段, end: 12月底前}
rules:
  visit_days_per_month: {min: 2, roles: [city_leader], stage: implement}
  visits_per_period: {per: quarter, min: 1, roles: [city_leader]}
"""


def test_a_rule_in_a_stage_and_a_rule_per_person(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    visits = "".join(f"- {{id: V-{m}, start: 2023-{m:02d}-10, end: 2023-{m:02d}-11, leaders: [lin, zhou]}}\n" for m in range(4, 10))
    visits += "".join(f"- {{id: V-{m}, start: 2023-{m:02d}-10, end: 2023-{m:02d}-11, leaders: lin}}\n" for m in (10, 11))
    visits += "- {id: V-12, date: 2023-12-05, leaders: lin}\n"
    root = repo(tmp_path, SCOPED, {"visits/v.yaml": visits})
    # lin: December (1 day) lies outside 落实推进阶段, no DY403; zhou: no visit in October and
    # November (DY403) and none in the fourth quarter (DY410), each reported at his record
    assert findings(capsys, root, "2024-01-15") == {("DY403", "people.yaml", 2), ("DY410", "people.yaml", 2)}
    outcome = run_check(capsys, root, as_of="2024-01-15", lang="zh")
    assert any("2023年第四季度 0 次" in f["message"] for f in outcome.findings)
    b = status(capsys, root, "2023-12-20")
    assert {line["id"]: line["required_days"] for line in b["leaders"]} == {"lin": None, "zhou": None}
    b = status(capsys, root, "2023-11-20")
    assert {line["id"]: line["required_days"] for line in b["leaders"]} == {"lin": 2, "zhou": 2}


# ----------------------------------------------------------------------------- 13. stages given by their end


def test_stages_by_their_end_and_milestones_without_a_day(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = repo(tmp_path, SCOPED + "milestones:\n  - {id: normal, title: 推进制度常态化}\n")
    b = status(capsys, root, "2023-12-10")
    [stage] = b["stages"]["current"]
    assert (stage["title"], stage["start"], stage["end"]) == ("检查考核阶段", "2023-12-01", "2023-12-31")
    b = status(capsys, root, "2023-04-05")
    assert [(s["id"], s["start"], s["end"]) for s in b["stages"]["current"]] == [
        ("deploy", "2023-04-01", "2023-04-20"), ("implement", "2023-04-01", "2023-11-30")]
    [normal] = b["milestones"]
    assert (normal["status"], normal["due"]) == ("ongoing", None)
    out = tmp_path / "b"
    assert run_cli(capsys, ["-C", str(root), "--no-cache", "bulletin", "--month", "2023-06", "--format", "md", "-o", str(out)])[0] == 0
    text = next(out.glob("*.md")).read_text(encoding="utf-8")
    assert "处于落实推进阶段。" in text and "阶段阶段" not in text


# ----------------------------------------------------------------------------- 14. units visited


def test_units_visited_are_counted_by_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = repo(tmp_path, "vocabulary:\n  unit_types: {开发区: district}\n", {
        "visits/v.yaml": "- {id: V-1, date: 2023-05-10, leaders: lin, hosts: [sz, fgw, 某企业]}\n- {id: V-2, date: 2023-05-12, leaders: lin, hosts: [sz, kfq]}\n"})
    out = tmp_path / "c"
    assert run_cli(capsys, ["-C", str(root), "--as-of", "2023-09-15", "--no-cache", "compile", "--format", "md", "-o", str(out)])[0] == 0
    text = next(out.glob("*.md")).read_text(encoding="utf-8")
    assert "深入4个单位和调研点（企业、群众等1个、区1个、外地单位1个、部门1个）" in text


# ----------------------------------------------------------------------------- 15. the small ones


def test_the_bulletin_shows_meets_only_with_a_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    visits = {"visits/v.yaml": "- {id: V-1, date: 2023-06-10, leaders: lin}\n"}
    for campaign, shown in (("", False), ("rules:\n  visit_days_per_month: {min: 2}\n", True)):
        root = repo(tmp_path / str(shown), campaign, visits)
        out = tmp_path / f"b{shown}"
        assert run_cli(capsys, ["-C", str(root), "--no-cache", "bulletin", "--month", "2023-06", "--format", "md", "-o", str(out)])[0] == 0
        assert ("是否达标" in next(out.glob("*.md")).read_text(encoding="utf-8")) is shown


def test_a_collective_owner_written_as_the_plan_says_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``owner: 各区、各部门`` is the group of districts and departments, not a dangling reference."""
    root = repo(tmp_path, "milestones:\n  - {id: plans, title: 制订方案, due: 2023-04-30, owner: 各区、各部门, submissions: [{by: fgw, on: 2023-04-20}]}\n")
    assert findings(capsys, root) == set()
    [m] = status(capsys, root, "2023-05-10")["milestones"]
    assert (m["members"], m["missing"], m["status"]) == (["fgw", "jyj", "beishan", "kfq"], ["beishan", "jyj", "kfq"], "overdue")


@pytest.mark.parametrize("owner", ["各级党委（党组）", "各单位", "各级各部门", "各地各部门", "各级各部门党委（党组）"])
def test_an_owner_of_every_unit_written_as_the_plan_says_it(tmp_path: Path, capsys: pytest.CaptureFixture[str], owner: str) -> None:
    """``各级党委（党组）`` (seed 000), ``各单位``, ``各级各部门``: every unit of the campaign owes the
    obligation and answers for itself, so one unit's submission does not complete it."""
    root = repo(tmp_path, f"milestones:\n  - {{id: plans, title: 上报调研报告, due: 2023-04-30, owner: {owner}, "
                          "submissions: [{by: fgw, on: 2023-04-20}]}\n")
    assert findings(capsys, root) == set()
    [m] = status(capsys, root, "2023-05-10")["milestones"]
    assert (m["members"], m["missing"], m["status"]) == (["fgw", "jyj", "beishan", "kfq"], ["beishan", "jyj", "kfq"], "overdue")


def test_plan_wordings_of_periods_and_standing_requirements(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``per: 季度``, a rule's stage by its title, ``due: 常态化``, occurrences named in Chinese."""
    root = repo(tmp_path, SCOPED.replace("stage: implement", "stage: 落实推进阶段").replace("per: quarter", "per: 季度")
                + "milestones:\n  - {id: normal, title: 常态化要求, due: 常态化}\n"
                + "recurring:\n  - {id: r, title: 季报, rule: 每季度, owner: fgw, submissions: [{period: 2023年第二季度, on: 2023-06-28}, "
                  "{period: 2023年三季度, on: 2023-10-08}]}\n",
                files={"visits/v.yaml": "".join(f"- {{id: V-{m}, start: 2023-{m:02d}-10, end: 2023-{m:02d}-11, leaders: [lin, zhou]}}\n"
                                                for m in range(4, 13))})
    assert findings(capsys, root, "2024-01-15") == set()
    b = status(capsys, root, "2024-01-15")
    assert [(m["id"], m["status"]) for m in b["milestones"]] == [("normal", "ongoing")]
    [r] = b["recurring"]
    assert ([o["period"] for o in r["late"]], [o["period"] for o in r["missed"]]) == (["2023-Q3"], ["2023-Q4"])
    unknown = repo(tmp_path / "unknown", SCOPED.replace("stage: implement", "stage: 推进阶段"))
    assert ("DY202", "campaign.yaml", 10) in findings(capsys, unknown, "2024-01-15")  # a stage that does not exist


def test_an_institution_issued_after_the_day_is_under_review_then(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # issued_on means issued; written without a status and dated later, it was still under review
    root = repo(tmp_path, files={
        "problems/p.yaml": "- {id: P-1, title: 厂房不足, found_on: 2023-05-10, owner_unit: fgw, due: 9月底前}\n",
        "institutions/i.yaml": "- {id: I-1, title: 管理办法, kind: new, problems: P-1, drafting_unit: fgw, due: 10月底前, issued_on: 2023-10-15}\n"})
    assert status(capsys, root, "2023-09-15")["lists"]["institutions"] == {"drafting": 0, "reviewing": 1, "issued": 0}
    assert status(capsys, root, "2023-10-20")["lists"]["institutions"] == {"drafting": 0, "reviewing": 0, "issued": 1}


def test_problem_lists_are_owed_by_the_units_of_the_campaign_once_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 各级各部门……9月前……研究制定问题清单: each member once, met by its list or its hand-in;
    # without an owner, every unit of the campaign but the hosts (an external unit owes none)
    root = repo(tmp_path, """\
milestones:
  - {id: lists, title: 各级各部门研究制定问题清单, due: 9月前, owner: 各区、各部门, requires: problem_lists,
     submissions: [{by: beishan, on: 2023-08-20}]}
  - {id: all, title: 问题清单上报, due: 9月前, requires: problem_lists}
""", files={"problems/p.yaml": "- {id: P-1, title: 厂房不足, found_on: 2023-05-10, owner_unit: fgw, due: 9月底前}\n",
            "problems/kfq.yaml": "[]\n"})
    lines = {m["id"]: m for m in status(capsys, root, "2023-09-15")["milestones"]}
    assert (lines["lists"]["done"], lines["lists"]["total"], lines["lists"]["missing"]) == (3, 4, ["jyj"])
    assert (lines["all"]["done"], lines["all"]["total"], lines["all"]["missing"]) == (2, 4, ["beishan", "jyj"])


def test_a_plan_without_stages_shows_where_the_period_is(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 活动四项措施不划阶段: the briefing tells the day of the period and the days left, not "no stage"
    root = repo(tmp_path, period="{start: 2022年4月, end: 2022年12月底}")
    for fmt in ("text", "md"):
        out = status(capsys, root, "2022-06-30", fmt)
        assert "活动期间：2022年4月1日至2022年12月31日，第 91/275 天（33%），剩余 184 天" in out
        assert "当前不在任何阶段内" not in out
    assert "当前不在任何阶段内" in status(capsys, repo(tmp_path / "after", period="{start: 2022年4月, end: 2022年12月底}"), "2023-01-05", "md")


def test_a_person_or_unit_written_by_name_is_answered_with_the_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a report's 执笔人 written as the plan's people are named: still an error, but the hint says which id
    root = repo(tmp_path, files={
        "topics/t.yaml": "- {id: T-1, title: 课题, leader: lin, report: reports/t.md}\n",
        "reports/t.md": "---\ntopic: T-1\ntitle: 报告\nauthors: [林海峰]\nunit: 市发展改革委\ndate: 2023-06-01\n---\n\n正文。\n"})
    code, out, _ = run_cli(capsys, ["-C", str(root), "--no-cache", "--no-color", "check"])
    assert code == 1
    assert "找不到人员“林海峰”" in out and "这里写编号：lin" in out
    assert "这里写编号：fgw" in out


def test_a_topic_solved_before_its_report_is_behind_for_the_report_it_lacks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 6月底前收集汇编市领导调研成果报告: a topic at 转化 without a report still owes it, and says so
    root = repo(tmp_path, """\
milestones:
  - {id: reports, title: 收集汇编市领导调研成果报告, due: 6月底前, requires: topic_report, applies_to: {roles: [city_leader]}}
""", files={
        "topics/t.yaml": "- {id: T-1, title: 民生课题, leader: lin}\n- {id: T-2, title: 产业课题, leader: zhou}\n",
        "visits/v.yaml": "- {id: V-1, date: 2023-05-10, leaders: [lin, zhou], topics: [T-1, T-2]}\n",
        "problems/p.yaml": "- {id: P-1, title: 值班医生不足, found_on: 2023-05-10, topic: T-1, owner_unit: jyj, due: 7月底前}\n",
        "solutions/s.yaml": "- {id: S-1, title: 轮值, problems: P-1, owner_unit: jyj, due: 7月底前, done_on: 2023-06-20}\n"})
    out = status(capsys, root, "2023-09-15", "md")
    assert "T-1 民生课题（林海峰）：现为“转化”，尚无调研报告" in out
    assert "T-2 产业课题（周启明）：现为“调研”，应达“结题”" in out
