"""The official YAML test suite as a corpus of odd input (``../shared/yaml-test-suite``).

Placed in a campaign repository as a record file, every case must end in findings or a clean
load: never an exception (which the CLI would turn into exit 3).  Whether a valid YAML file is
a valid record is another question; almost none are.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from dytool.checks import SUITE as CHECKS
from helpers_repo import assert_no_traceback, make_repo, run_check, run_subprocess

YAML_SUITE = Path(__file__).resolve().parents[2] / "shared" / "yaml-test-suite"
if not YAML_SUITE.is_dir():
    # The suite lives beside the project (../shared), not in it.  CI has it and sets
    # DYTOOL_REQUIRE_SHARED=1, so there a missing suite fails; a bare clone says why it skips.
    if os.environ.get("DYTOOL_REQUIRE_SHARED"):
        raise RuntimeError(f"the YAML test suite is not at {YAML_SUITE} (DYTOOL_REQUIRE_SHARED is set)")
    pytest.skip(f"the YAML test suite is not beside the project ({YAML_SUITE}); CI runs it", allow_module_level=True)

CASES = sorted(YAML_SUITE.glob("*/*.yaml"))
AS_OF = dt.date(2023, 9, 1)


def test_suite_is_complete() -> None:
    assert len(CASES) == 402
    assert {case.parent.name for case in CASES} == {"valid", "error"}


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.stem}" for c in CASES])
def test_case_as_a_record_file_loads_or_reports(case: Path, tmp_path: Path) -> None:
    from dytool.core.codes import CODES
    from dytool.engine.check import check_repository

    data = case.read_bytes()
    repo = make_repo(tmp_path / "repo", {"problems/case.yaml": data})
    result = check_repository(repo.resolve(), CHECKS, AS_OF)  # no exception may escape
    known = {code.code for code in CODES.values()}
    lines = data.count(b"\n") + 1
    for finding in result.findings:
        assert finding.code in known, finding
        assert finding.message_zh and finding.message_en, finding
        assert 0 <= finding.line <= lines + 1, finding
        assert finding.line == 0 or finding.column >= 1, finding
    if case.parent.name == "error":
        # a file a conforming parser must reject never loads as if it were fine
        assert any(f.file == "problems/case.yaml" for f in result.findings), case.name


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.stem}" for c in CASES])
def test_case_as_report_front_matter_loads_or_reports(case: Path, tmp_path: Path) -> None:
    from dytool.engine.check import check_repository

    front = b"---\n" + case.read_bytes().rstrip(b"\n") + b"\n---\n\n# body\n"
    repo = make_repo(tmp_path / "repo", {"reports/case.md": front})
    check_repository(repo.resolve(), CHECKS, AS_OF)


def test_all_cases_in_one_repository_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files: dict[str, str | bytes] = {}
    for case in CASES:
        files[f"problems/{case.parent.name}/{case.stem}.yaml"] = case.read_bytes()
        files[f"visits/{case.parent.name}/{case.stem}.yaml"] = case.read_bytes()
    repo = make_repo(tmp_path / "repo", files)
    outcome = run_check(capsys, repo)
    assert_no_traceback(outcome)
    assert outcome.code == 1, outcome.describe()
    reported = {f["file"] for f in outcome.findings}
    for case in CASES:
        if case.parent.name == "error":
            assert f"problems/error/{case.stem}.yaml" in reported, case.name


def test_all_cases_through_a_subprocess(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", {f"topics/{c.parent.name}-{c.stem}.yaml": c.read_bytes() for c in CASES})
    outcome = run_subprocess(repo)
    assert_no_traceback(outcome)
    assert outcome.code == 1, outcome.describe()
