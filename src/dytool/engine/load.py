"""Load a campaign repository: find it, read every file through the guards, validate records.

Loading never stops at the first problem: every file is read, every record validated, and
what is wrong comes back as findings beside the records that could be loaded.

Each file goes through the same steps, in worker processes when there is a lot to load:
read (guards, content digest), parse (:mod:`dytool.source.parsefile`: bytes to plain values),
validate (pydantic), summarise (:mod:`dytool.engine.summary`) and the local checks
(the :class:`dytool.engine.suite.Suite` the caller hands in).  What a file yields is cached (:mod:`dytool.engine.cache`) by
its content, so an unchanged file is never parsed again.

Two ways to finish: :func:`load_repository` puts every record together (status, documents,
editing); :func:`load_overview` gives the cross-file checks what they read (summaries, and
the small kinds whole) and leaves the records of the big kinds packed, or in the workers.
"""

from __future__ import annotations

import dataclasses
import functools
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from dytool.core.findings import Finding
from dytool.engine.cache import FileCache, fingerprint
from dytool.engine.loadfile import (
    MAX_RECORDS_PER_FILE,
    FileResult,
    Loaded,
    Setting,
    load_campaign,
    load_file,
    load_file_packed,
    use_setting,
)
from dytool.engine.memo import FileState
from dytool.engine.overview import WHOLE_KINDS, Overview
from dytool.engine.repository import Entry, ReportEntry, Repository
from dytool.engine.suite import Suite
from dytool.engine.summary import FileSummary
from dytool.models import KINDS, Record, StrictModel
from dytool.source.discover import (
    CAMPAIGN_FILE,
    RECORD_FOLDERS,
    REPORT_FOLDER,
    ROOT_FILES,
    NoRepository,
    Snapshot,
    find_root,
    repository_files,
)
from dytool.source.locate import Locator, Source
from dytool.source.readfile import content_digest, read_guarded

__all__ = [
    "CAMPAIGN_FILE", "MAX_RECORDS_PER_FILE", "RECORD_FOLDERS", "REPORT_FOLDER", "ROOT_FILES", "FileResult", "LoadResult",
    "Loaded", "NoRepository", "OverviewResult", "find_root", "load_overview", "load_repository", "reload_files",
]

PARALLEL_MIN_BYTES = 4 << 20
"""Below this much to parse (about 4,000 records), worker processes cost more than they save.
At 10,000 records (10 MB) two workers take a cold check from 1.6–2.4 s to 1.2–1.7 s."""


@dataclass(frozen=True)
class LoadResult:
    repo: Repository
    findings: list[Finding]
    """Reading, parsing and validating."""
    cache_hits: int = 0
    cache_misses: int = 0
    local_findings: list[Finding] = field(default_factory=list)
    """The local checks of every file, made while loading."""


@dataclass(frozen=True)
class OverviewResult:
    view: Overview
    findings: list[Finding]
    """Reading, parsing and validating."""
    local_findings: list[Finding]
    files: int
    records: int
    head: list[Finding] = field(default_factory=list)
    """What reading campaign.yaml and listing the folders found."""
    states: dict[str, FileState] = field(default_factory=dict)


