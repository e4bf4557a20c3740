"""Paths that records name (reports, outlines, the preface) and topic ↔ report agreement."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path as FsPath
from pathlib import PurePosixPath

from dytool.codes import CODES
from dytool.findings import Finding
from dytool.index import RepoIndex
from dytool.models import StrictModel, Topic
from dytool.models.base import walk_marked
from dytool.overview import Overview
from dytool.repo import Entry, Source

__all__ = ["check_paths", "check_reports", "safe_path"]

_DRIVE = re.compile(r"^[A-Za-z]:|^[\\/]")


def safe_path(root: FsPath, text: str) -> tuple[FsPath | None, str, str]:
    """The file a record's path names, or ``None`` with a reason when it leaves the repository."""
    if _DRIVE.match(text):
        return None, "不能写绝对路径", "absolute paths are not allowed"
    parts = PurePosixPath(text.replace("\\", "/")).parts
    if ".." in parts:
        return None, "路径不能含“..”", "the path must not contain '..'"
    path = root.joinpath(*parts)
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):
        return None, "路径无法解析（可能是循环链接）", "the path cannot be resolved (a link loop?)"
    real_root = root.resolve()
    if resolved != real_root and real_root not in resolved.parents:
        return None, "链接指向仓库之外", "a link points outside the repository"
    return path, "", ""


def check_paths(view: Overview, index: RepoIndex, as_of: dt.date) -> Iterator[Finding]:
    def check(obj: StrictModel, source: Source) -> Iterator[Finding]:
        for sub, text, _ in walk_marked(obj, "path"):
            if not isinstance(text, str):
                continue
            path, zh, en = safe_path(view.root, text)
            if path is None:
                yield CODES["path-outside"].at(
                    view.locator.pos(source, sub), f"路径“{text}”超出仓库范围：{zh}", f"path {text!r} leaves the repository: {en}",
                    hint_zh="写相对仓库根目录的路径，如 reports/T-001.md", hint_en="write a path relative to the repository root, e.g. reports/T-001.md")
            elif not path.is_file():
                yield CODES["missing-path"].at(
                    view.locator.pos(source, sub), f"文件“{text}”不存在", f"file {text!r} does not exist",
                    hint_zh="路径相对仓库根目录书写，检查拼写和大小写", hint_en="paths are relative to the repository root; check spelling and case")

    if view.campaign is not None:
        yield from check(view.campaign, view.campaign_source)
    for entry in view.topics:
        yield from check(entry.record, entry.source)


def check_reports(view: Overview, index: RepoIndex, as_of: dt.date) -> Iterator[Finding]:
    topics: dict[str, Entry[Topic]] = {}
    for entry in view.topics:
        topics.setdefault(entry.record.id, entry)
    for entry in topics.values():
        topic = entry.record
        if topic.report is None:
            continue
        report = index.reports_by_file.get(PurePosixPath(topic.report.replace("\\", "/")).as_posix())
        if report is not None and report.meta.topic != topic.id:
            yield CODES["report-mismatch"].at(
                view.locator.pos(entry.source, ("report",)),
                f"课题 {topic.id} 的报告 {topic.report} 写的是课题 {report.meta.topic}",
                f"topic {topic.id} names report {topic.report}, whose front matter names topic {report.meta.topic}",
                hint_zh="让两边一致：课题的 report 和报告的 topic 要互相对应",
                hint_en="make them agree: the topic's report and the report's topic must name each other")
    for report in view.reports:
        owner = topics.get(report.meta.topic)
        if owner is None:
            continue  # a dangling topic reference is reported by the reference check
        topic = owner.record
        if topic.report is None:
            yield CODES["report-mismatch"].at(
                view.locator.pos(report.source, ("topic",)),
                f"报告属于课题 {topic.id}，但该课题没有写 report 字段",
                f"the report belongs to topic {topic.id}, which has no report field",
                hint_zh=f"在课题 {topic.id} 中加上 report: {report.source.file}",
                hint_en=f"add 'report: {report.source.file}' to topic {topic.id}")
        elif PurePosixPath(topic.report.replace("\\", "/")).as_posix() != report.source.file and topic.report in index.reports_by_file:
            yield CODES["report-mismatch"].at(
                view.locator.pos(report.source, ("topic",)),
                f"报告写的是课题 {topic.id}，但该课题的报告是 {topic.report}",
                f"the report names topic {topic.id}, whose report is {topic.report}",
                hint_zh="一个课题只对应一份报告；改正其中一边",
                hint_en="a topic has one report; correct one side")
