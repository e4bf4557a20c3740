"""A city office rolls up its members, as it would: three members publish (or are read from
git), one is stale, one published nothing, one published a broken file.

Figures counted by hand from the example's problems (examples/campaign-2023/problems/) and the
edits of citykit.py, as of 2023-09-15 (the example alone: 43 found, 11 closed of which 10 on
time, 32 open, 6 overdue — P-002, P-008, P-016, P-029 due 8-31 and P-010, P-036 due 9-10;
see tests/golden/status/2023-09-15.json, itself checked by hand):

* 西岭县 = the example: 43 / 11 (10 on time, 1 late) / 32 open / 6 overdue → 25.6 %, 10/17 = 58.8 %
* 南溪县: P-008 closed 8-25 (due 8-31: on time), P-016 closed 9-10 (due 8-31: late) →
  43 / 13 (11, 2) / 30 / 4 → 13/43 = 30.2 %, 11/17 = 64.7 %
* 市发改委: + P-047 (found 8-20, due 8-25, open: overdue 21 days) → 44 / 11 (10, 1) / 33 / 7 →
  11/44 = 25.0 %, 10/18 = 55.6 %
* 北山区 = the example published on 9-01: 41 found (P-045 found 9-12, P-046 9-13 not yet),
  9 closed (8 on time; P-009 and P-003 closed after 9-01), 32 open, 4 overdue (the four due
  8-31, 1 day each) → 9/41 = 22.0 %, 8/13 = 61.5 %; 14 days old, stale (limit 7)
* 合计: 171 found, 44 closed (39 on time, 5 late), 127 open, 21 overdue → 25.7 %, 39/65 = 60.0 %

The 2023-08 通报 (judged on 8-31; the example's own August bulletin, tests/golden/documents/
bulletin-2023-08.md, has 41 / 8 / 1 / 32 / 22.0 % / 88.9 % in its 合计 row):

* 西岭县 and 北山区: 41 / 8 / 1 / 32 / 22.0 % / 88.9 %
* 南溪县: P-008 closed on time in August → 41 / 9 / 1 / 31 / 24.4 % / 9/10 = 90.0 %
* 市发改委: P-047 overdue by 8-31 → 42 / 8 / 1 / 33 / 21.4 % / 8/10 = 80.0 %
* 合计: 165 / 33 / 4 / 128 → 37/165 = 22.4 %, 33/38 = 86.8 %
"""

from __future__ import annotations

import json
from calendar import monthrange
from datetime import date
from pathlib import Path

import pytest
import yaml
from citykit import AS_OF, City, build_city, check_golden, sh

from dytool.edit.scaffold_rollup import ROLLUP_COMMANDS


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> City:
    return build_city(tmp_path_factory.mktemp("city"))


def _ci_commands(root: Path) -> list[str]:
    workflow = yaml.safe_load((root / ".github" / "workflows" / "dytool-rollup.yml").read_text(encoding="utf-8"))
    return [step["run"] for step in workflow["jobs"]["rollup"]["steps"] if str(step.get("run", "")).startswith("dytool rollup")]


def test_the_roll_up_ci_runs_as_written_and_reports_the_broken_members(city: City) -> None:
    commands = _ci_commands(city.root)
    assert commands == list(ROLLUP_COMMANDS)
    done = [sh(command, city.root, city.env, ok=(1,)) for command in commands]  # 1: two members could not be combined
    assert "2 个成员的数据未能汇总" in done[0].stderr
    briefing = (city.root / "build" / "汇总简报.md").read_text(encoding="utf-8")
    check_golden("status-2023-09-15.md", city.normalize(briefing))
    report = json.loads((city.root / "build" / "汇总.json").read_text(encoding="utf-8"))
    assert report["members_configured"] == 6 and report["members_combined"] == 4


_REPORTS: dict[Path, dict] = {}  # type: ignore[type-arg]


def _status(city: City) -> dict:  # type: ignore[type-arg]
    """``dytool rollup status --format json`` of the city, run once."""
    if city.root not in _REPORTS:
        done = sh(["dytool", "rollup", "status", "--format", "json"], city.root, city.env, ok=(1,))
        _REPORTS[city.root] = json.loads(done.stdout)
    return _REPORTS[city.root]


