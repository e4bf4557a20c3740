"""``dytool import FILE --kind K``: rows of a spreadsheet → records, all valid or none written."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from dytool.cli.settings import Settings
from dytool.core.errors import EXIT_FINDINGS, EXIT_OK, UserError
from dytool.core.findings import Lang

__all__ = ["run_import"]


def run_import(settings: Settings, source: Path, kind: str, *, mapping: list[str], sheet: str | None, file: str | None,
               skip_bad: bool, dry_run: bool) -> int:
    from dytool.edit.columns import LISTS

    plural = kind if kind in LISTS else f"{kind}s"
    if plural not in LISTS:
        raise UserError(f"--kind 只能是 {'|'.join(LISTS)}", f"--kind must be one of {'|'.join(LISTS)}")
    if not source.is_file():
        raise UserError(f"找不到文件“{source}”", f"no such file: {str(source)!r}")
    as_of, root, lang = settings.as_of, settings.root(), settings.lang()
    zh = lang is Lang.ZH
    from dytool.cli.cmd_new import show_refused
    from dytool.edit.importer import import_file
    from dytool.edit.safewrite import RefusedWrite

    rng = random.Random()  # noqa: S311 - ids need no secrecy, only spread
    try:
        result = import_file(root, source, plural, as_of=as_of, rng=rng, maps=mapping, sheet=sheet, file=file,
                             skip_bad=skip_bad, dry_run=dry_run, load=settings.load_options)
    except RefusedWrite as refused:
        show_refused(refused, lang)
        raise
    for bad in result.bad:
        print(f"  {'第' if zh else 'row '}{bad.row}{'行' if zh else ''}: {bad.zh if zh else bad.en}", file=sys.stderr)
    if result.batch is None:
        print(f"dytool: {len(result.bad)} 行有错误，没有写入任何记录（改正后重试，或加 --skip-bad 跳过这些行）" if zh
              else f"dytool: {len(result.bad)} row(s) have errors; nothing was written (fix them, or skip them with --skip-bad)",
              file=sys.stderr)
        return EXIT_FINDINGS
    if result.unchanged:
        print(f"{len(result.unchanged)} 行与仓库中的记录相同，未改动" if zh else f"{len(result.unchanged)} row(s) repeat records already in the repository; left alone")
    files = sorted({a.file for a in result.batch.added})
    verb = ("将导入" if dry_run else "已导入") if zh else ("would import" if dry_run else "imported")
    skipped = (f"，跳过 {len(result.bad)} 行" if zh else f", skipped {len(result.bad)} row(s)") if result.bad else ""
    print(f"{verb} {len(result.batch.added)} {'条记录' if zh else 'record(s)'}{skipped}" + (f" → {', '.join(files)}" if files else ""))
    return EXIT_OK
