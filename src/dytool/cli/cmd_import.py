"""``dytool import FILE…``: returned ledgers → edits and new records, previewed row by row,
all valid or nothing written."""

from __future__ import annotations

import sys
from pathlib import Path

from dytool.api import ImportResult, RefusedWrite, import_ledgers
from dytool.cli.cmd_new import show_refused
from dytool.cli.settings import Settings
from dytool.core.catalogue import commands as words
from dytool.core.errors import EXIT_FINDINGS, EXIT_OK
from dytool.core.findings import Lang
from dytool.core.messages import Text, join
from dytool.models.nouns import kind_noun

__all__ = ["run_import"]


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _preview(result: ImportResult, lang: Lang, dry_run: bool) -> None:
    if not result.changes:
        return
    edits = sum(1 for c in result.changes if not c.new)
    print((words.PREVIEW if dry_run else words.CHANGES)(edits=edits, added=len(result.changes) - edits).text(lang))
    for change in result.changes:
        where = Text.plain(change.where.zh, change.where.en)
        if change.new:
            print(words.NEW_ROW(where=where, kind=kind_noun(change.kind), id=change.id, title=_short(change.title), file=change.file).text(lang))
            continue
        print(words.EDITED_ROW(where=where, id=change.id, title=_short(change.title)).text(lang))
        for column, old, new in change.shown:
            cell = words.CELL_CHANGED(column=column, old=_short(old, 40), new=_short(new, 60)) if old else \
                words.CELL_ADDED(column=column, new=_short(new, 80))
            print(cell.text(lang))


def _bad_rows(result: ImportResult, lang: Lang, skip_bad: bool) -> None:
    rows = len({b.where for b in result.bad})
    conflicts = len({b.where for b in result.bad if b.conflict})
    conflicting = words.CONFLICTS(n=conflicts) if conflicts else Text("", "")
    print((words.ROWS_SKIPPED if skip_bad else words.ROWS_BAD)(rows=rows, conflicts=conflicting).text(lang), file=sys.stderr)
    for bad in result.bad:
        print(words.BAD_ROW(where=Text.plain(bad.where.zh, bad.where.en), message=Text.plain(bad.zh, bad.en)).text(lang), file=sys.stderr)


def run_import(settings: Settings, sources: list[Path], kind: str | None, *, mapping: list[str], sheet: str | None, file: str | None,
               skip_bad: bool, dry_run: bool) -> int:
    as_of, root, lang = settings.as_of, settings.root(), settings.lang()
    try:
        result = import_ledgers(root, sources, as_of=as_of, kind=kind, maps=mapping, sheet=sheet, file=file, skip_bad=skip_bad,
                                dry_run=dry_run, load=settings.load_options)
    except RefusedWrite as refused:
        show_refused(refused, lang)
        raise
    _preview(result, lang, dry_run or (bool(result.bad) and not skip_bad))
    if result.bad:
        _bad_rows(result, lang, skip_bad)
    if result.unchanged:
        print(words.UNCHANGED_ROWS(n=result.unchanged).text(lang))
    if result.bad and not skip_bad:
        print(words.NOTHING_WRITTEN.text(lang), file=sys.stderr)
        return EXIT_FINDINGS
    if not result.changes:
        if result.bad:
            print(words.NO_ROW_IMPORTABLE.text(lang), file=sys.stderr)
            return EXIT_FINDINGS
        print(words.NOTHING_TO_IMPORT.text(lang))
        return EXIT_OK
    shown: list[object] = list(result.files) if len(result.files) <= 6 else [*result.files[:5], words.MORE_FILES(n=len(result.files))]
    print((words.WOULD_WRITE if dry_run else words.WRITTEN)(files=join(shown)).text(lang))
    return EXIT_OK
