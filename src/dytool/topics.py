"""A topic's stage is derived from the records, never typed in (repo-format.md)."""

from __future__ import annotations

from dataclasses import dataclass

from dytool.index import RepoIndex
from dytool.models import Topic
from dytool.models.base import LabeledEnum

__all__ = ["TopicProgress", "TopicStage", "topic_progress"]


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


def topic_progress(topic: Topic, index: RepoIndex) -> TopicProgress:
    evidence = {
        TopicStage.proposed: True,
        TopicStage.claimed: topic.leader is not None,
        TopicStage.planned: topic.outline is not None and topic.outline.submitted_on is not None,
        TopicStage.researching: topic.id in index.visits_by_topic,
        TopicStage.reported: (topic.report is not None and topic.report in index.reports_by_file)
        or topic.id in index.reports_by_topic,
        TopicStage.evaluated: topic.evaluation is not None,
        TopicStage.converted: bool(topic.outcomes) or _linked_measure(topic, index),
    }
    reached = max(i for i, stage in enumerate(_ORDER) if evidence[stage])
    missing = tuple(stage for stage in _ORDER[1:reached] if not evidence[stage])
    return TopicProgress(_ORDER[reached], missing)


def _linked_measure(topic: Topic, index: RepoIndex) -> bool:
    for entry in index.problems_by_topic.get(topic.id, ()):
        problem = entry.record.id
        if problem in index.solutions_by_problem or problem in index.institutions_by_problem:
            return True
    return False
