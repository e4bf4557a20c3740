"""The layer contract: imports go one way, from the command line down to the outside world.

Each folder of ``src/dytool`` is a layer; a module may import its own layer and the layers
below it, never one above.  Imports inside functions count too (they are how a layer would
sneak a dependency in).  Layers on one line are independent: neither imports the other.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "dytool"

LAYERS: list[tuple[str, ...]] = [
    ("cli",),
    ("api",),
    ("present",),
    ("rollup",),
    ("documents",),
    ("status", "edit"),
    ("checks",),
    ("facts",),
    ("engine",),
    ("source",),
    ("models",),
    ("dates",),
    ("core",),
]
"""Top to bottom."""

RANK = {name: depth for depth, names in enumerate(LAYERS) for name in names}

ENTRY_POINTS = {"dytool", "dytool.__main__", "dytool.bundle"}
"""The package, ``python -m dytool`` and ``python -m dytool.bundle``: above every layer."""


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "dytool" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in RANK else None


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(rel.parts).removesuffix(".__init__")
        found.append((name, path))
    return found


def imports_of(name: str, path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            out.append((node.lineno, target))
            out.extend((node.lineno, f"{target}.{alias.name}") for alias in node.names)
    return out


def violations() -> list[str]:
    found = []
    for name, path in modules():
        own = layer_of(name)
        if own is None:
            continue
        for line, target in imports_of(name, path):
            other = layer_of(target)
            if other is None or other == own:
                continue
            if RANK[other] < RANK[own] or (RANK[other] == RANK[own]):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {own} imports {target} ({other})")
    return sorted(set(found))


COMMANDS_THROUGH_API = {
    "check", "status", "compile", "new", "close", "fmt", "export", "import", "diff", "site", "publish", "rollup", "report", "schema", "init",
}
"""The ``cli/cmd_*`` modules of the operations :mod:`dytool.api` offers (``cmd_compile`` also
runs ``bulletin``, ``cmd_report`` is ``import-report``)."""

BELOW_THE_API = ("rollup", "documents", "status", "edit", "checks", "facts", "engine")
"""What a command module reaches only through the API: the layers that do the work.  The
presentation, the outside world (writing the output), the models and the catalogue stay
within reach, to show what the API returned."""


def api_violations() -> list[str]:
    found = []
    for name, path in modules():
        if not name.startswith("dytool.cli.cmd_") or name.removeprefix("dytool.cli.cmd_") not in COMMANDS_THROUGH_API:
            continue
        for line, target in imports_of(name, path):
            if layer_of(target) in BELOW_THE_API:
                found.append(f"{path.relative_to(PACKAGE.parent)}:{line}: imports {target} instead of calling dytool.api")
    return sorted(set(found))


def test_commands_call_the_api_not_the_layers_below_it() -> None:
    found = api_violations()
    assert found == [], "\n".join(found)


def test_every_module_belongs_to_a_layer() -> None:
    stray = [name for name, _ in modules() if layer_of(name) is None and name not in ENTRY_POINTS]
    assert stray == []


def test_no_module_imports_a_layer_above_it_or_beside_it() -> None:
    found = violations()
    assert found == [], "\n".join(found)


if __name__ == "__main__":  # pragma: no cover
    print("\n".join(violations() + api_violations()))
    pytest.main([__file__])
