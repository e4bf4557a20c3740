"""Load a campaign repository: find it, read every file through the guards, validate records.

Loading never stops at the first problem: every file is read, every record validated, and
what is wrong comes back as findings beside the records that could be loaded.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from pydantic import BaseModel, ValidationError

from dytool.checks.personal import scan_personal
from dytool.codes import CODES, Pos
from dytool.dates import Span, china_calendar
from dytool.explain import explain
from dytool.findings import Finding
from dytool.models import KINDS, Campaign, Record, ReportMeta
from dytool.models.campaign import Period
from dytool.models.when import parse_when
from dytool.repo import Entry, Locator, ReportEntry, Repository, Source, split_front_matter
from dytool.yamlread import MAX_BYTES, decode, parse_text

__all__ = [
    "CAMPAIGN_FILE", "MAX_RECORDS_PER_FILE", "RECORD_FOLDERS", "ROOT_FILES", "LoadResult",
    "NoRepository", "find_root", "load_repository",
]

CAMPAIGN_FILE = "campaign.yaml"
ROOT_FILES = {"person": "people", "unit": "units"}
RECORD_FOLDERS = {
    "topic": "topics",
    "visit": "visits",
    "problem": "problems",
    "solution": "solutions",
    "institution": "institutions",
}
REPORT_FOLDER = "reports"
ANCHOR_FIELDS = {"problem": "found_on"}
"""The field whose day relative deadlines (``N日内``) of a record count from."""
MAX_RECORDS_PER_FILE = 10_000
_YAML_SUFFIXES = (".yaml", ".yml")


class NoRepository(Exception):
    """No ``campaign.yaml`` in the folder or above it."""


def find_root(start: FsPath) -> FsPath:
    """The nearest folder at or above ``start`` holding ``campaign.yaml``, as git finds ``.git``."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / CAMPAIGN_FILE).is_file():
            return folder
    raise NoRepository(str(start))


@dataclass(frozen=True)
class LoadResult:
    repo: Repository
    findings: list[Finding]


