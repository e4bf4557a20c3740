"""Load a campaign repository: find it, read every file through the guards, validate records.

Loading never stops at the first problem: every file is read, every record validated, and
what is wrong comes back as findings beside the records that could be loaded.

Each file goes through the same steps (:mod:`dytool.engine.loadfile`), in worker processes
when there is a lot to load: read (guards, content digest), parse (bytes to plain values),
validate (pydantic), summarise (:mod:`dytool.engine.summary`) and the text and local checks of
the :class:`~dytool.engine.suite.Suite` the caller hands in.  What a file yields is cached
(:mod:`dytool.engine.cache`) by its content, so an unchanged file is never parsed again.

The result is one :class:`~dytool.engine.repository.Repository` however it was made: the
records of the big kinds stay packed (or, without the cache, in the workers) until a command
asks for them.  ``overlay`` loads the repository as it would be with some files replaced:
how an edit is checked before anything is written.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import multiprocessing
import os
from collections.abc import Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from dytool.core.findings import Finding, FindingCounts
from dytool.engine.cache import FileCache, fingerprint, stat_cache
from dytool.engine.loadfile import (
    MAX_RECORDS_PER_FILE,
    FileResult,
    Job,
    Setting,
    load_campaign,
    load_file,
    load_file_packed,
    use_setting,
)
from dytool.engine.memo import FileState
from dytool.engine.options import LoadOptions
from dytool.engine.repository import WHOLE_KINDS, Entry, ReportEntry, Repository
from dytool.engine.suite import Suite
from dytool.source.discover import CAMPAIGN_FILE, Snapshot, repository_files
from dytool.source.locate import Locator, Source
from dytool.source.readfile import content_digest, read_guarded

__all__ = ["LoadOptions", "LoadResult", "load_repository", "reload_files"]

PARALLEL_MIN_BYTES = 4 << 20
"""Below this much to parse (about 4,000 records), worker processes cost more than they save.
At 10,000 records (10 MB) two workers take a cold check from 1.6–2.4 s to 1.2–1.7 s."""


@dataclass(frozen=True)
class LoadResult(FindingCounts):
    repo: Repository
    findings: list[Finding]
    """Reading, parsing and validating (campaign.yaml and the listing of folders included)."""
    local_findings: list[Finding] = field(default_factory=list)
    """The local checks of every file, made while loading."""
    head: list[Finding] = field(default_factory=list)
    """What reading campaign.yaml and listing the folders found."""
    states: dict[str, FileState] = field(default_factory=dict)
    """What each file yielded: its digest, the key of what the cross-file checks read of it, its findings."""
    cache_hits: int = 0
    cache_misses: int = 0

    @property
    def records(self) -> int:
        return sum(state.records for state in self.states.values())


def _results(root: FsPath, jobs: list[Job], size: int, options: LoadOptions, setting: Setting) -> Iterator[tuple[str | None, FileResult]]:
    """Load results in the order of ``jobs``: in worker processes when it pays off.  Workers
    return finished results, so this process only collects them, in order (the findings come
    out exactly as a serial run gives them)."""
    use_setting(setting)
    workers = options.jobs
    if workers <= 1 or size < PARALLEL_MIN_BYTES or len(jobs) < 8:
        yield from map(load_file, jobs)
        return
    context = multiprocessing.get_context(options.start_method)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=use_setting, initargs=(setting,)) as pool:
        yield from pool.map(load_file_packed, jobs, chunksize=max(1, len(jobs) // (workers * 16)))


@dataclass(frozen=True)
class _Files:
    """Every file's result, before the repository is put together."""

    root: FsPath
    setting: Setting
    files: list[tuple[str, str]]
    results: dict[str, FileResult]
    head: list[Finding]
    locator: Locator
    hits: int
    misses: int
    digests: dict[str, str | None]
    overlay: Mapping[str, bytes]
    store: FileCache

    def load_findings(self) -> list[Finding]:
        return [*self.head, *(f for _, rel in self.files for f in self.results[rel].findings)]

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

    def records_of(self, rel: str) -> list[tuple[Any, Source]]:
        """The records of one file, loaded again if a worker left them behind."""
        result = self.results.get(rel)
        if result is None:
            return []
        if result.loaded is None:
            result = _with_records(self.store, rel, self.digests.get(rel), result) or self._reload(rel)
        return result.records()

    def _reload(self, rel: str) -> FileResult:
        use_setting(self.setting)
        return load_file((str(self.root), self.kinds[rel], rel, self.overlay.get(rel)))[1]

    @functools.cached_property
    def kinds(self) -> dict[str, str]:
        return {rel: kind for kind, rel in self.files}

    def states(self) -> dict[str, FileState]:
        return {rel: FileState(self.digests.get(rel), result.keys, result.findings + result.local, result.records_count(self.kinds.get(rel)))
                for rel, result in self.results.items()}


