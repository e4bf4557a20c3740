"""``check``: load a repository and run every check: the library calls behind ``dytool check``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from dytool.checks import check_overview
from dytool.checks.paths import path_states
from dytool.discover import Snapshot
from dytool.findings import Finding, FindingCounts, sort_findings
from dytool.load import load_overview, load_repository
from dytool.memo import CheckSummary
from dytool.overview import Overview
from dytool.repo import Repository

__all__ = ["CheckResult", "check_repository", "check_summary"]


@dataclass(frozen=True)
class CheckResult(FindingCounts):
    repo: Repository
    findings: list[Finding]

    @property
    def records(self) -> int:
        return sum(len(entries) for entries in self.repo.records.values()) + len(self.repo.reports)


def check_repository(root: Path, as_of: dt.date, *, cache: bool = True, jobs: int | None = None) -> CheckResult:
    """Load the repository at ``root`` and check everything; findings come back sorted, and
    the loaded repository with them (the editing commands need both)."""
    loaded = load_repository(root, cache=cache, jobs=jobs)
    findings = [*loaded.findings, *loaded.local_findings, *check_overview(Overview.of(loaded.repo), as_of)]
    return CheckResult(loaded.repo, sort_findings(findings))


def check_summary(root: Path, as_of: dt.date, *, cache: bool = True, jobs: int | None = None, snapshot: Snapshot | None = None) -> CheckSummary:
    """The same findings as :func:`check_repository`, without putting every record together:
    the records of unchanged files stay in the cache, and only their summaries are read.
    With a ``snapshot`` of the repository the cache is looked up by its digests."""
    loaded = load_overview(root, cache=cache, jobs=jobs, snapshot=snapshot)
    findings = [*loaded.findings, *loaded.local_findings, *check_overview(loaded.view, as_of)]
    campaign = loaded.view.campaign
    return CheckSummary(sort_findings(findings), loaded.files, loaded.records, campaign.language if campaign else None,
                        watched=path_states(loaded.view))