@dataclass
class _Loader:
    root: FsPath
    locator: Locator
    findings: list[Finding]
    context: dict[str, Any]
    invalid_ids: dict[str, set[str]] = field(default_factory=dict)
    empty_files: set[str] = field(default_factory=set)

    def read(self, rel: str) -> str | None:
        """The text of a file, or None with a finding saying why it cannot be read."""
        path = self.root / rel
        try:
            if path.is_symlink() and not _inside(path.resolve(strict=True), self.root.resolve()):
                self.findings.append(CODES["path-outside"].at(
                    Pos(rel), "文件是指向仓库之外的链接，已拒绝读取", "the file is a link to outside the repository; refused",
                    hint_zh="删除这个链接，把文件本身放进仓库", hint_en="remove the link and put the file itself in the repository"))
                return None
            if not stat.S_ISREG(path.stat().st_mode):
                self.findings.append(CODES["unreadable-file"].at(
                    Pos(rel), "这不是普通文件（可能是管道或设备），已跳过", "not a regular file (a pipe or a device?); skipped",
                    hint_zh="记录文件夹中只放普通文件", hint_en="keep only regular files in record folders"))
                return None
            with path.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop on Python 3.11
            reason = getattr(exc, "strerror", None) or str(exc)
            self.findings.append(CODES["unreadable-file"].at(
                Pos(rel), f"文件无法读取：{reason}", f"file cannot be read: {reason}",
                hint_zh="检查文件权限，或是否为失效、循环的链接", hint_en="check its permissions, or whether it is a broken or looping link"))
            return None
        if len(data) > MAX_BYTES:
            self.findings.append(CODES["file-too-large"].at(
                Pos(rel), f"文件超过 {MAX_BYTES // 1024} KiB 上限", f"file exceeds the {MAX_BYTES // 1024} KiB limit",
                hint_zh="按单位或月份拆成几个文件（如 visits/2023-05.yaml）",
                hint_en="split it by unit or month (e.g. visits/2023-05.yaml)"))
            return None
        text, problem = decode(data, rel)
        if problem is not None:
            self.findings.append(problem)
        return text

    def parse(self, rel: str, text: str, line_offset: int = 0) -> tuple[Any, bool]:
        parsed = parse_text(text, rel, line_offset=line_offset)
        self.findings.extend(parsed.findings)
        if parsed.value is not None or parsed.ok:
            self.findings.extend(scan_personal(text, rel, line_offset, self.locator))
        return parsed.value, parsed.ok or parsed.value is not None

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

    def records(self, kind: str, rel: str) -> tuple[list[Entry[Record]], bool]:
        text = self.read(rel)
        if text is None:
            return [], False
        value, ok = self.parse(rel, text)
        if not ok:
            return [], False
        if value is None or value == []:
            self.empty_files.add(rel)
            return [], True
        if isinstance(value, dict):
            items: list[tuple[Any, Source]] = [(value, Source(rel))]
        elif isinstance(value, list):
            if len(value) > MAX_RECORDS_PER_FILE:
                self.findings.append(CODES["too-many-records"].at(
                    Pos(rel, 1, 1), f"一个文件最多 {MAX_RECORDS_PER_FILE} 条记录，这里有 {len(value)} 条",
                    f"at most {MAX_RECORDS_PER_FILE} records per file, found {len(value)}",
                    hint_zh="拆成几个文件", hint_en="split the file"))
                return [], False
            items = [(item, Source(rel, (i,))) for i, item in enumerate(value)]
        else:
            self.findings.append(_shape(rel, value))
            return [], False
        model = KINDS[kind]
        anchor_field = ANCHOR_FIELDS.get(kind)
        entries: list[Entry[Record]] = []
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
                self.invalid_ids.setdefault(kind, set()).add(item["id"])  # exists, though invalid
        return entries, True

    def report(self, rel: str) -> ReportEntry | None:
        text = self.read(rel)
        if text is None:
            return None
        parts = split_front_matter(text)
        if parts is None:
            self.findings.append(CODES["front-matter"].at(
                Pos(rel, 1, 1), "报告开头缺少 YAML 头信息（--- 之间的 topic、title 等）",
                "the report does not start with YAML front matter (topic, title … between --- lines)",
                hint_zh="在文件开头加上：---\\ntopic: T-001\\ntitle: 报告标题\\n---",
                hint_en="start the file with: ---\\ntopic: T-001\\ntitle: Report title\\n---"))
            return None
        front, body, offset = parts
        value, ok = self.parse(rel, front, offset)
        if not ok:
            return None
        if not isinstance(value, dict):
            self.findings.append(_shape(rel, value, Pos(rel, 2, 1)))
            return None
        self.findings.extend(scan_personal(body, rel, text[: len(text) - len(body)].count("\n"), None))
        meta = self.validate(ReportMeta, value, Source(rel))
        return ReportEntry(meta, body, Source(rel)) if meta is not None else None


def _anchor(value: Any, context: dict[str, Any]) -> Any:
    """The day relative deadlines of a record count from (``30个工作日内`` after ``found_on``)."""
    try:
        return parse_when(value, context).first
    except Exception:  # noqa: BLE001 - the field's own validation reports what is wrong
        return None


def _inside(path: FsPath, root: FsPath) -> bool:
    return path == root or root in path.parents


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


