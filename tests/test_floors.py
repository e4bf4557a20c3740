"""The floors of pyproject.toml, as .ci/constraints.py turns them into pip constraints."""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _constraints() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ci_constraints", ROOT / ".ci" / "constraints.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("ci_constraints", module)
    spec.loader.exec_module(module)
    return module


def test_every_dependency_has_a_floor_pinned_by_the_constraints() -> None:
    ci = _constraints()
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    reqs = ci.requirements(data)
    lines = ci.floors(reqs)
    assert len(lines) == len(reqs) >= 20
    assert all("==" in line and ">" not in line for line in lines)
    assert "jinja2==3.1.6" in lines  # the first release without the known sandbox escapes
    assert "typer==0.28" in lines and any(line.startswith("hatchling==") for line in lines)


def test_a_dependency_without_a_floor_is_refused() -> None:
    ci = _constraints()
    with pytest.raises(SystemExit, match="types-foo"):
        ci.floors(["pytest>=8", "types-foo", "rich<15"])
    assert ci.floors(["ruamel.yaml>=0.18,<0.20", "lxml[html]>=5 ; python_version>'3'"]) == ["ruamel.yaml==0.18", "lxml==5"]
