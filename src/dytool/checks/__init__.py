"""Checks: small pure functions over the loaded repository, each yielding findings.

A check never raises on bad data and never stops the others; the order of the list is the
order of their findings before sorting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from dytool.findings import Finding

if TYPE_CHECKING:
    from dytool.index import RepoIndex
    from dytool.repo import Repository

__all__ = ["Check", "all_checks", "run_checks"]

Check = Callable[["Repository", "RepoIndex", dt.date], Iterable[Finding]]


def all_checks() -> tuple[Check, ...]:
    """The checks in the order they run (imported here, so that loading a repository, which
    uses :mod:`dytool.checks.personal`, does not import every check)."""
    from dytool.checks.content import check_content
    from dytool.checks.ids import check_duplicates, check_references
    from dytool.checks.paths import check_paths, check_reports
    from dytool.checks.rules import check_recurring, check_rules

    return (check_duplicates, check_references, check_paths, check_reports, check_content, check_recurring, check_rules)


def run_checks(repo: Repository, as_of: dt.date, index: RepoIndex | None = None) -> list[Finding]:
    from dytool.index import build_index

    index = index or build_index(repo)
    findings: list[Finding] = []
    for check in all_checks():
        findings.extend(check(repo, index, as_of))
    return findings
