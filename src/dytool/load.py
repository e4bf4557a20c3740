"""Load a campaign repository: find it, read every file through the guards, validate records.

Loading never stops at the first problem: every file is read, every record validated, and
what is wrong comes back as findings beside the records that could be loaded.

Each file goes through the same steps, in worker processes when there is a lot to load:
read (guards, content digest), parse (:mod:`dytool.parsefile`: bytes to plain values),
validate (pydantic), summarise (:mod:`dytool.summary`) and the local checks
(:func:`dytool.checks.local_checks`).  What a file yields is cached (:mod:`dytool.cache`) by
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
import pickle
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any, NamedTuple

from pydantic import BaseModel, ValidationError

from dytool.cache import FileCache, content_digest, fingerprint
from dytool.checks import local_checks
from dytool.codes import CODES, Pos
from dytool.dates import Span, china_calendar
from dytool.discover import (
    CAMPAIGN_FILE,
    RECORD_FOLDERS,
    REPORT_FOLDER,
    ROOT_FILES,
    NoRepository,
    Snapshot,
    find_root,
    repository_files,
)
from dytool.explain import explain
from dytool.findings import Finding
from dytool.memo import FileState
from dytool.models import KINDS, Campaign, Record, ReportMeta, StrictModel
from dytool.models.campaign import Period
from dytool.models.when import parse_when
from dytool.overview import WHOLE_KINDS, Overview
from dytool.parsefile import ParsedFile, parse_file
from dytool.readfile import read_guarded
from dytool.repo import Entry, Locator, ReportEntry, Repository, Source
from dytool.summary import FileSummary, cross_key, summarize

__all__ = [
    "CAMPAIGN_FILE", "MAX_RECORDS_PER_FILE", "RECORD_FOLDERS", "REPORT_FOLDER", "ROOT_FILES", "LoadResult",
    "NoRepository", "OverviewResult", "find_root", "load_overview", "load_repository", "reload_files",
]

ANCHOR_FIELDS = {"problem": "found_on"}
"""The field whose day relative deadlines (``N日内``) of a record count from."""
MAX_RECORDS_PER_FILE = 10_000
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
    """The local checks of every file (:func:`dytool.checks.local_checks`), made while loading."""


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


class Loaded(NamedTuple):
    """The records of one file (or a report), as loaded."""

    entries: tuple[Entry[Record], ...] = ()
    report: ReportEntry | None = None

    def records(self) -> list[tuple[StrictModel, Source]]:
        """The records with their sources; a report's front matter for a report."""
        if self.report is not None:
            return [(self.report.meta, self.report.source)]
        return [(entry.record, entry.source) for entry in self.entries]


_NOTHING = Loaded()
_NO_SUMMARY = FileSummary()


@dataclass(frozen=True)
class FileResult:
    """Everything one file yields; what the cache keeps."""

    findings: tuple[Finding, ...] = ()
    """Reading, parsing and validating the file."""
    local: tuple[Finding, ...] = ()
    """The local checks (:func:`dytool.checks.local_checks`) against the campaign of ``campaign``."""
    campaign: str = ""
    """Content digest of the campaign.yaml that ``local`` was checked against."""
    summary: FileSummary = _NO_SUMMARY
    ok: bool = True
    empty: bool = False
    invalid_ids: frozenset[str] = frozenset()
    loaded: Loaded | bytes | None = _NOTHING
    """The records, or their pickle (a check that needs only the summary never unpickles
    them), or None when they were left behind in a worker process."""

    def unpack(self) -> Loaded:
        if isinstance(self.loaded, Loaded):
            return self.loaded
        if self.loaded is None:
            raise LookupError("the records were not kept")
        value = pickle.loads(self.loaded)  # noqa: S301 - made by this process's workers or read from the signed cache
        assert isinstance(value, Loaded)
        return value

    def packed(self) -> FileResult:
        """This result with its records pickled: how workers hand it back and the cache keeps it."""
        if not isinstance(self.loaded, Loaded) or self.loaded is _NOTHING:
            return self
        return dataclasses.replace(self, loaded=pickle.dumps(self.loaded, protocol=pickle.HIGHEST_PROTOCOL))

    def records(self) -> list[tuple[StrictModel, Source]]:
        return self.unpack().records()

    @functools.cached_property
    def key(self) -> str:
        """What the cross-file checks read of the file (:func:`dytool.summary.cross_key`);
        computed where the file is loaded, and cached with the result."""
        return cross_key(self.summary, self.invalid_ids, self.ok, self.empty)


