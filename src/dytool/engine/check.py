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

from dytool.core.findings import Finding, FindingCounts, cap_findings, sort_findings
from dytool.engine.cache import stat_cache
from dytool.engine.load import LoadResult, load_repository, reload_files, with_overlay
from dytool.engine.memo import CheckState, CheckSummary, FileState, keep_state, recall_state, remember, unchanged_paths
from dytool.engine.options import LoadOptions
from dytool.engine.replay import Look, look
from dytool.engine.repository import Repository
from dytool.engine.suite import Suite
from dytool.engine.summary import FileSummary, field_keys
from dytool.source.discover import CAMPAIGN_FILE, Snapshot, take_snapshot

__all__ = ["CheckResult", "check", "check_and_keep", "check_for_edit", "check_overlay", "check_repository", "check_since", "check_summary"]


@dataclass(frozen=True)
class CheckResult(FindingCounts):
    repo: Repository
    findings: list[Finding]

    @property
    def records(self) -> int:
        return sum(len(summary.ids) if kind != "report" else 1 for kind, summary in self.repo.summaries.values())


def check(root: Path, suite: Suite, as_of: dt.date, options: LoadOptions, *, seen: Look | None = None) -> CheckSummary:
    """What ``dytool check`` reports.  With the cache, the last check is replayed when not one
    byte of the repository has changed since (recognised from content digests alone), and a
    check after an edit reuses what the last one learnt (:func:`check_and_keep`).  ``seen``:
    the look the caller already took (:func:`dytool.engine.replay.look`)."""
    if not options.cached:
        return check_summary(root, suite, as_of, options)
    return _cached_check(root, suite, as_of, options, seen)[0]


def _cached_check(root: Path, suite: Suite, as_of: dt.date, options: LoadOptions, seen: Look | None = None) -> tuple[CheckSummary, Snapshot]:
    """:func:`check` with the cache, and the snapshot of the repository it checked."""
    assert options.key_folder is not None
    seen = seen or look(root, as_of, options)
    if seen.remembered is not None:
        return seen.remembered, seen.snapshot
    summary = check_and_keep(root, suite, as_of, seen.snapshot, options)
    remember(root, seen.digest, summary, options.key_folder)
    return summary, seen.snapshot


def check_for_edit(root: Path, suite: Suite, as_of: dt.date, options: LoadOptions) -> CheckResult:
    """What an edit is compared with: the findings :func:`check` reports and the repository as
    that check saw it (summaries; records read on demand).  With the cache, the repository is
    assembled from the check's own snapshot, so no file is listed or looked at twice."""
    if not options.cached:
        return check_repository(root, suite, as_of, options)
    summary, snapshot = _cached_check(root, suite, as_of, options)
    loaded = load_repository(root, suite, options, keep_records=False, snapshot=snapshot)
    return CheckResult(loaded.repo, list(summary.findings))


def check_since(root: Path, suite: Suite, as_of: dt.date, options: LoadOptions, ref: str) -> CheckSummary:
    """What a change since the git revision ``ref`` brought: every finding in a file changed
    since then (committed or not), and every finding elsewhere that the repository at ``ref``
    did not have (deleting a unit makes references to it dangle in files nobody touched).
    Only findings that were already there at ``ref``, in files left alone, are left out."""
    from collections import Counter

    from dytool.source import git
    from dytool.source.scratch import scratch_folder

    changed = git.changed_files(root, ref)  # a bad revision fails here, before any work
    commit = git.resolve(root, ref)
    now = check(root, suite, as_of, options)
    with scratch_folder("since") as tmp:
        base = tmp / "base"
        existed = git.export_tree(root, commit, base) and (base / CAMPAIGN_FILE).is_file()
        before = check_summary(base, suite, as_of, dataclasses.replace(options, cache=False)).findings if existed else []
    seen = Counter(_same(f) for f in before)
    kept = []
    for finding in now.findings:
        key = _same(finding)
        if finding.file in changed or not finding.file or seen[key] == 0:
            kept.append(finding)
        else:
            seen[key] -= 1
    return dataclasses.replace(now, findings=kept)


def _same(finding: Finding) -> tuple[str, str, int, int, str]:
    """A finding as found in an untouched file: its place cannot have moved."""
    return finding.code, finding.file, finding.line, finding.column, finding.message_en


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


def check_overlay(root: Path, suite: Suite, as_of: dt.date, options: LoadOptions, overlay: Mapping[str, bytes]) -> CheckSummary:
    """What ``dytool check`` would report were the files of ``overlay`` written (replaced or
    added): how an edit is checked before anything is written.  From what the last check kept
    (:func:`check_and_keep`), only the overlay's files (and any edited since) are read and only
    the cross-file checks they concern run again; without it, everything is loaded, from the
    cache where it can be.  What the last check kept is left as it was."""
    if options.cached:
        assert options.key_folder is not None
        stats = stat_cache(root, options.key_folder)
        snapshot = take_snapshot(root, stats.known_digest, stats.learn_digest)
        stats.save()
        state = recall_state(root, options.key_folder)
        if state is not None:
            after = _after_edit(root, suite, as_of, with_overlay(snapshot, overlay), state, options, overlay)
            if after is not None:
                return after[0]
    return _check(root, suite, as_of, options, overlay=overlay)[0]


