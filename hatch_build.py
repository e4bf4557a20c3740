"""Build hook: ship the templates, the JSON Schemas and the example campaign inside the wheel,
without anything that running dytool leaves beside them (the example's .dytool/ cache, editor
and Office lock files).  A static force-include would copy those too."""

from __future__ import annotations

import os
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SHIPPED = {"templates": "dytool/templates", "schemas": "dytool/schemas", "examples/campaign-2023": "dytool/examples/campaign-2023"}


def _shipped(name: str) -> bool:
    return not name.startswith((".", "~$", "__pycache__"))


class ShipDataHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        for source, target in SHIPPED.items():
            base = os.path.join(self.root, source)
            for folder, dirs, files in os.walk(base):
                dirs[:] = sorted(d for d in dirs if _shipped(d))
                for name in sorted(files):
                    if _shipped(name):
                        path = os.path.join(folder, name)
                        rel = os.path.relpath(path, base).replace(os.sep, "/")
                        build_data["force_include"][path] = f"{target}/{rel}"
