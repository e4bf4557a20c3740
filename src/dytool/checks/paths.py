"""Paths that records name (reports, outlines, the preface) and topic ↔ report agreement."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import PurePosixPath

from dytool.core.codes import CODES
from dytool.core.findings import Finding
from dytool.engine.index import RepoIndex
from dytool.engine.repository import Entry, Repository
from dytool.models import Topic

__all__ = ["check_paths", "check_reports"]


def check_paths(view: Repository, index: RepoIndex, as_of: dt.date) -> Iterator[Finding]:
    for source, sub, text in view.named_paths:
        found = view.path_states[text]
        if found.state == "outside":
            yield CODES["path-outside"].at(
                view.locator.pos(source, sub), f"路径“{text}”超出仓库范围：{found.why_zh}", f"path {text!r} leaves the repository: {found.why_en}",
                hint_zh="写相对仓库根目录的路径，如 reports/T-001.md", hint_en="write a path relative to the repository root, e.g. reports/T-001.md")
        elif found.state == "missing":
            yield CODES["missing-path"].at(
                view.locator.pos(source, sub), f"文件“{text}”不存在", f"file {text!r} does not exist",
                hint_zh="路径相对仓库根目录书写，检查拼写和大小写", hint_en="paths are relative to the repository root; check spelling and case")


def _norm(text: str) -> str:
    return PurePosixPath(text.replace("\\", "/")).as_posix()


def check_reports(view: Repository, index: RepoIndex, as_of: dt.date) -> Iterator[Finding]:
    """A topic lists its reports (``report``: one path or several) and each report's front
    matter names its topic: the two must agree."""
    topics: dict[str, Entry[Topic]] = {}
    for entry in view.topics:
        topics.setdefault(entry.record.id, entry)
    for entry in topics.values():
        topic = entry.record
        for i, text in enumerate(topic.report):
            report = index.reports_by_file.get(_norm(text))
            if report is not None and report.meta.topic != topic.id:
                yield CODES["report-mismatch"].at(
                    view.locator.pos(entry.source, ("report", i) if len(topic.report) > 1 else ("report",)),
                    f"课题 {topic.id} 的报告 {text} 写的是课题 {report.meta.topic}",
                    f"topic {topic.id} names report {text}, whose front matter names topic {report.meta.topic}",
                    hint_zh="让两边一致：课题的 report 和报告的 topic 要互相对应",
                    hint_en="make them agree: the topic's report and the report's topic must name each other")
    for report in view.reports:
        owner = topics.get(report.meta.topic)
        if owner is None:
            continue  # a dangling topic reference is reported by the reference check
        topic = owner.record
        listed = {_norm(text) for text in topic.report}
        if report.source.file in listed:
            continue
        if not topic.report:
            zh, en = f"报告属于课题 {topic.id}，但该课题没有写 report 字段", f"the report belongs to topic {topic.id}, which has no report field"
        else:
            zh = f"报告写的是课题 {topic.id}，但该课题的 report 中没有列出这份报告"
            en = f"the report names topic {topic.id}, whose report field does not list it"
        yield CODES["report-mismatch"].at(
            view.locator.pos(report.source, ("topic",)), zh, en,
            hint_zh=f"在课题 {topic.id} 的 report 中列出 {report.source.file}（几份报告写成列表）",
            hint_en=f"list {report.source.file} under topic {topic.id}'s report (a list for several reports)")
