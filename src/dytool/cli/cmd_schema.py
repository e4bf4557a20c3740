"""``dytool schema``: write the JSON Schemas of every record kind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dytool.cli.settings import Settings
from dytool.core.errors import EXIT_OK, UserError

__all__ = ["run_schema"]


def run_schema(settings: Settings, output: Path) -> int:
    from dytool.models.schemas import write_schemas

    base = settings.directory or Path.cwd()
    folder = output if output.is_absolute() else base / output
    try:
        written = write_schemas(folder, _vocabulary(settings))
    except OSError as exc:
        raise UserError(f"无法写入“{folder}”：{exc.strerror}", f"cannot write to {str(folder)!r}: {exc.strerror}") from None
    for path in written:
        print(path)
    return EXIT_OK


def _vocabulary(settings: Settings) -> Any:
    """The campaign's own words when run inside a campaign repository (else the built-in lists only)."""
    from dytool.engine.loadfile import load_campaign
    from dytool.engine.suite import Suite

    try:
        root = settings.root()
    except UserError:
        return None
    campaign = load_campaign(root, [], Suite()).campaign
    return campaign.vocabulary if campaign is not None else None
