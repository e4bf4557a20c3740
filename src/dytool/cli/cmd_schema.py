"""``dytool schema`` and ``dytool rollup schema``: write the JSON Schemas."""

from __future__ import annotations

from pathlib import Path

from dytool.api import campaign_vocabulary, rollup_schemas, schemas
from dytool.cli.settings import Settings
from dytool.core.errors import EXIT_OK, UserError
from dytool.source.output import write_output

__all__ = ["run_rollup_schema", "run_schema"]


def _write(folder: Path, files: dict[str, str]) -> int:
    for name, text in files.items():
        print(write_output(folder / name, text.encode("utf-8")))
    return EXIT_OK


def run_schema(settings: Settings, output: Path) -> int:
    """The schemas of every record kind, with the campaign's own words when run inside a campaign repository."""
    try:
        vocabulary = campaign_vocabulary(settings.root())
    except UserError:
        vocabulary = None
    return _write(output, schemas(vocabulary))


def run_rollup_schema(settings: Settings, output: Path) -> int:
    return _write(output, rollup_schemas())
