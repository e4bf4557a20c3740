"""Bad members never break the roll-up: each one is a located finding, the good one is combined."""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dytool.cli.main import run
from dytool.rollup.published import CAPS

Make = Callable[..., Path]


def status(capsys: pytest.CaptureFixture[str], root: Path, *extra: str) -> tuple[int, dict[str, Any], str]:
    capsys.readouterr()
    code = run(["rollup", "status", "-C", str(root), "--as-of", "2023-09-15", "--format", "json", *extra])
    out = capsys.readouterr()
    return code, json.loads(out.out), out.err


def changed(summary: dict[str, Any], **paths: Any) -> dict[str, Any]:
    data = copy.deepcopy(summary)
    for path, value in paths.items():
        node = data
        keys = path.split("__")
        for key in keys[:-1]:
            node = node[int(key)] if key.isdigit() else node[key]
        node[keys[-1]] = value
    return data


def bad_cases(s: dict[str, Any]) -> list[tuple[str, bytes | dict[str, Any] | None, str, str]]:
    counts = s["lists"]["problems"]
    return [
        ("other version", changed(s, schema_version=2), "DY503", "格式版本为 2，本程序读取版本 1"),
        ("no version", {k: v for k, v in s.items() if k != "schema_version"}, "DY503", "格式版本为 （未注明）"),
        ("not json", b"\x00\xff not json at all", "DY502", "不是有效的 JSON"),
        ("a list", b"[1, 2, 3]", "DY502", "JSON 的顶层应为对象"),
        ("truncated", json.dumps(s).encode()[:200], "DY502", "不是有效的 JSON（第 1 行"),
        ("deep", b"[" * 100_000 + b"]" * 100_000, "DY502", ""),
        ("too large", b" " * (CAPS["bytes"] + 10), "DY502", "超过 16 MiB 上限"),
        ("utf-16", json.dumps(s, ensure_ascii=False).encode("utf-16"), "DY502", ""),
        ("unknown field", changed(s, campaign__secret="x"), "DY504", "campaign.secret：不是本格式的字段"),
        ("long title", changed(s, campaign__title="长" * 10_000), "DY504", "campaign.title：文字过长"),
        ("too many overdue", changed(s, overdue=[s["overdue"][0]] * (CAPS["overdue"] + 1)), "DY504", "overdue：条目过多"),
        ("negative", changed(s, lists__problems__found=-1), "DY504", "lists.problems.found：数值过小"),
        ("string count", changed(s, lists__problems__found="43"), "DY504", "lists.problems.found：类型或取值不对"),
        ("bad date", changed(s, as_of="2023-02-30"), "DY504", "as_of"),
        ("counts disagree", changed(s, lists__problems={**counts, "closed": counts["found"] + 5}), "DY504", "lists.problems 的问题数字对不上"),
        ("missing", None, "DY501", "文件不存在"),
    ]