def test_ranking_and_totals_by_hand(city: City) -> None:
    report = _status(city)
    ranking = [(r["rank"], r["name"], r["found"], r["closed"], r["closed_on_time"], r["open"], r["overdue"]) for r in report["ranking"]]
    assert ranking == [
        (1, "南溪县", 43, 13, 11, 30, 4),
        (2, "西岭县", 43, 11, 10, 32, 6),
        (3, "市发改委", 44, 11, 10, 33, 7),
        (4, "北山区", 41, 9, 8, 32, 4),
    ]
    assert [(r["name"], r["on_time_rank"]) for r in report["ranking"]] == [("南溪县", 1), ("西岭县", 3), ("市发改委", 4), ("北山区", 2)]
    rates = {r["name"]: (r["closure_rate"], r["on_time_rate"]) for r in report["ranking"]}
    assert rates == {"南溪县": (0.3023, 0.6471), "西岭县": (0.2558, 0.5882), "市发改委": (0.25, 0.5556), "北山区": (0.2195, 0.6154)}
    totals = report["totals"]
    assert (totals["found"], totals["closed"], totals["closed_on_time"], totals["closed_late"], totals["open"], totals["overdue"]) == (171, 44, 39, 5, 127, 21)
    assert (totals["closure_rate"], totals["on_time_rate"]) == (0.2573, 0.6)


def test_the_missing_the_broken_and_the_stale_member_are_each_reported_at_their_line(city: City) -> None:
    report = _status(city)
    found = {(f["code"], f["line"], f["severity"]) for f in report["findings"]}
    assert found == {("DY505", 12, "warning"), ("DY501", 14, "error"), ("DY502", 15, "error")}
    failed = {f["name"]: f["reason"] for f in report["failed"]}
    assert failed["市教育局"] == "文件不存在"
    assert failed["市政府办"].startswith("不是有效的 JSON")
    stale = next(f for f in report["findings"] if f["code"] == "DY505")
    assert "北山区" in stale["message"] and "2023-09-01" in stale["message"] and "14 天" in stale["message"]
    beishan = next(m for m in report["members"] if m["name"] == "北山区")
    assert beishan["stale"] is True and beishan["as_of"] == "2023-09-01"


def test_the_overdue_problems_and_leaders_come_through_by_id(city: City) -> None:
    report = _status(city)
    members = {m["name"]: m for m in report["members"]}
    assert [o["id"] for o in members["市发改委"]["overdue"]] == ["P-047", "P-002", "P-008", "P-016", "P-029", "P-010", "P-036"]
    assert members["市发改委"]["overdue"][0]["days_overdue"] == 21
    assert [o["id"] for o in members["南溪县"]["overdue"]] == ["P-002", "P-029", "P-010", "P-036"]
    below = members["西岭县"]["leaders_below"]
    assert below["month"] == "2023-08" and len(below["leaders"]) == 10  # the example's August bulletin: every leader below 5 days
    assert {t["id"] for t in members["西岭县"]["topics"]["behind"]} == {"T-009", "T-011"}


def test_each_member_keeps_the_state_it_came_from(city: City) -> None:
    report = _status(city)
    members = {m["name"]: m for m in report["members"]}
    head = sh(["git", "rev-parse", "HEAD"], city.members["xiling"], city.env).stdout.strip()
    assert members["西岭县"]["commit"] == head  # the submodule's commit
    nanxi = sh(["git", "rev-parse", "HEAD"], city.members["nanxi"], city.env).stdout.strip()
    assert members["南溪县"]["commit"] == nanxi  # fetched by git into the roll-up's cache
    assert len({m["digest"] for m in members.values()}) == 4
    # What the member's own CI publishes is what the roll-up computes from its repository.
    xiling = city.members["xiling"]
    sh("dytool publish -o dytool-summary.json", xiling, city.env)
    published = json.loads((xiling / "dytool-summary.json").read_text(encoding="utf-8"))
    assert (published["source"]["digest"], published["source"]["commit"]) == (members["西岭县"]["digest"], head)
    assert published["lists"]["problems"]["found"] == members["西岭县"]["problems"]["found"] == 43


