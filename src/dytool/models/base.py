"""Building blocks shared by every record model: strictness, labels, ids, references.

Field metadata carries the meaning that checks need, so checks are generic: a field typed
``Ref[...]`` is a reference (checked for existence and kind), ``RepoPath`` a path that must
stay inside the repository.  :func:`field_plan` reads that metadata once per model class.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Annotated, Any, ClassVar, Literal, get_args, get_origin

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError, core_schema

__all__ = [
    "ID_PATTERN",
    "DateMarker",
    "FieldPlan",
    "Id",
    "LabeledEnum",
    "Record",
    "Ref",
    "RepoPath",
    "StrictModel",
    "Vocab",
    "field_plan",
    "label",
    "nested_model",
    "one_or_many",
    "ref_values",
    "user_error",
    "walk_marked",
]

ID_PATTERN = re.compile(r"[\w.\-]{1,64}\Z")


def user_error(kind: str, zh: str, en: str, hint_zh: str = "", hint_en: str = "") -> PydanticCustomError:
    """A validation error that already knows how to explain itself in both languages."""
    return PydanticCustomError(kind, en, {"zh": zh, "en": en, "hint_zh": hint_zh, "hint_en": hint_en})


class StrictModel(BaseModel):
    """Strict (``no`` is not ``False``, ``010`` is not text), closed (a typo is an error), frozen."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, validate_default=False, defer_build=True)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as the validated field values, restored without pydantic's ``__setstate__``
        (five times faster to load: the load cache and worker processes move every record)."""
        return _restore, (type(self), self.__dict__, self.__pydantic_fields_set__)


def _restore(cls: type[StrictModel], values: dict[str, Any], fields_set: set[str]) -> StrictModel:
    """The inverse of :meth:`StrictModel.__reduce__`: what ``model_construct`` does, minus the
    defaults (the values are complete) and minus the checks (they passed when it was built)."""
    obj = cls.__new__(cls)
    _setattr(obj, "__dict__", values)
    _setattr(obj, "__pydantic_fields_set__", fields_set)
    _setattr(obj, "__pydantic_extra__", None)
    _setattr(obj, "__pydantic_private__", None)
    return obj


_setattr = object.__setattr__


def _check_id(value: str) -> str:
    if not ID_PATTERN.match(value):
        shown = value if len(value) <= 40 else value[:37] + "…"
        raise user_error(
            "bad_id",
            f"编号“{shown}”不合格式：只能用字母、汉字、数字和 - _ .，1—64 个字符",
            f"id {shown!r} is malformed: 1-64 letters (Chinese included), digits, '-', '_' or '.'",
        )
    return value


Id = Annotated[str, AfterValidator(_check_id)]


class Record(StrictModel):
    """A record kept in a record folder: it has an id and may be marked classified."""

    noun_zh: ClassVar[str | None] = None
    """What one record of this kind is called when its title names the list (解决事项 for
    问题解决清单); otherwise the title without 清单 (:func:`dytool.models.nouns.kind_noun`)."""

    id: Id = Field(title="编号", description="记录编号，同类记录中唯一（字母、汉字、数字、- _ .，1—64 个字符）")


def label(title: str, description: str = "", **kwargs: Any) -> Any:
    """``Field`` with the Chinese label (``title``) every field must carry."""
    return Field(title=title, description=description or title, **kwargs)


class LabeledEnum(StrEnum):
    """An enumeration whose members are written either as the machine value or the label."""

    label_zh: str

    def __new__(cls, value: str, label_zh: str) -> LabeledEnum:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label_zh = label_zh
        return member

    @classmethod
    @cache
    def _by_text(cls) -> dict[str, LabeledEnum]:
        table: dict[str, LabeledEnum] = {}
        for member in cls:
            table[member.value] = member
            table[member.label_zh] = member
        return table

    @classmethod
    def coerce(cls, value: Any) -> LabeledEnum:
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            found = cls._by_text().get(value.strip())
            if found is not None:
                return found
        choices = "、".join(f"{m.value}（{m.label_zh}）" for m in cls)
        close = difflib.get_close_matches(str(value), list(cls._by_text()), n=1, cutoff=0.5) if isinstance(value, str) else []
        if not close and isinstance(value, str) and value.strip():
            close = [text for text in cls._by_text() if value.strip() in text or text in value][:1]
        return_hint = (f"是不是“{close[0]}”？", f"did you mean {close[0]!r}?") if close else ("", "")
        raise user_error(
            "bad_choice",
            f"“{value}”不是可选值；可选：{choices}",
            f"{value!r} is not allowed; choose one of: {', '.join(m.value for m in cls)}",
            *return_hint,
        )

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.coerce, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        options: list[dict[str, str]] = []
        for member in cls:
            options.append({"const": member.value, "title": member.label_zh})
            options.append({"const": member.label_zh, "title": member.value})
        return {"anyOf": options}


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


one_or_many = BeforeValidator(_one_or_many, json_schema_input_type=str | list[str])
"""Lets a list field take a single item, as people write ``leaders: lin-haifeng``."""


@dataclass(frozen=True, slots=True)
class Ref:
    """Marks a field as a reference to records of ``kinds``; ``text_ok`` allows free text too
    (a host that is not in units.yaml, a name that is not in people.yaml)."""

    kinds: tuple[str, ...]
    text_ok: bool = False


@dataclass(frozen=True, slots=True)
class RepoPath:
    """Marks a field as a path relative to the repository root."""


@dataclass(frozen=True, slots=True)
class Vocab:
    """Marks a field as a value of an open list a campaign may extend (:mod:`dytool.models.words`)."""

    name: str


@dataclass(frozen=True, slots=True)
class DateMarker:
    """Marks a field as holding dates (the ``Day`` type of :mod:`dytool.models.when`)."""


@dataclass(frozen=True, slots=True)
class FieldPlan:
    name: str
    ref: Ref | None
    path: bool
    date: bool
    nested: type[StrictModel] | None
    word: str | None = None
    """The open list (``methods``, ``sources`` …) when the field takes a campaign's words."""


