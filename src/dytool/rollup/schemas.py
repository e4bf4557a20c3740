"""The JSON Schemas of the roll-up: the published summary and rollup.yaml.

Kept in the project's ``schemas/`` (a test fails when they drift from the models) and written
by ``dytool rollup schema -o DIR``; ``dytool init --rollup`` puts them into a new roll-up
repository so editors check rollup.yaml while it is typed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dytool.models.schemas import open_objects_explicit
from dytool.rollup import published
from dytool.rollup.config import RollupConfig

__all__ = ["ROLLUP_SCHEMA_FILES", "build_rollup_schemas", "render", "write_rollup_schemas"]

ROLLUP_SCHEMA_FILES = ("publish.schema.json", "rollup.schema.json")


def build_rollup_schemas() -> dict[str, dict[str, Any]]:
    return {
        "publish.schema.json": open_objects_explicit(published.schema()),
        "rollup.schema.json": {"$schema": "https://json-schema.org/draft/2020-12/schema",
                               **open_objects_explicit(RollupConfig.model_json_schema(mode="validation"))},
    }


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_rollup_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in build_rollup_schemas().items():
        path = folder / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written
