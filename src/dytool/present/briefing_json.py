"""The briefing as JSON: machine values and stable keys (docs/status.md).

The keys are those of cli.md: ``campaign, as_of, stages, milestones, recurring, topics,
leaders, lists, burden, changes``; every item carries its ``id`` and every status its
machine value from dates.md.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import Enum
from typing import Any

from dytool.status.model import Briefing

__all__ = ["briefing_json"]


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if hasattr(value, "progress") and "elapsed_days" in out:
            out["progress"] = value.progress
        return out
    return value


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
