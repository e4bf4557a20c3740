"""Stages, milestones (with their ``requires`` checks) and recurring obligations on the as-of day.

An obligation owed by several members (``owner: {unit_types: [district, department]}``, or a
list of ids) is tracked per member: a milestone is done when every member has handed in
(``submissions: [{by, on}]``), on the day the last one did; a recurring item has an occurrence
per member, and the briefing lists who has not handed in the current one.  A milestone
without ``due`` is a standing requirement (常态化): ``ongoing``, never overdue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from dytool.dates import (
    PhraseError,
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
from dytool.dates.recurring import Occurrence as DateOccurrence
from dytool.dates.recurring import Submission as DateSubmission
from dytool.facts.members import is_group, members, unit_matches
from dytool.facts.records import Facts
from dytool.facts.scope import leaders_in_scope, topics_in_scope, units_in_scope
from dytool.facts.stages import campaign_span, stage_spans
from dytool.models import Campaign, Unit, When
from dytool.models.campaign import Milestone, Recurring, Submission
from dytool.models.enums import Requirement, UnitType
from dytool.status.model import MilestoneLine, NextStage, Occurrence, RecurringLine, StageLine

__all__ = ["ObligationTable", "milestone_lines", "obligation_tables", "recurring_lines", "stage_lines"]


def stage_lines(campaign: Campaign, as_of: dt.date) -> tuple[tuple[StageLine, ...], NextStage | None]:
    current = []
    upcoming = []
    for stage in stage_spans(campaign):
        start, end = stage.first, stage.last
        if start <= as_of <= end:
            total = (end - start).days + 1
            current.append(StageLine(stage.id, stage.title, start, end, (as_of - start).days + 1, total, (end - as_of).days))
        elif start > as_of and start <= end:
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


def _summed(items: dict[str, dt.date | None]) -> _Check:
    met = [day for day in items.values() if day is not None]
    missing = tuple(sorted({key.split(":", 1)[1] for key, day in items.items() if day is None}))
    complete = bool(items) and not missing
    dated = [day for day in met if day is not _UNDATED]
    return _Check(len(met), len(items), missing, complete, max(dated) if complete and dated else None)


def _check(milestone: Milestone, facts: Facts, as_of: dt.date, group: Sequence[str]) -> _Check | None:
    """What the records say of a milestone with ``requires`` or owed by several members."""
    if not milestone.requires and not (group and (milestone.due is not None or milestone.submissions)):
        return None  # a standing requirement of several members with nothing handed in: just 常态化
    items: dict[str, dt.date | None] = {}
    # 各级各部门……研究制定问题清单: the members' own lists are what they owe, one item each
    lists_of_members = bool(group) and Requirement.problem_lists in milestone.requires and not (
        milestone.applies_to and milestone.applies_to.unit_types)
    for requirement in milestone.requires:
        if requirement is Requirement.problem_lists and lists_of_members:
            continue
        for ident, day in _items(requirement, milestone, facts, as_of):
            items[f"{requirement.value}:{ident}"] = day
    if group:
        handed: dict[str, dt.date] = {}
        for sub in milestone.submissions:
            day = sub.on.first
            if day <= as_of and (sub.by not in handed or day < handed[sub.by]):
                handed[sub.by] = day
        listed = dict(_problem_lists(facts, [facts.units[m] for m in group if m in facts.units], as_of)) if lists_of_members else {}
        for member in group:
            days = [d for d in (handed.get(member), listed.get(member)) if d is not None]
            items[f"member:{member}"] = min(days) if days else None
    return _summed(items)


def _seen(when: When | None, as_of: dt.date) -> dt.date | None:
    """The day something happened if by ``as_of``; undated things count as met, on time."""
    if when is None:
        return _UNDATED
    return when.first if when.first <= as_of else None


def _items(requirement: Requirement, milestone: Milestone, facts: Facts, as_of: dt.date) -> Iterator[tuple[str, dt.date | None]]:
    if requirement in (Requirement.topic_outline, Requirement.topic_report):
        for topic in topics_in_scope(facts.topics, milestone.applies_to, facts.people, facts.units, facts.campaign):
            if requirement is Requirement.topic_outline:
                outline = topic.outline
                submitted = outline.submitted_on if outline is not None else None
                yield topic.id, (_seen(submitted, as_of) if submitted is not None else None)
            else:
                reports = facts.reports_of(topic)
                days = [d for r in reports if (d := _seen(r.meta.date, as_of)) is not None]
                yield topic.id, (min(days) if days else None)
    elif requirement is Requirement.leader_topics:
        rule = facts.campaign.rules.leader_topics if facts.campaign.rules else None
        roles = (milestone.applies_to.roles if milestone.applies_to and milestone.applies_to.roles else None) or (rule.roles if rule else [])
        minimum = rule.min if rule is not None and rule.min is not None else 1
        for person in leaders_in_scope(facts.people.values(), roles):
            led = facts.topics_by_leader.get(person.id, [])
            yield person.id, (_UNDATED if len(led) >= minimum else None)
    elif requirement is Requirement.problem_lists:
        scope = units_in_scope(facts.units.values(), milestone.applies_to, facts.campaign)
        if not (milestone.applies_to and milestone.applies_to.unit_types):  # the units of the campaign, not the hosts
            scope = [u for u in scope if not unit_matches(u.type, _HOSTS, facts.campaign)]
        yield from _problem_lists(facts, scope, as_of)


_HOSTS = (UnitType.enterprise.value, UnitType.external.value)


def _problem_lists(facts: Facts, units: Sequence[Unit], as_of: dt.date) -> Iterator[tuple[str, dt.date | None]]:
    """Each unit's 问题清单: met when it owns a problem found by the day, or files problems/<unit id>.yaml."""
    for unit in units:
        if unit.id in facts.problem_files:
            yield unit.id, _UNDATED
            continue
        days = [d for p in facts.problems_by_unit.get(unit.id, []) if (d := _seen(p.found_on, as_of)) is not None]
        yield unit.id, (min(days) if days else None)