def _listing(root: FsPath, snapshot: Snapshot | None, overlay: Mapping[str, bytes], findings: list[Finding]) -> list[tuple[str, str]]:
    if snapshot is not None:
        findings.extend(snapshot.listing)
        files = list(snapshot.files)
    else:
        files = repository_files(root, findings)
    return _with_added(files, overlay)


_LOAD_ORDER = {kind: i for i, kind in enumerate(("person", "unit", "topic", "visit", "problem", "solution", "institution", "report"))}


def _with_added(files: list[tuple[str, str]], overlay: Mapping[str, bytes]) -> list[tuple[str, str]]:
    """``files`` (kind, path) and the record files ``overlay`` adds, in load order."""
    from dytool.source.discover import kind_of_path

    known = {rel for _, rel in files}
    added = [(kind, rel) for rel in overlay if rel not in known and rel != CAMPAIGN_FILE and (kind := kind_of_path(rel)) is not None]
    if not added:
        return files
    return sorted([*files, *added], key=lambda item: (_LOAD_ORDER[item[0]], item[1]))


def with_overlay(snapshot: Snapshot, overlay: Mapping[str, bytes]) -> Snapshot:
    """The snapshot of the repository as it would be with ``overlay``'s files written."""
    contents = dict(snapshot.contents)
    contents.update((rel, (content_digest(data), len(data), [])) for rel, data in overlay.items())
    return dataclasses.replace(snapshot, files=_with_added(list(snapshot.files), overlay), contents=contents)


def _load_files(root: FsPath, suite: Suite, options: LoadOptions, *, keep_records: bool, snapshot: Snapshot | None,
                overlay: Mapping[str, bytes]) -> _Files:
    locator = Locator(root, overlay)
    head: list[Finding] = []
    setting = dataclasses.replace(load_campaign(root, head, suite, overlay.get(CAMPAIGN_FILE), key_folder=_key_folder(options)),
                                  records=keep_records or options.cached)
    files = _listing(root, snapshot, overlay, head)
    store = _store(root, setting, options)
    stats = stat_cache(root, options.key_folder if store.enabled else None)
    results: dict[str, FileResult] = {}
    digests: dict[str, str | None] = {}
    pending: list[Job] = []
    size = 0
    for kind, rel in files:
        data = overlay.get(rel)
        digest: str | None
        problems: list[Finding]
        if store.enabled:
            if data is not None:
                digest, length, problems = content_digest(data), len(data), []
            elif snapshot is not None and rel in snapshot.contents:
                digest, length, problems = snapshot.contents[rel]
            else:
                digest, length, problems = _read_known(root, rel, stats)
            digests[rel] = digest
            if digest is None:
                results[rel] = FileResult(findings=tuple(problems), ok=False).with_keys(suite)
                continue
            hit = store.get(rel, digest)
            if isinstance(hit, FileResult) and hit.campaign != setting.campaign_digest:  # campaign.yaml changed: check the records again
                hit = _with_records(store, rel, digest, hit)
                if hit is not None:
                    hit = dataclasses.replace(hit, local=tuple(suite.run_local(hit.records(), hit.summary, setting.campaign, locator)),
                                              campaign=setting.campaign_digest)
                    _keep(store, kind, rel, digest, hit)
            if isinstance(hit, FileResult):
                results[rel] = hit
                continue
            size += length
        else:
            size += len(data) if data is not None else _size(root / rel)
        pending.append((str(root), kind, rel, data))
    kinds = {rel: kind for kind, rel in files}
    for (_, _, rel, _), (loaded_digest, result) in zip(pending, _results(root, pending, size, options, setting), strict=True):
        results[rel] = result
        digests[rel] = loaded_digest
        if loaded_digest is not None and store.enabled:
            kept = _keep(store, kinds[rel], rel, loaded_digest, result)
            results[rel] = kept if not keep_records or kept.loaded is not None else result
    store.forget_missing({rel for _, rel in files})
    store.save()
    stats.forget_missing({rel for _, rel in files})
    stats.save()
    return _Files(root, setting, files, results, head, locator, store.hits, store.misses, digests, overlay, store)


def _keep(store: FileCache, kind: str, rel: str, digest: str, result: FileResult) -> FileResult:
    """Put a file's result into the cache, the records of the big kinds apart from the summary
    (a check or a briefing reads only summaries); what this load keeps of it in return."""
    packed = result.packed()
    if kind in WHOLE_KINDS or kind == "report" or not isinstance(packed.loaded, bytes):
        store.put(rel, digest, packed)
        return packed
    store.put_records(rel, digest, packed.loaded)
    summary = dataclasses.replace(packed, loaded=None)
    store.put(rel, digest, summary)
    return summary


