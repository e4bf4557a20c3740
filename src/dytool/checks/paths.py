"""Paths that records name (reports, outlines, the preface) and topic ↔ report agreement."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import PurePosixPath

from dytool.core.catalogue import findings as words
from dytool.core.codes import CODES
from dytool.core.findings import Finding
from dytool.core.messages import Text
from dytool.engine.index import RepoIndex
from dytool.engine.repository import Entry, Repository
from dytool.models import Topic

__all__ = ["check_paths", "check_reports"]


def check_paths(view: Repository, index: RepoIndex, as_of: dt.date) -> Iterator[Finding]:
    for source, sub, text in view.named_paths:
        found = view.path_states[text]
        if found.state == "outside":
            yield CODES["path-outside"].at(view.locator.pos(source, sub), words.PATH_OUTSIDE(path=text, why=Text.plain(found.why_zh, found.why_en)),
                                           hint=words.PATH_OUTSIDE_HINT)
        elif found.state == "missing":
            yield CODES["missing-path"].at(view.locator.pos(source, sub), words.PATH_MISSING(path=text), hint=words.PATH_MISSING_HINT)


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
                    words.REPORT_NAMES_OTHER_TOPIC(topic=topic.id, report=text, other=report.meta.topic), hint=words.REPORT_AGREE_HINT)
    for report in view.reports:
        owner = topics.get(report.meta.topic)
        if owner is None:
            continue  # a dangling topic reference is reported by the reference check
        topic = owner.record
        listed = {_norm(text) for text in topic.report}
        if report.source.file in listed:
            continue
        message = words.TOPIC_WITHOUT_REPORT_FIELD if not topic.report else words.TOPIC_DOES_NOT_LIST_REPORT
        yield CODES["report-mismatch"].at(view.locator.pos(report.source, ("topic",)), message(topic=topic.id),
                                          hint=words.LIST_REPORT_HINT(topic=topic.id, report=report.source.file))
