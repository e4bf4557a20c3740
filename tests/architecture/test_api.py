"""``dytool.api`` is the library: every operation of the command line is a documented call
with explicit parameters, returning values."""

from __future__ import annotations

import inspect

import pytest

import dytool.api as api

OPERATIONS = {
    "check": "check", "status": "status", "compile": "compile", "bulletin": "bulletin", "new": "new", "close": "close", "fmt": "fmt",
    "export": "export", "import": "import_ledgers", "diff": "diff", "site": "site", "publish": "publish", "rollup": "rollup",
    "import-report": "import_report", "init": "init_campaign", "schema": "schemas",
}
"""Command → the call that does its work."""


@pytest.mark.parametrize(("command", "name"), sorted(OPERATIONS.items()))
def test_every_operation_is_a_documented_call(command: str, name: str) -> None:
    assert name in api.__all__, f"dytool {command}: dytool.api has no {name}"
    call = getattr(api, name)
    assert callable(call) and inspect.getdoc(call), f"dytool.api.{name} needs a docstring"


def test_everything_listed_exists_and_is_documented() -> None:
    for name in api.__all__:
        value = getattr(api, name)
        assert inspect.getdoc(value), f"dytool.api.{name} needs a docstring"
    assert inspect.getdoc(api), "the module says how to use it"


def test_calls_take_the_as_of_day_never_read_the_clock() -> None:
    """Time comes in as a parameter: every call that judges dates asks for ``as_of``."""
    for name in ("check", "status", "compile", "bulletin", "new", "close", "export", "import_ledgers", "diff", "site", "publish", "rollup",
                 "import_report"):
        parameters = inspect.signature(getattr(api, name)).parameters
        assert "as_of" in parameters and parameters["as_of"].default is inspect.Parameter.empty, name


def test_the_api_reads_no_environment_and_prints_nothing() -> None:
    import ast
    from pathlib import Path

    folder = Path(api.__file__).parent
    for path in sorted(folder.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv"):
                raise AssertionError(f"{path.name}:{node.lineno} reads the environment")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
                raise AssertionError(f"{path.name}:{node.lineno} prints")


def test_a_program_can_brief_without_the_command_line(tmp_path: object) -> None:
    import datetime as dt

    from util import EXAMPLE

    report = api.status(EXAMPLE, as_of=dt.date(2023, 9, 15))
    markdown = api.render_status(report, "md")
    assert markdown.startswith("# 青川市2023年大兴调查研究活动") and "## 三张清单" in markdown
    assert "Problems:" in api.render_status(report, "md", api.Lang.EN)
