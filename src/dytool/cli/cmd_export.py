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


def _units(repo: object, given: list[str]) -> list[str]:
    from dytool.edit.names import Names

    names = Names.of(repo)  # type: ignore[arg-type]
    out = []
    for text in given:
        found = names.resolve(["unit"], text)
        if found.id is None:
            what = f"可能是：{'、'.join(found.candidates)}" if found.candidates else "units.yaml 中没有这个单位"
            raise UserError(f"--unit “{text}”：{what}", f"--unit {text!r}: " + (f"could be {', '.join(found.candidates)}" if found.candidates
                            else "no such unit in units.yaml"))
        out.append(found.id)
    return out


def run_export(settings: Settings, output_format: str, *, output: Path | None, kind: str | None, units: list[str],
               per_unit: Path | None) -> int:
    if output_format not in FORMATS:
        raise UserError(f"--format 只能是 {'|'.join(FORMATS)}", f"--format must be one of {'|'.join(FORMATS)}")
    if per_unit is not None and output_format == "json":
        raise UserError("--per-unit 只用于 xlsx 或 csv", "--per-unit works with xlsx and csv only")
    kinds = _kinds(kind)
    as_of, root, lang = settings.as_of, settings.root(), settings.lang()
    from dytool.edit.export import export_csv, export_json, export_xlsx, file_name, units_with_items, write_output
    from dytool.edit.names import Names
    from dytool.engine.load import load_repository

    loaded = load_repository(root, SUITE, settings.load_options)
    chosen = _units(loaded.repo, units) if units else None
    written: list[Path] = []
    try:
        if per_unit is not None:
            names = Names.of(loaded.repo)
            for unit in (chosen or units_with_items(loaded.repo, kinds)):
                stem = file_name(f"台账-{names.show(['unit'], unit)}-{as_of.isoformat()}", "")
                if output_format == "xlsx":
                    target = per_unit / f"{stem}.xlsx"
                    write_output(target, export_xlsx(loaded.repo, kinds, as_of, [unit]))
                    written.append(target)
                else:
                    for plural in kinds:
                        target = per_unit / stem / f"{plural}.csv"
                        write_output(target, export_csv(loaded.repo, plural, [unit]))
                        written.append(target)
        elif output_format == "json":
            text = export_json(loaded.repo, kinds, as_of)
            if output is None:
                sys.stdout.write(text)
                return EXIT_OK
            write_output(output, text.encode("utf-8"))
            written.append(output)
        elif output_format == "xlsx":
            target = output or settings.cwd / f"台账-{as_of.isoformat()}.xlsx"
            write_output(target, export_xlsx(loaded.repo, kinds, as_of, chosen))
            written.append(target)
        else:
            folder = output or settings.cwd / f"台账-{as_of.isoformat()}"
            for plural in kinds:
                target = folder / f"{plural}.csv"
                write_output(target, export_csv(loaded.repo, plural, chosen))
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
