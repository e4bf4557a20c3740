"""A topic's stage is derived from the records, never typed in (repo-format.md).

Everything counts as of a day: a visit by its first day, a report by its front matter's
``date``, an outcome by its ``on``, a linked solution by its ``done_on`` and a linked
institution by its ``issued_on`` (a solution that is not done, or done later, is no evidence);
undated evidence counts.  A campaign may use only some of the seven steps
(``topic_stages``): only those are gaps when skipped, and solving a topic's problems while it
is still being researched (边调研边解决) never makes 结题 or 评审 a gap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from dytool.engine.index import RepoIndex
from dytool.engine.repository import ReportEntry, Repository
from dytool.engine.summary import InstitutionRow, SolutionRow, TopicRow
from dytool.models import Campaign, Topic, When
from dytool.models.enums import TopicStage

__all__ = [
    "TopicFacts", "TopicLike", "TopicProgress", "TopicStage", "report_of", "reports_of", "steps_of", "topic_facts", "topic_progress",
]

TopicLike = Topic | TopicRow
"""A topic whole, or its summary row: what its stage and scope need is on both."""

_ORDER = list(TopicStage)


@dataclass(frozen=True, slots=True)
class TopicProgress:
    stage: TopicStage
    """The furthest stage the records show evidence of."""
    missing: tuple[TopicStage, ...]
    """Steps the campaign uses that lack evidence although a later one has it (a gap worth a warning)."""
    reported_on: dt.date | None = None
    """The day of the topic's first report, when it has a dated one."""


@dataclass(frozen=True)
class TopicFacts:
    """What deriving topics' stages needs, looked up once: the index, and for each problem the
    first day one of its solutions was done and one of its institutions issued."""

    index: RepoIndex
    solved_on: dict[str, dt.date] = field(default_factory=dict)
    instituted_on: dict[str, dt.date] = field(default_factory=dict)
    steps: tuple[TopicStage, ...] = tuple(_ORDER)


def steps_of(campaign: Campaign | None) -> tuple[TopicStage, ...]:
    """The steps the campaign's topics go through (all seven unless ``topic_stages`` says)."""
    if campaign is None or not campaign.topic_stages:
        return tuple(_ORDER)
    used = set(campaign.topic_stages)
    return tuple(s for s in _ORDER if s in used)


def _earliest(table: dict[str, dt.date], problems: Iterable[str], day: dt.date) -> None:
    for problem in problems:
        known = table.get(problem)
        if known is None or day < known:
            table[problem] = day


def measures_done(solutions: Iterable[SolutionRow], institutions: Iterable[InstitutionRow]) -> tuple[dict[str, dt.date], dict[str, dt.date]]:
    """For each problem, the first day a solution naming it was done, and an institution issued."""
    solved: dict[str, dt.date] = {}
    instituted: dict[str, dt.date] = {}
    for s in solutions:
        if s.done_on is not None:
            _earliest(solved, s.problems, s.done_on.first)
    for i in institutions:
        if i.issued_on is not None:
            _earliest(instituted, i.problems, i.issued_on.first)
    return solved, instituted


def topic_facts(repo: Repository, index: RepoIndex) -> TopicFacts:
    rows = [summary for _, summary in repo.summaries.values()]
    solved, instituted = measures_done((s for r in rows for s in r.solutions), (i for r in rows for i in r.institutions))
    return TopicFacts(index, solved, instituted, steps_of(repo.campaign))


def _by(when: When | None, as_of: dt.date | None) -> bool:
    """Whether something dated ``when`` had happened by ``as_of`` (undated things count)."""
    return as_of is None or when is None or when.first <= as_of


def _path(text: str) -> str:
    return PurePosixPath(text.replace("\\", "/")).as_posix()


def reports_of(topic: TopicLike, index: RepoIndex) -> list[ReportEntry]:
    """The topic's reports: the files its ``report`` lists, in that order, then any other
    report whose front matter names the topic."""
    out: list[ReportEntry] = []
    seen: set[str] = set()
    for text in topic.report:
        found = index.reports_by_file.get(_path(text))
        if found is not None and found.source.file not in seen:
            out.append(found)
            seen.add(found.source.file)
    for found in index.reports_by_topic.get(topic.id, ()):
        if found.source.file not in seen:
            out.append(found)
            seen.add(found.source.file)
    return out


def report_of(topic: TopicLike, index: RepoIndex) -> ReportEntry | None:
    """The topic's first report."""
    reports = reports_of(topic, index)
    return reports[0] if reports else None


def _report_day(reports: Sequence[ReportEntry], as_of: dt.date | None) -> tuple[bool, dt.date | None]:
    """Whether the topic had a report by ``as_of``, and the day of its first dated one."""
    days = [r.meta.date.first for r in reports if r.meta.date is not None and _by(r.meta.date, as_of)]
    undated = any(r.meta.date is None for r in reports)
    return bool(days) or undated, (min(days) if days else None)


def topic_progress(topic: TopicLike, tf: TopicFacts, as_of: dt.date | None = None) -> TopicProgress:
    """The topic's stage from the records; with ``as_of``, only what had happened by then."""
    index = tf.index
    outline = topic.outline
    evaluation = topic.evaluation
    reports = reports_of(topic, index) if topic.report or topic.id in index.reports_by_topic else []
    reported, reported_on = _report_day(reports, as_of) if reports else (False, None)
    solved = _solved(topic, tf, as_of)
    evidence = (  # in the order of TopicStage
        True,
        topic.leader is not None,
        outline is not None and outline.submitted_on is not None and _by(outline.submitted_on, as_of),
        any(as_of is None or day <= as_of for day in index.visit_days_by_topic.get(topic.id, ())),
        reported,
        evaluation is not None and _by(evaluation.awarded_on, as_of),
        solved or any(_by(o.on, as_of) for o in topic.outcomes),
    )
    reached = max(i for i, shown in enumerate(evidence) if shown)
    if reached <= 1:
        return TopicProgress(_ORDER[reached], (), reported_on)
    skipped = _SKIPPED_WHEN_SOLVED if reached == _CONVERTED and solved else ()
    missing = tuple(stage for i, stage in enumerate(_ORDER[1:reached], 1)
                    if not evidence[i] and stage in tf.steps and stage not in skipped)
    return TopicProgress(_ORDER[reached], missing, reported_on)


_CONVERTED = _ORDER.index(TopicStage.converted)
_SKIPPED_WHEN_SOLVED = (TopicStage.reported, TopicStage.evaluated)
"""A problem solved by the topic's work converts it without a report or an evaluation."""


def _solved(topic: TopicLike, tf: TopicFacts, as_of: dt.date | None) -> bool:
    """A problem of the topic with a solution done, or an institution issued, by ``as_of``."""
    for problem, found in tf.index.problems_by_topic.get(topic.id, ()):
        if as_of is not None and found is not None and found > as_of:
            continue
        for table in (tf.solved_on, tf.instituted_on):
            day = table.get(problem)
            if day is not None and (as_of is None or day <= as_of):
                return True
    return False