@dataclass
class _Validator:
    locator: Locator
    context: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)
    campaign: Campaign | None = None
    campaign_digest: str = ""

    def finish(self, loaded: Loaded, **flags: Any) -> FileResult:
        """The result of a file whose records are ``loaded``: summarised and checked locally."""
        records = loaded.records()
        summary = summarize(records)
        return FileResult(
            findings=tuple(self.findings), local=tuple(local_checks(records, summary, self.campaign, self.locator)),
            campaign=self.campaign_digest, summary=summary, loaded=loaded, **flags,
        )

    def validate(self, model: type[BaseModel], data: Any, source: Source, context: dict[str, Any] | None = None) -> Any:
        try:
            return model.model_validate(data, context=self.context if context is None else context)
        except ValidationError as exc:
            self.findings.extend(explain(
                exc, model, data,
                lambda path, key: self.locator.pos(source, path, key=key),
                lambda path: self.locator.raw(source, path),
            ))
            return None

    def file(self, kind: str, rel: str, parsed: ParsedFile) -> FileResult:
        self.findings = list(parsed.findings)
        if not parsed.ok:
            return FileResult(findings=tuple(self.findings), ok=False)
        if kind == "report":
            return self._report(rel, parsed)
        value = parsed.value
        if value is None or value == []:
            return FileResult(findings=tuple(self.findings), empty=True)
        if isinstance(value, dict):
            items: list[tuple[Any, Source]] = [(value, Source(rel))]
        elif isinstance(value, list):
            if len(value) > MAX_RECORDS_PER_FILE:
                self.findings.append(CODES["too-many-records"].at(
                    Pos(rel, 1, 1), f"一个文件最多 {MAX_RECORDS_PER_FILE} 条记录，这里有 {len(value)} 条",
                    f"at most {MAX_RECORDS_PER_FILE} records per file, found {len(value)}",
                    hint_zh="拆成几个文件", hint_en="split the file"))
                return FileResult(findings=tuple(self.findings), ok=False)
            items = [(item, Source(rel, (i,))) for i, item in enumerate(value)]
        else:
            self.findings.append(_shape(rel, value))
            return FileResult(findings=tuple(self.findings), ok=False)
        model = KINDS[kind]
        anchor_field = ANCHOR_FIELDS.get(kind)
        entries: list[Entry[Record]] = []
        invalid: set[str] = set()
        for item, source in items:
            if not isinstance(item, dict):
                self.findings.append(_shape(rel, item, self.locator.pos(source)))
                continue
            context = self.context
            if anchor_field is not None and anchor_field in item:
                context = {**context, "anchor": _anchor(item[anchor_field], context)}
            record = self.validate(model, item, source, context)
            if record is not None:
                entries.append(Entry(record, source))
            elif isinstance(item.get("id"), str):
                invalid.add(item["id"])  # exists, though invalid: references to it are not dangling
        return self.finish(Loaded(tuple(entries)), invalid_ids=frozenset(invalid))

    def _report(self, rel: str, parsed: ParsedFile) -> FileResult:
        if not isinstance(parsed.value, dict):
            self.findings.append(_shape(rel, parsed.value, Pos(rel, 2, 1)))
            return FileResult(findings=tuple(self.findings), ok=False)
        meta = self.validate(ReportMeta, parsed.value, Source(rel))
        if meta is None:
            return FileResult(findings=tuple(self.findings), ok=False)
        return self.finish(Loaded(report=ReportEntry(meta, parsed.body or "", Source(rel))))


