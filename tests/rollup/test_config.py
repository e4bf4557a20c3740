"""rollup.yaml: a wrong member entry is a finding at its line; a wrong file stops with a clear message."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path
from typing import Any

import pytest
from citykit import EXAMPLE

from dytool.cli.main import run


def write(root: Path, text: str, summary: dict[str, Any] | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "rollup.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    if summary is not None:
        (root / "s.json").write_text(json.dumps(summary), encoding="utf-8")
    return root


def status(capsys: pytest.CaptureFixture[str], root: Path) -> tuple[int, dict[str, Any] | None, str]:
    capsys.readouterr()
    code = run(["rollup", "status", "-C", str(root), "--as-of", "2023-09-15", "--format", "json"])
    out = capsys.readouterr()
    return code, json.loads(out.out) if out.out.strip() else None, out.err


def test_wrong_member_entries_are_findings_at_their_lines_and_the_rest_is_combined(tmp_path: Path, example_summary: dict[str, Any],
                                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    root = write(tmp_path, """\
        id: r
        title: 汇总
        members:
          - {name: 市发改委, kind: 部门, summary: s.json}
          - {name: 西岭县, kind: county, sumary: s.json}
          - {name: 南溪县, kind: county, summary: s.json, path: members/nanxi}
          - {name: 北山区, kind: district}
          - {name: 东湖区, kind: district, summary: s.json, ref: main}
          - {name: 市发改委, kind: department, summary: s.json}
          - {name: 石门镇, kind: town, summary: s.json}
          - 只是一段文字
        """, example_summary)
    code, report, _ = status(capsys, root)
    assert code == 1
    assert report is not None
    assert [m["name"] for m in report["members"]] == ["市发改委"]
    assert [(f["code"], f["line"]) for f in report["findings"]] == [
        ("DY101", 5), ("DY108", 6), ("DY108", 7), ("DY108", 8), ("DY201", 9), ("DY104", 10), ("DY103", 11),
    ]
    messages = [f["message"] for f in report["findings"]]
    assert messages[0] == "未知字段“sumary”"
    assert "三选一" in messages[1] and "三选一" in messages[2]
    assert "ref 和 subdir 只能与 git 同用" in messages[3]
    assert "重复" in messages[4]
    assert [f["name"] for f in report["failed"]] == ["西岭县", "南溪县", "北山区", "东湖区", "市发改委", "石门镇", "第 8 个成员"]
    assert report["members_configured"] == 8


def test_a_wrong_top_level_stops_with_the_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write(tmp_path, "id: r\ntitel: 汇总\nmembers: []\n")
    code, _, err = status(capsys, root)
    assert code == 1
    assert "rollup.yaml 有错误" in err and "rollup.yaml:2:1" in err and "rollup.yaml:1:1" in err  # the unknown key; the missing title


def test_yaml_that_cannot_be_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write(tmp_path, "id: r\ntitle: [汇总\n")
    code, _, err = status(capsys, root)
    assert code == 1 and "rollup.yaml:" in err and "Traceback" not in err


def test_no_rollup_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = status(capsys, tmp_path)
    assert code == 2 and "找不到 rollup.yaml" in err and "dytool init --rollup" in err


def test_path_sources_that_are_not_repositories(tmp_path: Path, example_summary: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    root = write(tmp_path / "r", """\
        id: r
        title: 汇总
        members:
          - {name: 西岭县, kind: county, path: members/xiling}
          - {name: 南溪县, kind: county, path: members/nanxi}
          - {name: 北山区, kind: district, path: s.json}
          - {name: 东湖区, kind: district, path: members/donghu}
        """, example_summary)
    (root / "members" / "nanxi").mkdir(parents=True)  # a submodule never checked out
    shutil.copytree(EXAMPLE, root / "members" / "donghu", ignore=shutil.ignore_patterns(".dytool"))
    code, report, _ = status(capsys, root)
    assert code == 1 and report is not None
    assert [f["message"].split("：", 1)[1] for f in report["findings"]] == [
        "目录不存在",
        "目录中没有 campaign.yaml（子模块未检出？运行 git submodule update --init）",
        "path 应为成员的活动仓库目录；已发布的 JSON 文件请写在 summary 中",
    ]
    (donghu,) = report["members"]
    assert donghu["name"] == "东湖区" and donghu["problems"]["found"] == 43 and donghu["commit"] is None


def test_git_sources_that_cannot_be_fetched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write(tmp_path / "r", """\
        id: r
        title: 汇总
        members:
          - {name: 西岭县, kind: county, git: ../nowhere, ref: main}
          - {name: 南溪县, kind: county, git: ../nowhere, ref: "--upload-pack=touch /tmp/x"}
          - {name: 北山区, kind: district, git: ../nowhere, ref: main, subdir: ../x}
        """)
    code, report, err = status(capsys, root)
    assert code == 1 and report is not None and "Traceback" not in err
    messages = [f["message"] for f in report["findings"]]
    assert "无法取得仓库：无法取得分支“main”：地址不对、分支不存在或没有访问权限" in messages[0]
    assert "不合要求" in messages[1]
    assert "subdir 不能含 .." in messages[2]
