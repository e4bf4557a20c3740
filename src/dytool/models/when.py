"""The one date type of every record: an ISO date or a date phrase, with its text kept.

A campaign writes dates the way its plans do (``2023-05-10``, ``4月底前``, ``6月上旬``).
Every date field is a :class:`When`: the original ``text`` for display, and the ``first`` and
``last`` day of the span it names plus ``due``, the day a deadline falls on.  Phrases without a
year are resolved against the record's anchor day when the context has one (``{"anchor":
date}``: a problem's ``found_on``), else against the campaign period (``{"period": Span}``);
:mod:`dytool.dates` owns the grammar.

A :data:`DueDay` (the ``due`` of problems, solutions and institutions) is read leniently: a
yearless phrase that the period cannot place is resolved as if anchored on the period's first
day, for :mod:`dytool.facts.deadlines` to place against the record's real anchor (a
solution's problems are in other files) and for the check to report when it has none.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Annotated, Any, NamedTuple

from pydantic import PlainSerializer, PlainValidator, ValidationInfo, WithJsonSchema

from dytool.models.base import DateMarker, user_error

__all__ = ["Day", "DueDay", "When", "parse_when"]

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


class When(NamedTuple):
    """A tuple so that thousands of them pickle fast (the load cache keeps them)."""

    text: str
    first: dt.date
    last: dt.date
    due: dt.date

    @classmethod
    def of(cls, day: dt.date) -> When:
        return cls(day.isoformat(), day, day, day)

    @property
    def is_day(self) -> bool:
        return self.first == self.last

    def __str__(self) -> str:
        return self.text


def parse_when(value: Any, context: Any = None, *, lenient: bool = False) -> When:
    """Read a date field's value; raise a bilingual validation error when it cannot be read.
    ``lenient``: a yearless phrase the period cannot place is read as the first such span on or
    after the period's start (see the module docstring)."""
    if isinstance(value, When):
        return value
    if isinstance(value, dt.datetime):
        return When.of(value.date())
    if isinstance(value, dt.date):
        return When.of(value)
    if not isinstance(value, str) or isinstance(value, bool):
        raise user_error(
            "date_type",
            f"应为日期，例如 2023-05-10，实际是“{value}”",
            f"expected a date such as 2023-05-10, got {value!r}",
        )
    text = value.strip()
    if _ISO.match(text):
        try:
            return _iso(text)
        except ValueError:
            raise user_error(
                "no_such_day",
                f"日期“{text}”不存在",
                f"the day {text} does not exist",
                "检查月份和日期，例如 2 月没有 30 日",
                "check the month and day: February has no 30th, for example",
            ) from None
    return _phrase(text, context, lenient)


@lru_cache(maxsize=4096)
def _iso(text: str) -> When:
    """ISO days repeat across thousands of records: read each once (When is immutable)."""
    return When.of(dt.date.fromisoformat(text))


_UNPLACED = frozenset({"no_year", "ambiguous_year", "no_month", "ambiguous_month"})


def _phrase(text: str, context: Any, lenient: bool = False) -> When:
    period = context.get("period") if isinstance(context, dict) else None
    anchor = context.get("anchor") if isinstance(context, dict) else None
    workdays = context.get("workdays") if isinstance(context, dict) else None
    from dytool import dates

    try:
        try:
            resolved = dates.resolve(text, period=period, anchor=anchor, workdays=workdays)
        except dates.PhraseError as exc:
            if not (lenient and exc.code in _UNPLACED and period is not None):
                raise
            resolved = dates.resolve(text, period=period, anchor=period.first, workdays=workdays)
    except dates.PhraseError as exc:
        examples = "、".join(exc.examples)
        raise user_error(
            exc.code, exc.message_zh, exc.message_en,
            f"可以这样写：{examples}" if examples else "", f"valid examples: {', '.join(exc.examples)}" if exc.examples else "",
        ) from None
    return When(text, resolved.span.first, resolved.span.last, resolved.due)


def _validate(value: Any, info: ValidationInfo) -> When:
    return parse_when(value, info.context)


def _validate_due(value: Any, info: ValidationInfo) -> When:
    return parse_when(value, info.context, lenient=True)


_DAY_SCHEMA = WithJsonSchema({
    "type": "string",
    "description": "日期：2023-05-10，或日期短语如 4月底前、6月上旬、第三季度",
    "examples": ["2023-05-10", "4月底前", "6月上旬"],
})


Day = Annotated[When, DateMarker(), PlainValidator(_validate), PlainSerializer(str, return_type=str), _DAY_SCHEMA]
DueDay = Annotated[When, DateMarker(), PlainValidator(_validate_due), PlainSerializer(str, return_type=str), _DAY_SCHEMA]
"""A deadline of a record whose anchor may be in another file (problems, solutions, institutions)."""