def nested_model(annotation: Any) -> type[StrictModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, StrictModel):
        return annotation
    for arg in get_args(annotation):
        found = nested_model(arg)
        if found is not None:
            return found
    return None


def _find_meta(annotation: Any, kind: type[Any]) -> Any:
    for meta in getattr(annotation, "__metadata__", ()):
        if isinstance(meta, kind):
            return meta
    if get_origin(annotation) is not None:
        for arg in get_args(annotation):
            found = _find_meta(arg, kind)
            if found is not None:
                return found
    return None


@cache
def field_plan(model: type[StrictModel]) -> tuple[FieldPlan, ...]:
    """The fields of ``model`` that checks care about, read once from their metadata."""
    plans = []
    for name, info in model.model_fields.items():
        ref = next((m for m in info.metadata if isinstance(m, Ref)), None) or _find_meta(info.annotation, Ref)
        path = any(isinstance(m, RepoPath) for m in info.metadata) or _find_meta(info.annotation, RepoPath) is not None
        date = _find_meta(info.annotation, DateMarker) is not None
        vocab = _find_meta(info.annotation, Vocab)
        nested = nested_model(info.annotation)
        if ref or path or date or nested or vocab:
            plans.append(FieldPlan(name, ref, path, date, nested, vocab.name if vocab is not None else None))
    return tuple(plans)


Marker = Literal["ref", "path", "date", "word"]


@cache
def _split_plan(model: type[StrictModel], marker: Marker) -> tuple[tuple[FieldPlan, ...], tuple[FieldPlan, ...]]:
    """The fields of ``model`` carrying ``marker``, and the nested-model fields to descend into."""
    plans = field_plan(model)
    marked = tuple(p for p in plans if (p.ref is not None if marker == "ref" else bool(getattr(p, marker))))
    nested = tuple(p for p in plans if p.nested is not None and p not in marked)
    return marked, nested


def walk_marked(obj: StrictModel, marker: Marker, path: tuple[str | int, ...] = ()) -> list[tuple[tuple[str | int, ...], Any, FieldPlan]]:
    """Every value of the fields carrying ``marker`` (references, repository paths or dates),
    nested models included, with its path.  A list, built without generators: checks call
    this for every record."""
    out: list[tuple[tuple[str | int, ...], Any, FieldPlan]] = []
    _collect(obj, marker, path, out)
    return out


def ref_values(obj: StrictModel, out: list[tuple[str, Ref]] | None = None) -> list[tuple[str, Ref]]:
    """Every reference value of ``obj`` with its marker, without paths: the fast first pass of
    the reference check (paths are worked out only for a record with a bad reference)."""
    out = [] if out is None else out
    marked, nested = _split_plan(type(obj), "ref")
    for plan in marked:
        value = getattr(obj, plan.name)
        if value is None or plan.ref is None:
            continue
        if isinstance(value, list):
            out.extend((item, plan.ref) for item in value if isinstance(item, str))
        elif isinstance(value, str):
            out.append((value, plan.ref))
    for plan in nested:
        value = getattr(obj, plan.name)
        if not value:
            continue
        if isinstance(value, list):
            for item in value:
                if isinstance(item, StrictModel):
                    ref_values(item, out)
        elif isinstance(value, StrictModel):
            ref_values(value, out)
    return out


def _collect(obj: StrictModel, marker: Marker, path: tuple[str | int, ...], out: list[tuple[tuple[str | int, ...], Any, FieldPlan]]) -> None:
    marked, nested = _split_plan(type(obj), marker)
    for plan in marked:
        value = getattr(obj, plan.name)
        if value is None:
            continue
        if isinstance(value, list):
            for i, item in enumerate(value):
                if not isinstance(item, StrictModel):
                    out.append(((*path, plan.name, i), item, plan))
        else:
            out.append(((*path, plan.name), value, plan))
    for plan in nested:
        value = getattr(obj, plan.name)
        if not value:
            continue
        if isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, StrictModel):
                    _collect(item, marker, (*path, plan.name, i), out)
        elif isinstance(value, StrictModel):
            _collect(value, marker, (*path, plan.name), out)