def _anchor(value: Any, context: dict[str, Any]) -> Any:
    """The day relative deadlines of a record count from (``30个工作日内`` after ``found_on``)."""
    try:
        return parse_when(value, context).first
    except Exception:  # noqa: BLE001 - the field's own validation reports what is wrong
        return None


def _shape(rel: str, value: Any, pos: Pos | None = None) -> Finding:
    what = "文字" if isinstance(value, str) else type(value).__name__
    hint_zh, hint_en = "每条记录写成“字段: 值”的形式，多条记录用“- ”开头列出", "write each record as 'key: value' lines; list several records with '- '"
    if isinstance(value, str) and "：" in value:
        hint_zh, hint_en = "字段名后面要用半角冒号“:”加空格，不能用全角“：”", "use an ASCII colon and a space after each key, not '：'"
    return CODES["file-shape"].at(
        pos or Pos(rel, 1, 1),
        f"这里应是一条记录（字段: 值）或记录列表，实际读到的是{what}",
        f"expected a record (key: value) or a list of records, found {type(value).__name__}",
        hint_zh=hint_zh, hint_en=hint_en)


@dataclass(frozen=True)
class _Setting:
    """What loading a record file depends on besides the file: set before the worker processes
    are forked, so they inherit it."""

    context: dict[str, Any] = field(default_factory=dict)
    campaign: Campaign | None = None
    campaign_digest: str = ""
    records: bool = True
    """Whether workers send back the records of the big kinds; a check without the cache
    only needs their summaries (and reads a file again in the rare case it needs one)."""


_SETTING = [_Setting()]


def _load_one(job: tuple[str, str, str]) -> tuple[str | None, FileResult]:
    """Read, parse, validate, summarise and check one file: the unit of work, in this
    process or a worker."""
    root, kind, rel = job
    base = FsPath(root)
    data, problems = read_guarded(base, rel)
    if data is None:
        return None, FileResult(findings=tuple(problems), ok=False)
    parsed = parse_file(base, rel, data, report=kind == "report")
    setting = _SETTING[0]
    validator = _Validator(Locator(base), setting.context, campaign=setting.campaign, campaign_digest=setting.campaign_digest)
    result = validator.file(kind, rel, parsed)
    _ = result.key  # computed here, in the worker
    return content_digest(data), result


def _load_packed(job: tuple[str, str, str]) -> tuple[str | None, FileResult]:
    """:func:`_load_one` in a worker: the records travel back pickled, and this process
    unpickles them only if it needs them (a check mostly does not), or not at all when
    nothing will need them."""
    digest, result = _load_one(job)
    if job[1] in WHOLE_KINDS or job[1] == "report":
        return digest, result
    if not _SETTING[0].records:
        return digest, dataclasses.replace(result, loaded=None)
    return digest, result.packed()