def _results(root: FsPath, jobs: list[tuple[str, str]], size: int, workers: int, setting: Setting) -> Iterator[tuple[str | None, FileResult]]:
    """Load results in the order of ``jobs``: in worker processes when it pays off.  Workers
    return finished results, so this process only collects them, in order (the findings come
    out exactly as a serial run gives them)."""
    use_setting(setting)
    work = [(str(root), kind, rel) for kind, rel in jobs]
    if workers <= 1 or size < PARALLEL_MIN_BYTES or len(work) < 8:
        yield from map(load_file, work)
        return
    fork = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=fork) as pool:
        yield from pool.map(load_file_packed, work, chunksize=max(1, len(work) // (workers * 16)))


def default_jobs() -> int:
    """Worker processes for a cold load: ``DYTOOL_JOBS``, else the cores this process may use."""
    env = os.environ.get("DYTOOL_JOBS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class _Files:
    """Every file's result, before the records are put together."""

    root: FsPath
    setting: Setting
    files: list[tuple[str, str]]
    results: dict[str, FileResult]
    findings: list[Finding]
    """What reading campaign.yaml and listing the folders found."""
    locator: Locator
    hits: int
    misses: int
    digests: dict[str, str | None] = field(default_factory=dict)
    """Content digest of each file as loaded (None when it could not be read)."""

    def load_findings(self) -> list[Finding]:
        return [*self.findings, *(f for _, rel in self.files for f in self.results[rel].findings)]

    def local_findings(self) -> list[Finding]:
        return [f for _, rel in self.files for f in self.results[rel].local]

    def flags(self) -> tuple[frozenset[str], dict[str, frozenset[str]], frozenset[str]]:
        """Kinds with an unreadable file, ids of invalid records by kind, empty files."""
        unreadable: set[str] = set()
        invalid: dict[str, set[str]] = {}
        empty: set[str] = set()
        for kind, rel in self.files:
            result = self.results[rel]
            if kind == "report":
                continue
            if not result.ok:
                unreadable.add(kind)
            if result.empty:
                empty.add(rel)
            if result.invalid_ids:
                invalid.setdefault(kind, set()).update(result.invalid_ids)
        if self.setting.campaign is None:  # what campaign.yaml declares is unknown: do not call references to it dangling
            unreadable |= {"theme", "activity", "stage", "milestone", "recurring"}
        return frozenset(unreadable), {kind: frozenset(ids) for kind, ids in invalid.items()}, frozenset(empty)

    def records_of(self, rel: str) -> list[tuple[StrictModel, Source]]:
        """The records of one file, loaded again if a worker left them behind."""
        result = self.results.get(rel)
        if result is None:
            return []
        if result.loaded is None:
            use_setting(self.setting)
            result = load_file((str(self.root), self.kinds[rel], rel))[1]
        return result.records()

    @functools.cached_property
    def kinds(self) -> dict[str, str]:
        return {rel: kind for kind, rel in self.files}

    def summaries(self) -> dict[str, tuple[str, FileSummary]]:
        return {rel: (kind, self.results[rel].summary) for kind, rel in self.files}


def _load_files(root: FsPath, suite: Suite, cache: bool, jobs: int | None, *, records: bool = True, snapshot: Snapshot | None = None) -> _Files:
    locator = Locator(root)
    findings: list[Finding] = []
    setting = dataclasses.replace(load_campaign(root, findings, suite), records=records or cache)
    if snapshot is not None:
        findings.extend(snapshot.listing)
        files = snapshot.files
    else:
        files = repository_files(root, findings)
    store = _store(root, setting, cache)
    results: dict[str, FileResult] = {}
    digests: dict[str, str | None] = {}
    pending: list[tuple[str, str]] = []
    size = 0
    for kind, rel in files:
        if store.enabled:
            digest, length, problems = snapshot.contents[rel] if snapshot is not None and rel in snapshot.contents else _read(root, rel)
            digests[rel] = digest
            if digest is None:
                results[rel] = FileResult(findings=tuple(problems), ok=False)
                continue
            hit = store.get(rel, digest)
            if isinstance(hit, FileResult):
                if hit.campaign != setting.campaign_digest:  # campaign.yaml changed: check the records again
                    hit = dataclasses.replace(hit, local=tuple(suite.run_local(hit.records(), hit.summary, setting.campaign, locator)),
                                              campaign=setting.campaign_digest)
                    store.put(rel, digest, hit.packed())
                results[rel] = hit
                continue
            size += length
        else:
            size += _size(root / rel)
        pending.append((kind, rel))
    for (_, rel), (digest, result) in zip(pending, _results(root, pending, size, jobs or default_jobs(), setting), strict=True):
        results[rel] = result
        digests[rel] = digest
        if digest is not None and store.enabled:
            store.put(rel, digest, result.packed())
    store.forget_missing({rel for _, rel in files})
    store.save()
    return _Files(root, setting, files, results, findings, locator, store.hits, store.misses, digests)


def _store(root: FsPath, setting: Setting, enabled: bool) -> FileCache:
    """The cache of results read against this campaign context (the period and calendar that
    dates are read against)."""
    context = setting.context
    return FileCache(root, fingerprint([context.get("period"), "cn" if "workdays" in context else "none", MAX_RECORDS_PER_FILE,
                                        setting.suite.identity]),
                     enabled=enabled)


def reload_files(root: FsPath, suite: Suite, files: list[tuple[str, str]]) -> dict[str, tuple[str | None, FileResult]]:
    """Load a few files again, in this process, and update the cache with them: how a check
    after an edit reads the edited files when nothing else needs reading."""
    setting = load_campaign(root, [], suite)
    use_setting(setting)
    store = _store(root, setting, True)
    loaded = {}
    for kind, rel in files:
        digest, result = load_file((str(root), kind, rel))
        loaded[rel] = (digest, result)
        if digest is not None:
            store.put(rel, digest, result.packed())
    store.save()
    return loaded


def load_repository(root: FsPath, suite: Suite, *, cache: bool = True, jobs: int | None = None) -> LoadResult:
    """Load everything; ``cache=False`` ignores the cache, ``jobs`` caps worker processes."""
    loaded = _load_files(root, suite, cache, jobs)
    return LoadResult(_assemble(loaded), loaded.load_findings(), loaded.hits, loaded.misses, loaded.local_findings())


def load_overview(root: FsPath, suite: Suite, *, cache: bool = True, jobs: int | None = None, snapshot: Snapshot | None = None) -> OverviewResult:
    """What ``dytool check`` needs: the overview of the repository, with the records of the
    big kinds (visits, problems, ...) left packed until a check asks for one file's."""
    loaded = _load_files(root, suite, cache, jobs, records=False, snapshot=snapshot)
    unreadable, invalid, _ = loaded.flags()
    whole: dict[str, list[Any]] = {kind: [] for kind in WHOLE_KINDS}
    reports: list[ReportEntry] = []
    records = 0
    for kind, rel in loaded.files:
        result = loaded.results[rel]
        if kind == "report":
            report = result.unpack().report
            if report is not None:
                reports.append(report)
                records += 1
            continue
        records += len(result.summary.ids)
        if kind in whole:
            whole[kind].extend(result.unpack().entries)
    setting = loaded.setting
    view = Overview(
        root=root, campaign=setting.campaign, campaign_source=Source(CAMPAIGN_FILE), locator=loaded.locator,
        summaries=loaded.summaries(), people=whole["person"], units=whole["unit"], topics=whole["topic"], reports=reports,
        unreadable_kinds=unreadable, invalid_ids=invalid, records_of=loaded.records_of,
    )
    states = {rel: FileState(loaded.digests.get(rel), result.key, result.findings + result.local) for rel, result in loaded.results.items()}
    return OverviewResult(view, loaded.load_findings(), loaded.local_findings(), 1 + len(loaded.files), records, loaded.findings, states)


def _read(root: FsPath, rel: str) -> tuple[str | None, int, list[Finding]]:
    data, problems = read_guarded(root, rel)
    return (content_digest(data), len(data), []) if data is not None else (None, 0, problems)


def _size(path: FsPath) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _assemble(loaded: _Files) -> Repository:
    records: dict[str, list[Entry[Record]]] = {kind: [] for kind in KINDS}
    reports: list[ReportEntry] = []
    for kind, rel in loaded.files:
        result = loaded.results[rel]
        unpacked = result.unpack()
        if isinstance(result.loaded, bytes):  # keep the records once, not their pickle beside them
            loaded.results[rel] = dataclasses.replace(result, loaded=unpacked)
        if kind == "report":
            if unpacked.report is not None:
                reports.append(unpacked.report)
        else:
            records[kind].extend(unpacked.entries)
    unreadable, invalid, empty = loaded.flags()
    return Repository(
        root=loaded.root, campaign=loaded.setting.campaign, campaign_source=Source(CAMPAIGN_FILE), records=records, reports=reports,
        files=(CAMPAIGN_FILE, *(rel for _, rel in loaded.files)), unreadable_kinds=unreadable, locator=loaded.locator,
        invalid_ids=invalid, empty_files=empty, summaries=loaded.summaries(),
    )
