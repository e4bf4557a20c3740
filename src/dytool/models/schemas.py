"""JSON Schemas of every file kind, generated from the models.

Editors use them (``# yaml-language-server: $schema=…``) to complete and validate while a
secretary types; the project keeps the generated files in ``schemas/`` and a test fails when
they drift from the models.  Written for a campaign (``dytool schema`` inside its repository),
the open lists (methods, sources, meeting kinds, unit types, outcome forms) list the campaign's
own words from ``vocabulary`` beside the built-in values, so editors complete them too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from dytool.models import Campaign, Institution, Person, Problem, ReportMeta, Solution, Topic, Unit, Visit
from dytool.models.campaign import Vocabulary
from dytool.models.words import VOCABULARIES, word_schema

__all__ = ["SCHEMA_FILES", "build_schemas", "render_schema", "write_schemas"]

_ONE_OR_LIST: dict[str, type[BaseModel]] = {
    "topic": Topic,
    "visit": Visit,
    "problem": Problem,
    "solution": Solution,
    "institution": Institution,
}
_LIST: dict[str, type[BaseModel]] = {"people": Person, "units": Unit}
_ONE: dict[str, type[BaseModel]] = {"campaign": Campaign, "report": ReportMeta}

SCHEMA_FILES = tuple(f"{name}.schema.json" for name in (*_ONE, *_LIST, *_ONE_OR_LIST))


def _schema(model: type[BaseModel]) -> dict[str, Any]:
    schema: dict[str, Any] = open_objects_explicit(model.model_json_schema(mode="validation"))
    return schema


def open_objects_explicit(node: Any) -> Any:
    """Say ``additionalProperties: true`` on free-form objects, as pydantic does from 2.11 on
    (2.10 leaves it out; the meaning is the same), and write whole-number bounds as integers,
    so the files do not depend on pydantic's version."""
    if isinstance(node, list):
        return [open_objects_explicit(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: open_objects_explicit(value) for key, value in node.items()}
    if out.get("type") == "object" and not {"properties", "additionalProperties", "patternProperties"} & out.keys():
        out = {"additionalProperties": True, **out}
    for bound in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):  # 2.10 writes 1.0 where later ones write 1
        value = out.get(bound)
        if isinstance(value, float) and value.is_integer():
            out[bound] = int(value)
    return out


def _with_words(node: Any, replace: list[tuple[list[Any], list[Any]]]) -> Any:
    """``node`` with every open list's options replaced by the campaign's (pydantic may merge
    them into a larger ``anyOf``, with ``null`` for an optional field)."""
    if isinstance(node, dict):
        out = {k: _with_words(v, replace) for k, v in node.items()}
        options = out.get("anyOf")
        if isinstance(options, list):
            for base, mine in replace:
                n = len(base)
                for i in range(len(options) - n + 1):
                    if options[i:i + n] == base:
                        out["anyOf"] = [*options[:i], *mine, *options[i + n:]]
                        break
        return out
    if isinstance(node, list):
        return [_with_words(v, replace) for v in node]
    return node


def build_schemas(vocabulary: Vocabulary | None = None) -> dict[str, dict[str, Any]]:
    """File name → schema document; with a campaign's ``vocabulary``, its words listed."""
    out = _build()
    if vocabulary is None:
        return out
    replace = [(word_schema(enum)["anyOf"], word_schema(enum, getattr(vocabulary, name))["anyOf"]) for name, enum in VOCABULARIES.items()]
    return {name: _with_words(schema, replace) for name, schema in out.items()}


def _build() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    base = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    for name, model in _ONE.items():
        out[f"{name}.schema.json"] = {**base, **_schema(model)}
    for name, model in _LIST.items():
        inner = _schema(model)
        defs = inner.pop("$defs", {})
        out[f"{name}.schema.json"] = {
            **base, "title": inner.get("title", name), "type": "array", "items": inner,
            **({"$defs": defs} if defs else {}),
        }
    for name, model in _ONE_OR_LIST.items():
        inner = _schema(model)
        defs = inner.pop("$defs", {})
        defs[model.__name__] = inner
        ref = {"$ref": f"#/$defs/{model.__name__}"}
        out[f"{name}.schema.json"] = {
            **base, "title": inner.get("title", name),
            "description": "一条记录，或记录的列表 / one record, or a list of records",
            "anyOf": [ref, {"type": "array", "items": ref}], "$defs": defs,
        }
    return out


def render_schema(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write_schemas(folder: Path, vocabulary: Vocabulary | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in build_schemas(vocabulary).items():
        path = folder / name
        path.write_text(render_schema(schema), encoding="utf-8")
        written.append(path)
    return written
