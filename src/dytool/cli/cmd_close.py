"""``dytool close ID``: 销号 a problem, or mark a solution / institution / milestone / recurring
submission done, changing only that record's lines."""

from __future__ import annotations

import difflib
import sys

from dytool.cli.settings import Settings
from dytool.core.errors import EXIT_OK
from dytool.core.findings import Lang
from dytool.edit.safewrite import RefusedWrite

__all__ = ["run_close"]


def run_close(
    settings: Settings,
    ident: str,
    *,
    on: str | None,
    note: str | None,
    evidence: str | None,
    by: str | None,
    doc_number: str | None,
    owner_unit: str | None,
    period: str | None,
    kind: str | None,
    dry_run: bool,
) -> int:
    from dytool.cli.cmd_new import show_refused
    from dytool.core.errors import UserError
    from dytool.edit.close import CLOSABLE, CloseOptions, close_record

    if kind is not None and kind not in CLOSABLE:
        raise UserError(f"--kind 只能是 {'|'.join(CLOSABLE)}", f"--kind must be one of {'|'.join(CLOSABLE)}")
    as_of, root, lang = settings.as_of, settings.root(), settings.lang()
    options = CloseOptions(on=on, note=note, evidence=evidence, by=by, doc_number=doc_number, owner_unit=owner_unit, period=period)
    try:
        closed = close_record(root, ident, options, as_of=as_of, kind=kind, dry_run=dry_run, load=settings.load_options)
    except RefusedWrite as refused:
        show_refused(refused, lang)
        raise
    if dry_run:
        sys.stdout.writelines(difflib.unified_diff(closed.before.splitlines(True), closed.after.splitlines(True), closed.file, closed.file, n=1))
    message = closed.what_zh if lang is Lang.ZH else closed.what_en
    print(f"{message} → {closed.file}" + ("（未写入）" if dry_run and lang is Lang.ZH else " (not written)" if dry_run else ""))
    return EXIT_OK
