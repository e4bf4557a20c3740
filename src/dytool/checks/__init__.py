"""Checks: small pure functions over the loaded repository, each yielding findings.

A check never raises on bad data and never stops the others; the order of the list is the
order of their findings before sorting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from dytool.checks.content import check_content
from dytool.checks.ids import check_duplicates, check_references
from dytool.checks.paths import check_paths, check_reports
from dytool.checks.rules import check_recurring, check_rules
from dytool.findings import Finding
from dytool.index import RepoIndex, build_index
from dytool.repo import Repository

__all__ = ["CHECKS", "Check", "run_checks"]

Check = Callable[[Repository, RepoIndex, dt.date], Iterable[Finding]]

CHECKS: tuple[Check, ...] = (
    check_duplicates,
    check_references,
    check_paths,
    check_reports,
    check_content,
    check_recurring,
    check_rules,
)


def run_checks(repo: Repository, as_of: dt.date, index: RepoIndex | None = None) -> list[Finding]:
    index = index or build_index(repo)
    findings: list[Finding] = []
    for check in CHECKS:
        findings.extend(check(repo, index, as_of))
    return findings
