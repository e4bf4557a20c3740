"""``check``: load a repository and run a suite of checks over it.

:func:`check_repository` loads (from the cache where it can) and checks; the editing commands
use it with an ``overlay`` to check the repository as an edit would leave it.
:func:`check_and_keep` is ``dytool check``'s path: it keeps what it learnt of every file, so
that after an edit that changes nothing the cross-file checks read, only the edited files are
read again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from dytool.core.findings import Finding, FindingCounts, sort_findings
from dytool.engine.load import LoadOptions, LoadResult, load_repository, reload_files
from dytool.engine.memo import CheckState, CheckSummary, FileState, keep_state, recall, recall_state, remember, unchanged_paths
from dytool.engine.repository import WHOLE_KINDS, Repository
from dytool.engine.suite import Suite
from dytool.source.discover import CAMPAIGN_FILE, Snapshot, take_snapshot

__all__ = ["CheckResult", "check", "check_and_keep", "check_repository", "check_summary"]


@dataclass(frozen=True)
class CheckResult(FindingCounts):
    repo: Repository
    findings: list[Finding]

    @property
    def records(self) -> int:
        return sum(len(summary.ids) if kind != "report" else 1 for kind, summary in self.repo.summaries.values())


def check(root: Path, suite: Suite, as_of: dt.date, options: LoadOptions) -> CheckSummary:
    """What ``dytool check`` reports.  With the cache, the last check is replayed when not one
    byte of the repository has changed since (recognised from content digests alone), and a
    check after an edit reuses what the last one learnt (:func:`check_and_keep`)."""
    if not options.cached:
        return check_summary(root, suite, as_of, options)
    assert options.key_folder is not None
    snapshot = take_snapshot(root)
    remembered, digest = recall(root, as_of, snapshot, options.key_folder)
    if remembered is not None:
        return remembered
    summary = check_and_keep(root, suite, as_of, snapshot, options)
    remember(root, digest, summary, options.key_folder)
    return summary


def check_repository(root: Path, suite: Suite, as_of: dt.date, options: LoadOptions | None = None, *,
                     overlay: Mapping[str, bytes] | None = None) -> CheckResult:
    """Load the repository at ``root`` (with ``overlay``'s files instead of those on disk) and
    check everything; findings come back sorted, with the loaded repository."""
    loaded = load_repository(root, suite, options, overlay=overlay)
    findings = [*loaded.findings, *loaded.local_findings, *suite.run_cross(loaded.repo, as_of)]
    return CheckResult(loaded.repo, sort_findings(findings))


def check_summary(root: Path, suite: Suite, as_of: dt.date, options: LoadOptions | None = None) -> CheckSummary:
    """The same findings as :func:`check_repository`, without keeping the records: the records
    of the big kinds stay in the cache (or the workers), and only their summaries are read."""
    return _check(root, suite, as_of, options or LoadOptions(cache=False))[0]


def _check(root: Path, suite: Suite, as_of: dt.date, options: LoadOptions,
           snapshot: Snapshot | None = None) -> tuple[CheckSummary, LoadResult, list[Finding]]:
    loaded = load_repository(root, suite, options, keep_records=False, snapshot=snapshot)
    cross = suite.run_cross(loaded.repo, as_of)
    campaign = loaded.repo.campaign
    summary = CheckSummary(sort_findings([*loaded.findings, *loaded.local_findings, *cross]), len(loaded.repo.files), loaded.records,
                           campaign.language if campaign else None, watched=loaded.repo.watched())
    return summary, loaded, cross


def check_and_keep(root: Path, suite: Suite, as_of: dt.date, snapshot: Snapshot, options: LoadOptions) -> CheckSummary:
    """:func:`check_summary` for ``dytool check``, which keeps what it learnt of every file
    (:class:`dytool.engine.memo.CheckState`): when the next check finds that the files edited
    since changed nothing the cross-file checks read (text, not ids, references or dates), it
    reads only those files and reuses everything else."""
    assert options.key_folder is not None
    state = recall_state(root, options.key_folder)
    quick = _recheck(root, suite, as_of, snapshot, state, options) if state is not None else None
    if quick is None:
        summary, loaded, cross = _check(root, suite, as_of, options, snapshot)
        quick = summary, CheckState(as_of, snapshot, tuple(loaded.head), loaded.states, tuple(cross), summary)
    keep_state(root, quick[1], options.key_folder)
    return quick[0]


def _recheck(root: Path, suite: Suite, as_of: dt.date, snapshot: Snapshot, state: CheckState,
             options: LoadOptions) -> tuple[CheckSummary, CheckState] | None:
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
    for rel, (digest, result) in reload_files(root, suite, options, edited).items():
        known = state.files.get(rel)
        if known is None or digest != snapshot.contents[rel][0] or result.key != known.key:
            return None  # edited again since the snapshot, or the edit changes what the checks read
        files[rel] = FileState(digest, result.key, result.findings + result.local)
    findings = sort_findings([*state.head, *(f for known in files.values() for f in known.findings), *state.cross])
    summary = dataclasses.replace(state.summary, findings=findings)
    return summary, dataclasses.replace(state, snapshot=snapshot, files=files, summary=summary)
