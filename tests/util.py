"""Helpers shared by tests: write a small campaign repository inline and run the CLI on it."""

from __future__ import annotations

import json
import os
import shutil
import textwrap
from pathlib import Path
from typing import Any

import pytest

from dytool.cli.main import run
from dytool.engine.load import LoadOptions

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = Path(os.environ.get("DYTOOL_TEST_EXAMPLE") or ROOT / "examples" / "campaign-2023")
"""The example campaign: a copy made for this test session (tests/conftest.py), never the checkout's."""

def copy_example(dest: Path) -> Path:
    """A private copy of the example campaign at ``dest`` (without its cache), for a test that changes it."""
    shutil.copytree(EXAMPLE, dest, ignore=shutil.ignore_patterns(".dytool"))
    return dest


def example_with_user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example at ``tmp_path/campaign``, and a user cache folder of the test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    return copy_example(tmp_path / "campaign")


CAMPAIGN = """\
id: test-2023
title: 2023年大兴调查研究活动
period: {start: 2023-04-01, end: 2023-12-31}
"""


def write_repo(root: Path, files: dict[str, str | bytes], *, campaign: str = CAMPAIGN) -> Path:
    """A campaign repository with ``campaign.yaml`` plus ``files`` (dedented text or raw bytes)."""
    (root / "campaign.yaml").write_text(campaign, encoding="utf-8")
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


def check_json(capsys: pytest.CaptureFixture[str], root: Path, *extra: str) -> tuple[int, list[dict[str, Any]]]:
    code = run(["check", "-C", str(root), "--as-of", "2023-09-15", "--format", "json", *extra])
    out = capsys.readouterr().out
    return code, json.loads(out)["findings"] if out.strip() else []


def codes_at(findings: list[dict[str, Any]]) -> set[tuple[str, str, int]]:
    return {(f["code"], f["file"], f["line"]) for f in findings}


def load_options(*, cache: bool = True, jobs: int = 1) -> LoadOptions:
    """What the command line would hand the engine, with the signing key in the test's own
    ``XDG_CACHE_HOME`` (each test that caches sets it to a temporary folder)."""
    import os

    folder = os.environ.get("XDG_CACHE_HOME")
    return LoadOptions(cache=cache, jobs=jobs, key_folder=Path(folder) / "dytool" if cache and folder else None)
