"""What the kinds of record are called, read from the models themselves (their titles).

``kind_noun("solution")`` is 解决事项 / solution; ``list_title("problems")`` is 问题清单 /
problems.  Every message that names a kind takes the name from here, never from a table of
its own.
"""

from __future__ import annotations

from pydantic import BaseModel

from dytool.core.messages import Text
from dytool.models.campaign import Activity, Campaign, Milestone, Recurring, Stage, Theme
from dytool.models.records import Institution, Person, Problem, Solution, Topic, Unit, Visit

__all__ = ["kind_noun", "list_title"]

_MODELS: dict[str, type[BaseModel]] = {
    "person": Person, "unit": Unit, "topic": Topic, "visit": Visit, "problem": Problem, "solution": Solution,
    "institution": Institution, "milestone": Milestone, "recurring": Recurring, "theme": Theme, "campaign": Campaign, "activity": Activity,
    "stage": Stage,
}
_PLURALS = {"people": "person", "persons": "person"}


def _model(kind: str) -> tuple[str, type[BaseModel] | None]:
    singular = _PLURALS.get(kind) or (kind if kind in _MODELS else kind.removesuffix("s"))
    return singular, _MODELS.get(singular)


def kind_noun(kind: str) -> Text:
    """One record of ``kind`` (``problem`` or ``problems``): 问题 / problem."""
    singular, model = _model(kind)
    if model is None:
        return Text(kind, kind)
    zh = getattr(model, "noun_zh", None) or str(model.model_config.get("title", singular)).removesuffix("清单")
    return Text(zh, "recurring item" if singular == "recurring" else singular)


def list_title(kind: str) -> Text:
    """The list of ``kind``: 问题清单 / problems (the model's title)."""
    singular, model = _model(kind)
    if model is None:
        return Text(kind, kind)
    plural = {"person": "people", "recurring": "recurring items", "activity": "activities"}.get(singular, f"{singular}s")
    return Text(str(model.model_config.get("title", singular)), plural)