def _check(root: Path, suite: Suite, as_of: dt.date, options: LoadOptions, snapshot: Snapshot | None = None,
           overlay: Mapping[str, bytes] | None = None) -> tuple[CheckSummary, LoadResult, dict[str, tuple[Finding, ...]]]:
    loaded = load_repository(root, suite, options, keep_records=False, snapshot=snapshot, overlay=overlay)
    cross = suite.run_each(loaded.repo, as_of)
    campaign = loaded.repo.campaign
    findings = cap_findings(sort_findings([*loaded.findings, *loaded.local_findings, *(f for found in cross.values() for f in found)]))
    summary = CheckSummary(findings, len(loaded.repo.files), loaded.records, campaign.language if campaign else None,
                           watched=loaded.repo.watched())
    return summary, loaded, cross


def check_and_keep(root: Path, suite: Suite, as_of: dt.date, snapshot: Snapshot, options: LoadOptions) -> CheckSummary:
    """:func:`check_summary` for ``dytool check``, which keeps what it learnt of every file and
    each cross-file check's findings (:class:`dytool.engine.memo.CheckState`).  The next check
    reads only the files edited since, and runs again only the cross-file checks that read
    something the edit changed (their declared reads, :class:`dytool.engine.suite.Cross`) or
    whose findings lie in, or name, an edited file."""
    assert options.key_folder is not None
    state = recall_state(root, options.key_folder)
    after = _after_edit(root, suite, as_of, snapshot, state, options) if state is not None else None
    if after is None:
        summary, loaded, cross = _check(root, suite, as_of, options, snapshot)
        after = summary, CheckState(as_of, snapshot, tuple(loaded.head), loaded.states, cross, summary)
    keep_state(root, after[1], options.key_folder)
    return after[0]


_WHOLE_NAMES = {"person": "people", "unit": "units", "topic": "topics", "report": "reports"}


def _after_edit(root: Path, suite: Suite, as_of: dt.date, snapshot: Snapshot, state: CheckState,
                options: LoadOptions, overlay: Mapping[str, bytes] | None = None) -> tuple[CheckSummary, CheckState] | None:
    """The check after an edit, from ``state``, the edited files and the cross-file checks the
    edit concerns; None when everything must be checked again (another day, campaign.yaml or
    the folders' listing changed, another suite)."""
    before = state.snapshot
    if as_of != state.as_of or snapshot.listing != before.listing or set(state.cross) != {c.name for c in suite.cross}:
        return None
    if snapshot.contents.get(CAMPAIGN_FILE) != before.contents.get(CAMPAIGN_FILE):
        return None
    old_kinds = dict((rel, kind) for kind, rel in before.files)
    edited = [(kind, rel) for kind, rel in snapshot.files if rel not in old_kinds or snapshot.contents[rel] != before.contents.get(rel)]
    current = {rel for _, rel in snapshot.files}
    removed = [(kind, rel) for rel, kind in old_kinds.items() if rel not in current]
    changed: set[str] = set() if unchanged_paths(root, state.summary) else {"paths"}
    files = dict(state.files)
    absent = field_keys(FileSummary(), suite.summary_reads, frozenset(), True, False)
    for rel, (digest, result) in reload_files(root, suite, options, edited, overlay).items():
        if digest != snapshot.contents[rel][0]:
            return None  # edited again since the snapshot was taken
        known = state.files.get(rel)
        old_keys = known.keys if known is not None else absent  # a new file changes only what it brings
        changed |= {name for name in result.keys.keys() | old_keys.keys() if result.keys.get(name) != old_keys.get(name)}
        files[rel] = FileState(digest, result.keys, result.findings + result.local, result.records_count(old_kinds.get(rel) or _kind(snapshot, rel)))
    for _, rel in removed:
        known = files.pop(rel, None)
        changed |= {name for name, key in known.keys.items() if key != absent.get(name)} if known is not None else set()
    touched = {rel for _, rel in (*edited, *removed)}
    changed |= {_WHOLE_NAMES[kind] for kind, _ in (*edited, *removed) if kind in _WHOLE_NAMES}
    rerun = {check.name for check in suite.cross
             if check.reads & changed or any(f.file in touched or touched.intersection(f.related) for f in state.cross[check.name])}
    cross = dict(state.cross)
    watched = state.summary.watched
    if rerun:
        loaded = load_repository(root, suite, options, keep_records=False, snapshot=snapshot, overlay=overlay)
        cross.update(suite.run_each(loaded.repo, as_of, rerun))
        if "paths" in changed or any(kind in ("topic", "report") for kind, _ in (*edited, *removed)):
            watched = loaded.repo.watched()  # what names paths (topics, reports' images) changed
    findings = cap_findings(sort_findings([*state.head, *(f for known in files.values() for f in known.findings),
                                           *(f for found in cross.values() for f in found)]))
    summary = dataclasses.replace(state.summary, findings=findings, files=1 + len(files),
                                  records=sum(known.records for known in files.values()), watched=watched)
    return summary, CheckState(as_of, snapshot, state.head, files, cross, summary)


def _kind(snapshot: Snapshot, rel: str) -> str | None:
    return next((kind for kind, path in snapshot.files if path == rel), None)
