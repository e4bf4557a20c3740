"""``check``: load a repository and run every check: the library call behind ``dytool check``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from dytool.checks import run_checks
from dytool.findings import Finding, Severity, sort_findings
from dytool.load import load_repository
from dytool.repo import Repository

__all__ = ["CheckResult", "check_repository"]


@dataclass(frozen=True)
class CheckResult:
    repo: Repository
    findings: list[Finding]

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

    @property
    def records(self) -> int:
        return sum(len(entries) for entries in self.repo.records.values()) + len(self.repo.reports)

    def failed(self, *, strict: bool = False) -> bool:
        return self.errors > 0 or (strict and self.warnings > 0)


def check_repository(root: Path, as_of: dt.date, *, cache: bool = True, jobs: int | None = None) -> CheckResult:
    """Load the repository at ``root`` and check everything; findings come back sorted."""
    loaded = load_repository(root, cache=cache, jobs=jobs)
    findings = [*loaded.findings, *run_checks(loaded.repo, as_of)]
    return CheckResult(loaded.repo, sort_findings(findings))
