"""What each field of a record model holds, and how text from a flag or a cell becomes its value.

Commands that take values from people (``new`` flags, prompts, ``import`` cells) read the
models' annotations once, through :func:`shapes`, instead of repeating the schema.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import types
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from dytool.core.catalogue import edits as words
from dytool.core.errors import UserError
from dytool.core.messages import Text
from dytool.dates import explicit_day
from dytool.models.base import LabeledEnum, StrictModel, field_plan
from dytool.models.when import When
from dytool.source.yamlread import parse_text

__all__ = ["FieldShape", "Kind", "coerce", "explicit_day", "shapes", "split_list"]

Kind = Literal["text", "lines", "int", "number", "bool", "date", "enum", "texts", "enums", "dates", "model", "models", "dict"]

_SPLIT = re.compile(r"[,，、;；\n]+")
_TRUE = {"true", "yes", "y", "1", "是", "对", "已备案"}
_FALSE = {"false", "no", "n", "0", "否", "未备案"}


@dataclass(frozen=True, slots=True)
class FieldShape:
    name: str
    label: str
    kind: Kind
    required: bool
    enum: type[LabeledEnum] | None = None
    model: type[StrictModel] | None = None
    ref: bool = False
    """Holds ids (references): a list of them may be written ``fgw、jyj`` on one line."""


def _members(annotation: Any) -> list[Any]:
    if get_origin(annotation) in (Union, types.UnionType):
        return [a for a in get_args(annotation) if a is not type(None)]
    return [annotation]


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The type under ``Annotated``, and whether its metadata marks it as a date."""
    if get_origin(annotation) is Annotated:
        inner, *meta = get_args(annotation)
        is_date = any(type(m).__name__ == "DateMarker" for m in meta)
        base, inner_date = _unwrap(inner)
        return base, is_date or inner_date
    return annotation, False


def _classify(annotation: Any) -> tuple[Kind, Any]:
    members = [_unwrap(m) for m in _members(annotation)]
    types_ = [t for t, _ in members]
    if any(is_date or t is When for t, is_date in members):
        return "date", None
    if len(types_) > 1:
        if str in types_ and any(get_origin(t) is list for t in types_):
            return "lines", None
        if set(types_) <= {int, float}:
            return "number", None
        return ("text", None) if str in types_ else ("dict", None)
    single = types_[0]
    simple: dict[Any, Kind] = {str: "text", bool: "bool", int: "int", float: "number"}
    if single in simple:
        return simple[single], None
    if isinstance(single, type) and issubclass(single, LabeledEnum):
        return "enum", single
    if isinstance(single, type) and issubclass(single, StrictModel):
        return "model", single
    if get_origin(single) is list:
        item, extra = _classify(get_args(single)[0])
        plural: dict[Kind, Kind] = {"enum": "enums", "model": "models", "date": "dates"}
        return plural.get(item, "texts"), extra
    return "dict", None


@cache
def shapes(model: type[StrictModel]) -> dict[str, FieldShape]:
    """Every field of ``model`` in declaration order (the order of a paper ledger's columns)."""
    refs = {plan.name for plan in field_plan(model) if plan.ref is not None}
    words = {plan.name: plan.word for plan in field_plan(model) if plan.word is not None}
    out = {}
    for name, info in model.model_fields.items():
        kind, extra = _classify(info.annotation)
        if name in words:  # an open list: the built-in values, or the campaign's own words
            from dytool.models.words import VOCABULARIES

            kind, extra = ("enums" if kind == "texts" else "enum"), VOCABULARIES[str(words[name])]
        out[name] = FieldShape(
            name, info.title or name, kind, info.is_required(),
            enum=extra if isinstance(extra, type) and issubclass(extra, LabeledEnum) else None,
            model=extra if isinstance(extra, type) and issubclass(extra, StrictModel) else None,
            ref=name in refs,
        )
    return out


def split_list(text: str, *, words: bool = True) -> list[str]:
    """One item a line; with ``words`` (ids, choices) also ``fgw, jyj``, ``fgw，jyj``, ``fgw、jyj``."""
    parts = _SPLIT.split(text) if words else text.split("\n")
    return [part.strip() for part in parts if part.strip()]


def _bad(shape: FieldShape, value: Any, why: Text) -> UserError:
    return UserError(words.BAD_FIELD_VALUE(field=shape.name, label=shape.label, value=str(value), why=why))


def coerce(shape: FieldShape, value: Any) -> Any:
    """A value typed in (text) or read from a spreadsheet cell → the value to write.

    Days become :class:`datetime.date` (written as plain ISO dates), phrases stay text;
    enumerations take their machine value when the text names one (else stay as typed, so
    the repository check can explain what is allowed); numbers where text is expected
    become text (a doc number typed as 12 is ``'12'``)."""
    if isinstance(value, str):
        value = value.strip()
    kind = shape.kind
    if kind == "date":
        if value is False or value in ("false", "否"):
            return False  # 五个一: an item not done
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        return explicit_day(str(value)) or str(value)
    if kind in ("text", "lines"):
        return _text(value)
    if kind == "int":
        if isinstance(value, bool) or not re.fullmatch(r"-?\d+(\.0*)?", str(value)):
            raise _bad(shape, value, words.WHOLE_NUMBER)
        return int(float(value))
    if kind == "number":
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise _bad(shape, value, words.NUMBER) from None
        if not math.isfinite(number):
            raise _bad(shape, value, words.FINITE_NUMBER)
        return int(number) if number.is_integer() and "." not in str(value) else number
    if kind == "bool":
        if isinstance(value, bool):
            return value
        word = str(value).lower()
        if word in _TRUE or word in _FALSE:
            return word in _TRUE
        raise _bad(shape, value, words.YES_OR_NO)
    if kind == "enum":
        return _choice(shape, value)
    if kind in ("texts", "enums", "dates"):
        items = value if isinstance(value, list) else split_list(_text(value), words=shape.ref or kind != "texts")
        if kind == "enums":
            return [_choice(shape, item) for item in items]
        if kind == "dates":
            return [coerce(FieldShape(shape.name, shape.label, "date", False), item) for item in items]
        return [_text(item) for item in items]
    return _structured(shape, value)


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _choice(shape: FieldShape, value: Any) -> str:
    text = _text(value)
    if shape.enum is not None:
        try:
            return str(shape.enum.coerce(text).value)
        except Exception:  # noqa: BLE001 - kept as typed; the repository check explains the choices
            return text
    return text


def _structured(shape: FieldShape, value: Any) -> Any:
    """Nested records typed as a YAML flow value: ``{on: 2023-09-01, text: 已完成}``."""
    if not isinstance(value, str):
        return value
    parsed = parse_text(value, shape.name)
    if not parsed.ok or parsed.value is None:
        raise _bad(shape, value, words.NOT_STRUCTURED)
    if shape.kind == "models" and isinstance(parsed.value, dict):
        return [parsed.value]
    return parsed.value
