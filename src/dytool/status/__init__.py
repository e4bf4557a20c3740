"""The status engine: pure functions of the loaded repository and the as-of day.

``compute_status`` gathers the lookups once (:mod:`dytool.facts.records`) and computes each
section of the briefing in one pass over its records, so the whole is linear in the number
of records.  Rendering lives elsewhere (:mod:`dytool.present.briefing`, the CLI).
"""

from __future__ import annotations

import datetime as dt

from dytool.dates import WorkCalendar, china_calendar
from dytool.engine.index import RepoIndex
from dytool.engine.repository import Repository
from dytool.facts.records import Facts, gather
from dytool.facts.scope import topics_in_scope
from dytool.facts.topics import TopicLike, TopicStage, topic_progress
from dytool.models import Campaign
from dytool.status.deadlines import milestone_lines, recurring_lines, stage_lines
from dytool.status.ledger import ledger_lists
from dytool.status.model import BriefCampaign, Briefing, TopicBehind, TopicSummary
from dytool.status.people import burden_lines, leader_lines

__all__ = ["Briefing", "compute_status", "workdays_for"]

_EXPECTED = {"topic_outline": TopicStage.planned, "topic_report": TopicStage.reported}


def workdays_for(campaign: Campaign) -> WorkCalendar | None:
    return china_calendar() if campaign.calendar == "cn" else None


def compute_status(
    repo: Repository,
    campaign: Campaign,
    as_of: dt.date,
    *,
    leader: str | None = None,
    unit: str | None = None,
    index: RepoIndex | None = None,
) -> Briefing:
    facts = gather(repo, campaign, index)
    stages, next_stage = stage_lines(campaign, as_of)
    leaders = leader_lines(facts, as_of)
    if leader is not None:
        leaders = tuple(line for line in leaders if line.id == leader)
    burden = burden_lines(facts, as_of)
    if unit is not None:
        burden = tuple(b for b in burden if b.host == unit)
    filters = {k: v for k, v in (("leader", leader), ("unit", unit)) if v is not None}
    return Briefing(
        campaign=BriefCampaign(campaign.id, campaign.title, campaign.issuer, campaign.period.start.first, campaign.period.end.last),
        as_of=as_of,
        stages=stages,
        next_stage=next_stage,
        milestones=milestone_lines(facts, as_of, workdays_for(campaign)),
        recurring=recurring_lines(facts, as_of),
        topics=_topics(facts, as_of, leader=leader, unit=unit),
        leaders=leaders,
        lists=ledger_lists(facts, as_of, unit=unit),
        burden=burden,
        filters=filters,
    )


def _topics(facts: Facts, as_of: dt.date, *, leader: str | None, unit: str | None) -> TopicSummary:
    topics = [t for t in facts.topics
              if (leader is None or t.leader == leader) and (unit is None or t.lead_unit == unit or unit in t.units)]
    progress = {t.id: topic_progress(t, facts.topic_facts, as_of) for t in topics}
    by_stage = {stage.value: 0 for stage in TopicStage}
    for p in progress.values():
        by_stage[p.stage.value] += 1
    behind: dict[str, TopicBehind] = {}
    for milestone in sorted(facts.campaign.milestones, key=lambda m: m.due.due if m.due else dt.date.max):
        if milestone.due is None or milestone.due.due >= as_of:
            continue
        for requirement in milestone.requires:
            expected = _EXPECTED.get(requirement.value)
            if expected is None:
                continue
            for topic in topics_in_scope(topics, milestone.applies_to, facts.people, facts.units, facts.campaign):
                if topic.id in behind or _has(topic, expected, facts, as_of):
                    continue
                behind[topic.id] = TopicBehind(topic.id, topic.title, topic.leader, facts.name_of(topic.leader),
                                               progress[topic.id].stage, expected, milestone.id)
    steps = tuple(s.value for s in facts.topic_facts.steps)
    return TopicSummary(len(topics), by_stage, tuple(sorted(behind.values(), key=lambda b: b.id)), steps)


def _has(topic: TopicLike, expected: TopicStage, facts: Facts, as_of: dt.date) -> bool:
    """Whether the topic had, by the day, what the milestone asks: an outline handed in, a report."""
    if expected is TopicStage.planned:
        submitted = topic.outline.submitted_on if topic.outline is not None else None
        return submitted is not None and submitted.first <= as_of
    return any(r.meta.date is None or r.meta.date.first <= as_of for r in facts.reports_of(topic))
