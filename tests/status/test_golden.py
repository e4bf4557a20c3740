"""Golden files of ``dytool status`` for the bundled example at three as-of days.

To rewrite the golden files after an intended change of the briefing (then review the diff):

    DYTOOL_REGENERATE=1 python -m pytest tests/status/test_golden.py   # prints the diff of each change

The figures in them were checked by hand against the example's records (see
test_status_example.py, which asserts the key ones independently of these files).
"""

from __future__ import annotations

import pytest
from statuskit import EXAMPLE

from goldens import assert_golden

DAYS = ["2023-04-10", "2023-09-15", "2024-01-05"]  # in the first stage; mid-campaign; after the period


def render(capsys: pytest.CaptureFixture[str], day: str, fmt: str) -> str:
    from dytool.cli.main import run

    capsys.readouterr()
    code = run(["status", "-C", str(EXAMPLE), "--as-of", day, "--lang", "zh", "--no-color", "--format", fmt])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


@pytest.mark.parametrize("fmt", ["md", "json", "text"])
@pytest.mark.parametrize("day", DAYS)
def test_golden(day: str, fmt: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The briefing in each format; ``text`` is what rich prints without colour at 100 columns."""
    for name in ("DYTOOL_LANG", "DYTOOL_TODAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    assert_golden(f"status/{day}.{'txt' if fmt == 'text' else fmt}", render(capsys, day, fmt))
