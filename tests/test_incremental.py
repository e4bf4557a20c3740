"""``dytool check`` after an edit reuses what the cache holds for every other file (their local
findings and summaries) and must report exactly what a check from scratch reports.

Each edit below changes one file in a way that changes findings in *other*, unchanged files
(a removed person leaves their visits with dangling references, a stricter rule in
campaign.yaml flags old visits, ...): the cases where an incremental check could go wrong.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from dytool.checks import SUITE
from dytool.core.findings import Finding
from dytool.engine import load
from dytool.engine.cache import CACHE_DIR
from dytool.engine.check import check_repository, check_summary
from dytool.engine.memo import MEMO_DIR
from util import ROOT, example_with_user_cache, load_options

AS_OF = dt.date(2023, 9, 15)
Key = tuple[str, str, int, int, str, str]


def keys(findings: list[Finding]) -> list[Key]:
    return [(f.code, f.file, f.line, f.column, f.severity.value, f.message_en) for f in findings]


def from_scratch(root: Path, as_of: dt.date = AS_OF) -> list[Key]:
    return keys(check_repository(root, SUITE, as_of, load_options(cache=False)).findings)


def incremental(root: Path, as_of: dt.date = AS_OF) -> list[Key]:
    return keys(check_summary(root, SUITE, as_of, load_options()).findings)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return example_with_user_cache(tmp_path, monkeypatch)


def _sub(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _drop_person(root: Path) -> None:
    text = (root / "people.yaml").read_text(encoding="utf-8")
    (root / "people.yaml").write_text(re.sub(r"- id: lin-haifeng\n(  .*\n)+", "", text, count=1), encoding="utf-8")


def _duplicate_visit(root: Path) -> None:
    first = (root / "visits" / "2023-04.yaml").read_text(encoding="utf-8")
    ident = re.search(r"- id: (\S+)", first)
    assert ident is not None
    (root / "visits" / "2023-12.yaml").write_text(f"- id: {ident.group(1)}\n  date: 2023-12-01\n  leaders: [lin-haifeng]\n", encoding="utf-8")


def _stricter_rules(root: Path) -> None:
    _sub(root / "campaign.yaml", "  max_accompanying:\n    max: 5", "  max_accompanying:\n    max: 1")
    _sub(root / "campaign.yaml", "  squat_days:\n    min: 3\n    max: 5", "  squat_days:\n    min: 1\n    max: 1")


def _drop_institutions(root: Path) -> None:
    (root / "institutions" / "institutions.yaml").write_text("[]\n", encoding="utf-8")


def _rename_topic(root: Path) -> None:
    _sub(root / "topics" / "topics.yaml", "- id: T-001\n", "- id: T-901\n")


def _broken_units(root: Path) -> None:
    (root / "units.yaml").write_text("- id: [\n", encoding="utf-8")


EDITS: dict[str, Callable[[Path], None]] = {
    "a person removed": _drop_person,
    "a visit id used twice": _duplicate_visit,
    "stricter rules in campaign.yaml": _stricter_rules,
    "the institutions removed": _drop_institutions,
    "a topic renamed": _rename_topic,
    "units.yaml unreadable": _broken_units,
}


@pytest.mark.parametrize("edit", list(EDITS), ids=list(EDITS))
def test_a_check_after_an_edit_finds_what_a_check_from_scratch_finds(repo: Path, edit: str) -> None:
    before = incremental(repo)
    assert before == from_scratch(repo)
    assert list((repo / CACHE_DIR).glob("*.bin"))
    EDITS[edit](repo)
    after = incremental(repo)
    assert after == from_scratch(repo)
    assert after != before, "the edit was meant to change the findings"


@pytest.mark.parametrize("as_of", [dt.date(2023, 4, 10), dt.date(2023, 6, 1), dt.date(2024, 1, 5)])
def test_the_cached_check_at_another_as_of_day_finds_the_same(repo: Path, as_of: dt.date) -> None:
    """Findings that depend on the day (done after the as-of day, monthly visit days) come from
    summaries cached on another day."""
    incremental(repo)
    assert incremental(repo, as_of) == from_scratch(repo, as_of)


@pytest.mark.parametrize("folder", sorted(p.name for p in (ROOT / "tests" / "negative").iterdir() if p.is_dir()))
def test_the_summary_check_of_every_negative_example_matches(folder: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    root = tmp_path / folder
    shutil.copytree(ROOT / "tests" / "negative" / folder, root)
    expected = from_scratch(root)
    assert keys(check_summary(root, SUITE, AS_OF, load_options(cache=False)).findings) == expected
    assert incremental(root) == expected
    assert incremental(root) == expected  # now from the cache


def test_workers_hand_back_packed_records_and_the_check_is_the_same(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _drop_person(repo)  # dangling references: their positions need the records of unchanged files
    early = dt.date(2023, 4, 10)  # and done days after the as-of day
    expected, expected_early = from_scratch(repo), from_scratch(repo, early)
    assert any(code == "DY202" for code, *_ in expected)
    monkeypatch.setattr(load, "PARALLEL_MIN_BYTES", 0)
    # without the cache the workers keep the records of the big kinds, and a file is read again when needed
    assert keys(check_summary(repo, SUITE, AS_OF, load_options(cache=False, jobs=2)).findings) == expected
    assert keys(check_summary(repo, SUITE, early, load_options(cache=False, jobs=2)).findings) == expected_early
    # with it they send them back pickled, for the cache
    assert keys(check_summary(repo, SUITE, AS_OF, load_options(jobs=2)).findings) == expected
    assert incremental(repo, early) == expected_early


def test_the_summary_check_counts_what_the_full_check_counts(repo: Path) -> None:
    full = check_repository(repo, SUITE, AS_OF, load_options(cache=False))
    summary = check_summary(repo, SUITE, AS_OF, load_options())
    assert (summary.files, summary.records) == (len(full.repo.files), full.records)


def test_a_check_after_an_edit_unpickles_only_the_small_kinds_records(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The point of the summaries: visits, problems, solutions and institutions of unchanged
    files stay pickled in the cache when nothing is wrong with them."""
    end = dt.date(2024, 1, 5)  # after every done day of the example: no file needs a closer look
    incremental(repo, end)
    (repo / "visits" / "2023-05.yaml").write_text((repo / "visits" / "2023-05.yaml").read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    expected = from_scratch(repo, end)
    unpacked: list[str] = []
    original = load.FileResult.unpack

    def spy(self: load.FileResult) -> load.Loaded:
        value = original(self)
        unpacked.extend({source.file for _, source in value.records()})
        return value

    monkeypatch.setattr(load.FileResult, "unpack", spy)
    assert incremental(repo, end) == expected
    big = {f for f in unpacked if f.startswith(("visits/", "problems/", "solutions/", "institutions/"))}
    assert not big, f"records unpickled for a check that did not need them: {sorted(big)}"
    assert any(f.startswith("topics/") for f in unpacked)  # the small kinds are read whole


def _keep(root: Path, as_of: dt.date = AS_OF) -> list[Key]:
    from dytool.engine.check import check_and_keep
    from dytool.source.discover import take_snapshot

    return keys(check_and_keep(root, SUITE, as_of, take_snapshot(root), load_options()).findings)


def _text_edit(root: Path) -> None:
    _sub(root / "visits" / "2023-05.yaml", "调研", "实地调研")


def _date_edit(root: Path) -> None:
    text = (root / "visits" / "2023-05.yaml").read_text(encoding="utf-8")
    day = re.search(r"date: (2023-05-\d\d)", text)
    assert day is not None
    _sub(root / "visits" / "2023-05.yaml", day.group(0), "date: 2023-05-31")


def test_an_edit_of_text_alone_is_checked_from_the_edited_file(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Editing what no cross-file check reads (a visit's text) reads the edited file only."""
    import dytool.engine.check

    _keep(repo)
    _text_edit(repo)
    expected = from_scratch(repo)

    def whole_check(*args: object, **kwargs: object) -> None:
        raise AssertionError("the whole repository was checked again")

    monkeypatch.setattr(dytool.engine.check, "_check", whole_check)
    assert _keep(repo) == expected


_RERUN = {
    "a date": {"check_rules", "check_stages"},               # leaders' days; a topic's visit days
    "a list emptied": {"check_duplicates", "check_references", "check_content", "check_stages"},  # ids, the problems they answer
    "a file added": {"check_duplicates", "check_references", "check_rules"},  # what the new file brings (ids, a leader, a day), nothing else
    "a person file": {"check_duplicates", "check_references", "check_rules", "check_recurring", "check_campaign_fields"},  # members of groups
}


@pytest.mark.parametrize("edit", [_date_edit, _drop_institutions, _duplicate_visit, _drop_person], ids=list(_RERUN))
def test_an_edit_runs_again_the_checks_that_read_what_it_changed(repo: Path, edit: Callable[[Path], None],
                                                                 monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    """After an edit, the cross-file checks that read what it changed run again, and only
    they, as their declarations say; the findings equal a check from scratch."""
    from dytool.engine.suite import Suite

    _keep(repo)
    edit(repo)
    expected = from_scratch(repo)
    runs: list[set[str]] = []
    original = Suite.run_each

    def spy(self: Suite, view: object, as_of: dt.date, only: set[str] | None = None) -> object:
        runs.append({name.rpartition(".")[2] for name in (only if only is not None else [c.name for c in self.cross])})
        return original(self, view, as_of, only)  # type: ignore[arg-type]

    monkeypatch.setattr(Suite, "run_each", spy)
    assert _keep(repo) == expected
    wanted = _RERUN[request.node.callspec.id]
    assert runs and runs[-1] == wanted


def test_a_text_edit_in_a_file_with_a_cross_file_finding_checks_everything_again(repo: Path) -> None:
    """A host-burden warning points into a visits file; after an edit there its line may move."""
    _keep(repo)
    cross = [k for k in from_scratch(repo) if k[0] == "DY406"]
    if not cross:
        pytest.skip("the example has no host-burden warning")
    target = repo / cross[0][1]
    target.write_text("# 新增的说明行\n" + target.read_text(encoding="utf-8"), encoding="utf-8")
    assert _keep(repo) == from_scratch(repo)


def test_a_series_of_text_edits_stays_right(repo: Path) -> None:
    _keep(repo)
    for n, name in enumerate(["2023-04.yaml", "2023-07.yaml", "2023-07.yaml", "2023-10.yaml"]):
        path = repo / "visits" / name
        path.write_text(path.read_text(encoding="utf-8") + f"# 第 {n} 次修改\n", encoding="utf-8")
        assert _keep(repo) == from_scratch(repo)
    _sub(repo / "problems" / "fgw.yaml", "title:", "title: 新", 1)
    assert _keep(repo) == from_scratch(repo)


def test_what_a_check_keeps_survives_other_commands_and_replaces_older_versions(repo: Path) -> None:
    _keep(repo)
    folder = repo / MEMO_DIR
    (folder / "state-another-version.bin").write_bytes(b"left by an older dytool")
    kept = sorted(p.name for p in folder.glob("state-*.bin") if "another" not in p.name)
    assert kept
    _text_edit(repo)
    load.load_repository(repo, SUITE, load_options())  # status, compile, ...: the loader rewrites a cache shard
    assert sorted(p.name for p in folder.glob("state-*.bin") if "another" not in p.name) == kept
    assert _keep(repo) == from_scratch(repo)
    assert [p.name for p in folder.glob("state-*.bin")] == kept


def test_an_edit_of_a_solutions_day_inside_its_file_checks_the_topics_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A solution done by the day makes its topic 转化 (and a skipped 调研 a DY307 in another
    file): dropping a done_on that is neither its file's earliest, latest nor latest done day
    must not be taken for an edit of text."""
    from helpers_repo import make_repo

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    campaign = "id: c\ntitle: 活动\nperiod: {start: 2023-04-01, end: 2023-12-31}\ntopic_stages: [领题, 调研, 结题, 转化]\n"
    solutions = ("- {id: S-0, title: 甲, problems: P-1, owner_unit: fgw, due: 2023-04-30, done_on: 2023-04-05}\n"
                 "- {id: S-1, title: 乙, problems: P-2, owner_unit: fgw, due: 2023-12-31, done_on: 2023-06-01}\n"
                 "- {id: S-9, title: 丙, problems: P-1, owner_unit: fgw, due: 2023-12-31, done_on: 2023-09-01}\n")
    root = make_repo(tmp_path / "campaign", {
        "campaign.yaml": campaign, "people.yaml": "- {id: lin, name: 林海峰}\n",
        "topics/t.yaml": "- {id: T-1, title: 课题, leader: lin}\n",
        "problems/p.yaml": "- {id: P-1, title: 一, found_on: 2023-04-02, owner_unit: fgw, due: 2023-12-31}\n"
                           "- {id: P-2, title: 二, topic: T-1, found_on: 2023-05-01, owner_unit: fgw, due: 2023-12-31}\n",
        "solutions/s.yaml": solutions})
    from dytool.engine.suite import Suite

    day = AS_OF  # no done date after it: no finding in the solutions file
    first = _keep(root, day)
    assert [k[:2] for k in first if k[0] == "DY307"] == [("DY307", "topics/t.yaml")]
    _sub(root / "solutions" / "s.yaml", ", done_on: 2023-06-01}", "}")  # the file's first, last and latest done days stay
    expected = from_scratch(root, day)
    runs: list[set[str]] = []
    original = Suite.run_each

    def spy(self: Suite, view: object, as_of: dt.date, only: set[str] | None = None) -> object:
        runs.append({name.rpartition(".")[2] for name in (only if only is not None else [c.name for c in self.cross])})
        return original(self, view, as_of, only)  # type: ignore[arg-type]

    monkeypatch.setattr(Suite, "run_each", spy)
    assert _keep(root, day) == expected
    assert runs and "check_stages" in runs[-1], "the edit changes a topic's stage: the topics are checked again"
    assert not [k for k in expected if k[0] == "DY307"]


def test_what_cross_file_checks_read_of_a_file_hashes_alike_in_every_process() -> None:
    """The keys that decide which cross-file checks run again after an edit are digests of the
    summary's fields: they must not depend on the process (set order follows string hashing,
    which differs between processes), or a check in a worker and the next one in the main
    process would disagree and replay stale findings or redo everything."""
    import subprocess
    import sys

    code = ("import json, sys; from pathlib import Path; from dytool.checks import SUITE; from dytool.engine.load import load_repository; "
            "from dytool.engine.options import LoadOptions; "
            "loaded = load_repository(Path(sys.argv[1]), SUITE, LoadOptions(cache=False)); "
            "print(json.dumps({rel: state.keys for rel, state in sorted(loaded.states.items())}, sort_keys=True))")
    outputs = set()
    for seed in ("1", "2", "3"):
        done = subprocess.run([sys.executable, "-c", code, str(ROOT / "examples" / "campaign-2023")], capture_output=True, text=True,
                              check=False, env={**__import__("os").environ, "PYTHONHASHSEED": seed})
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_a_summary_holds_no_sets() -> None:
    """What makes the keys above process-independent without sorting every row: summaries
    hold tuples (``summarize`` sorts what it gathers in sets)."""
    loaded = load.load_repository(ROOT / "examples" / "campaign-2023", SUITE, load_options(cache=False))
    pending: list[object] = [summary for _, summary in loaded.repo.summaries.values()]
    while pending:
        item = pending.pop()
        assert not isinstance(item, set | frozenset), item
        if isinstance(item, tuple):
            pending.extend(item)
