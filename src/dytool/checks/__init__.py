"""Checks: small pure functions that never raise on bad data and never stop the others.

Two kinds.  *Local* checks look at one file's records and the campaign, nothing else; they
run when a file is loaded, and their findings are cached with it.  *Cross-file* checks look
at the whole repository through its :class:`dytool.overview.Overview` (summaries of every
file, the few small kinds whole) and the as-of day.  The order of the lists is the order of
their findings before sorting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from dytool.findings import Finding

if TYPE_CHECKING:
    from dytool.index import RepoIndex
    from dytool.models import Campaign, StrictModel
    from dytool.overview import Overview
    from dytool.repo import Locator, Repository, Source
    from dytool.summary import FileSummary

__all__ = ["Check", "check_overview", "cross_checks", "local_checks", "run_checks"]

Check = Callable[["Overview", "RepoIndex", dt.date], Iterable[Finding]]


def cross_checks() -> tuple[Check, ...]:
    """The cross-file checks in the order they run (imported here, so that loading a
    repository, which runs the local checks, does not import every check)."""
    from dytool.checks.content import check_content
    from dytool.checks.ids import check_duplicates, check_references
    from dytool.checks.paths import check_paths, check_reports
    from dytool.checks.rules import check_recurring, check_rules

    return (check_duplicates, check_references, check_paths, check_reports, check_content, check_recurring, check_rules)


def local_checks(records: Sequence[tuple[StrictModel, Source]], summary: FileSummary, campaign: Campaign | None, locator: Locator) -> list[Finding]:
    """The findings of the checks that read one file's records (and their summary) and the campaign only."""
    from dytool.checks.content import local_content
    from dytool.checks.rules import local_rules

    return [*local_content(records, summary, campaign, locator), *local_rules(records, campaign, locator)]


def check_overview(view: Overview, as_of: dt.date) -> list[Finding]:
    """Every cross-file check over ``view``."""
    from dytool.index import build_index

    index = build_index(view)
    findings: list[Finding] = []
    for check in cross_checks():
        findings.extend(check(view, index, as_of))
    return findings


def run_checks(repo: Repository, as_of: dt.date) -> list[Finding]:
    """Every check, local and cross-file, over a loaded repository."""
    from dytool.overview import Overview

    view = Overview.of(repo)
    findings: list[Finding] = []
    for rel, (_, summary) in view.summaries.items():
        findings.extend(local_checks(view.records_of(rel), summary, repo.campaign, repo.locator))
    findings.extend(check_overview(view, as_of))
    return findings
