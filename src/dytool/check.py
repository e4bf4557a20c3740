"""``check``: load a repository and run every check: the library call behind ``dytool check``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from dytool.checks import run_checks
from dytool.findings import Finding, FindingCounts, sort_findings
from dytool.load import load_repository
from dytool.repo import Repository

__all__ = ["CheckResult", "check_repository"]


@dataclass(frozen=True)
class CheckResult(FindingCounts):
    repo: Repository
    findings: list[Finding]

    @property
    def records(self) -> int:
        return sum(len(entries) for entries in self.repo.records.values()) + len(self.repo.reports)


def check_repository(root: Path, as_of: dt.date, *, cache: bool = True, jobs: int | None = None) -> CheckResult:
    """Load the repository at ``root`` and check everything; findings come back sorted."""
    loaded = load_repository(root, cache=cache, jobs=jobs)
    findings = [*loaded.findings, *run_checks(loaded.repo, as_of)]
    return CheckResult(loaded.repo, sort_findings(findings))
