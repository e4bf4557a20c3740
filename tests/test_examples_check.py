"""Example repositories through ``dytool check``: ``positive/`` must pass, ``negative/`` must fail
with each expected finding at its file and line (``expected.yaml`` in each folder).

Every run names its as-of day (``as_of`` in ``expected.yaml``), so results never depend on today.
Repositories are copied to a temporary folder first; ``<RESIDENT-ID>`` in a file is replaced by
a computed sample resident ID number, so no such number is committed.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers_repo import (
    Outcome,
    assert_no_traceback,
    check_args,
    make_repo,
    resident_id,
    run_check,
    run_cli,
    run_subprocess,
)

HERE = Path(__file__).parent
POSITIVE = sorted(p.name for p in (HERE / "positive").iterdir() if p.is_dir())
NEGATIVE = sorted(p.name for p in (HERE / "negative").iterdir() if p.is_dir())


def expectations(folder: Path) -> dict[str, Any]:
    path = folder / "expected.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    return data or {}


def copy_example(kind: str, name: str, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    source = HERE / kind / name
    target = tmp_path / name
    shutil.copytree(source, target, symlinks=True)
    for path in target.rglob("*"):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            if b"<RESIDENT-ID>" in data:
                path.write_bytes(data.replace(b"<RESIDENT-ID>", resident_id().encode()))
    return target, expectations(source)


def triples(findings: list[dict[str, Any]]) -> set[tuple[str, str, int]]:
    return {(f["code"], f["file"], f["line"]) for f in findings}


def test_there_are_examples() -> None:
    assert {"minimal", "single-file-records", "written-from-spec"} <= set(POSITIVE)
    assert len(NEGATIVE) >= 5
    for name in NEGATIVE:
        assert expectations(HERE / "negative" / name).get("findings"), f"negative/{name}/expected.yaml lists no findings"


# ----- positive ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", POSITIVE)
def test_positive_example_passes(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo, expected = copy_example("positive", name, tmp_path)
    outcome = run_check(capsys, repo, as_of=str(expected.get("as_of", "2023-09-01")))
    assert_no_traceback(outcome)
    assert outcome.code == 0, outcome.describe()
    assert outcome.errors == [], outcome.describe()
    wanted = {(w["code"], w["file"], w["line"]) for w in expected.get("warnings") or []}
    assert triples(outcome.findings) == wanted, outcome.describe()
    if "records" in expected:
        assert outcome.report is not None
        assert outcome.report["summary"]["records"] == expected["records"], outcome.describe()


@pytest.mark.parametrize("name", POSITIVE)
def test_positive_example_under_strict_fails_only_on_its_warnings(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo, expected = copy_example("positive", name, tmp_path)
    outcome = run_check(capsys, repo, "--strict", as_of=str(expected.get("as_of", "2023-09-01")))
    assert outcome.code == (1 if expected.get("warnings") else 0), outcome.describe()


def test_files_and_folders_starting_with_dot_or_underscore_are_ignored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo, expected = copy_example("positive", "written-from-spec", tmp_path)
    ignored = [p for p in repo.rglob("*") if p.is_file() and any(part.startswith(("_", ".")) for part in p.relative_to(repo).parts)]
    assert len(ignored) >= 4, "the example should hold ignored files that would not pass"
    outcome = run_check(capsys, repo, as_of=str(expected["as_of"]))
    shown = {f["file"] for f in outcome.findings}
    assert not any(part.startswith(("_", ".")) for file in shown for part in file.split("/")), outcome.describe()


def test_both_enum_forms_mean_the_same(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    machine = "id: V-001\ndate: 2023-05-10\nleaders: zhang-wei\nmethods: [symposium, field_visit]\n"
    label = "id: V-001\ndate: 2023-05-10\nleaders: zhang-wei\nmethods: [座谈会, 实地走访]\n"
    for name, text in (("machine", machine), ("label", label)):
        outcome = run_check(capsys, make_repo(tmp_path / name, {"visits/v.yaml": text}))
        assert outcome.code == 0 and outcome.findings == [], outcome.describe()


# ----- negative ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NEGATIVE)
def test_negative_example_reports_each_expected_finding(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo, expected = copy_example("negative", name, tmp_path)
    outcome = run_check(capsys, repo, as_of=str(expected["as_of"]))
    assert_no_traceback(outcome)
    assert outcome.code == expected.get("exit", 1), outcome.describe()
    wanted = {(f["code"], f["file"], f["line"]) for f in expected["findings"]}
    missing = wanted - triples(outcome.findings)
    assert not missing, f"not reported: {sorted(missing)}\n{outcome.describe()}"
    unexpected_errors = triples(outcome.errors) - wanted
    assert not unexpected_errors, f"errors not in expected.yaml: {sorted(unexpected_errors)}\n{outcome.describe()}"
    for finding in outcome.findings:  # every diagnostic carries file:line:column
        assert finding["line"] >= 1 and finding["column"] >= 1, finding
        assert finding["message_zh"] and finding["message_en"], finding


@pytest.mark.parametrize("name", NEGATIVE)
def test_negative_example_in_text_format_names_file_line_and_code(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo, expected = copy_example("negative", name, tmp_path)
    code, out, err = run_cli(capsys, check_args(repo, output_format="text", as_of=str(expected["as_of"])))
    assert code == expected.get("exit", 1), out + err
    assert "Traceback" not in out + err
    for item in expected["findings"]:
        pattern = re.compile(rf"{re.escape(item['file'])}:{item['line']}:\d+\s+\S+\s+{item['code']}\s")
        assert pattern.search(out), f"{item} not shown:\n{out}"


def test_negative_example_through_a_subprocess(tmp_path: Path) -> None:
    repo, expected = copy_example("negative", "references", tmp_path)
    outcome = run_subprocess(repo, as_of=str(expected["as_of"]))
    assert_no_traceback(outcome)
    assert outcome.code == 1, outcome.describe()
    assert {(f["code"], f["file"], f["line"]) for f in expected["findings"]} <= triples(outcome.findings)


def test_positive_example_through_a_subprocess(tmp_path: Path) -> None:
    repo, expected = copy_example("positive", "written-from-spec", tmp_path)
    outcome: Outcome = run_subprocess(repo, as_of=str(expected["as_of"]))
    assert_no_traceback(outcome)
    assert outcome.code == 0, outcome.describe()


def test_no_repository_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = run_cli(capsys, check_args(empty))
    assert code == 2
    assert "campaign.yaml" in err
    assert "Traceback" not in out + err


def test_check_finds_the_root_from_a_subfolder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo, expected = copy_example("negative", "ledger", tmp_path)
    outcome = run_check(capsys, repo / "problems", as_of=str(expected["as_of"]))
    assert outcome.code == 1
    assert ("DY303", "problems/problems.yaml", 5) in triples(outcome.findings)


# ----- GitHub annotations -----------------------------------------------------------------------

GITHUB_LINE = re.compile(
    r"^::(error|warning|notice) (file=[^,:]+,line=\d+,col=\d+,title=[^:]+|file=[^,:]+,title=[^:]+)::.+$"
)


def _github_unescape(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def test_github_format_is_valid_workflow_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    odd_key = "问题,类别: 第一\n第二"  # a key whose message holds a comma, a colon and a newline
    repo = make_repo(tmp_path / "repo", {
        "problems/a,b:c%d.yaml": f'id: P-001\ntitle: 道路破损\nowner_unit: fgw\ndue: 2023-10-31\n"{odd_key.replace(chr(10), chr(92) + "n")}": 1\n',
        "problems/utf16.yaml": "id: P-002\ntitle: x\n".encode("utf-16"),
        "visits/v.yaml": "id: V-001\ndate: 2023-05-10\nleaders: zhang-wei\nsummary: 电话13912345678\n",
    })
    code, out, err = run_cli(capsys, check_args(repo, output_format="github", lang="zh"))
    assert code == 1, out + err
    lines = out.splitlines()
    assert len(lines) >= 3
    for line in lines:
        assert GITHUB_LINE.match(line), line
        assert "\r" not in line
    by_file = {_github_unescape(re.search(r"file=([^,]+)", line).group(1)): line for line in lines}  # type: ignore[union-attr]
    assert set(by_file) >= {"problems/a,b:c%d.yaml", "problems/utf16.yaml", "visits/v.yaml"}
    odd = by_file["problems/a,b:c%d.yaml"]
    assert odd.startswith("::error ") and ",title=DY101::" in odd
    assert odd_key in _github_unescape(odd.split("::", 2)[2])
    assert "line=" not in by_file["problems/utf16.yaml"]  # a whole-file finding: no line
    assert by_file["visits/v.yaml"].startswith("::warning file=visits/v.yaml,line=4,col=")