@pytest.mark.parametrize("case", range(16))
def test_a_bad_member_is_a_finding_and_the_good_one_is_combined(case: int, rollup_repo: Make, example_summary: dict[str, Any],
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    label, content, code, message = bad_cases(example_summary)[case]
    root = rollup_repo([("西岭县", "county", content)])
    exit_code, report, err = status(capsys, root)
    assert exit_code == 1, label
    assert "Traceback" not in err
    assert [m["name"] for m in report["members"]] == ["市发改委"], label
    assert report["members"][0]["problems"]["found"] == 43
    (finding,) = report["findings"]
    assert (finding["code"], finding["file"], finding["line"], finding["column"]) == (code, "rollup.yaml", 5, 5), label
    assert "成员“西岭县”（summary: ../share/m0.json）：" in finding["message"]
    assert message in finding["message"], (label, finding["message"])
    assert report["failed"] == [{"name": "西岭县", "kind": "county", "source": "summary: ../share/m0.json", "code": code,
                                 "reason": finding["message"].split("：", 1)[1], "where": "rollup.yaml:5:5"}]


def test_a_summary_with_a_byte_order_mark_is_read(rollup_repo: Make, example_summary: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    root = rollup_repo([("西岭县", "county", b"\xef\xbb\xbf" + json.dumps(changed(example_summary, campaign__id="x")).encode())])
    code, report, _ = status(capsys, root)
    assert code == 0 and report["members_combined"] == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_folder_or_a_pipe_instead_of_a_file(rollup_repo: Make, capsys: pytest.CaptureFixture[str]) -> None:
    root = rollup_repo([("西岭县", "county", None), ("南溪县", "county", None)])
    (root.parent / "share" / "m0.json").mkdir()
    os.mkfifo(root.parent / "share" / "m1.json")  # must not hang
    code, report, _ = status(capsys, root)
    assert code == 1
    assert [f["message"].rsplit("：", 1)[1] for f in report["findings"]] == ["这不是普通文件", "这不是普通文件"]


def test_stale_and_future_members_are_combined_with_a_warning(rollup_repo: Make, example_summary: dict[str, Any],
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    root = rollup_repo([("西岭县", "county", changed(example_summary, as_of="2023-09-07", campaign__id="a")),
                        ("南溪县", "county", changed(example_summary, as_of="2023-09-08", campaign__id="b")),
                        ("北山区", "district", changed(example_summary, as_of="2023-09-16", campaign__id="c"))])
    code, report, _ = status(capsys, root)
    assert code == 0  # warnings only
    assert [(f["code"], f["line"]) for f in report["findings"]] == [("DY505", 5), ("DY506", 7)]
    assert "已 8 天未更新（上限 7 天）" in report["findings"][0]["message"]
    assert [m["stale"] for m in report["members"]] == [False, True, False, False]


def test_the_stale_limit_comes_from_rollup_yaml(rollup_repo: Make, example_summary: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    root = rollup_repo([("西岭县", "county", changed(example_summary, as_of="2023-09-07", campaign__id="a"))], head="stale_days: 10")
    code, report, _ = status(capsys, root)
    assert code == 0 and report["findings"] == []


def test_a_member_of_the_wrong_campaign_is_refused(tmp_path: Path, example_summary: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "s.json").write_text(json.dumps(example_summary), encoding="utf-8")
    (tmp_path / "rollup.yaml").write_text("id: r\ntitle: 汇总\nmembers:\n  - {name: 西岭县, kind: county, summary: s.json, campaign: xiling-2023}\n",
                                          encoding="utf-8")
    code, report, _ = status(capsys, tmp_path)
    assert code == 1
    (finding,) = report["findings"]
    assert finding["code"] == "DY507" and "数据是活动“qc-dxdy-2023”的，不是 rollup.yaml 指定的“xiling-2023”" in finding["message"]


def test_two_members_with_the_same_campaign_and_a_member_with_errors(rollup_repo: Make, example_summary: dict[str, Any],
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    root = rollup_repo([("西岭县", "county", changed(example_summary, source__errors=3))])
    code, report, _ = status(capsys, root)
    assert code == 0
    assert [(f["code"], f["line"]) for f in report["findings"]] == [("DY509", 5), ("DY508", 5)]
    assert "成员仓库有 3 个错误" in report["findings"][0]["message"]
    assert "与成员“市发改委”的数据来自同一活动" in report["findings"][1]["message"]


def test_rates_are_computed_from_the_counts_not_taken_from_the_file(rollup_repo: Make, example_summary: dict[str, Any],
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    boasting = changed(example_summary, campaign__id="b", lists__problems={**example_summary["lists"]["problems"], "closure_rate": 1.0})
    code, report, _ = status(capsys, rollup_repo([("西岭县", "county", boasting)]))
    assert code == 0
    assert {r["closure_rate"] for r in report["ranking"]} == {0.2558}
    assert [r["rank"] for r in report["ranking"]] == [1, 1]  # a tie shares the rank
