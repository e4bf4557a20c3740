"""``dytool rollup status --since FILE``: what changed since the last meeting's roll-up."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dytool.cli.main import run


def test_changes_since_the_last_meeting(rollup_repo: Callable[..., Path], example_summary: dict[str, Any], tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    before = copy.deepcopy(example_summary)
    before["campaign"]["id"] = "xiling"
    root = rollup_repo([("西岭县", "county", before), ("南溪县", "county", b"{}")])
    previous = tmp_path / "上次会议.json"
    assert run(["rollup", "status", "-C", str(root), "--as-of", "2023-09-15", "--format", "json", "-o", str(previous)]) == 1
    after = copy.deepcopy(before)  # 西岭县 closed P-002 (overdue) on time of the meeting: one more closed, one fewer overdue
    p = after["lists"]["problems"]
    p.update(closed=p["closed"] + 1, closed_late=p["closed_late"] + 1, open=p["open"] - 1, overdue=p["overdue"] - 1)
    after["overdue"] = [o for o in after["overdue"] if o["id"] != "P-002"]
    after["overdue_total"] -= 1
    share = root.parent / "share"
    (share / "m0.json").write_text(json.dumps(after, ensure_ascii=False), encoding="utf-8")
    (share / "m1.json").write_text(json.dumps({**example_summary, "campaign": {**example_summary["campaign"], "id": "nanxi"}}), encoding="utf-8")
    capsys.readouterr()
    assert run(["rollup", "status", "-C", str(root), "--as-of", "2023-09-22", "--format", "md", "--since", str(previous)]) == 0
    text = capsys.readouterr().out
    section = text[text.index("## 自2023年9月15日以来"):]
    assert "- 西岭县：新发现 0，新销号 +1，逾期 -1；销号率 25.6% → 27.9%；新逾期 0 个，不再逾期 1 个" in section  # tied first before, first now
    assert "- 市发改委：新发现 0，新销号 0，逾期 0；销号率 25.6% → 25.6%，排名 1 → 2；新逾期 0 个，不再逾期 0 个" in section
    assert "- 恢复汇总：南溪县" in section
    capsys.readouterr()
    run(["rollup", "status", "-C", str(root), "--as-of", "2023-09-22", "--format", "json", "--since", str(previous)])
    changes = json.loads(capsys.readouterr().out)["changes"]
    assert changes["combined_again"] == ["南溪县"]
    (xiling,) = [m for m in changes["members"] if m["name"] == "西岭县"]
    assert (xiling["closed"], xiling["overdue"], xiling["no_longer_overdue"], xiling["closure_rate_after"]) == (1, -1, 1, 0.2791)


def test_since_a_file_that_is_not_a_roll_up(rollup_repo: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = rollup_repo([])
    (tmp_path / "x.json").write_text("[1]", encoding="utf-8")
    assert run(["rollup", "status", "-C", str(root), "--as-of", "2023-09-15", "--since", str(tmp_path / "x.json")]) == 1
    assert "不是 dytool rollup status --format json 的输出" in capsys.readouterr().err
    assert run(["rollup", "status", "-C", str(root), "--as-of", "2023-09-15", "--since", str(tmp_path / "none.json")]) == 2
    assert "文件不存在" in capsys.readouterr().err
