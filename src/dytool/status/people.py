"""Leaders' research days against the monthly rule, and the burden on the hosts."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from dytool.status.facts import Facts, VisitSpan, visit_days
from dytool.status.model import BurdenItem, LeaderLine

__all__ = ["burden_lines", "host_burden", "leader_days", "leader_lines"]


def leader_days(visits: Iterable[VisitSpan], as_of: dt.date) -> dict[str, set[dt.date]]:
    """Each leader's visit days up to the as-of day (two visits on one day count once): one
    pass over the visits, shared by the briefing, the bulletin and the monthly rule."""
    days: dict[str, set[dt.date]] = defaultdict(set)
    for visit in visits:
        first = visit.first_day
        if first > as_of:
            continue
        if visit.last_day == first:  # most visits take one day
            for leader in visit.leaders:
                days[leader].add(first)
            continue
        span = visit_days(visit, as_of)
        for leader in visit.leaders:
            days[leader].update(span)
    return days


def leader_lines(facts: Facts, as_of: dt.date) -> tuple[LeaderLine, ...]:
    days = leader_days(facts.visits, as_of)
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
    return tuple(host_burden(facts.visits, as_of, rule.window_days, rule.max_visits, facts.name_of))


class HostedVisit(Protocol):
    """A :class:`dytool.models.Visit` or a :class:`dytool.summary.VisitRow`."""

    @property
    def id(self) -> str: ...
    @property
    def first_day(self) -> dt.date: ...
    @property
    def hosts(self) -> Sequence[str]: ...


def host_burden(visits: Iterable[HostedVisit], as_of: dt.date, window_days: int, max_visits: int,
                name_of: Callable[[str], str | None]) -> list[BurdenItem]:
    """Each host's busiest window of ``window_days`` days, where it received more than
    ``max_visits`` research groups (a visit counts on its first day)."""
    by_host: dict[str, list[tuple[dt.date, str]]] = defaultdict(list)
    for visit in visits:
        if visit.first_day <= as_of:
            for host in dict.fromkeys(visit.hosts):
                by_host[host].append((visit.first_day, visit.id))
    items = []
    for host, received in by_host.items():
        if len(received) <= max_visits:
            continue
        received.sort()
        best = (0, 0, 0)  # count, i, j
        j = 0
        for i in range(len(received)):
            while j < len(received) and (received[j][0] - received[i][0]).days < window_days:
                j += 1
            if j - i > best[0]:
                best = (j - i, i, j)
        count, i, j = best
        if count > max_visits:
            start = received[i][0]
            items.append(BurdenItem(host, host, name_of(host) or host, start, start + dt.timedelta(days=window_days - 1),
                                    count, max_visits, tuple(v for _, v in received[i:j])))
    return sorted(items, key=lambda b: (-b.visits, b.window_start, b.host))