def _names(facts: Facts, ids: Sequence[str]) -> tuple[str, ...]:
    return tuple(facts.name_of(i) or i for i in ids)


def _single_owner(owner: object) -> str | None:
    return owner if isinstance(owner, str) else None


def milestone_lines(facts: Facts, as_of: dt.date, calendar: WorkCalendar | None) -> tuple[MilestoneLine, ...]:
    campaign = facts.campaign
    soon = campaign.due_soon_days
    lines = []
    for milestone in campaign.milestones:
        group = members(milestone.owner, facts.people, facts.units, campaign) if is_group(milestone.owner) else ()
        check = _check(milestone, facts, as_of, group)
        done_on: dt.date | None
        if check is None or not check.total:
            done_on = milestone.done_on.first if milestone.done_on else None
            if done_on is None and milestone.submissions:  # one owner, its hand-in recorded as a submission
                done_on = min(s.on.first for s in milestone.submissions)
            met_on = done_on
        else:
            done_on = check.done_on
            met_on = (done_on or (min(milestone.due.due, as_of) if milestone.due else as_of)) if check.complete else None
        due = milestone.due.due if milestone.due is not None else None
        status = Status.ONGOING if due is None else deadline_status(due, met_on, as_of, soon)
        owner = _single_owner(milestone.owner)
        missing = check.missing if check else ()
        lines.append(MilestoneLine(
            id=milestone.id, title=milestone.title, due=due, due_text=milestone.due.text if milestone.due else "", status=status,
            done_on=done_on if done_on is not None and done_on <= as_of else None,
            days_left=days_left(due, as_of) if due else 0, days_overdue=days_overdue(due, as_of) if due else 0,
            owner=owner, owner_name=facts.name_of(owner),
            done=check.done if check else None, total=check.total if check else None,
            missing=missing, missing_names=_names(facts, missing),
            non_working_due=calendar is not None and due is not None and _non_working(due, calendar),
            workdays_left=_workdays(calendar, as_of, due) if due is not None and not status.is_done else None,
            members=group,
        ))
    order = {Status.OVERDUE: 0, Status.DUE_SOON: 1, Status.PENDING: 2, Status.DONE_LATE: 3, Status.DONE: 4, Status.ONGOING: 5}
    return tuple(sorted(lines, key=lambda m: (order[m.status], m.due or dt.date.max, m.id)))


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


def submission_of(sub: Submission | When) -> DateSubmission:
    """A submission as the date library matches it: (occurrence, day) or a plain day."""
    if isinstance(sub, Submission):
        return (sub.period, sub.on.first) if sub.period else sub.on.first
    return sub.first