def _with_records(store: FileCache, rel: str, digest: str | None, result: FileResult) -> FileResult | None:
    """``result`` with its records, from the cache's record shards; None when they are not there."""
    if result.loaded is not None:
        return result
    blob = store.get_records(rel, digest) if digest is not None else None
    return dataclasses.replace(result, loaded=blob) if blob is not None else None


def _key_folder(options: LoadOptions) -> FsPath | None:
    return options.key_folder if options.cache else None


def _store(root: FsPath, setting: Setting, options: LoadOptions) -> FileCache:
    """The cache of results read against this campaign context (the period and calendar that
    dates are read against) and this suite of checks."""
    context = setting.context
    parts = [context.get("period"), "cn" if "workdays" in context else "none", MAX_RECORDS_PER_FILE, setting.suite.identity]
    return FileCache(root, fingerprint(parts), key_folder=options.key_folder if options.cache else None)


def reload_files(root: FsPath, suite: Suite, options: LoadOptions, files: list[tuple[str, str]],
                 overlay: Mapping[str, bytes] | None = None) -> dict[str, tuple[str | None, FileResult]]:
    """Load a few files again (``overlay``'s bytes instead of the file's, where it has them), in
    this process, and update the cache with them: how a check after an edit reads the edited
    files when nothing else needs reading."""
    setting = load_campaign(root, [], suite, key_folder=_key_folder(options))
    use_setting(setting)
    store = _store(root, setting, options)
    loaded = {}
    for kind, rel in files:
        digest, result = load_file((str(root), kind, rel, (overlay or {}).get(rel)))
        loaded[rel] = (digest, result)
        if digest is not None:
            _keep(store, kind, rel, digest, result)
    store.save()
    return loaded


def load_repository(root: FsPath, suite: Suite, options: LoadOptions | None = None, *, keep_records: bool = True,
                    snapshot: Snapshot | None = None, overlay: Mapping[str, bytes] | None = None) -> LoadResult:
    """Load everything.  ``keep_records=False`` lets workers drop the records of the big kinds
    when there is no cache (a check reads summaries; a record is read again when a finding
    needs its position); ``overlay`` replaces or adds files by repository-relative path."""
    options = options or LoadOptions(cache=False)
    loaded = _load_files(root, suite, options, keep_records=keep_records, snapshot=snapshot, overlay=overlay or {})
    gc.freeze()  # what was loaded lives until the command ends: later collections need not walk it
    return LoadResult(_assemble(loaded), loaded.load_findings(), loaded.local_findings(), loaded.head, loaded.states(),
                      loaded.hits, loaded.misses)


def _read_known(root: FsPath, rel: str, store: FileCache) -> tuple[str | None, int, list[Finding]]:
    """A file's digest from the cache when its ``lstat`` has not changed, else read and hashed."""
    try:
        info: os.stat_result | None = os.lstat(os.path.join(root, rel))
    except (OSError, ValueError):
        info = None
    if info is not None:
        known = store.known_digest(rel, info)
        if known is not None:
            return known, info.st_size, []
    digest, length, problems = _read(root, rel)
    if digest is not None and info is not None:
        store.learn_digest(rel, info, digest)
    return digest, length, problems


def _read(root: FsPath, rel: str) -> tuple[str | None, int, list[Finding]]:
    data, problems = read_guarded(root, rel)
    return (content_digest(data), len(data), []) if data is not None else (None, 0, problems)


def _size(path: FsPath) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


_UNPACKED: dict[int, tuple[FileResult, Any]] = {}
"""The records of the small kinds' files (people, units, reports) as this process unpacked
them, by result: a second load of the same files (an edit's check) reuses them."""


def _unpacked(result: FileResult) -> Any:
    if not isinstance(result.loaded, bytes):
        return result.unpack()
    known = _UNPACKED.get(id(result))
    if known is None or known[0] is not result:
        known = _UNPACKED[id(result)] = (result, result.unpack())
    return known[1]


def _assemble(loaded: _Files) -> Repository:
    whole: dict[str, list[Any]] = {kind: [] for kind in ("person", "unit")}  # topics are read when first asked for
    reports: list[ReportEntry] = []
    for kind, rel in loaded.files:
        result = loaded.results[rel]
        if kind == "report":
            report = _unpacked(result).report
            if report is not None:
                reports.append(report)
        elif kind in whole:
            whole[kind].extend(_unpacked(result).entries)
    unreadable, invalid, empty = loaded.flags()
    return Repository(
        root=loaded.root, campaign=loaded.setting.campaign, campaign_source=Source(CAMPAIGN_FILE), locator=loaded.locator,
        files=(CAMPAIGN_FILE, *(rel for _, rel in loaded.files)),
        summaries={rel: (kind, loaded.results[rel].summary) for kind, rel in loaded.files},
        people=whole["person"], units=whole["unit"], reports=reports,
        unreadable_kinds=unreadable, invalid_ids=invalid, empty_files=empty, records_of=loaded.records_of,
    )


_ = Entry  # re-exported for type hints of callers
