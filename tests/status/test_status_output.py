"""What ``dytool status`` prints: JSON with the keys of cli.md and machine values, Markdown and
text with the sections in cli.md's order and Chinese labels, long lists cut with "……另有 N 项",
and date phrases shown with their text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from statuskit import cli, cli_json, make_repo

DOCUMENTED_KEYS = ["campaign", "as_of", "stages", "milestones", "recurring", "topics", "leaders", "lists", "burden", "changes"]
SECTIONS_ZH = ["活动与日期", "时间节点", "常态化要求", "课题进展", "领导调研", "三张清单", "基层负担"]
SECTIONS_EN = ["Campaign", "Milestones", "Recurring obligations", "Topics", "Leaders", "The three lists", "Burden on hosts"]
STATUSES = {"done", "done_late", "overdue", "due_soon", "pending"}
TOPIC_STAGES = {"proposed", "claimed", "planned", "researching", "reported", "evaluated", "converted"}
ANSI = re.compile(r"\x1b\[")

CAMPAIGN = """\
due_soon_days: 15
stages:
  - {id: s1, title: 调研破题, start: 2023-05-01, end: 2023-10-31}
  - {id: s2, title: 总结提升, start: 2023-11-01, end: 2023-12-31}
milestones:
  - {id: m-over, title: 已逾期节点, due: 2023-08-31, owner: fgw}
  - {id: m-soon, title: 拿出三年行动方案, due: 9月底前}
  - {id: m-done, title: 已完成节点, due: 2023-06-10, done_on: 2023-06-08}
  - {id: m-late, title: 提纲报审, due: 2023-04-30, requires: topic_outline}
recurring:
  - {id: r, title: 督查专报, rule: 每月5日前, owner: gxj, submissions: [2023-04-04, 2023-05-05, 2023-06-05, {period: '2023-07', on: 2023-07-20}]}
rules:
  visit_days_per_month: {min: 5, roles: [city_leader]}
  host_burden: {window_days: 7, max_visits: 2}
