"""``dytool close ID``: 销号 a problem, or mark a solution / institution / milestone / recurring
submission done, changing only that record's lines."""

from __future__ import annotations

import difflib
import sys

from dytool.api import CloseOptions, RefusedWrite, close
from dytool.cli.cmd_new import show_refused
from dytool.cli.settings import Settings
from dytool.core.catalogue import commands as words
from dytool.core.errors import EXIT_OK

__all__ = ["run_close"]


def run_close(settings: Settings, ident: str, *, on: str | None, note: str | None, evidence: str | None, by: str | None,
              doc_number: str | None, owner_unit: str | None, period: str | None, kind: str | None, dry_run: bool) -> int:
    as_of, root, lang = settings.as_of, settings.root(), settings.lang()
    options = CloseOptions(on=on, note=note, evidence=evidence, by=by, doc_number=doc_number, owner_unit=owner_unit, period=period)
    try:
        closed = close(root, ident, as_of=as_of, options=options, kind=kind, dry_run=dry_run, load=settings.load_options)
    except RefusedWrite as refused:
        show_refused(refused, lang)
        raise
    if dry_run:
        sys.stdout.writelines(difflib.unified_diff(closed.before.splitlines(True), closed.after.splitlines(True), closed.file, closed.file, n=1))
    print((words.NOT_WRITTEN if dry_run else words.CLOSED)(what=closed.what, file=closed.file).text(lang))
    return EXIT_OK
