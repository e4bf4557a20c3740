"""The briefing as JSON: machine values and stable keys (docs/status.md).

The keys are those of cli.md: ``campaign, as_of, stages, milestones, recurring, topics,
leaders, lists, burden, changes``; every item carries its ``id`` and every status its
machine value from dates.md.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from enum import Enum
from typing import Any

from dytool.status.model import Briefing

__all__ = ["briefing_json"]


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    """``value`` as JSON values: dates as ISO text, enums as their values, dataclasses as
    objects (with a stage's ``progress``).  At 200,000 records this runs over a million
    values, so each class's converter is worked out once (:func:`_converter`)."""
    cls = type(value)
    if cls in _SCALARS:
        return value
    convert = _CONVERTERS.get(cls)
    if convert is None:
        convert = _CONVERTERS[cls] = _converter(cls)
    return convert(value)


_CONVERTERS: dict[type, Callable[[Any], Any]] = {}


def _converter(cls: type) -> Callable[[Any], Any]:
    if issubclass(cls, Enum):
        return lambda value: value.value
    if issubclass(cls, dt.date):
        return lambda value: value.isoformat()
    if issubclass(cls, dict):
        return lambda value: {key: _plain(item) for key, item in value.items()}
    if issubclass(cls, list | tuple):
        return lambda value: [_plain(item) for item in value]
    if dataclasses.is_dataclass(cls):
        names = tuple(field.name for field in dataclasses.fields(cls))
        progress = hasattr(cls, "progress") and "elapsed_days" in names
        scalars = _SCALARS

        def convert(value: Any) -> dict[str, Any]:
            out = {}
            for name in names:
                item = getattr(value, name)
                out[name] = item if type(item) in scalars else _plain(item)
            if progress:
                out["progress"] = value.progress
            return out

        return convert
    return lambda value: value


def briefing_json(b: Briefing) -> dict[str, Any]:
    return {
        "campaign": _plain(b.campaign),
        "as_of": b.as_of.isoformat(),
        "stages": {"current": _plain(b.stages), "next": _plain(b.next_stage)},
        "milestones": _plain(b.milestones),
        "recurring": _plain(b.recurring),
        "topics": _plain(b.topics),
        "leaders": _plain(b.leaders),
        "lists": _plain(b.lists),
        "burden": _plain(b.burden),
        "changes": None,
    }
