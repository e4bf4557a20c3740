"""``dytool check`` through the CLI: exit codes, formats, global options, languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dytool.cli.main import hoist_globals, run
from util import CAMPAIGN, check_json, codes_at, write_repo


def test_clean_repository_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_repo(tmp_path, {"people.yaml": "- {id: lin, name: 林海峰, rank: 1}\n"})
    assert run(["check", "-C", str(tmp_path), "--as-of", "2023-09-15"]) == 0
    assert "未发现问题" in capsys.readouterr().out


def test_findings_exit_1_and_are_grouped_by_file_with_hints(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_repo(tmp_path, {"topics/t.yaml": "id: T-1\ntitle: 课题\nleadr: lin\n"})
    assert run(["check", "-C", str(tmp_path), "--as-of", "2023-09-15", "--no-color"]) == 1
    out = capsys.readouterr().out
    assert "topics/t.yaml" in out
    assert "topics/t.yaml:3:1" in out
    assert "DY101" in out
    assert "leader" in out  # the "did you mean" hint


def test_english_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_repo(tmp_path, {"topics/t.yaml": "id: T-1\ntitle: x\nleadr: lin\n"})
    run(["check", "-C", str(tmp_path), "--as-of", "2023-09-15", "--lang", "en", "--no-color"])
    out = capsys.readouterr().out
    assert "unknown field 'leadr'" in out
    assert "did you mean 'leader'?" in out


def test_global_options_work_after_the_command_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_repo(tmp_path, {})
    assert run(["-C", str(tmp_path), "check"]) == 0
    assert run(["check", "-C", str(tmp_path)]) == 0
    assert run(["check", f"-C{tmp_path}", "--lang=en"]) == 0


def test_hoisting_keeps_command_options_in_place() -> None:
    assert hoist_globals(["check", "--format", "json", "-C", "d", "--debug"]) == ["-C", "d", "--debug", "check", "--format", "json"]
    assert hoist_globals(["check", "--", "-C"]) == ["check", "--", "-C"]


def test_no_repository_exits_2_with_advice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "-C", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "campaign.yaml" in err and "dytool init" in err


def test_missing_directory_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "-C", str(tmp_path / "nope")]) == 2


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_repo(tmp_path, {})
    assert run(["check", "-C", str(tmp_path), "--format", "xml"]) == 2
    assert run(["chek"]) == 2
    assert run(["check", "--as-of", "2023-13-01", "-C", str(tmp_path)]) == 2


@pytest.mark.parametrize("day", ["20230915", "2023/09/15", "2023-9-15", "2023-09-31", "", " "])
def test_an_as_of_day_not_written_yyyy_mm_dd_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], day: str) -> None:
    """``--as-of 20230915`` is no silent pass, and an empty ``--as-of`` (a script's unset
    variable) is not taken as today."""
    write_repo(tmp_path, {})
    for command in (["check"], ["status"]):
        assert run([*command, "-C", str(tmp_path), "--as-of", day]) == 2
        err = capsys.readouterr().err
        assert "--as-of" in err and "2023-09-15" in err and "Traceback" not in err


def test_root_is_found_by_walking_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    write_repo(tmp_path, {"visits/2023/05/a.yaml": "id: V-1\ndate: 2023-05-10\nleaders: [nobody]\n"})
    monkeypatch.chdir(tmp_path / "visits" / "2023")
    assert run(["check", "--format", "json", "--as-of", "2023-09-15"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert ("DY202", "visits/2023/05/a.yaml", 3) in codes_at(findings)


def test_strict_fails_on_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_repo(tmp_path, {"problems/p.yaml": "id: P-1\ntitle: 问题\n"})  # open, no owner: a warning
    assert run(["check", "-C", str(tmp_path), "--as-of", "2023-09-15"]) == 0
    assert run(["check", "-C", str(tmp_path), "--as-of", "2023-09-15", "--strict"]) == 1


def test_internal_errors_exit_3_without_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    write_repo(tmp_path, {})

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr("dytool.engine.suite.Suite.run_each", boom)
    assert run(["check", "-C", str(tmp_path)]) == 3
    err = capsys.readouterr().err
    assert "simulated bug" in err and "--debug" in err and "Traceback" not in err
    assert run(["check", "-C", str(tmp_path), "--debug"]) == 3
    assert "Traceback" in capsys.readouterr().err


def test_version_is_answered_without_loading_the_app(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--version"]) == 0
    assert capsys.readouterr().out.startswith("dytool ")


def test_json_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_repo(tmp_path, {"units.yaml": "- {id: fgw, name: 市发展改革委, type: 部门}\n"})
    assert run(["check", "-C", str(tmp_path), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["summary"] == {"errors": 0, "warnings": 0, "files": 2, "records": 1}


def test_gitlab_code_quality_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_repo(tmp_path, {"topics/t.yaml": "id: T-1\ntitle: x\nbad: 1\n"})
    out = tmp_path / "gl.json"
    assert run(["check", "-C", str(tmp_path), "--format", "gitlab", "-o", str(out)]) == 1
    items = json.loads(out.read_text(encoding="utf-8"))
    assert items[0]["location"] == {"path": "topics/t.yaml", "lines": {"begin": 3}}
    assert items[0]["severity"] == "major" and len(items[0]["fingerprint"]) == 64


def test_junit_report_is_xml_with_one_failure_per_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import xml.etree.ElementTree as ET

    write_repo(tmp_path, {"topics/t.yaml": "id: T-1\ntitle: x\nbad: 1\nworse: <&>\n"})
    assert run(["check", "-C", str(tmp_path), "--format", "junit"]) == 1
    tree = ET.fromstring(capsys.readouterr().out)
    assert len(tree.findall(".//failure")) == 2


def test_every_file_is_checked_in_one_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_repo(tmp_path, {
        "topics/a.yaml": "id: T-1\ntitle: [\n",
        "topics/b.yaml": "id: T-2\ntitle: x\nfoo: 1\n",
        "problems/c.yaml": "- id: P-1\n  title: x\n  scope: 很大\n",
    })
    code, findings = check_json(capsys, tmp_path)
    assert code == 1
    assert {f["file"] for f in findings} >= {"topics/a.yaml", "topics/b.yaml", "problems/c.yaml"}


def test_campaign_yaml_with_a_full_width_colon_at_the_top_level(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_repo(tmp_path, {}, campaign="title：2023年大兴调查研究活动\n")
    code, findings = check_json(capsys, tmp_path)
    assert code == 1
    assert ("DY011", "campaign.yaml", 1) in codes_at(findings)


def test_campaign_missing_period(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_repo(tmp_path, {}, campaign=CAMPAIGN.replace("period: {start: 2023-04-01, end: 2023-12-31}\n", ""))
    _, findings = check_json(capsys, tmp_path)
    assert ("DY102", "campaign.yaml", 1) in codes_at(findings)