def _walk(root: FsPath, folder: str, suffixes: tuple[str, ...], findings: list[Finding]) -> Iterator[str]:
    """Record files under ``folder``, sorted, skipping names that start with ``.`` or ``_``.
    Folders that are links leading outside the repository are refused, not followed."""
    base = root / folder
    if not base.is_dir():
        return
    real_root = root.resolve()
    found = []
    for dirpath, dirnames, filenames in os.walk(base):
        here = FsPath(dirpath)
        if here.is_symlink() and not _inside(here.resolve(), real_root):
            findings.append(CODES["path-outside"].at(
                Pos(here.relative_to(root).as_posix()), "文件夹是指向仓库之外的链接，已拒绝读取",
                "the folder is a link to outside the repository; refused",
                hint_zh="删除这个链接，把文件本身放进仓库", hint_en="remove the link and put the files themselves in the repository"))
            dirnames[:] = []
            continue
        for name in sorted(dirnames):
            sub = here / name
            if sub.is_symlink() and not name.startswith((".", "_")):
                findings.append(CODES["path-outside"].at(
                    Pos(sub.relative_to(root).as_posix()), "文件夹是链接，已跳过（记录文件夹中不能用链接）",
                    "the folder is a link and was skipped (record folders cannot contain links)",
                    hint_zh="把文件本身放进这个文件夹", hint_en="put the files themselves in the folder"))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")) and not (here / d).is_symlink())
        for name in filenames:
            if name.startswith((".", "_")) or not name.endswith(suffixes):
                continue
            found.append((here / name).relative_to(root).as_posix())
    yield from sorted(found)


def _root_file(root: FsPath, stem: str) -> str | None:
    for suffix in _YAML_SUFFIXES:
        if (root / f"{stem}{suffix}").exists():
            return f"{stem}{suffix}"
    return None


def _period_context(loader: _Loader, data: Any) -> None:
    """Validate the period alone first: every other date is read against it."""
    if not isinstance(data, dict) or not isinstance(data.get("period"), dict):
        return
    try:
        period = Period.model_validate(data["period"])
    except ValidationError:
        return  # reported with the campaign itself
    if period.start.first <= period.end.last:
        loader.context["period"] = Span(period.start.first, period.end.last)
    if data.get("calendar") == "cn":
        loader.context["workdays"] = china_calendar()


def load_repository(root: FsPath) -> LoadResult:
    locator = Locator(root)
    loader = _Loader(root, locator, [], {})
    files: list[str] = [CAMPAIGN_FILE]
    campaign: Campaign | None = None
    text = loader.read(CAMPAIGN_FILE)
    if text is not None:
        value, ok = loader.parse(CAMPAIGN_FILE, text)
        if ok and not isinstance(value, dict):
            loader.findings.append(_shape(CAMPAIGN_FILE, value))
        elif ok:
            _period_context(loader, value)
            campaign = loader.validate(Campaign, value, Source(CAMPAIGN_FILE))
    records: dict[str, list[Entry[Record]]] = {kind: [] for kind in KINDS}
    unreadable: set[str] = set()
    sources: list[tuple[str, str]] = []
    for kind, stem in ROOT_FILES.items():
        rel = _root_file(root, stem)
        if rel is not None:
            sources.append((kind, rel))
    for kind, folder in RECORD_FOLDERS.items():
        sources.extend((kind, rel) for rel in _walk(root, folder, _YAML_SUFFIXES, loader.findings))
    for kind, rel in sources:
        files.append(rel)
        entries, ok = loader.records(kind, rel)
        records[kind].extend(entries)
        if not ok:
            unreadable.add(kind)
    if campaign is None:  # what campaign.yaml declares is unknown: do not call references to it dangling
        unreadable |= {"theme", "activity", "stage", "milestone", "recurring"}
    reports = []
    for rel in _walk(root, REPORT_FOLDER, (".md",), loader.findings):
        files.append(rel)
        report = loader.report(rel)
        if report is not None:
            reports.append(report)
    repo = Repository(
        root=root, campaign=campaign, campaign_source=Source(CAMPAIGN_FILE), records=records,
        reports=reports, files=tuple(files), unreadable_kinds=frozenset(unreadable), locator=locator,
        invalid_ids={kind: frozenset(ids) for kind, ids in loader.invalid_ids.items()},
        empty_files=frozenset(loader.empty_files),
    )
    return LoadResult(repo, loader.findings)
