"""Fixtures of the roll-up tests: a private HOME and cache, and the example's published summary."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from citykit import EXAMPLE

from dytool.checks import SUITE
from dytool.engine.load import LoadOptions, load_repository
from dytool.rollup.publish import publish_summary, source_state
from dytool.rollup.read import summary_json

AS_OF = dt.date(2023, 9, 15)


@pytest.fixture(autouse=True)
def _private_home(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    for name in ("DYTOOL_TODAY", "DYTOOL_LANG", "NO_COLOR", "SOURCE_DATE_EPOCH"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def example_summary(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The example's published summary as of 2023-09-15, as plain JSON data."""
    copy = tmp_path_factory.mktemp("example") / "campaign"
    shutil.copytree(EXAMPLE, copy, ignore=shutil.ignore_patterns(".dytool"))
    loaded = load_repository(copy, SUITE, LoadOptions(cache=False))
    assert loaded.repo.campaign is not None
    summary = publish_summary(loaded.repo, loaded.repo.campaign, AS_OF, source_state(loaded, None))
    return json.loads(summary_json(summary))


Writer = Callable[..., Path]


@pytest.fixture
def rollup_repo(tmp_path: Path, example_summary: dict[str, Any]) -> Callable[[list[tuple[str, str, bytes | dict[str, Any] | None]]], Path]:
    """A roll-up with a good member (市发改委, the example's summary) first, then ``members``:
    (name, kind, content) where content is the bytes or the data of its summary file, or None
    for a member whose file is missing."""

    def make(members: list[tuple[str, str, bytes | dict[str, Any] | None]], head: str = "") -> Path:
        root = tmp_path / "rollup"
        share = tmp_path / "share"
        share.mkdir(parents=True, exist_ok=True)
        (share / "good.json").write_text(json.dumps(example_summary, ensure_ascii=False), encoding="utf-8")
        lines = ["id: test-rollup", "title: 测试汇总", head.rstrip("\n"), "members:", "  - {name: 市发改委, kind: department, summary: ../share/good.json}"]
        for i, (name, kind, content) in enumerate(members):
            file = share / f"m{i}.json"
            if isinstance(content, dict):
                file.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
            elif isinstance(content, bytes):
                file.write_bytes(content)
            lines.append(f"  - {{name: {json.dumps(name, ensure_ascii=False)}, kind: {kind}, summary: ../share/m{i}.json}}")
        root.mkdir(exist_ok=True)
        (root / "rollup.yaml").write_text("\n".join(line for line in lines if line) + "\n", encoding="utf-8")
        return root

    return make
