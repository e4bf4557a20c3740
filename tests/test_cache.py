"""The load cache and the parallel cold load give exactly what a plain serial load gives."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
from pathlib import Path

import pytest

from dytool.checks import SUITE
from dytool.engine import load
from dytool.engine.cache import CACHE_DIR
from dytool.engine.check import check_repository
from dytool.engine.load import load_repository
from dytool.engine.memo import MEMO_DIR
from util import EXAMPLE, load_options

AS_OF = dt.date(2023, 9, 15)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    root = tmp_path / "campaign"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".dytool"))
    (root / "problems" / "broken.yaml").write_text("- id: P-900\n  title: [\n", encoding="utf-8")
    (root / "visits" / "bad.yaml").write_text("- id: V-900\n  date: 2023-02-30\n  leaders: [nobody]\n", encoding="utf-8")
    return root


def findings(root: Path, **options: object) -> list[tuple[str, str, int, int, str]]:
    result = check_repository(root, SUITE, AS_OF, load_options(**options))  # type: ignore[arg-type]
    return [(f.code, f.file, f.line, f.column, f.message_en) for f in result.findings]


def test_a_warm_load_reads_nothing_again_and_finds_the_same(repo: Path) -> None:
    cold = findings(repo)
    assert list((repo / CACHE_DIR).glob("*.bin"))
    warm = load_repository(repo, SUITE, load_options())
    assert warm.cache_misses == 0 and warm.cache_hits > 40
    assert findings(repo) == cold == findings(repo, cache=False)


@pytest.mark.parametrize("module", ["chinese_calendar", "pydantic", "pydantic_core", "yaml", "dateutil"])
def test_upgrading_a_library_that_changes_results_reads_everything_again(repo: Path, monkeypatch: pytest.MonkeyPatch,
                                                                         capsys: pytest.CaptureFixture[str], module: str) -> None:
    """A new holiday calendar (or validator, YAML reader, rule library) can change findings: no
    cached file and no remembered check outlives the installed files it was made with.  An
    upgrade rewrites the package's files; here one package's files look rewritten."""
    from dytool.cli.main import run
    from dytool.engine import cache

    args = ["check", "-C", str(repo), "--as-of", "2023-09-15", "--format", "json"]
    assert run(args) == 1
    assert load_repository(repo, SUITE, load_options()).cache_misses == 0
    remembered = sorted(p.name for p in (repo / MEMO_DIR).glob("check-*.bin"))
    stamp = cache._stamp
    monkeypatch.setattr(cache, "_stamp", lambda place: "upgraded" if Path(place).name == module else stamp(place))
    cache._libraries.cache_clear()
    try:
        again = load_repository(repo, SUITE, load_options())
        assert again.cache_hits == 0 and again.cache_misses > 40
        assert run(args) == 1
        assert remembered and sorted(p.name for p in (repo / MEMO_DIR).glob("check-*.bin")) != remembered
        capsys.readouterr()
    finally:
        monkeypatch.undo()
        cache._libraries.cache_clear()


def test_replaying_an_unchanged_check_imports_no_library(repo: Path) -> None:
    """The check an editor or a pre-commit hook runs on an unchanged repository is replayed
    from the memo without importing the models, pydantic, the YAML reader or the checks."""
    import subprocess
    import sys

    code = ("import sys; from dytool.cli.main import run; run(['check', '-C', sys.argv[1], '--as-of', '2023-09-15']); "
            "print(sorted(m for m in ('pydantic', 'yaml', 'dytool.models', 'dytool.checks', 'chinese_calendar') if m in sys.modules))")
    first = subprocess.run([sys.executable, "-c", code, str(repo)], capture_output=True, text=True, check=False)
    again = subprocess.run([sys.executable, "-c", code, str(repo)], capture_output=True, text=True, check=False)
    assert "pydantic" in first.stdout.splitlines()[-1]
    assert again.stdout.splitlines()[-1] == "[]", again.stdout + again.stderr
    assert again.stdout.replace(again.stdout.splitlines()[-1], "") == first.stdout.replace(first.stdout.splitlines()[-1], "")



def test_one_changed_file_is_loaded_again(repo: Path) -> None:
    findings(repo)
    visits = repo / "visits" / "2023-05.yaml"
    visits.write_text(visits.read_text(encoding="utf-8").replace("leaders: [", "leaders: [ghost, ", 1), encoding="utf-8")
    again = load_repository(repo, SUITE, load_options())
    assert again.cache_misses == 1
    assert any(f[0] == "DY202" and f[1] == "visits/2023-05.yaml" for f in findings(repo))


def test_a_corrupt_or_foreign_cache_is_ignored(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = findings(repo)
    shards = sorted((repo / CACHE_DIR).glob("*.bin"))
    shards[0].write_bytes(b"garbage")
    data = bytearray(shards[1].read_bytes())
    data[-5] ^= 0xFF  # one flipped byte: the signature no longer matches
    shards[1].write_bytes(bytes(data))
    assert findings(repo) == expected
    # entries signed with another key (another machine, or planted by a pull request) are ignored
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "someone-else"))
    assert load_repository(repo, SUITE, load_options()).cache_hits == 0
    assert findings(repo) == expected


def test_a_cache_folder_that_cannot_be_written_is_no_harm(repo: Path) -> None:
    expected = findings(repo, cache=False)
    (repo / ".dytool").write_text("not a folder", encoding="utf-8")  # mkdir fails, as in a read-only checkout
    assert findings(repo) == expected
    assert (repo / ".dytool").read_text(encoding="utf-8") == "not a folder"


def test_a_read_only_repository_still_checks(repo: Path) -> None:
    expected = findings(repo, cache=False)
    shutil.rmtree(repo / ".dytool", ignore_errors=True)
    modes = {}
    for path in [repo, *repo.rglob("*")]:
        if path.is_dir():
            modes[path] = path.stat().st_mode
            path.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        if os.access(repo, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        assert findings(repo) == expected
    finally:
        for path, mode in modes.items():
            path.chmod(mode)


def test_the_parallel_load_finds_the_same_in_the_same_order(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    serial = findings(repo, cache=False, jobs=1)
    monkeypatch.setattr(load, "PARALLEL_MIN_BYTES", 0)
    parallel = findings(repo, cache=False, jobs=2)
    assert parallel == serial
    result = load_repository(repo, SUITE, load_options(cache=False, jobs=2))
    assert sum(len(e) for e in result.repo.records.values()) == sum(len(e) for e in load_repository(repo, SUITE, load_options(cache=False, jobs=1)).repo.records.values())


def test_an_unchanged_repository_replays_the_last_check(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from dytool.cli.main import run

    args = ["check", "-C", str(repo), "--as-of", "2023-09-15", "--format", "json"]
    assert run(args) == 1
    first = capsys.readouterr().out
    assert list((repo / MEMO_DIR).glob("check-*.bin"))
    assert run(args) == 1
    assert capsys.readouterr().out == first
    # one changed byte anywhere, or another as-of day, and the checks run again
    (repo / "units.yaml").write_text((repo / "units.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert run(args) == 1
    assert capsys.readouterr().out == first
    assert run([*args[:-4], "--as-of", "2023-04-10", "--format", "json"]) == 1
    assert capsys.readouterr().out != first


def test_records_survive_pickling_whole() -> None:
    """The cache and the worker processes move records as pickles restored without pydantic:
    a restored record must equal and dump like the one validated."""
    import pickle

    from dytool.engine.load import load_repository
    from util import EXAMPLE

    repo = load_repository(EXAMPLE, SUITE, load_options(cache=False)).repo
    for _, entry in repo.all_entries():
        again = pickle.loads(pickle.dumps(entry.record))
        assert again == entry.record
        assert again.model_dump() == entry.record.model_dump()
        assert again.model_fields_set == entry.record.model_fields_set


def test_a_replayed_check_notices_a_file_that_a_record_names_going_missing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Outlines and the preface are not record files, so their bytes are not in the digest of
    the repository; a check must not replay "all present" after one was deleted."""
    from dytool.cli.main import run

    args = ["check", "-C", str(repo), "--as-of", "2023-09-15", "--format", "json"]
    run(args)
    assert "DY205" not in capsys.readouterr().out
    (repo / "outlines" / "T-001.md").unlink()
    run(args)
    assert "outlines/T-001.md" in capsys.readouterr().out
    (repo / "outlines" / "T-001.md").write_text("# 提纲\n", encoding="utf-8")
    run(args)
    assert "outlines/T-001.md" not in capsys.readouterr().out


def test_a_file_rewritten_with_the_same_size_and_times_is_read_again(repo: Path) -> None:
    """The check trusts a file's lstat instead of hashing it (as git's index does), but an edit
    that keeps the size and puts back the modification time still changes the change time."""
    import os
    import time

    path = repo / "visits" / "2023-05.yaml"
    old = os.stat(path)
    os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns - 5_000_000_000))  # not racy: hashed and remembered
    first = findings(repo)
    text = path.read_text(encoding="utf-8")
    start = text.index("leaders: [") + len("leaders: [")
    end = min(i for i in (text.find(",", start), text.find("]", start)) if i > 0)
    edited = text[:start] + "q" * (end - start) + text[end:]  # the same size: an unknown leader
    assert len(edited.encode()) == len(text.encode())
    stamp = os.stat(path)
    time.sleep(0.01)
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    again = findings(repo)
    assert again != first and any(f[0] == "DY202" and f[1] == "visits/2023-05.yaml" for f in again)
