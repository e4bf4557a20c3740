"""The bad-input corpus: every malformed file ends in a located finding, never a traceback.

Each file of ``tests/corpus/`` is dropped into an otherwise valid minimal repository at the
place its manifest names, and ``dytool check`` must report the expected code at the expected
line with the expected exit code (``manifest.yaml`` explains the columns).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers_repo import (
    Outcome,
    assert_no_traceback,
    make_repo,
    resident_id,
    run_check,
    run_subprocess,
)

CORPUS = Path(__file__).parent / "corpus"
CASES: list[dict[str, Any]] = yaml.safe_load((CORPUS / "manifest.yaml").read_text(encoding="utf-8"))["cases"]
NOT_CASES = {"manifest.yaml", ".gitattributes"}


def corpus_bytes(name: str) -> bytes:
    return (CORPUS / name).read_bytes().replace(b"<RESIDENT-ID>", resident_id().encode())


def case_files(case: dict[str, Any]) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {case["dest"]: corpus_bytes(case["file"])}
    for dest, name in (case.get("with") or {}).items():
        files[dest] = corpus_bytes(name)
    return files


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


# ----- the manifest itself ---------------------------------------------------------------------


def test_corpus_has_at_least_45_files_all_in_the_manifest() -> None:
    on_disk = {p.name for p in CORPUS.iterdir() if p.name not in NOT_CASES}
    listed = {case["file"] for case in CASES} | {name for case in CASES for name in (case.get("with") or {}).values()}
    assert len(on_disk) >= 45
    assert on_disk - listed == set(), "corpus files without a manifest entry"
    assert listed - on_disk == set(), "manifest entries without a corpus file"


def test_base_repository_is_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run_check(capsys, make_repo(tmp_path / "repo"))
    assert outcome.code == 0, outcome.describe()
    assert outcome.findings == []


# ----- one repository per corpus file ---------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[f"{c['file']}@{c['dest']}" for c in CASES])
def test_corpus_file(case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "repo", case_files(case))
    outcome = run_check(capsys, repo)
    assert_no_traceback(outcome)
    assert outcome.report is not None, outcome.describe()
    assert outcome.code in as_list(case.get("exit", 1)), outcome.describe()
    if case.get("clean"):
        assert outcome.findings == [], outcome.describe()
    if case.get("code") is None:
        return
    wanted = as_list(case["code"])
    hits = [f for f in outcome.at(case["dest"], case["line"]) if f["code"] in wanted]
    assert hits, f"expected {'/'.join(wanted)} at {case['dest']}:{case['line']}\n{outcome.describe()}"
    if "message" in case:
        assert any(case["message"] in f["message_en"] for f in hits), outcome.describe()
    if "hint" in case:
        assert any(case["hint"] in f["hint"] for f in hits), outcome.describe()
    for finding in outcome.findings:
        assert finding["message_zh"] and finding["message_en"], finding


def test_resident_id_number_is_never_repeated_in_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    number = resident_id()
    repo = make_repo(tmp_path / "repo", {"visits/x.yaml": corpus_bytes("personal-resident-id.yaml")})
    assert number.encode() in (repo / "visits/x.yaml").read_bytes()
    outcome = run_check(capsys, repo)
    assert outcome.codes_at("visits/x.yaml") == {"DY309"}
    assert number not in outcome.out


# ----- cases built at test time ----------------------------------------------------------------


def test_file_over_one_mebibyte_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = "id: P-001\ntitle: 道路破损\ndescription: |\n" + "  路面坑洼，群众反映强烈。\n" * 40_000
    assert len(big.encode()) > 1 << 20
    outcome = run_check(capsys, make_repo(tmp_path / "repo", {"problems/big.yaml": big}))
    assert_no_traceback(outcome)
    assert outcome.code == 1
    assert "DY002" in outcome.codes_at("problems/big.yaml", 0), outcome.describe()


@pytest.mark.parametrize("dest", ["problems/x.yaml", "people.yaml", "reports/x.md"])
def test_symlink_to_outside_the_repository_is_refused(dest: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("topic: T-001\ntitle: 不该读到的内容 root:x:0:0\n", encoding="utf-8")
    repo = make_repo(tmp_path / "repo")
    link = repo / dest
    link.parent.mkdir(exist_ok=True)
    link.unlink(missing_ok=True)
    os.symlink(secret, link)
    outcome = run_check(capsys, repo)
    assert_no_traceback(outcome)
    assert outcome.code == 1
    assert "DY206" in outcome.codes_at(dest, 0), outcome.describe()
    assert "不该读到的内容" not in outcome.out


def test_symlink_to_etc_passwd_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not Path("/etc/passwd").exists():
        pytest.skip("no /etc/passwd here")
    repo = make_repo(tmp_path / "repo")
    (repo / "problems").mkdir()
    os.symlink("/etc/passwd", repo / "problems" / "passwd.yaml")
    outcome = run_check(capsys, repo)
    assert_no_traceback(outcome)
    assert outcome.code == 1
    assert "DY206" in outcome.codes_at("problems/passwd.yaml", 0), outcome.describe()


def test_record_folder_linked_outside_the_repository_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text("id: P-SECRET\ntitle: 仓库之外的文件\n", encoding="utf-8")
    repo = make_repo(tmp_path / "repo")
    os.symlink(outside, repo / "problems")
    outcome = run_check(capsys, repo)
    assert_no_traceback(outcome)
    assert outcome.code == 1, outcome.describe()
    assert any(f["code"] == "DY206" and f["file"].startswith("problems") for f in outcome.findings), outcome.describe()
    assert "P-SECRET" not in outcome.out


def test_symlink_loop_is_a_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "repo")
    (repo / "problems").mkdir()
    os.symlink("loop-b.yaml", repo / "problems" / "loop-a.yaml")
    os.symlink("loop-a.yaml", repo / "problems" / "loop-b.yaml")
    outcome = run_check(capsys, repo)
    assert_no_traceback(outcome)
    assert outcome.code == 1, outcome.describe()
    assert outcome.at("problems/loop-a.yaml"), outcome.describe()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_named_pipe_in_a_record_folder_is_reported_not_waited_on(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    (repo / "problems").mkdir()
    os.mkfifo(repo / "problems" / "pipe.yaml")
    try:  # in a child process, so that a check that waits on the pipe fails instead of hanging the suite
        outcome = run_subprocess(repo, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("dytool check waited forever on a named pipe in problems/")
    assert_no_traceback(outcome)
    assert outcome.code == 1, outcome.describe()
    assert outcome.at("problems/pipe.yaml"), outcome.describe()


def test_dangling_symlink_is_a_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "repo")
    (repo / "problems").mkdir()
    os.symlink("gone.yaml", repo / "problems" / "dangling.yaml")
    outcome = run_check(capsys, repo)
    assert_no_traceback(outcome)
    assert outcome.code == 1
    assert outcome.codes_at("problems/dangling.yaml") & {"DY013", "DY015"}, outcome.describe()


# ----- the whole corpus at once: never exit 3 ---------------------------------------------------

RECORD_FOLDERS = ("topics", "visits", "problems", "solutions", "institutions")
ROOT_FILES = ("campaign.yaml", "people.yaml", "units.yaml")


def _as_report(data: bytes) -> bytes:
    return b"---\n" + data + b"\n---\n\n" + data


def corpus_everywhere(root: Path) -> Path:
    """Every corpus file in every record folder and as a report, in one repository."""
    files: dict[str, str | bytes] = {}
    for path in sorted(CORPUS.iterdir()):
        if path.name in NOT_CASES:
            continue
        data = corpus_bytes(path.name)
        stem = path.name.rsplit(".", 1)[0]
        for folder in RECORD_FOLDERS:
            files[f"{folder}/{stem}.yaml"] = data
        files[f"reports/{stem}.md"] = data if path.suffix == ".md" else _as_report(data)
    return make_repo(root, files)


def test_whole_corpus_in_one_repository_never_crashes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run_check(capsys, corpus_everywhere(tmp_path / "repo"))
    assert_no_traceback(outcome)
    assert outcome.code == 1, outcome.describe()
    # one bad file never hides another: each encoding problem is still reported at its own file
    for case in CASES:
        if case.get("code") == "DY001" and case["dest"].startswith("problems/"):
            stem = case["file"].rsplit(".", 1)[0]
            assert "DY001" in outcome.codes_at(f"problems/{stem}.yaml"), case["file"]


def test_whole_corpus_through_the_installed_entry_point(tmp_path: Path) -> None:
    outcome = run_subprocess(corpus_everywhere(tmp_path / "repo"))
    assert_no_traceback(outcome)
    assert outcome.code == 1, outcome.describe()
    assert outcome.report is not None
    assert outcome.report["summary"]["errors"] > 0


def test_every_corpus_file_as_each_root_file_never_crashes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    failures: list[str] = []
    for path in sorted(CORPUS.iterdir()):
        if path.name in NOT_CASES:
            continue
        for root_file in ROOT_FILES:
            repo = tmp_path / f"{path.name}-{root_file}"
            make_repo(repo, {root_file: corpus_bytes(path.name)})
            outcome: Outcome = run_check(capsys, repo)
            if outcome.code not in (0, 1) or "Traceback" in outcome.out + outcome.err:
                failures.append(f"{path.name} as {root_file}: {outcome.describe()}")
            shutil.rmtree(repo)
    assert failures == []

