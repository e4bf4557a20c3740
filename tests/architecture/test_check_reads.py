"""Every cross-file check reads only what it declares (checks/__init__.py).

After an edit, a check runs again only when something it declared changed; a check that reads
more than it declares would return stale findings.  Here each check runs against a repository
that records every summary field, index part and whole part it touches, on the example and on
the seed campaigns, at several days.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from dytool.checks import SUITE
from dytool.engine.index import build_index
from dytool.engine.load import load_repository
from dytool.engine.repository import Repository
from dytool.engine.suite import INDEX_READS, Cross
from dytool.engine.summary import FileSummary
from util import EXAMPLE

ROOT = Path(__file__).resolve().parents[2]
REPOSITORIES = [EXAMPLE, *sorted((ROOT / "tests" / "campaigns").glob("seed-*"))]
DAYS = [dt.date(2018, 12, 1), dt.date(2019, 6, 15), dt.date(2023, 6, 15), dt.date(2023, 9, 15), dt.date(2024, 1, 15)]

_WHOLE_ATTRIBUTES = {
    "campaign": "campaign", "people": "people", "units": "units", "topics": "topics", "reports": "reports",
    "named_paths": "paths", "path_states": "paths", "watched": "paths", "invalid_ids": "invalid",
    "unreadable_kinds": "unreadable", "empty_files": "empty",
}


class _Summary:
    def __init__(self, summary: FileSummary, seen: set[str]) -> None:
        self._summary, self._seen = summary, seen

    def __getattr__(self, name: str) -> Any:
        if name in FileSummary._fields:
            self._seen.add(name)
        return getattr(self._summary, name)


class _Index:
    def __init__(self, index: Any, seen: set[str]) -> None:
        self._index, self._seen = index, seen

    def __getattr__(self, name: str) -> Any:
        if name in INDEX_READS:
            self._seen.add(INDEX_READS[name])
        elif name == "kind_of":
            self._seen.update(("ids", "campaign"))
        return getattr(self._index, name)


class _Repository:
    def __init__(self, repo: Repository, seen: set[str]) -> None:
        self._repo, self._seen = repo, seen

    def __getattr__(self, name: str) -> Any:
        if name in _WHOLE_ATTRIBUTES:
            self._seen.add(_WHOLE_ATTRIBUTES[name])
        value = getattr(self._repo, name)
        if name == "summaries":
            return {rel: (kind, _Summary(summary, self._seen)) for rel, (kind, summary) in value.items()}
        return value


@pytest.mark.parametrize("root", REPOSITORIES, ids=lambda p: p.name)
def test_every_cross_file_check_reads_only_what_it_declares(root: Path) -> None:
    repo = load_repository(root, SUITE).repo
    index = build_index(repo)
    undeclared: dict[str, set[str]] = {}
    for day in DAYS:
        for check in SUITE.cross:
            seen: set[str] = set()
            list(check.run(_Repository(repo, seen), _Index(index, seen), day))  # type: ignore[arg-type]
            extra = seen - check.reads
            if extra:
                undeclared.setdefault(check.name, set()).update(extra)
    assert undeclared == {}


def test_a_declaration_names_only_what_exists() -> None:
    def nothing(view: Any, index: Any, as_of: dt.date) -> list[Any]:
        return []

    with pytest.raises(ValueError, match="cannot have"):
        Cross(nothing, frozenset({"no_such_field"}))
