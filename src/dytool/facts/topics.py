"""A topic's stage is derived from the records, never typed in (repo-format.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dytool.engine.index import RepoIndex
from dytool.engine.repository import ReportEntry
from dytool.models import Topic, When
from dytool.models.base import LabeledEnum

__all__ = ["TopicProgress", "TopicStage", "report_of", "topic_progress"]


class TopicStage(LabeledEnum):
    proposed = "proposed", "选题"
    claimed = "claimed", "领题"
    planned = "planned", "立题"
    researching = "researching", "调研"
    reported = "reported", "结题"
    evaluated = "evaluated", "评审"
    converted = "converted", "转化"


_ORDER = list(TopicStage)


@dataclass(frozen=True, slots=True)
class TopicProgress:
    stage: TopicStage
    """The furthest stage the records show evidence of."""
    missing: tuple[TopicStage, ...]
    """Earlier stages without evidence although a later one has it (a gap worth a warning)."""


def _by(when: When | None, as_of: dt.date | None) -> bool:
    """Whether something dated ``when`` had happened by ``as_of`` (undated things count)."""
    return as_of is None or when is None or when.first <= as_of


def report_of(topic: Topic, index: RepoIndex) -> ReportEntry | None:
    if topic.report is not None and topic.report in index.reports_by_file:
        return index.reports_by_file[topic.report]
    reports = index.reports_by_topic.get(topic.id)
    return reports[0] if reports else None


def topic_progress(topic: Topic, index: RepoIndex, as_of: dt.date | None = None) -> TopicProgress:
    """The topic's stage from the records; with ``as_of``, only what had happened by then."""
    outline = topic.outline
    report = report_of(topic, index)
    evaluation = topic.evaluation
    evidence = {
        TopicStage.proposed: True,
        TopicStage.claimed: topic.leader is not None,
        TopicStage.planned: outline is not None and outline.submitted_on is not None and _by(outline.submitted_on, as_of),
        TopicStage.researching: any(as_of is None or day <= as_of for day in index.visit_days_by_topic.get(topic.id, ())),
        TopicStage.reported: report is not None and _by(report.meta.date, as_of),
        TopicStage.evaluated: evaluation is not None and _by(evaluation.awarded_on, as_of),
        TopicStage.converted: any(_by(o.on, as_of) for o in topic.outcomes) or _linked_measure(topic, index, as_of),
    }
    reached = max(i for i, stage in enumerate(_ORDER) if evidence[stage])
    missing = tuple(stage for stage in _ORDER[1:reached] if not evidence[stage])
    return TopicProgress(_ORDER[reached], missing)


def _linked_measure(topic: Topic, index: RepoIndex, as_of: dt.date | None) -> bool:
    """A solution or institution for one of the topic's problems (found by ``as_of``)."""
    for problem, found in index.problems_by_topic.get(topic.id, ()):
        if as_of is not None and found is not None and found > as_of:
            continue
        if problem in index.solved or problem in index.instituted:
            return True
    return False
