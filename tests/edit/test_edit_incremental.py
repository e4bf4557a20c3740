"""An edit is checked from what the last check kept (only the edited files read again): it must
refuse and accept exactly what a check of everything, with no cache, refuses and accepts, also
when files changed on disk since that check, and it must leave the next check right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from edit_helpers import dy, snapshot

from util import copy_example

EDITS = [
    # (what, exit code, arguments): refused ones are what a cross-file check finds
    ("a problem of a unit that does not exist", 1, ["new", "problem", "--no-input", "--title", "新问题", "--owner-unit", "no-such-unit"]),
    ("a solution of a problem that does not exist", 1, ["new", "solution", "--no-input", "--title", "新事项", "--problems", "P-999"]),
    ("a visit by nobody known", 1, ["new", "visit", "--no-input", "--date", "2023-06-01", "--leaders", "nobody"]),
    ("a problem taking a used id", 1, ["new", "problem", "--no-input", "--id", "P-001", "--title", "重复", "--owner-unit", "fgw"]),
    ("a valid problem", 0, ["new", "problem", "--no-input", "--title", "新增的问题", "--owner-unit", "fgw", "--found-on", "2023-06-01"]),
    ("a valid topic", 0, ["new", "topic", "--no-input", "--id", "T-900", "--title", "新课题"]),
    ("a solution done", 0, ["close", "S-004", "--on", "2023-09-01"]),
    ("a problem closed", 0, ["close", "P-025", "--note", "已解决", "--evidence", "验收材料"]),
]


def _copy(tmp_path: Path, name: str) -> Path:
    return copy_example(tmp_path / name)


def _stale(root: Path) -> None:
    """A change made in an editor after the last check: one more problem in another file."""
    path = root / "problems" / "jyj.yaml"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(text + "- id: P-EDITOR\n  title: 编辑器中新增\n  owner_unit: jyj\n", encoding="utf-8")


def _check(capsys: pytest.CaptureFixture[str], root: Path, *cache: str) -> list[dict[str, object]]:
    ran = dy(capsys, root, *cache, "check", "--format", "json")
    assert ran.code in (0, 1), ran.err
    return json.loads(ran.out)["findings"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("stale", [False, True], ids=["fresh", "edited-since"])
@pytest.mark.parametrize(("what", "code", "args"), EDITS, ids=[what for what, _, _ in EDITS])
def test_an_edit_checked_from_the_cache_decides_as_a_full_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], what: str, code: int, args: list[str], stale: bool
) -> None:
    cached, full = _copy(tmp_path, "cached"), _copy(tmp_path, "full")
    _check(capsys, cached)  # what the edit starts from
    if stale:
        _stale(cached)
        _stale(full)
    for dry in (["--dry-run"], []):
        fast = dy(capsys, cached, *args[:2], *dry, *args[2:])
        slow = dy(capsys, full, "--no-cache", *args[:2], *dry, *args[2:])
        assert (fast.code, fast.err) == (slow.code, slow.err), what
        assert slow.code == code, slow.err
        assert snapshot(cached) == snapshot(full), what
    assert _check(capsys, cached) == _check(capsys, full, "--no-cache")


def test_a_refused_edit_leaves_the_next_check_as_it_was(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _copy(tmp_path, "campaign")
    before = _check(capsys, root)
    ran = dy(capsys, root, "new", "problem", "--no-input", "--title", "新问题", "--owner-unit", "no-such-unit")
    assert ran.code == 1 and "no-such-unit" in ran.err
    ran = dy(capsys, root, "new", "problem", "--dry-run", "--no-input", "--title", "新问题", "--owner-unit", "fgw")
    assert ran.code == 0, ran.err
    assert _check(capsys, root) == before == _check(capsys, root, "--no-cache")
