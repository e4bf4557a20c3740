"""JSON Schemas of every file kind, generated from the models.

Editors use them (``# yaml-language-server: $schema=…``) to complete and validate while a
secretary types; the project keeps the generated files in ``schemas/`` and a test fails when
they drift from the models.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from dytool.models import Campaign, Institution, Person, Problem, ReportMeta, Solution, Topic, Unit, Visit

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
    (2.10 leaves it out; the meaning is the same), so the files do not depend on its version."""
    if isinstance(node, list):
        return [open_objects_explicit(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: open_objects_explicit(value) for key, value in node.items()}
    if out.get("type") == "object" and not {"properties", "additionalProperties", "patternProperties"} & out.keys():
        out = {"additionalProperties": True, **out}
    return out


def build_schemas() -> dict[str, dict[str, Any]]:
    """File name → schema document."""
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


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in build_schemas().items():
        path = folder / name
        path.write_text(render_schema(schema), encoding="utf-8")
        written.append(path)
    return written
