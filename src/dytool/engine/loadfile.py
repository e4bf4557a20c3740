"""Loading one file of a campaign repository: read, parse, validate, summarise, check alone.

The unit of work of :mod:`dytool.engine.load`, run in this process or in a worker: everything a
file yields comes back as one :class:`FileResult`, which the cache keeps.
"""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any, NamedTuple

from pydantic import BaseModel, ValidationError

from dytool.core.codes import CODES, Pos
from dytool.core.findings import Finding, cap_findings, sort_findings
from dytool.dates import Span, china_calendar
from dytool.engine.cache import CACHE_DIR, FileCache, fingerprint
from dytool.engine.explain import explain
from dytool.engine.repository import WHOLE_KINDS, Entry, ReportEntry
from dytool.engine.suite import Suite
from dytool.engine.summary import FileSummary, field_keys, summarize
from dytool.models import KINDS, Campaign, Record, ReportMeta, StrictModel
from dytool.models.campaign import Period
from dytool.models.when import parse_when
from dytool.source.discover import CAMPAIGN_FILE
from dytool.source.locate import Locator, Source
from dytool.source.parsefile import ParsedFile, parse_file
from dytool.source.readfile import content_digest, read_guarded

__all__ = [
    "ANCHOR_FIELDS", "MAX_RECORDS_PER_FILE", "FileResult", "Job", "Loaded", "Setting", "load_campaign", "load_file",
    "load_file_packed", "use_setting",
]

ANCHOR_FIELDS = {"problem": "found_on"}
"""The field whose day relative deadlines (``N日内``) of a record count from."""
MAX_RECORDS_PER_FILE = 10_000

Job = tuple[str, str, str, bytes | None]
"""(repository root, kind, repository-relative path, the file's bytes when they do not come from disk)."""


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
    """The text and local checks (:class:`dytool.engine.suite.Suite`) against the campaign of ``campaign``."""
    campaign: str = ""
    """Content digest of the campaign.yaml that ``local`` was checked against."""
    summary: FileSummary = _NO_SUMMARY
    ok: bool = True
    empty: bool = False
    invalid_ids: frozenset[str] = frozenset()
    loaded: Loaded | bytes | None = _NOTHING
    """The records, or their pickle (a check that needs only the summary never unpickles
    them), or None when they were left behind in a worker process."""
    keys: dict[str, int] = field(default_factory=dict)
    """What the cross-file checks read of the file, field by field
    (:func:`dytool.engine.summary.field_keys`): computed once, where the file is loaded, and
    kept with the result through packing and the cache."""

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

    def records_count(self, kind: str | None) -> int:
        """How many records the file holds (a report is one)."""
        if kind == "report":
            return 1 if self.ok and self.loaded is not _NOTHING else 0
        return len(self.summary.ids)

    def with_keys(self, suite: Suite) -> FileResult:
        """This result with :attr:`keys` for what ``suite``'s cross-file checks read."""
        return dataclasses.replace(self, keys=field_keys(self.summary, suite.summary_reads, self.invalid_ids, self.ok, self.empty))


@dataclass
class _Validator:
    locator: Locator
    context: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)
    campaign: Campaign | None = None
    campaign_digest: str = ""
    suite: Suite = field(default_factory=Suite)

    def finish(self, loaded: Loaded, **flags: Any) -> FileResult:
        """The result of a file whose records are ``loaded``: summarised and checked locally."""
        records = loaded.records()
        summary = summarize(records)
        return FileResult(
            findings=self._found(), local=tuple(cap_findings(sort_findings(self.suite.run_local(records, summary, self.campaign, self.locator)))),
            campaign=self.campaign_digest, summary=summary, loaded=loaded, **flags,
        )

    def _found(self) -> tuple[Finding, ...]:
        """What reading and validating the file found, at most so many of a kind."""
        return tuple(cap_findings(sort_findings(self.findings)))

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
            return FileResult(findings=self._found(), ok=False)
        if kind == "report":
            return self._report(rel, parsed)
        value = parsed.value
        if value is None or value == []:
            return FileResult(findings=self._found(), empty=True)
        if isinstance(value, dict):
            items: list[tuple[Any, Source]] = [(value, Source(rel))]
        elif isinstance(value, list):
            if len(value) > MAX_RECORDS_PER_FILE:
                self.findings.append(CODES["too-many-records"].at(
                    Pos(rel, 1, 1), f"一个文件最多 {MAX_RECORDS_PER_FILE} 条记录，这里有 {len(value)} 条",
                    f"at most {MAX_RECORDS_PER_FILE} records per file, found {len(value)}",
                    hint_zh="拆成几个文件", hint_en="split the file"))
                return FileResult(findings=self._found(), ok=False)
            items = [(item, Source(rel, (i,))) for i, item in enumerate(value)]
        else:
            self.findings.append(_shape(rel, value))
            return FileResult(findings=self._found(), ok=False)
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
            return FileResult(findings=self._found(), ok=False)
        meta = self.validate(ReportMeta, parsed.value, Source(rel))
        if meta is None:
            return FileResult(findings=self._found(), ok=False)
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
class Setting:
    """What loading a record file depends on besides the file: set before the worker processes
    are forked, so they inherit it."""

    context: dict[str, Any] = field(default_factory=dict)
    campaign: Campaign | None = None
    campaign_digest: str = ""
    suite: Suite = field(default_factory=Suite)
    records: bool = True
    """Whether workers send back the records of the big kinds; a check without the cache
    only needs their summaries (and reads a file again in the rare case it needs one)."""


