"""What changed since the last meeting: this roll-up against an earlier one.

The earlier one is the JSON of ``dytool rollup status --format json`` the office kept (for
example committed to the roll-up repository after each meeting).  Per member: problems found,
closed and overdue since then, the 销号率 before and after, the rank before and after, the
overdue problems that are new and those no longer overdue; members that joined, that could not
be combined then or now.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dytool.core.catalogue import rollup as words
from dytool.core.errors import EXIT_FINDINGS, UserError
from dytool.core.messages import Text
from dytool.rollup.model import RollupView, rate
from dytool.rollup.textsafe import clean
from dytool.source.fetchurl import FetchError, fetch

__all__ = ["MemberChange", "RollupChanges", "changes_since", "read_previous"]

_LIMIT = 64 << 20


class _Loose(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class _Counts(_Loose):
    found: int = Field(ge=0)
    closed: int = Field(ge=0)
    overdue: int = Field(ge=0)


class _Overdue(_Loose):
    id: str = Field(max_length=64)


class _Member(_Loose):
    name: str = Field(max_length=100)
    problems: _Counts
    overdue: list[_Overdue] = Field(default_factory=list, max_length=5000)


class _Rank(_Loose):
    name: str = Field(max_length=100)
    rank: int | None = None


class _Failed(_Loose):
    name: str = Field(max_length=100)


class Previous(_Loose):
    as_of: dt.date
    members: list[_Member] = Field(default_factory=list, max_length=1000)
    ranking: list[_Rank] = Field(default_factory=list, max_length=1000)
    failed: list[_Failed] = Field(default_factory=list, max_length=1000)


@dataclass(frozen=True, slots=True)
class MemberChange:
    name: str
    found: int
    closed: int
    overdue: int
    rate_before: float | None
    rate_after: float | None
    rank_before: int | None
    rank_after: int | None
    newly_overdue: int
    no_longer_overdue: int


@dataclass(frozen=True)
class RollupChanges:
    since: dt.date
    members: tuple[MemberChange, ...]
    joined: tuple[str, ...]
    failing_now: tuple[str, ...]
    recovered: tuple[str, ...]


def read_previous(path: Path) -> Previous:
    """An earlier roll-up's JSON output; a clear error when it is not one."""
    try:
        data = fetch(str(path), Path.cwd(), _LIMIT)
    except FetchError as exc:
        raise UserError(words.SINCE_UNREADABLE(why=Text.plain(exc.zh, exc.en), path=str(path))) from None
    try:
        return Previous.model_validate_json(data)
    except ValidationError:
        raise UserError(words.NOT_ROLLUP_JSON(path=str(path)), exit_code=EXIT_FINDINGS) from None


def changes_since(previous: Previous, view: RollupView) -> RollupChanges:
    before = {m.name: m for m in previous.members}
    ranks = {r.name: r.rank for r in previous.ranking}
    ranks_now = {line.member.name: line.rank for line in view.ranking}
    failed_before = {f.name for f in previous.failed}
    out = []
    for m in view.members:
        old = before.get(m.name)
        if old is None:
            continue
        ids_before = {o.id for o in old.overdue}
        ids_now = {o.id for o in m.overdue}
        out.append(MemberChange(
            name=m.name, found=m.problems.found - old.problems.found, closed=m.problems.closed - old.problems.closed,
            overdue=m.problems.overdue - old.problems.overdue, rate_before=rate(old.problems.closed, old.problems.found),
            rate_after=m.problems.closure_rate, rank_before=ranks.get(m.name), rank_after=ranks_now.get(m.name),
            newly_overdue=len(ids_now - ids_before), no_longer_overdue=len(ids_before - ids_now)))
    return RollupChanges(
        since=previous.as_of, members=tuple(out),
        joined=tuple(m.name for m in view.members if m.name not in before and m.name not in failed_before),
        failing_now=tuple(f.name for f in view.failed if f.name not in failed_before),
        recovered=tuple(clean(name, 100) for name in sorted(failed_before) if name in {m.name for m in view.members}))
