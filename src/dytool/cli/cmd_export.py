"""``dytool export``: the lists as xlsx (one sheet each), csv (one file each) or json."""

from __future__ import annotations

import sys
from pathlib import Path

from dytool.api import export
from dytool.cli.report import warn
from dytool.cli.settings import Settings
from dytool.core.catalogue import commands as words
from dytool.core.catalogue import usage
from dytool.core.errors import EXIT_OK
from dytool.source.output import write_output

__all__ = ["run_export"]


def run_export(settings: Settings, output_format: str, *, output: Path | None, kind: str | None, units: list[str],
               per_unit: Path | None) -> int:
    as_of, root, lang = settings.as_of, settings.root(), settings.lang()
    ledgers = export(root, as_of=as_of, format=output_format, kind=kind, units=units, per_unit=per_unit is not None, load=settings.load_options)
    if output_format == "json" and output is None and per_unit is None:
        sys.stdout.write(next(iter(ledgers.files.values())).decode("utf-8"))
        return EXIT_OK
    if per_unit is not None:
        targets = {settings.cwd / per_unit / name: data for name, data in ledgers.files.items()}
    elif output_format == "csv":
        folder = output or settings.cwd / words.LEDGER_STEM(day=as_of.isoformat()).zh
        targets = {folder / name: data for name, data in ledgers.files.items()}
    else:
        [(name, data)] = ledgers.files.items()
        targets = {output or settings.cwd / name: data}
    for target, data in targets.items():
        print(words.EXPORTED(path=str(write_output(target, data))).text(lang))
    if ledgers.errors:
        warn(usage.REPOSITORY_ERRORS(n=ledgers.errors, consequence=usage.LEFT_OUT_OF_EXPORT), lang)
    return EXIT_OK