_SETTING = [Setting()]

CAMPAIGN_CACHE_DIR = CACHE_DIR / "campaign"


def use_setting(setting: Setting) -> None:
    """What :func:`load_file` loads against, in this process and the workers forked after."""
    _SETTING[0] = setting


def load_file(job: Job) -> tuple[str | None, FileResult]:
    """Read, parse, validate, summarise and check one file: the unit of work, in this
    process or a worker."""
    root, kind, rel, data = job
    base = FsPath(root)
    if data is None:
        data, problems = read_guarded(base, rel)
        if data is None:
            return None, FileResult(findings=tuple(problems), ok=False).with_keys(_SETTING[0].suite)
    parsed = parse_file(rel, data, report=kind == "report")
    setting = _SETTING[0]
    locator = Locator(base, {rel: data})  # positions from the bytes parsed, not the file as it is now
    texts = [f for text, offset, yaml in parsed.texts for f in setting.suite.run_text(text, rel, offset, locator if yaml else None)]
    if texts:
        parsed = dataclasses.replace(parsed, findings=tuple(cap_findings(sort_findings([*parsed.findings, *texts]))))
    validator = _Validator(locator, setting.context, campaign=setting.campaign, campaign_digest=setting.campaign_digest,
                           suite=setting.suite)
    result = validator.file(kind, rel, parsed)
    return content_digest(data), result.with_keys(setting.suite)  # computed here, in the worker


def load_file_packed(job: Job) -> tuple[str | None, FileResult]:
    """:func:`load_file` in a worker: the records travel back pickled, and this process
    unpickles them only if it needs them (a check mostly does not), or not at all when
    nothing will need them."""
    digest, result = load_file(job)
    if job[1] in WHOLE_KINDS or job[1] == "report":
        return digest, result
    if not _SETTING[0].records:
        return digest, dataclasses.replace(result, loaded=None)
    return digest, result.packed()


class _CampaignRead(NamedTuple):
    """What reading one campaign.yaml gives, as the cache keeps it (by content digest)."""

    campaign: Campaign | None
    findings: tuple[Finding, ...]
    period: Span | None
    chinese_calendar: bool

    def context(self) -> dict[str, Any]:
        context: dict[str, Any] = {}
        if self.period is not None:
            context["period"] = self.period
        if self.chinese_calendar:
            context["workdays"] = china_calendar()
        return context


def load_campaign(root: FsPath, findings: list[Finding], suite: Suite, data: bytes | None = None, *,
                  key_folder: FsPath | None = None) -> Setting:
    """Read campaign.yaml (or ``data``, what it would hold): the campaign, and the context
    every other file is read against.  With ``key_folder``, what a campaign.yaml gives is kept
    in the cache by its content digest: building the campaign's validator is most of the time
    a command that reads a few files spends on it."""
    if data is None:
        data, problems = read_guarded(root, CAMPAIGN_FILE)
        findings.extend(problems)
    if data is None:
        return Setting({}, suite=suite)
    digest = content_digest(data)
    store = FileCache(root, fingerprint(["campaign", suite.identity]), key_folder=key_folder, folder=CAMPAIGN_CACHE_DIR) \
        if key_folder is not None else None
    read = store.get(CAMPAIGN_FILE, digest) if store is not None else None
    if not isinstance(read, _CampaignRead):
        read = _read_campaign(root, data, suite)
        if store is not None:
            store.put(CAMPAIGN_FILE, digest, read)
            store.save()
    findings.extend(read.findings)
    return Setting(read.context(), read.campaign, digest, suite)


def _read_campaign(root: FsPath, data: bytes, suite: Suite) -> _CampaignRead:
    locator = Locator(root, {CAMPAIGN_FILE: data})
    validator = _Validator(locator, {})
    findings: list[Finding] = []
    parsed = parse_file(CAMPAIGN_FILE, data, report=False)
    findings.extend(suite.run_text(parsed.texts[0][0], CAMPAIGN_FILE, 0, locator) if parsed.texts else ())
    findings.extend(parsed.findings)
    if not parsed.ok:
        return _CampaignRead(None, tuple(findings), None, False)
    value = parsed.value
    if not isinstance(value, dict):
        findings.append(_shape(CAMPAIGN_FILE, value))
        return _CampaignRead(None, tuple(findings), None, False)
    period: Span | None = None
    if isinstance(value.get("period"), dict):  # every other date is read against the period
        try:
            written = Period.model_validate(value["period"])
            first, last = sorted((written.start.first, written.end.last))  # a reversed period is reported, not a reason to fail every date
            period = Span(first, last)
        except ValidationError:
            pass  # reported with the campaign itself
    read = _CampaignRead(None, (), period, value.get("calendar") == "cn")
    validator.context = read.context()
    campaign = validator.validate(Campaign, value, Source(CAMPAIGN_FILE))
    findings.extend(validator.findings)
    return read._replace(campaign=campaign, findings=tuple(findings))
