"""One way to compare output with a golden file, and to regenerate it.

    DYTOOL_REGENERATE=1 python -m pytest tests/…

rewrites every golden file the selected tests produce and prints the unified diff of each
change at the end of the run, so that a regeneration is reviewed like any other change.  Without it, a difference fails with the diff.
"""

from __future__ import annotations

import difflib
import hashlib
import os
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"
REGENERATE = os.environ.get("DYTOOL_REGENERATE") == "1"
REGENERATED: list[str] = []
"""The diff of every golden file rewritten in this session, printed at its end (tests/conftest.py)."""


def _diff(old: str, new: str, name: str) -> str:
    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{name}", f"b/{name}")
    return "".join(lines)


def _describe(old: bytes | None, new: bytes, name: str) -> str:
    try:
        return _diff((old or b"").decode("utf-8"), new.decode("utf-8"), name)
    except UnicodeDecodeError:
        digest = lambda data: hashlib.sha256(data).hexdigest()[:16] if data is not None else "none"  # noqa: E731
        return f"binary {name}: {len(old or b'')} bytes ({digest(old)}) -> {len(new)} bytes ({digest(new)})\n"


def assert_golden(name: str, actual: str | bytes) -> None:
    """``actual`` equals ``tests/golden/<name>``; with DYTOOL_REGENERATE=1 it becomes the golden file."""
    path = GOLDEN / name
    new = actual.encode("utf-8") if isinstance(actual, str) else actual
    old = path.read_bytes() if path.is_file() else None
    if REGENERATE:
        if old != new:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(new)
            REGENERATED.append(f"regenerated {path.relative_to(GOLDEN.parent)}:\n{_describe(old, new, name)}")
        return
    assert old is not None, f"missing golden file {path}; create it with DYTOOL_REGENERATE=1 and review the diff"
    if old != new:
        diff = _describe(old, new, name)
        raise AssertionError(f"{name} differs from its golden file (DYTOOL_REGENERATE=1 to accept, after review):\n{diff[:6000]}")
