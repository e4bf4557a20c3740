"""The open lists a campaign may extend with its own words (campaign-plans.md, ``vocabulary``).

Methods, problem sources, meeting kinds, unit kinds and outcome forms come with built-in
values, but plans say 现场走访, 集中座谈, 回头看, 季度务虚会.  A field of such a list takes a
built-in value (machine value or Chinese label, read as the enumeration member) or any other
word, kept as written.  Whether a word is declared under ``vocabulary`` in campaign.yaml is a
check (DY104), not a reading error, so a record with an undeclared word is still counted; and
statistics count each word under the built-in category the campaign maps it to.
"""

from __future__ import annotations

from typing import Annotated, Any, TypeVar

from pydantic import BeforeValidator, PlainSerializer, PlainValidator, WithJsonSchema

from dytool.models.base import LabeledEnum, Vocab, user_error
from dytool.models.enums import MeetingKind, Method, OutcomeForm, ProblemSource, UnitType

__all__ = [
    "VOCABULARIES", "MeetingWord", "MethodWord", "MethodWords", "OutcomeFormWord", "SourceWord", "UnitTypeWord", "UnitTypeWords", "Vocab",
    "category", "word_label", "word_schema",
]

VOCABULARIES: dict[str, type[LabeledEnum]] = {
    "methods": Method,
    "sources": ProblemSource,
    "meeting_kinds": MeetingKind,
    "unit_types": UnitType,
    "outcome_forms": OutcomeForm,
}
"""``vocabulary`` key → the built-in list it extends."""

E = TypeVar("E", bound=LabeledEnum)


def word_schema(enum: type[LabeledEnum], words: dict[str, Any] | None = None) -> dict[str, Any]:
    """The JSON Schema of a value of an open list: the built-in values (machine value or label)
    and the campaign's words; without a campaign, any other text too."""
    options: list[dict[str, Any]] = []
    for member in enum:
        options.append({"const": member.value, "title": member.label_zh})
        options.append({"const": member.label_zh, "title": member.value})
    if words is None:
        options.append({"type": "string", "minLength": 1, "description": "本活动在 campaign.yaml 的 vocabulary 中声明的用语"})
    else:
        for word, mapped in words.items():
            shown = mapped.label_zh if isinstance(mapped, LabeledEnum) else str(mapped)
            options.append({"const": word, "title": f"本活动用语，统计时计入“{shown}”"})
    return {"anyOf": options}


def _validator(enum: type[LabeledEnum]) -> Any:
    table = enum._by_text

    def validate(value: Any) -> str:
        if isinstance(value, enum):
            return value
        if isinstance(value, str) and not isinstance(value, bool):
            found = table().get(value.strip())
            if found is not None:
                return found
            if value.strip():
                return value.strip()
        raise user_error(
            "bad_choice",
            f"“{value}”不是可选值：应为文字，如{'、'.join(m.label_zh for m in list(enum)[:3])}",
            f"{value!r} is not allowed: expected text such as {', '.join(m.value for m in list(enum)[:3])}",
        )

    return PlainValidator(validate)


_TEXT = PlainSerializer(str, return_type=str)
MethodWord = Annotated[str, Vocab("methods"), _validator(Method), _TEXT, WithJsonSchema(word_schema(Method))]
SourceWord = Annotated[str, Vocab("sources"), _validator(ProblemSource), _TEXT, WithJsonSchema(word_schema(ProblemSource))]
MeetingWord = Annotated[str, Vocab("meeting_kinds"), _validator(MeetingKind), _TEXT, WithJsonSchema(word_schema(MeetingKind))]
UnitTypeWord = Annotated[str, Vocab("unit_types"), _validator(UnitType), _TEXT, WithJsonSchema(word_schema(UnitType))]
OutcomeFormWord = Annotated[str, Vocab("outcome_forms"), _validator(OutcomeForm), _TEXT, WithJsonSchema(word_schema(OutcomeForm))]


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


MethodWords = Annotated[list[MethodWord], BeforeValidator(_one_or_many, json_schema_input_type=MethodWord | list[MethodWord])]
"""Methods: one word or a list, each a built-in method or the campaign's word."""
UnitTypeWords = Annotated[list[UnitTypeWord], BeforeValidator(_one_or_many, json_schema_input_type=UnitTypeWord | list[UnitTypeWord])]


def category(value: str | None, declared: dict[str, E] | None, enum: type[E]) -> E | None:
    """The built-in value ``value`` is counted under: itself when built in, else what the
    campaign maps the word to; None for an undeclared word (a DY104 finding)."""
    if value is None:
        return None
    if isinstance(value, enum):
        return value
    found = enum._by_text().get(value)
    if found is not None:
        return found  # type: ignore[return-value]
    if declared:
        return declared.get(value)
    return None


def word_label(value: str | None) -> str:
    """How output shows a value: a built-in one by its Chinese label, a word as written."""
    if value is None:
        return ""
    return value.label_zh if isinstance(value, LabeledEnum) else value
