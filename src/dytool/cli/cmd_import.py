"""``dytool import FILE…``: returned ledgers → edits and new records, previewed row by row,
all valid or nothing written."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from dytool.cli.settings import Settings
from dytool.core.errors import EXIT_FINDINGS, EXIT_OK, UserError
from dytool.core.findings import Lang

__all__ = ["run_import"]

_KIND_ZH = {"problem": "问题", "solution": "解决事项", "institution": "制度", "topic": "课题", "visit": "调研活动"}


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _preview(result: object, zh: bool, dry_run: bool) -> None:
    from dytool.edit.importer import ImportResult

    assert isinstance(result, ImportResult)
    if not result.changes:
        return
    edits = sum(1 for c in result.changes if not c.new)
    added = sum(1 for c in result.changes if c.new)
    if zh:
        print(f"{'预览' if dry_run else '改动'}：修改 {edits} 条记录，新增 {added} 条")
    else:
        print(f"{'preview' if dry_run else 'changes'}: {edits} record(s) edited, {added} added")
    for change in result.changes:
        where = change.where.zh if zh else change.where.en
        name = _KIND_ZH.get(change.kind, change.kind) if zh else change.kind
        if change.new:
            print(f"  {where}  {'新增' if zh else 'new'}{name} {change.id}“{_short(change.title)}” → {change.file}")
            continue
        print(f"  {where}  {change.id}“{_short(change.title)}”")
        for column, old, new in change.shown:
            if not old:
                print(f"      {column}：+ {_short(new, 80)}" if zh else f"      {column}: + {_short(new, 80)}")
            else:
                print(f"      {column}：{_short(old, 40)} → {_short(new, 60)}" if zh else f"      {column}: {_short(old, 40)} -> {_short(new, 60)}")


def run_import(settings: Settings, sources: list[Path], kind: str | None, *, mapping: list[str], sheet: str | None, file: str | None,
               skip_bad: bool, dry_run: bool) -> int:
    from dytool.edit.columns import LISTS

    plural = None
    if kind is not None:
        plural = kind if kind in LISTS else f"{kind}s"
        if plural not in LISTS:
            raise UserError(f"--kind 只能是 {'|'.join(LISTS)}", f"--kind must be one of {'|'.join(LISTS)}")
    for source in sources:
        if not source.is_file():
            raise UserError(f"找不到文件“{source}”", f"no such file: {str(source)!r}")
    as_of, root, lang = settings.as_of, settings.root(), settings.lang()
    zh = lang is Lang.ZH
    from dytool.cli.cmd_new import show_refused
    from dytool.edit.importer import import_files
    from dytool.edit.safewrite import RefusedWrite

    rng = random.Random()  # noqa: S311 - ids need no secrecy, only spread
    try:
        result = import_files(root, sources, plural, as_of=as_of, rng=rng, maps=mapping, sheet=sheet, file=file,
                              skip_bad=skip_bad, dry_run=dry_run, load=settings.load_options)
    except RefusedWrite as refused:
        show_refused(refused, lang)
        raise
    _preview(result, zh, dry_run or (bool(result.bad) and not skip_bad))
    if result.bad:
        rows = len({b.where for b in result.bad})
        conflicts = len({b.where for b in result.bad if b.conflict})
        head = (f"{'跳过' if skip_bad else '有问题的行'} {rows} 行" + (f"（其中冲突 {conflicts} 行）" if conflicts else "") + "：") if zh else (
            f"{'skipped' if skip_bad else 'rows with problems'}: {rows}" + (f" ({conflicts} conflicting)" if conflicts else "") + ":")
        print(head, file=sys.stderr)
        for bad in result.bad:
            print(f"  {bad.where.zh if zh else bad.where.en}: {bad.zh if zh else bad.en}", file=sys.stderr)
    if result.unchanged:
        print(f"{result.unchanged} 行与仓库中的记录相同，未改动" if zh else f"{result.unchanged} row(s) match the repository; left alone")
    if result.bad and not skip_bad:
        print("没有写入任何文件：改正这些行后重试，或加 --skip-bad 跳过它们" if zh
              else "nothing was written: fix those rows and try again, or skip them with --skip-bad", file=sys.stderr)
        return EXIT_FINDINGS
    if not result.changes:
        if result.bad:
            print("没有可以导入的行" if zh else "no row could be imported", file=sys.stderr)
            return EXIT_FINDINGS
        print("没有需要导入的改动" if zh else "nothing to import")
        return EXIT_OK
    shown = result.files if len(result.files) <= 6 else [*result.files[:5], f"…（共 {len(result.files)} 个文件）" if zh else f"… ({len(result.files)} files)"]
    files = "、".join(shown) if zh else ", ".join(shown)
    if dry_run:
        print(f"（预览，未写入；将改动 {files}）" if zh else f"(preview, nothing written; would change {files})")
    else:
        print(f"已写入：{files}" if zh else f"written: {files}")
    return EXIT_OK