def _day_of(sub: Submission | When) -> dt.date:
    return sub.on.first if isinstance(sub, Submission) else sub.first


def _by_of(sub: Submission | When) -> str | None:
    return sub.by if isinstance(sub, Submission) else None


def recurring_occurrences(item: Recurring, campaign: Campaign) -> list[DateOccurrence] | None:
    """The item's occurrences in the campaign period; None when its rule cannot be read."""
    try:
        return occurrences(parse_recurring(item.rule), campaign_span(campaign))
    except PhraseError:
        return None


def recurring_lines(facts: Facts, as_of: dt.date) -> tuple[RecurringLine, ...]:
    campaign = facts.campaign
    lines = []
    for item in campaign.recurring:
        occs = recurring_occurrences(item, campaign)
        if occs is None:
            continue  # reported by check
        group = members(item.owner, facts.people, facts.units, campaign) if is_group(item.owner) else ()
        owners: Sequence[str | None] = group or [_single_owner(item.owner)]
        current_occ = current_occurrence(occs, as_of)
        current: Occurrence | None = None
        current_done: list[dt.date] = []
        not_submitted: list[str] = []
        missed, late = [], []
        met = due_so_far = 0
        for member in owners:
            subs = [submission_of(s) for s in item.submissions
                    if _day_of(s) <= as_of and (not group or _by_of(s) == member)]
            for occ, submitted in match_submissions(occs, subs):
                status = deadline_status(occ.due, submitted, as_of, campaign.due_soon_days)
                line = Occurrence(occ.key, occ.due, status, submitted, member if group else None,
                                  facts.name_of(member) if group else None, days_overdue(occ.due, as_of))
                if current_occ is not None and occ.key == current_occ.key and occ.due == current_occ.due:
                    if status.is_done and submitted is not None:
                        current_done.append(submitted)
                    elif member is not None:
                        not_submitted.append(member)
                    if not group:
                        current = line
                if occ.due < as_of or status.is_done:
                    due_so_far += 1
                    met += status.is_done
                if status is Status.OVERDUE:
                    missed.append(line)
                elif status is Status.DONE_LATE:
                    late.append(line)
        if group and current_occ is not None:
            complete = not not_submitted
            done_day = max(current_done) if complete and current_done else None
            current = Occurrence(current_occ.key, current_occ.due, deadline_status(current_occ.due, done_day, as_of, campaign.due_soon_days),
                                 done_day, days_overdue=days_overdue(current_occ.due, as_of))
        owner = _single_owner(item.owner)
        lines.append(RecurringLine(item.id, item.title, item.rule, owner, facts.name_of(owner), current, tuple(missed), tuple(late),
                                   met, due_so_far, group, tuple(not_submitted), _names(facts, not_submitted)))
    return tuple(lines)


@dataclass(frozen=True, slots=True)
class ObligationTable:
    """An obligation of several members as a table: one row per member, one column per
    occurrence due by the day (and the current one); each cell the day handed in, or None."""

    id: str
    title: str
    periods: tuple[str, ...]
    dues: tuple[dt.date, ...]
    rows: tuple[tuple[str, str, tuple[dt.date | None, ...]], ...]
    """(member id, member name, the day each occurrence was handed in or None)."""


def obligation_tables(facts: Facts, as_of: dt.date) -> tuple[ObligationTable, ...]:
    """The member × occurrence table of every recurring obligation owed by several members."""
    campaign = facts.campaign
    out = []
    for item in campaign.recurring:
        if not is_group(item.owner):
            continue
        occs = recurring_occurrences(item, campaign)
        if occs is None:
            continue
        shown = [occ for occ in occs if occ.window.first <= as_of]
        group = members(item.owner, facts.people, facts.units, campaign)
        rows = []
        for member in group:
            subs = [submission_of(s) for s in item.submissions if _day_of(s) <= as_of and _by_of(s) == member]
            handed = {occ.key + occ.due.isoformat(): day for occ, day in match_submissions(shown, subs)}
            rows.append((member, facts.name_of(member) or member, tuple(handed.get(o.key + o.due.isoformat()) for o in shown)))
        out.append(ObligationTable(item.id, item.title, tuple(o.key for o in shown), tuple(o.due for o in shown), tuple(rows)))
    return tuple(out)
