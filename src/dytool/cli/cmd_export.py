"""``dytool export``: the lists as xlsx (one sheet each), csv (one file each) or json."""

from __future__ import annotations

import sys
from pathlib import Path

from dytool.checks import SUITE
from dytool.cli.settings import Settings
from dytool.core.errors import EXIT_OK, UserError
from dytool.core.findings import Lang

__all__ = ["run_export"]

FORMATS = ("xlsx", "csv", "json")


def _kinds(kind: str | None) -> list[str]:
    from dytool.edit.columns import LISTS

    if kind is None:
        return list(LISTS)
    plural = kind if kind in LISTS else f"{kind}s"
    if plural not in LISTS:
        raise UserError(f"--kind 只能是 {'|'.join(LISTS)}", f"--kind must be one of {'|'.join(LISTS)}")
    return [plural]


def run_export(settings: Settings, output_format: str, *, output: Path | None, kind: str | None) -> int:
    if output_format not in FORMATS:
        raise UserError(f"--format 只能是 {'|'.join(FORMATS)}", f"--format must be one of {'|'.join(FORMATS)}")
    kinds = _kinds(kind)
    as_of, root, lang = settings.as_of, settings.root(), settings.lang()
    from dytool.edit.export import export_csv, export_json, export_xlsx, write_output
    from dytool.engine.load import load_repository

    loaded = load_repository(root, SUITE, settings.load_options)
    written: list[Path] = []
    try:
        if output_format == "json":
            text = export_json(loaded.repo, kinds, as_of)
            if output is None:
                sys.stdout.write(text)
                return EXIT_OK
            write_output(output, text.encode("utf-8"))
            written.append(output)
        elif output_format == "xlsx":
            target = output or Path(f"台账-{as_of.isoformat()}.xlsx")
            write_output(target, export_xlsx(loaded.repo, kinds, as_of))
            written.append(target)
        else:
            folder = output or Path(f"台账-{as_of.isoformat()}")
            for plural in kinds:
                target = folder / f"{plural}.csv"
                write_output(target, export_csv(loaded.repo, plural))
                written.append(target)
    except OSError as exc:
        raise UserError(f"无法写入：{exc.strerror}（{exc.filename}）", f"cannot write: {exc.strerror} ({exc.filename})") from None
    for path in written:
        print(f"{'已导出' if lang is Lang.ZH else 'exported'}: {path}")
    if loaded.findings:
        errors = sum(1 for f in loaded.findings if f.is_error)
        if errors:
            print(f"dytool: 仓库有 {errors} 个错误，有错的记录没有导出（运行 dytool check 查看）" if lang is Lang.ZH
                  else f"dytool: the repository has {errors} error(s); invalid records were left out (run 'dytool check')", file=sys.stderr)
    return EXIT_OK
