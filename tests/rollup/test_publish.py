"""``dytool publish``: the briefing's figures in a versioned, documented, validated format."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from citykit import EXAMPLE

from dytool.cli.main import run
from dytool.rollup.published import PublishedSummary
from dytool.rollup.schemas import ROLLUP_SCHEMA_FILES, build_rollup_schemas, render

PROJECT = Path(__file__).resolve().parents[2]


def publish(capsys: pytest.CaptureFixture[str], root: Path, day: str = "2023-09-15") -> dict[str, Any]:
    capsys.readouterr()
    assert run(["publish", "-C", str(root), "--as-of", day]) == 0
    return json.loads(capsys.readouterr().out)


def briefing(capsys: pytest.CaptureFixture[str], root: Path, day: str) -> dict[str, Any]:
    capsys.readouterr()
    assert run(["status", "-C", str(root), "--as-of", day, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def campaign(tmp_path: Path) -> Path:
    copy = tmp_path / "campaign"
    shutil.copytree(EXAMPLE, copy, ignore=shutil.ignore_patterns(".dytool"))
    return copy


def test_the_summary_carries_the_briefings_figures(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    summary = publish(capsys, campaign)
    status = briefing(capsys, campaign, "2023-09-15")
    PublishedSummary.model_validate_json(json.dumps(summary))
    assert summary["schema_version"] == 1
    assert summary["campaign"] == {"id": "qc-dxdy-2023", "title": "青川市2023年大兴调查研究活动", "level": "city", "issuer": "中共青川市委办公室",
                                   "lead_office": "市委组织部", "period_start": "2023-04-01", "period_end": "2023-12-31"}
    assert summary["lists"]["problems"] == status["lists"]["problems"]
    assert [(o["id"], o["days_overdue"]) for o in summary["overdue"]] == [  # the overdue problems (solutions are counted apart)
        (o["id"], o["days_overdue"]) for o in status["lists"]["overdue"] if o["kind"] == "problem"]
    assert summary["overdue_total"] == 6
    assert [(t["id"], t["stage"], t["expected"]) for t in summary["topics"]["behind"]] == [
        (t["id"], t["stage"], t["expected"]) for t in status["topics"]["behind"]]
    assert [(x["name"], x["visit_days"], x["required_days"]) for x in summary["leaders"]] == [
        (x["name"], x["visit_days"], x["required_days"]) for x in status["leaders"]]
    units = {u["id"]: u["problems"] for u in summary["units"]}
    assert sum(u["found"] for u in units.values()) == 43
    assert units["fgw"]["found"] == 4 and units["fgw"]["overdue"] == 1  # P-001..P-004: P-002 overdue, P-004 escalated
    assert [u["type"] for u in summary["units"][:4]] == ["district", "district", "county", "county"]  # the bulletin's order
    assert [m["month"] for m in summary["months"]] == ["2023-04", "2023-05", "2023-06", "2023-07", "2023-08", "2023-09"]
    assert summary["months"][-1]["judged_on"] == "2023-09-15"


def test_a_months_figures_are_those_of_its_bulletin(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """tests/golden/documents/bulletin-2023-08.md: 11 visits, 6 new, 2 closed; 合计 41 / 8 / 1 / 32."""
    august = next(m for m in publish(capsys, campaign)["months"] if m["month"] == "2023-08")
    assert (august["judged_on"], august["visits"], august["new_problems"], august["closed_problems"]) == ("2023-08-31", 11, 6, 2)
    p = august["problems"]
    assert (p["found"], p["closed_on_time"], p["closed_late"], p["open"], p["overdue"]) == (41, 8, 1, 32, 0)
    assert [(b["name"], b["days"]) for b in august["leaders_below"]][:4] == [("林海峰", 1), ("周启明", 1), ("陈志远", 1), ("何建国", 3)]
    assert august["missed_submissions"] == ["督查专报报市委（2023-08）"]


def test_a_classified_problem_is_counted_but_its_title_withheld(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = campaign / "problems" / "fgw.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("- id: P-002\n", "- id: P-002\n  classification: 内部\n", 1), encoding="utf-8")
    summary = publish(capsys, campaign)
    p002 = next(o for o in summary["overdue"] if o["id"] == "P-002")
    assert p002["title"] == "（标有密级，标题不公开）"
    assert "重点项目前期工作经费保障不足" not in json.dumps(summary, ensure_ascii=False)
    assert summary["overdue_total"] == 6


def test_the_digest_follows_the_content_and_the_commit_is_recorded(campaign: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = publish(capsys, campaign)["source"]
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", first["digest"]) and first["commit"] is None
    assert (first["files"], first["records"], first["errors"]) == (41, 222, 0)
    other = tmp_path / "other"
    shutil.copytree(campaign, other, ignore=shutil.ignore_patterns(".dytool"))
    assert publish(capsys, other)["source"]["digest"] == first["digest"]  # the same files anywhere
    (other / "visits" / "2023-09.yaml").write_text((other / "visits" / "2023-09.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert publish(capsys, other)["source"]["digest"] != first["digest"]
    env = {"GIT_AUTHOR_NAME": "x", "GIT_AUTHOR_EMAIL": "x@x", "GIT_COMMITTER_NAME": "x", "GIT_COMMITTER_EMAIL": "x@x",
           "HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "x"]):
        subprocess.run(["git", *args], cwd=campaign, env=env, check=True)
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=campaign, env=env, check=True, capture_output=True, text=True).stdout.strip()
    again = publish(capsys, campaign)["source"]
    assert again["commit"] == head and again["digest"] == first["digest"]


def test_publish_writes_a_file_and_refuses_without_a_campaign(campaign: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "dytool-summary.json"
    assert run(["publish", "-C", str(campaign), "--as-of", "2023-09-15", "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["as_of"] == "2023-09-15"
    (campaign / "campaign.yaml").write_text("id: [\n", encoding="utf-8")
    capsys.readouterr()
    assert run(["publish", "-C", str(campaign), "--as-of", "2023-09-15"]) == 1
    assert "campaign.yaml 有错误，无法发布汇总数据" in capsys.readouterr().err


def test_before_the_campaign_starts_there_are_no_months(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    summary = publish(capsys, campaign, "2023-03-01")
    assert summary["months"] == [] and summary["lists"]["problems"]["found"] == 0


def test_committed_schemas_match_the_models() -> None:
    built = build_rollup_schemas()
    assert sorted(built) == sorted(ROLLUP_SCHEMA_FILES)
    stale = [name for name, schema in built.items() if (PROJECT / "schemas" / name).read_text(encoding="utf-8") != render(schema)]
    assert not stale, f"schemas/ is out of date for {stale}: run `dytool rollup schema -o schemas`"


def test_every_field_of_the_schemas_has_a_chinese_label() -> None:
    def missing(node: object, path: str) -> list[str]:
        out = []
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                if not re.search(r"[\u4e00-\u9fff]", str(prop.get("title", "")) + str(prop.get("description", ""))):
                    out.append(f"{path}.{name}")
            for key, value in node.items():
                out += missing(value, f"{path}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                out += missing(value, f"{path}[{i}]")
        return out

    assert [m for name, schema in build_rollup_schemas().items() for m in missing(schema, name)] == []


def test_the_schema_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["rollup", "schema", "-o", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(ROLLUP_SCHEMA_FILES)
