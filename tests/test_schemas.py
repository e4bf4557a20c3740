"""The committed JSON Schemas match the models, and the example points editors at them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dytool.cli.main import run
from dytool.models.schemas import SCHEMA_FILES, build_schemas, render_schema
from util import ROOT


def test_committed_schemas_match_the_models() -> None:
    built = build_schemas()
    assert sorted(built) == sorted(SCHEMA_FILES)
    stale = [name for name, schema in built.items()
             if not (ROOT / "schemas" / name).is_file() or (ROOT / "schemas" / name).read_text(encoding="utf-8") != render_schema(schema)]
    assert not stale, f"schemas/ is out of date for {stale}: run `dytool schema -o schemas`"


def test_every_field_has_a_chinese_label() -> None:
    def walk(node: object, path: str) -> list[str]:
        missing = []
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                if not re.search(r"[\u4e00-\u9fff]", str(prop.get("title", "")) + str(prop.get("description", ""))):
                    missing.append(f"{path}.{name}")
            for key, value in node.items():
                missing += walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                missing += walk(value, f"{path}[{i}]")
        return missing

    assert [m for name, schema in build_schemas().items() for m in walk(schema, name)] == []


def test_schema_command_writes_every_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["schema", "-o", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(SCHEMA_FILES)


def test_example_yaml_files_name_their_schema() -> None:
    files = [p for p in (ROOT / "examples" / "campaign-2023").rglob("*.yaml")]  # read only: the schema lines point into the checkout
    assert files
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{path} does not start with a schema line"
        assert (path.parent / match.group(1)).resolve().is_file(), f"{path}: {match.group(1)} does not exist"
