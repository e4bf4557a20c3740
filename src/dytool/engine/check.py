"""``check``: load a repository and run every check: the library calls behind ``dytool check``."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from dytool.core.findings import Finding, FindingCounts, sort_findings
from dytool.engine.load import OverviewResult, load_overview, load_repository, reload_files
from dytool.engine.memo import CheckState, CheckSummary, FileState, keep_state, recall_state, unchanged_paths
from dytool.engine.overview import WHOLE_KINDS, Overview
from dytool.engine.repository import Repository
from dytool.engine.suite import Suite
from dytool.source.discover import CAMPAIGN_FILE, Snapshot

__all__ = ["CheckResult", "check_and_keep", "check_repository", "check_summary"]


@dataclass(frozen=True)
class CheckResult(FindingCounts):
    repo: Repository
    findings: list[Finding]

    @property
    def records(self) -> int:
        return sum(len(entries) for entries in self.repo.records.values()) + len(self.repo.reports)


def check_repository(root: Path, suite: Suite, as_of: dt.date, *, cache: bool = True, jobs: int | None = None) -> CheckResult:
    """Load the repository at ``root`` and check everything; findings come back sorted, and
    the loaded repository with them (the editing commands need both)."""
    loaded = load_repository(root, suite, cache=cache, jobs=jobs)
    findings = [*loaded.findings, *loaded.local_findings, *suite.run_cross(Overview.of(loaded.repo), as_of)]
    return CheckResult(loaded.repo, sort_findings(findings))


def check_summary(root: Path, suite: Suite, as_of: dt.date, *, cache: bool = True, jobs: int | None = None) -> CheckSummary:
    """The same findings as :func:`check_repository`, without putting every record together:
    the records of unchanged files stay in the cache, and only their summaries are read."""
    return _check_overview(root, suite, as_of, cache=cache, jobs=jobs)[0]


def _check_overview(root: Path, suite: Suite, as_of: dt.date, *, cache: bool, jobs: int | None = None,
                    snapshot: Snapshot | None = None) -> tuple[CheckSummary, OverviewResult, list[Finding]]:
    loaded = load_overview(root, suite, cache=cache, jobs=jobs, snapshot=snapshot)
    cross = suite.run_cross(loaded.view, as_of)
    campaign = loaded.view.campaign
    summary = CheckSummary(sort_findings([*loaded.findings, *loaded.local_findings, *cross]), loaded.files, loaded.records,
                           campaign.language if campaign else None, watched=loaded.view.watched())
    return summary, loaded, cross


def check_and_keep(root: Path, suite: Suite, as_of: dt.date, snapshot: Snapshot) -> CheckSummary:
    """:func:`check_summary` for ``dytool check``, which keeps what it learnt of every file
    (:class:`dytool.engine.memo.CheckState`): when the next check finds that the files edited since
    changed nothing the cross-file checks read (text, not ids, references or dates), it
    reads only those files and reuses everything else."""
    state = recall_state(root)
    quick = _recheck(root, suite, as_of, snapshot, state) if state is not None else None
    if quick is None:
        summary, loaded, cross = _check_overview(root, suite, as_of, cache=True, snapshot=snapshot)
        quick = summary, CheckState(as_of, snapshot, tuple(loaded.head), loaded.states, tuple(cross), summary)
    keep_state(root, quick[1])
    return quick[0]


def _recheck(root: Path, suite: Suite, as_of: dt.date, snapshot: Snapshot, state: CheckState) -> tuple[CheckSummary, CheckState] | None:
    """The check after an edit, from ``state`` and the edited files alone; None when the edit
    may change what the cross-file checks find (then everything is checked again)."""
    before = state.snapshot
    if (as_of, snapshot.files, snapshot.listing) != (state.as_of, before.files, before.listing):
        return None  # another day, files added or removed
    if snapshot.contents.get(CAMPAIGN_FILE) != before.contents.get(CAMPAIGN_FILE):
        return None
    if not unchanged_paths(root, state.summary):
        return None
    edited = [(kind, rel) for kind, rel in snapshot.files if snapshot.contents[rel] != before.contents[rel]]
    if any(kind in WHOLE_KINDS or kind == "report" for kind, _ in edited):
        return None  # the cross-file checks read these whole
    names = {rel for _, rel in edited}
    if any(name in repr(finding) for finding in state.cross for name in names):
        return None  # a cross-file finding in an edited file (or naming one) may move or go
    files = dict(state.files)
    for rel, (digest, result) in reload_files(root, suite, edited).items():
        known = state.files.get(rel)
        if known is None or digest != snapshot.contents[rel][0] or result.key != known.key:
            return None  # edited again since the snapshot, or the edit changes what the checks read
        files[rel] = FileState(digest, result.key, result.findings + result.local)
    findings = sort_findings([*state.head, *(f for known in files.values() for f in known.findings), *state.cross])
    summary = dataclasses.replace(state.summary, findings=findings)
    return summary, dataclasses.replace(state, snapshot=snapshot, files=files, summary=summary)
