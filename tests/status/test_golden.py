"""Golden files of ``dytool status`` for the bundled example at three as-of days.

To rewrite the golden files after an intended change of the briefing (then review the diff):

    DYTOOL_REGENERATE=1 python -m pytest tests/status/test_golden.py

The figures in them were checked by hand against the example's records (see
test_status_example.py, which asserts the key ones independently of these files).
"""

from __future__ import annotations

import os

import pytest
from statuskit import EXAMPLE, PROJECT

GOLDEN = PROJECT / "tests" / "golden" / "status"
DAYS = ["2023-04-10", "2023-09-15", "2024-01-05"]  # in the first stage; mid-campaign; after the period


def render(capsys: pytest.CaptureFixture[str], day: str, fmt: str) -> str:
    from dytool.cli.main import run

    capsys.readouterr()
    code = run(["status", "-C", str(EXAMPLE), "--as-of", day, "--lang", "zh", "--no-color", "--format", fmt])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


@pytest.mark.parametrize("fmt", ["md", "json"])
@pytest.mark.parametrize("day", DAYS)
def test_golden(day: str, fmt: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DYTOOL_LANG", "DYTOOL_TODAY"):
        monkeypatch.delenv(name, raising=False)
    actual = render(capsys, day, fmt)
    path = GOLDEN / f"{day}.{fmt}"
    if os.environ.get("DYTOOL_REGENERATE") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert path.is_file(), f"missing golden file {path}; run: DYTOOL_REGENERATE=1 python -m pytest tests/status/test_golden.py"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{path.name} differs; if the change is intended: DYTOOL_REGENERATE=1 python -m pytest tests/status/test_golden.py"