"""
FILES = {
    "topics/t.yaml": "- {id: T-1, title: 课题一, leader: lin, outline: {submitted_on: 2023-05-06}}\n- {id: T-2, title: 选题}\n",
    "visits/v.yaml": """\
    - {id: V-1, date: 2023-09-04, leaders: [lin], topics: [T-1], hosts: [xiling]}
    - {id: V-2, date: 2023-09-05, leaders: [zhou], hosts: [xiling]}
    - {id: V-3, date: 2023-09-06, leaders: [zhou], hosts: [xiling]}
    """,
    "problems/p.yaml": """\
    - {id: P-1, title: 逾期问题, found_on: 2023-05-01, owner_unit: fgw, due: 2023-08-31}
    - {id: P-2, title: 已销号问题, found_on: 2023-05-01, owner_unit: gxj, due: 2023-08-31, closed_on: 2023-08-01, evidence: 材料}
    """,
    "solutions/s.yaml": "- {id: S-1, title: 事项, problems: [P-1], owner_unit: fgw, due: 2023-12-31}\n",
    "institutions/i.yaml": "- {id: I-1, title: 办法, kind: new, problems: [P-1], drafting_unit: fgw, status: drafting}\n",
}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_repo(tmp_path, CAMPAIGN, FILES)


# ---------------------------------------------------------------- JSON


def test_json_has_exactly_the_documented_keys_in_order(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert list(cli_json(capsys, root, "2023-09-15")) == DOCUMENTED_KEYS


def test_json_documented_keys_come_in_the_documented_order(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    keys = list(cli_json(capsys, root, "2023-09-15"))
    assert [k for k in keys if k in DOCUMENTED_KEYS] == DOCUMENTED_KEYS
    assert keys == list(cli_json(capsys, root, "2024-01-05"))  # the same keys whatever the day


def test_json_statuses_are_machine_values(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = cli_json(capsys, root, "2023-09-15")
    by_id = {m["id"]: m for m in data["milestones"]}
    assert {k: v["status"] for k, v in by_id.items()} == {
        "m-over": "overdue", "m-soon": "due_soon", "m-done": "done", "m-late": "done_late",
    }
    r = data["recurring"][0]
    assert r["current"]["status"] == "pending"
    assert [(o["period"], o["status"]) for o in r["missed"]] == [("2023-08", "overdue"), ("2023-09", "overdue")]
    assert [o["status"] for o in r["late"]] == ["done_late"]
    assert set(data["topics"]["by_stage"]) == TOPIC_STAGES
    statuses = re.findall(r'"status": "([^"]*)"', json.dumps(data, ensure_ascii=False))
    assert statuses and set(statuses) <= STATUSES


def test_json_values_are_plain(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, root, "2023-09-15", "--format", "json")
    assert code == 0
    assert not ANSI.search(out)
    data = json.loads(out)
    assert data["as_of"] == "2023-09-15"
    assert data["campaign"]["id"] == "t-2023"
    assert data["stages"]["current"][0]["id"] == "s1"
    assert data["stages"]["next"]["id"] == "s2"
    m = next(m for m in data["milestones"] if m["id"] == "m-soon")
    assert (m["due"], m["due_text"], m["days_left"]) == ("2023-09-30", "9月底前", 15)
    assert data["lists"]["overdue"][0] == {
        "id": "P-1", "title": "逾期问题", "owner_unit": "fgw", "owner_unit_name": "市发展改革委", "due": "2023-08-31", "days_overdue": 15,
        "kind": "problem",
    }
    assert data["changes"] is None  # no --since


def test_json_every_item_carries_its_id(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = cli_json(capsys, root, "2023-09-15")
    lists = [data["stages"]["current"], data["milestones"], data["recurring"], data["leaders"],
             data["topics"]["behind"], data["lists"]["overdue"], data["lists"]["stale"]]
    assert all(lists[:4])
    for items in lists:
        assert all(isinstance(item.get("id"), str) and item["id"] for item in items)


def test_json_is_stable(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = cli(capsys, root, "2023-09-15", "--format", "json")[1]
    assert cli(capsys, root, "2023-09-15", "--format", "json")[1] == first


# ---------------------------------------------------------------- Markdown


def headings(markdown: str) -> list[str]:
    return [line[3:] for line in markdown.splitlines() if line.startswith("## ")]


def test_markdown_sections_in_the_order_of_cli_md(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, root, "2023-09-15", "--format", "md")
    assert code == 0
    assert out.startswith("# 测试活动\n")
    assert headings(out) == SECTIONS_ZH
    assert "统计日期：2023年9月15日" in out


def test_markdown_in_english(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, root, "2023-09-15", "--format", "md", "--lang", "en")
    assert code == 0
    assert headings(out) == SECTIONS_EN


def test_markdown_shows_chinese_labels(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = cli(capsys, root, "2023-09-15", "--format", "md")[1]
    table = out.split("## 时间节点")[1].split("## ")[0]
    for label in ("已逾期", "即将到期", "已完成", "逾期完成"):
        assert f"| {label} |" in table
    assert not re.search(r"\b(overdue|due_soon|done_late|pending)\b", out)
    assert "| 0/1 |" not in table and "| 1/1 |" in table  # n/m of the checked milestone
    assert "P-1 逾期问题 | 市发展改革委 | 2023年8月31日 | 15 |" in out


def test_markdown_milestone_row(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = cli(capsys, root, "2023-09-15", "--format", "md")[1]
    row = next(line for line in out.splitlines() if "拿出三年行动方案" in line)
    assert "即将到期" in row and "剩余 15 天" in row


def test_markdown_shows_a_phrase_that_does_not_start_with_a_digit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_repo(tmp_path, "milestones:\n  - {id: m, title: 总结报告, due: 年底前}\n")
    out = cli(capsys, root, "2023-09-15", "--format", "md")[1]
    assert "| 总结报告 | 2023年12月31日（年底前） | 未到期 |" in out


def test_markdown_shows_a_date_phrase_with_its_text(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = cli(capsys, root, "2023-09-15", "--format", "md")[1]
    row = next(line for line in out.splitlines() if "拿出三年行动方案" in line)
    assert "9月底前" in row


def test_empty_sections_are_omitted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_repo(tmp_path, "", {"people.yaml": "- {id: staff, name: 工作人员}\n"})
    out = cli(capsys, root, "2023-09-15", "--format", "md")[1]
    for section in ("时间节点", "常态化要求", "领导调研", "基层负担"):
        assert f"## {section}" not in out


# ---------------------------------------------------------------- text


def test_text_sections_in_order(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, root, "2023-09-15")
    assert code == 0
    assert not ANSI.search(out)  # --no-color
    positions = [out.index(f"\n{title}\n") for title in SECTIONS_ZH[1:]]
    assert positions == sorted(positions)
    assert "当前阶段" in out and "调研破题" in out


def test_text_shows_a_date_phrase_with_its_text(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = cli(capsys, root, "2023-09-15")[1]
    assert "9月底前" in out


def many_overdue(root: Path, n: int) -> Path:
    problems = "".join(
        f"- {{id: P-{i:02d}, title: 问题{i:02d}, found_on: 2023-07-01, owner_unit: fgw, due: 2023-08-{i:02d},"
        f" progress: [{{on: 2023-09-10, text: 推进中}}]}}\n"
        for i in range(1, n + 1)
    )
    return make_repo(root, "", {"problems/p.yaml": problems})


def test_text_cuts_long_lists(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = many_overdue(tmp_path, 15)
    code, out, _ = cli(capsys, root, "2023-09-15")
    assert code == 0
    assert "……另有 5 项" in out
    shown = set(re.findall(r"P-\d\d", out))
    assert shown == {f"P-{i:02d}" for i in range(1, 11)}  # the ten most overdue
    assert "逾期 15" in out


def test_markdown_keeps_the_whole_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = many_overdue(tmp_path, 15)
    out = cli(capsys, root, "2023-09-15", "--format", "md")[1]
    assert "另有" not in out
    rows = [line for line in out.splitlines() if line.startswith("| 问题 | P-")]
    assert [row.split()[3] for row in rows] == [f"P-{i:02d}" for i in range(1, 16)]  # most overdue first
    assert rows[0].endswith("| 45 |") and rows[-1].endswith("| 31 |")


def test_ten_items_are_not_cut(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = cli(capsys, many_overdue(tmp_path, 10), "2023-09-15")[1]
    assert "另有" not in out
    assert len(set(re.findall(r"P-\d\d", out))) == 10