def test_the_bulletin_of_august_by_hand(city: City) -> None:
    done = sh(["dytool", "rollup", "bulletin", "--month", "2023-08", "-o", "build"], city.root, city.env, ok=(1,))
    assert "督查专报第5期（2023-08）.md" in done.stdout and "督查专报第5期（2023-08）.docx" in done.stdout
    text = (city.root / "build" / "督查专报第5期（2023-08）.md").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| ") and "%" in line]
    assert rows == [
        "| 1 | 西岭县 | 41 | 8 | 1 | 32 | 22.0% | 88.9% |",
        "| 2 | 南溪县 | 41 | 9 | 1 | 31 | 24.4% | 90.0% |",
        "| 3 | 北山区 | 41 | 8 | 1 | 32 | 22.0% | 88.9% |",  # a district: before the departments
        "| 4 | 市发改委 | 42 | 8 | 1 | 33 | 21.4% | 80.0% |",
        "|  | 合计 | 165 | 33 | 4 | 128 | 22.4% | 86.8% |",
    ]
    assert "1. 市发改委：逾期未销号1个，其中市级重大项目审批时限偏长（市发展改革委，逾期6天）。" in text
    assert "- 市教育局：数据未能汇总（文件不存在）。" in text
    assert "- 北山区：数据截至2023年9月1日，已超过7天未更新。" in text
    check_golden("bulletin-2023-08.md", city.normalize(text))
    from docx import Document

    document = Document(str(city.root / "build" / "督查专报第5期（2023-08）.docx"))
    cells = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    assert ["4", "市发改委", "42", "8", "1", "33", "21.4%", "80.0%"] in cells
    assert any("督查专报" in p.text for p in document.paragraphs[:3])


def test_the_combined_ledgers_have_a_summary_sheet_and_a_sheet_per_member(city: City) -> None:
    sh(["dytool", "rollup", "export", "-o", "build/汇总台账.xlsx"], city.root, city.env, ok=(1,))
    from openpyxl import load_workbook

    book = load_workbook(city.root / "build" / "汇总台账.xlsx")
    assert book.sheetnames == ["汇总", "西岭县", "南溪县", "北山区", "市发改委"]
    summary = book["汇总"]
    rows = {row[1]: row for row in summary.iter_rows(min_row=4, values_only=True) if row[1]}
    assert rows["南溪县"][5:11] == (43, 13, 11, 2, 30, 4)
    assert rows["合计"][5:11] == (171, 44, 39, 5, 127, 21)
    failed = [row for row in summary.iter_rows(values_only=True) if row[1] in ("市教育局", "市政府办")]
    assert len(failed) == 2
    fgw = book["市发改委"]
    values = [row for row in fgw.iter_rows(values_only=True)]
    assert any(row[1] == "P-047" and row[5] == 21 for row in values)


def test_the_bulletin_of_the_month_in_progress_is_dated_on_the_as_of_day(city: City) -> None:
    """A 通报 made before its month ends says 截至 the as-of day (the figures run to it), never
    the month's last day, as a member's own bulletin does."""
    as_of = date.fromisoformat(AS_OF)
    month = f"{as_of.year}-{as_of.month:02d}"
    sh(["dytool", "rollup", "bulletin", "--month", month, "--format", "md", "-o", "build-now"], city.root, city.env, ok=(0, 1))
    [made] = (city.root / "build-now").glob("*.md")
    text = made.read_text(encoding="utf-8")
    day = f"{as_of.year}年{as_of.month}月{as_of.day}日"
    assert f"截至{day}" in text, text[:800]
    assert as_of.day < monthrange(as_of.year, as_of.month)[1]  # the case this test is about
    assert f"截至{as_of.year}年{as_of.month}月{monthrange(as_of.year, as_of.month)[1]}日" not in text


def test_a_province_on_the_terminal_stops_after_ten_members_and_says_where_the_rest_is(city: City, monkeypatch: pytest.MonkeyPatch) -> None:
    """A hundred members' overdue problems, topics and leaders filled five thousand terminal
    lines; the terminal now shows ten members of each list and says how many more there are
    and where to read them, while Markdown (and JSON, Word) stay complete."""
    import dataclasses

    from dytool.api import rollup
    from dytool.core.messages import Lang
    from dytool.present.page_md import page_markdown
    from dytool.present.rollup_page import rollup_page

    for name, value in city.env.items():
        monkeypatch.setenv(name, value)
    view = rollup(city.root, as_of=date.fromisoformat(AS_OF)).view()
    late = [m for m in view.members if m.overdue_total]
    assert late
    many = tuple(dataclasses.replace(m, name=f"{m.name}{i}") for i in range(12) for m in late)
    province = dataclasses.replace(view, members=many)
    terminal = rollup_page(province, Lang.ZH, terminal=True)
    [overdue] = [s for s in terminal.sections if s.key == "overdue"]
    headings = [b for b in overdue.blocks if type(b).__name__ == "Heading"]
    assert len(headings) == 10
    assert f"另有 {len(many) - 10} 个成员有逾期问题" in page_markdown(terminal)
    assert "dytool rollup status --format md" in page_markdown(terminal)
    complete = page_markdown(rollup_page(province, Lang.ZH))
    assert all(m.name in complete for m in many) and "个成员有逾期问题" not in complete
