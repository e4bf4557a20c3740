"""The briefing's lines on leaders' research days and on hosts over the burden limit."""

from __future__ import annotations

import datetime as dt

from dytool.dates import Span
from dytool.facts.records import Facts
from dytool.facts.stages import months_of, rule_spans
from dytool.facts.visits import host_burden, leader_days
from dytool.status.model import BurdenItem, LeaderLine

__all__ = ["burden_lines", "leader_lines"]


def leader_lines(facts: Facts, as_of: dt.date) -> tuple[LeaderLine, ...]:
    days = leader_days(facts.visits, as_of)
    rules = facts.campaign.rules
    rule = rules.visit_days_per_month if rules else None
    ids = {p.id for p in facts.people.values() if p.rank is not None} | set(facts.topics_by_leader) | set(days)
    month_in_period = False
    if rule is not None:
        spans = rule_spans(facts.campaign, rule.stage, Span(rule.during.first, rule.during.last) if rule.during else None)
        month_in_period = (as_of.year, as_of.month) in set(months_of(spans, facts.period))
    lines = []
    for ident in ids:
        person = facts.people.get(ident)
        mine = days.get(ident, set())
        in_month = sum(1 for d in mine if d.year == as_of.year and d.month == as_of.month)
        required = None
        applies = person is not None and (not rule or not rule.roles or bool(set(rule.roles) & set(person.roles)))
        if rule is not None and rule.min is not None and month_in_period and applies:
            required = rule.min
        lines.append(LeaderLine(
            id=ident,
            name=person.name if person else ident,
            title=person.title if person else None,
            rank=person.rank if person else None,
            topics=len(facts.topics_by_leader.get(ident, [])),
            visit_days=in_month,
            required_days=required,
            meets=None if required is None else in_month >= required,
            last_visit=max(mine) if mine else None,
        ))
    return tuple(sorted(lines, key=lambda line: (line.rank is None, line.rank or 0, line.id)))




def burden_lines(facts: Facts, as_of: dt.date) -> tuple[BurdenItem, ...]:
    rules = facts.campaign.rules
    rule = rules.host_burden if rules else None
    if rule is None:
        return ()
    return tuple(host_burden(facts.visits, as_of, rule.window_days, rule.max_visits, facts.name_of))


