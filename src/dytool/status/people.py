"""Leaders' research days against the monthly rule, and the burden on the hosts."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from dytool.status.facts import Facts, visit_days
from dytool.status.model import BurdenItem, LeaderLine

__all__ = ["burden_lines", "host_burden", "leader_days", "leader_lines"]


def leader_days(facts: Facts, as_of: dt.date) -> dict[str, set[dt.date]]:
    """Each leader's visit days up to the as-of day (two visits on one day count once): one
    pass over the visits, shared by the briefing, the bulletin and the monthly rule."""
    days: dict[str, set[dt.date]] = defaultdict(set)
    for visit in facts.visits:
        if visit.first_day > as_of:
            continue
        span = visit_days(visit, as_of)
        for leader in visit.leaders:
            days[leader].update(span)
    return days


def leader_lines(facts: Facts, as_of: dt.date) -> tuple[LeaderLine, ...]:
    days = leader_days(facts, as_of)
    rules = facts.campaign.rules
    rule = rules.visit_days_per_month if rules else None
    ids = {p.id for p in facts.people.values() if p.rank is not None} | set(facts.topics_by_leader) | set(days)
    month_in_period = (facts.period.first.year, facts.period.first.month) <= (as_of.year, as_of.month) <= (facts.period.last.year, facts.period.last.month)
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
    return tuple(host_burden(facts, as_of, rule.window_days, rule.max_visits))


def host_burden(facts: Facts, as_of: dt.date, window_days: int, max_visits: int) -> list[BurdenItem]:
    """Each host's busiest window of ``window_days`` days, where it received more than
    ``max_visits`` research groups (a visit counts on its first day)."""
    by_host: dict[str, list[tuple[dt.date, str]]] = defaultdict(list)
    for visit in facts.visits:
        if visit.first_day <= as_of:
            for host in dict.fromkeys(visit.hosts):
                by_host[host].append((visit.first_day, visit.id))
    items = []
    for host, visits in by_host.items():
        if len(visits) <= max_visits:
            continue
        visits.sort()
        best = (0, 0, 0)  # count, i, j
        j = 0
        for i in range(len(visits)):
            while j < len(visits) and (visits[j][0] - visits[i][0]).days < window_days:
                j += 1
            if j - i > best[0]:
                best = (j - i, i, j)
        count, i, j = best
        if count > max_visits:
            start = visits[i][0]
            items.append(BurdenItem(host, host, facts.name_of(host) or host, start, start + dt.timedelta(days=window_days - 1),
                                    count, max_visits, tuple(v for _, v in visits[i:j])))
    return sorted(items, key=lambda b: (-b.visits, b.window_start, b.host))
