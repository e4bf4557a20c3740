"""Names people use for what records refer to by id: units, people, themes, topics.

A ledger sent to a unit shows 西岭县, 孙丽娟, 工业强市, the topic's title, where the files say
``xiling-county``, ``sun-lijuan``, ``industry``, ``T-001``; what comes back may say either.
:class:`Names` turns an id into the name shown, and a name (or id) back into the id: a name
two records share, or one nobody has, is reported with what it could be.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from dytool.core.messages import Text
from dytool.engine.repository import Repository

__all__ = ["NAMED_KINDS", "Names", "Resolved"]

NAMED_KINDS = ("unit", "person", "theme", "topic")
"""Kinds a reference shows by name in a ledger (visits and problems keep their ids)."""


_MIDDLE_DOTS = str.maketrans(dict.fromkeys("\u00b7\u2022\u2027\u2219\u22c5\u30fb\uff0e.", "\u00b7"))
"""The dots people type inside a name (买买提·艾力, 买买提•艾力, 买买提・艾力, 买买提.艾力) are one."""


def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).translate(_MIDDLE_DOTS).split())


@dataclass(frozen=True, slots=True)
class Resolved:
    id: str | None
    """The id named, or None when the text names nothing (or several records)."""
    candidates: tuple[str, ...] = ()
    """For an ambiguous name: the ids it could mean."""


@dataclass
class Names:
    shown: dict[str, dict[str, str]] = field(default_factory=dict)
    """kind → id → the name shown for it."""
    lookup: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    """kind → normalised name, short name or id → ids."""
    full: dict[str, str] = field(default_factory=dict)
    """id → a unit's full name, where it differs from the name shown (telling two 西岭县 apart)."""

    def add(self, kind: str, ident: str, shown: str, *aliases: str | None) -> None:
        self.shown.setdefault(kind, {})[ident] = shown
        table = self.lookup.setdefault(kind, {})
        for alias in (ident, shown, *aliases):
            if alias:
                table.setdefault(_key(alias), set()).add(ident)

    @classmethod
    def of(cls, repo: Repository) -> Names:
        names = cls()
        for entry in repo.entries("unit"):
            unit = entry.record
            short = getattr(unit, "short_name", None)
            names.add("unit", unit.id, short or unit.name, unit.name, short)  # type: ignore[attr-defined]
            names.full[unit.id] = unit.name  # type: ignore[attr-defined]
        for entry in repo.entries("person"):
            names.add("person", entry.record.id, entry.record.name)  # type: ignore[attr-defined]
        for entry in repo.entries("topic"):
            names.add("topic", entry.record.id, entry.record.title)  # type: ignore[attr-defined]
        if repo.campaign is not None:
            for theme in repo.campaign.themes:
                names.add("theme", theme.id, theme.title)
        return names

    def show(self, kinds: Iterable[str], ident: str) -> str:
        for kind in kinds:
            name = self.shown.get(kind, {}).get(ident)
            if name is not None:
                return name
        return ident

    def resolve(self, kinds: Iterable[str], text: str) -> Resolved:
        """The id ``text`` names among ``kinds``: an id as written wins over a name."""
        kinds = tuple(kinds)
        for kind in kinds:
            if text in self.shown.get(kind, {}):
                return Resolved(text)
        found: set[str] = set()
        for kind in kinds:
            found |= self.lookup.get(kind, {}).get(_key(text), set())
        if len(found) == 1:
            return Resolved(next(iter(found)))
        return Resolved(None, tuple(sorted(found)))

    def described(self, ident: str) -> Text:
        """A candidate as a person can tell it: ``西岭县人民政府（xiling-gov）``."""
        return Text("{name}（{id}）", "{name} ({id})", {"name": self.full.get(ident) or self.show(NAMED_KINDS, ident), "id": ident})

    def choices(self, kind: str) -> list[str]:
        """The names shown for ``kind``, in file order (a drop-down list)."""
        return list(dict.fromkeys(self.shown.get(kind, {}).values()))
