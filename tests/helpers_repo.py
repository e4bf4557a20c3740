"""Helpers shared by the end-to-end tests: build small repositories and run ``dytool check``.

Tests call the CLI in-process through :func:`dytool.cli.main.run` (the error boundary that
turns outcomes into exit codes) and read the JSON report; a few smoke tests run
``python -m dytool`` in a subprocess to see what a user's shell sees.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

PROJECT = Path(__file__).resolve().parents[1]
SRC = PROJECT / "src"

AS_OF = "2023-09-01"
"""Every run names its as-of day, so results never depend on the day the tests run."""

CAMPAIGN_YAML = """\
id: test-2023
title: 测试活动
period:
  start: 2023-04-01
  end: 2023-12-31
"""
PEOPLE_YAML = """\
- id: zhang-wei
  name: 张伟
"""
UNITS_YAML = """\
- id: fgw
  name: 发改委
"""

BASE_FILES: dict[str, str] = {
    "campaign.yaml": CAMPAIGN_YAML,
    "people.yaml": PEOPLE_YAML,
    "units.yaml": UNITS_YAML,
}
"""A minimal valid repository: a campaign, one person (``zhang-wei``) and one unit (``fgw``)."""


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``files`` (repository-relative path → text or bytes) below ``root``."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
    return root


def make_repo(root: Path, files: dict[str, str | bytes] | None = None) -> Path:
    """The minimal valid repository at ``root``, with ``files`` added or replacing base files."""
    root.mkdir(parents=True, exist_ok=True)
    return write_files(root, {**BASE_FILES, **(files or {})})


def resident_id(prefix17: str = "11010519491231002") -> str:
    """An 18-digit resident ID number with a valid ISO 7064 MOD 11-2 check digit.

    The default prefix is the sample from the GB 11643 standard's examples (born 1949-12-31),
    not any real person's number."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(digit) * weight for digit, weight in zip(prefix17, weights, strict=True))
    return prefix17 + "10X98765432"[total % 11]


@dataclass(frozen=True)
class Outcome:
    """What one ``dytool check`` run showed: exit code, output, and the parsed JSON report."""

    code: int
    out: str
    err: str
    report: dict[str, Any] | None

    @property
    def findings(self) -> list[dict[str, Any]]:
        return self.report["findings"] if self.report else []

    def at(self, file: str, line: int | None = None) -> list[dict[str, Any]]:
        """Findings reported for ``file`` (and ``line``, when given)."""
        return [f for f in self.findings if f["file"] == file and (line is None or f["line"] == line)]

    def codes_at(self, file: str, line: int | None = None) -> set[str]:
        return {f["code"] for f in self.at(file, line)}

    @property
    def errors(self) -> list[dict[str, Any]]:
        return [f for f in self.findings if f["severity"] == "error"]

    def describe(self) -> str:
        """The findings, one a line, for assertion messages."""
        lines = [f"exit {self.code}"]
        lines += [f"  {f['code']} {f['severity']} {f['file']}:{f['line']}:{f['column']} {f['message_en']} | {f['hint']}" for f in self.findings]
        if self.err.strip():
            lines.append("stderr: " + self.err.strip()[:2000])
        return "\n".join(lines)


def check_args(repo: Path, *extra: str, output_format: str = "json", lang: str = "en", as_of: str = AS_OF) -> list[str]:
    return ["-C", str(repo), "--as-of", as_of, "--lang", lang, "check", "--format", output_format, *extra]


def run_check(capsys: pytest.CaptureFixture[str], repo: Path, *extra: str, as_of: str = AS_OF, lang: str = "en") -> Outcome:
    """``dytool check --format json`` in-process, through the CLI's error boundary."""
    from dytool.cli.main import run

    capsys.readouterr()  # drop anything printed before
    code = run(check_args(repo, *extra, as_of=as_of, lang=lang))
    captured = capsys.readouterr()
    report = json.loads(captured.out) if captured.out.strip().startswith("{") else None
    return Outcome(code, captured.out, captured.err, report)


def run_cli(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str, str]:
    """Any dytool command in-process: exit code, stdout, stderr."""
    from dytool.cli.main import run

    capsys.readouterr()
    code = run(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_subprocess(repo: Path, *extra: str, output_format: str = "json", as_of: str = AS_OF, timeout: float = 600) -> Outcome:
    """``python -m dytool check`` in a child process, as a user's shell or CI runs it."""
    env = {**os.environ, "PYTHONPATH": str(SRC), "NO_COLOR": "1"}
    env.pop("DYTOOL_TODAY", None)
    proc = subprocess.run(
        [sys.executable, "-m", "dytool", *check_args(repo, *extra, output_format=output_format, as_of=as_of)],
        env=env, capture_output=True, text=True, encoding="utf-8", timeout=timeout, check=False,
    )
    report = json.loads(proc.stdout) if output_format == "json" and proc.stdout.strip().startswith("{") else None
    return Outcome(proc.returncode, proc.stdout, proc.stderr, report)


def assert_no_traceback(outcome: Outcome) -> None:
    for stream in (outcome.out, outcome.err):
        assert "Traceback" not in stream, stream
    assert outcome.code != 3, f"internal error (exit 3):\n{outcome.describe()}"
