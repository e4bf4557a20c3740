"""Leaders' research days against the monthly rule, and the burden on the hosts."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from dytool.dates import add_days
from dytool.facts.records import VisitSpan, visit_days

__all__ = ["BurdenItem", "host_burden", "leader_days"]


@dataclass(frozen=True, slots=True)
class BurdenItem:
    id: str
    """The host: a unit id, or the name written in the visits."""
    host: str
    host_name: str
    window_start: dt.date
    window_end: dt.date
    visits: int
    max_visits: int
    visit_ids: tuple[str, ...]




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


class HostedVisit(Protocol):
    """A :class:`dytool.models.Visit` or a :class:`dytool.engine.summary.VisitRow`."""

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
        days = [day.toordinal() for day, _ in received]  # integers: no timedelta per comparison
        best = (0, 0, 0)  # count, i, j
        j, n = 0, len(days)
        for i, first in enumerate(days):
            limit = first + window_days
            while j < n and days[j] < limit:
                j += 1
            if j - i > best[0]:
                best = (j - i, i, j)
        count, i, j = best
        if count > max_visits:
            start = received[i][0]
            items.append(BurdenItem(host, host, name_of(host) or host, start, add_days(start, window_days - 1),
                                    count, max_visits, tuple(v for _, v in received[i:j])))
    return sorted(items, key=lambda b: (-b.visits, b.window_start, b.host))
