"""Who and what a milestone or rule applies to (``applies_to``, rule ``roles``/``unit_types``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from dytool.engine.summary import TopicRow
from dytool.facts.members import unit_matches
from dytool.models import Campaign, Person, Topic, Unit
from dytool.models.campaign import AppliesTo

__all__ = ["leaders_in_scope", "topics_in_scope", "units_in_scope"]


T = TypeVar("T", Topic, TopicRow)
"""A topic whole or its summary row."""


def topics_in_scope(topics: Iterable[T], applies: AppliesTo | None, people: dict[str, Person], units: dict[str, Unit],
                    campaign: Campaign | None = None) -> list[T]:
    """Claimed topics (a topic nobody leads yet cannot owe an outline), narrowed by ``applies_to``."""
    out = []
    for topic in topics:
        if topic.leader is None:
            continue
        if applies is not None:
            if applies.topic_kinds and topic.kind not in applies.topic_kinds:
                continue
            if applies.roles:
                leader = people.get(topic.leader)
                if leader is None or not set(leader.roles) & set(applies.roles):
                    continue
            if applies.unit_types:
                unit = units.get(topic.lead_unit or "")
                if unit is None or not unit_matches(unit.type, applies.unit_types, campaign):
                    continue
        out.append(topic)
    return out


def leaders_in_scope(people: Iterable[Person], roles: Iterable[str]) -> list[Person]:
    """People with one of ``roles``; without roles, the ranked people (the campaign's leaders)."""
    wanted = set(roles)
    if wanted:
        return [p for p in people if wanted & set(p.roles)]
    return [p for p in people if p.rank is not None]


def units_in_scope(units: Iterable[Unit], applies: AppliesTo | None, campaign: Campaign | None = None) -> list[Unit]:
    if applies is None or not applies.unit_types:
        return list(units)
    return [u for u in units if unit_matches(u.type, applies.unit_types, campaign)]
