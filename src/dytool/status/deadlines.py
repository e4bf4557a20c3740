"""Stages, milestones (with their ``requires`` checks) and recurring obligations on the as-of day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from dytool.dates import (
    PhraseError,
    Span,
    Status,
    WorkCalendar,
    current_occurrence,
    days_left,
    days_overdue,
    deadline_status,
    is_non_working,
    match_submissions,
    occurrences,
    parse_recurring,
)
from dytool.dates.recurring import Submission as DateSubmission
from dytool.facts.records import Facts
from dytool.facts.scope import leaders_in_scope, topics_in_scope, units_in_scope
from dytool.models import Campaign, When
from dytool.models.campaign import Milestone, Recurring, Submission
from dytool.models.enums import Requirement
from dytool.status.model import MilestoneLine, NextStage, Occurrence, RecurringLine, StageLine

__all__ = ["milestone_lines", "recurring_lines", "stage_lines"]


def stage_lines(campaign: Campaign, as_of: dt.date) -> tuple[tuple[StageLine, ...], NextStage | None]:
    current = []
    upcoming = []
    for stage in campaign.stages:
        start, end = stage.start.first, stage.end.last
        if start <= as_of <= end:
            total = (end - start).days + 1
            current.append(StageLine(stage.id, stage.title, start, end, (as_of - start).days + 1, total, (end - as_of).days))
        elif start > as_of:
            upcoming.append((start, stage.id, stage.title))
    nxt = None
    if upcoming:
        start, ident, title = min(upcoming)
        nxt = NextStage(ident, title, start, (start - as_of).days)
    return tuple(current), nxt


@dataclass(frozen=True, slots=True)
class _Check:
    done: int
    total: int
    missing: tuple[str, ...]
    complete: bool
    done_on: dt.date | None
    """The day the last item was met, when every item is met and that day is known."""


_UNDATED = dt.date.min  # met, but the records do not say when: counts as on time


def _check(milestone: Milestone, facts: Facts, as_of: dt.date) -> _Check | None:
    if not milestone.requires:
        return None
    items: dict[str, dt.date | None] = {}
    for requirement in milestone.requires:
        for ident, day in _items(requirement, milestone, facts, as_of):
            items[f"{requirement.value}:{ident}"] = day
    met = [day for day in items.values() if day is not None]
    missing = tuple(sorted({key.split(":", 1)[1] for key, day in items.items() if day is None}))
    complete = bool(items) and not missing
    dated = [day for day in met if day is not _UNDATED]
    return _Check(len(met), len(items), missing, complete, max(dated) if complete and dated else None)


def _seen(when: When | None, as_of: dt.date) -> dt.date | None:
    """The day something happened if by ``as_of``; undated things count as met, on time."""
    if when is None:
        return _UNDATED
    return when.first if when.first <= as_of else None


def _items(requirement: Requirement, milestone: Milestone, facts: Facts, as_of: dt.date) -> Iterator[tuple[str, dt.date | None]]:
    if requirement in (Requirement.topic_outline, Requirement.topic_report):
        for topic in topics_in_scope(facts.topics, milestone.applies_to, facts.people, facts.units):
            if requirement is Requirement.topic_outline:
                outline = topic.outline
                submitted = outline.submitted_on if outline is not None else None
                yield topic.id, (_seen(submitted, as_of) if submitted is not None else None)
            else:
                report = facts.report_of(topic)
                yield topic.id, (_seen(report.meta.date, as_of) if report is not None else None)
    elif requirement is Requirement.leader_topics:
        rule = facts.campaign.rules.leader_topics if facts.campaign.rules else None
        roles = (milestone.applies_to.roles if milestone.applies_to and milestone.applies_to.roles else None) or (rule.roles if rule else [])
        minimum = rule.min if rule is not None and rule.min is not None else 1
        for person in leaders_in_scope(facts.people.values(), roles):
            led = facts.topics_by_leader.get(person.id, [])
            yield person.id, (_UNDATED if len(led) >= minimum else None)
    elif requirement is Requirement.problem_lists:
        for unit in units_in_scope(facts.units.values(), milestone.applies_to):
            if unit.id in facts.problem_files:
                yield unit.id, _UNDATED
                continue
            days = [d for p in facts.problems_by_unit.get(unit.id, []) if (d := _seen(p.found_on, as_of)) is not None]
            yield unit.id, (min(days) if days else None)


def milestone_lines(facts: Facts, as_of: dt.date, calendar: WorkCalendar | None) -> tuple[MilestoneLine, ...]:
    campaign = facts.campaign
    soon = campaign.due_soon_days
    lines = []
    for milestone in campaign.milestones:
        due = milestone.due.due
        check = _check(milestone, facts, as_of)
        if check is None or not check.total:
            done_on = milestone.done_on.first if milestone.done_on else None
            status = deadline_status(due, done_on, as_of, soon)
        else:
            done_on = check.done_on
            met_on = (done_on or min(due, as_of)) if check.complete else None
            status = deadline_status(due, met_on, as_of, soon)
        owner = milestone.owner
        lines.append(MilestoneLine(
            id=milestone.id, title=milestone.title, due=due, due_text=milestone.due.text, status=status,
            done_on=done_on if done_on is not None and done_on <= as_of else None,
            days_left=days_left(due, as_of), days_overdue=days_overdue(due, as_of),
            owner=owner, owner_name=facts.name_of(owner),
            done=check.done if check else None, total=check.total if check else None,
            missing=check.missing if check else (),
            non_working_due=calendar is not None and _non_working(due, calendar),
            workdays_left=_workdays(calendar, as_of, due) if not status.is_done else None,
        ))
    order = {Status.OVERDUE: 0, Status.DUE_SOON: 1, Status.PENDING: 2, Status.DONE_LATE: 3, Status.DONE: 4}
    return tuple(sorted(lines, key=lambda m: (order[m.status], m.due, m.id)))


def _non_working(day: dt.date, calendar: WorkCalendar) -> bool:
    try:
        return is_non_working(day, calendar)
    except PhraseError:
        return False


def _workdays(calendar: WorkCalendar | None, as_of: dt.date, due: dt.date) -> int | None:
    if calendar is None or due < as_of:
        return None
    try:
        return calendar.workdays_between(as_of, due)
    except PhraseError:
        return None


def _submissions(item: Recurring, as_of: dt.date) -> list[DateSubmission]:
    out: list[DateSubmission] = []
    for sub in item.submissions:
        if isinstance(sub, Submission):
            if sub.on.first <= as_of:
                out.append((sub.period, sub.on.first))
        elif sub.first <= as_of:
            out.append(sub.first)
    return out


def recurring_lines(facts: Facts, as_of: dt.date) -> tuple[RecurringLine, ...]:
    campaign = facts.campaign
    period = Span(campaign.period.start.first, campaign.period.end.last)
    lines = []
    for item in campaign.recurring:
        try:
            occs = occurrences(parse_recurring(item.rule), period)
        except PhraseError:
            continue  # reported by check
        matched = match_submissions(occs, _submissions(item, as_of))
        current_occ = current_occurrence(occs, as_of)
        current = None
        missed, late = [], []
        met = due_so_far = 0
        for occ, submitted in matched:
            status = deadline_status(occ.due, submitted, as_of, campaign.due_soon_days)
            line = Occurrence(occ.key, occ.due, status, submitted)
            if current_occ is not None and occ.key == current_occ.key and occ.due == current_occ.due:
                current = line
            if occ.due < as_of or status.is_done:
                due_so_far += 1
                met += status.is_done
            if status is Status.OVERDUE:
                missed.append(line)
            elif status is Status.DONE_LATE:
                late.append(line)
        lines.append(RecurringLine(item.id, item.title, item.rule, item.owner, facts.name_of(item.owner),
                                   current, tuple(missed), tuple(late), met, due_so_far))
    return tuple(lines)


