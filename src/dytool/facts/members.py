"""Who owes an obligation: one unit or person, a list, or a group (各区、各部门).

A group ``{unit_types, roles, units}`` stands for every unit whose type is one of
``unit_types``, every person with one of ``roles``, and the listed ids.  A unit type in a rule
or group matches a unit's type as written (``处室`` matches units typed 处室); a built-in type
(``department``) also matches every campaign word the vocabulary maps to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from dytool.models import Campaign, Person, Unit
from dytool.models.campaign import Group
from dytool.models.enums import UnitType
from dytool.models.words import category

__all__ = ["is_group", "members", "unit_matches"]


def unit_matches(unit_type: str | None, wanted: Sequence[str], campaign: Campaign | None) -> bool:
    """Whether a unit of type ``unit_type`` is one of the ``wanted`` types."""
    if unit_type is None or not wanted:
        return False
    if unit_type in wanted:
        return True
    declared = campaign.vocabulary.unit_types if campaign is not None and campaign.vocabulary is not None else None
    kind = category(unit_type, declared, UnitType)
    return kind is not None and any(w == kind or UnitType._by_text().get(w) is kind for w in wanted)


def is_group(owner: object) -> bool:
    """Whether an obligation is owed by several members, each answering for itself."""
    return isinstance(owner, (Group, list))


def members(owner: object, people: Mapping[str, Person] | Iterable[Person], units: Mapping[str, Unit] | Iterable[Unit],
            campaign: Campaign | None) -> tuple[str, ...]:
    """The ids that owe the obligation, in the order of people.yaml and units.yaml (a group's
    units first, then its people, then the ids it lists), each once."""
    if owner is None:
        return ()
    if isinstance(owner, str):
        return (owner,)
    if isinstance(owner, list):
        return tuple(dict.fromkeys(owner))
    if not isinstance(owner, Group):
        return ()
    unit_list = list(units.values()) if isinstance(units, Mapping) else list(units)
    people_list = list(people.values()) if isinstance(people, Mapping) else list(people)
    out: list[str] = []
    if owner.unit_types:
        out.extend(u.id for u in unit_list if unit_matches(u.type, owner.unit_types, campaign))
    if owner.roles:
        wanted = set(owner.roles)
        out.extend(p.id for p in people_list if wanted & set(p.roles))
    out.extend(owner.units)
    return tuple(dict.fromkeys(out))