def _results(root: FsPath, jobs: list[tuple[str, str]], size: int, workers: int, setting: _Setting) -> Iterator[tuple[str | None, FileResult]]:
    """Load results in the order of ``jobs``: in worker processes when it pays off.  Workers
    return finished results, so this process only collects them, in order (the findings come
    out exactly as a serial run gives them)."""
    _SETTING[0] = setting
    work = [(str(root), kind, rel) for kind, rel in jobs]
    if workers <= 1 or size < PARALLEL_MIN_BYTES or len(work) < 8:
        yield from map(_load_one, work)
        return
    fork = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=fork) as pool:
        yield from pool.map(_load_packed, work, chunksize=max(1, len(work) // (workers * 16)))


def default_jobs() -> int:
    """Worker processes for a cold load: ``DYTOOL_JOBS``, else the cores this process may use."""
    env = os.environ.get("DYTOOL_JOBS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _campaign(root: FsPath, validator: _Validator, findings: list[Finding]) -> _Setting:
    data, problems = read_guarded(root, CAMPAIGN_FILE)
    findings.extend(problems)
    context: dict[str, Any] = {}
    if data is None:
        return _Setting(context)
    digest = content_digest(data)
    parsed = parse_file(root, CAMPAIGN_FILE, data, report=False)
    findings.extend(parsed.findings)
    if not parsed.ok:
        return _Setting(context, None, digest)
    value = parsed.value
    if not isinstance(value, dict):
        findings.append(_shape(CAMPAIGN_FILE, value))
        return _Setting(context, None, digest)
    if isinstance(value.get("period"), dict):  # every other date is read against the period
        try:
            period = Period.model_validate(value["period"])
            if period.start.first <= period.end.last:
                context["period"] = Span(period.start.first, period.end.last)
        except ValidationError:
            pass  # reported with the campaign itself
    if value.get("calendar") == "cn":
        context["workdays"] = china_calendar()
    validator.context = context
    campaign = validator.validate(Campaign, value, Source(CAMPAIGN_FILE))
    findings.extend(validator.findings)
    return _Setting(context, campaign, digest)


@dataclass(frozen=True)
class _Files:
    """Every file's result, before the records are put together."""

    root: FsPath
    setting: _Setting
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
            _SETTING[0] = self.setting
            result = _load_one((str(self.root), self.kinds[rel], rel))[1]
        return result.records()

    @functools.cached_property
    def kinds(self) -> dict[str, str]:
        return {rel: kind for kind, rel in self.files}

    def summaries(self) -> dict[str, tuple[str, FileSummary]]:
        return {rel: (kind, self.results[rel].summary) for kind, rel in self.files}


def _load_files(root: FsPath, cache: bool, jobs: int | None, *, records: bool = True, snapshot: Snapshot | None = None) -> _Files:
    locator = Locator(root)
    findings: list[Finding] = []
    validator = _Validator(locator, {})
    setting = dataclasses.replace(_campaign(root, validator, findings), records=records or cache)
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
                    hit = dataclasses.replace(hit, local=tuple(local_checks(hit.records(), hit.summary, setting.campaign, locator)),
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


def _store(root: FsPath, setting: _Setting, enabled: bool) -> FileCache:
    """The cache of results read against this campaign context (the period and calendar that
    dates are read against)."""
    context = setting.context
    return FileCache(root, fingerprint([context.get("period"), "cn" if "workdays" in context else "none", MAX_RECORDS_PER_FILE]),
                     enabled=enabled)


def reload_files(root: FsPath, files: list[tuple[str, str]]) -> dict[str, tuple[str | None, FileResult]]:
    """Load a few files again, in this process, and update the cache with them: how a check
    after an edit reads the edited files when nothing else needs reading."""
    setting = _campaign(root, _Validator(Locator(root), {}), [])
    _SETTING[0] = setting
    store = _store(root, setting, True)
    loaded = {}
    for kind, rel in files:
        digest, result = _load_one((str(root), kind, rel))
        loaded[rel] = (digest, result)
        if digest is not None:
            store.put(rel, digest, result.packed())
    store.save()
    return loaded


def load_repository(root: FsPath, *, cache: bool = True, jobs: int | None = None) -> LoadResult:
    """Load everything; ``cache=False`` ignores the cache, ``jobs`` caps worker processes."""
    loaded = _load_files(root, cache, jobs)
    return LoadResult(_assemble(loaded), loaded.load_findings(), loaded.hits, loaded.misses, loaded.local_findings())


def load_overview(root: FsPath, *, cache: bool = True, jobs: int | None = None, snapshot: Snapshot | None = None) -> OverviewResult:
    """What ``dytool check`` needs: the overview of the repository, with the records of the
    big kinds (visits, problems, ...) left packed until a check asks for one file's."""
    loaded = _load_files(root, cache, jobs, records=False, snapshot=snapshot)
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
