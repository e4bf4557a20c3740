"""``dytool import-report FILE|DIR…``: reports written in Word or WPS → reports/*.md."""

from __future__ import annotations

import sys
from pathlib import Path

from dytool.cli.settings import Settings
from dytool.core.errors import EXIT_OK, UserError
from dytool.core.findings import Lang

__all__ = ["run_import_report"]


def _files(sources: list[Path]) -> list[Path]:
    from dytool.edit.report_import import READABLE

    out: list[Path] = []
    for source in sources:
        if source.is_dir():
            found = sorted(p for p in source.iterdir() if p.suffix.lower() in READABLE and p.is_file() and not p.name.startswith(("~$", ".~")))
            if not found:
                raise UserError(f"文件夹“{source}”中没有 .docx、.doc 或 .wps 文件", f"no .docx, .doc or .wps file in {str(source)!r}")
            out += found
        elif source.is_file():
            if source.suffix.lower() not in READABLE:
                raise UserError(f"只能导入 Word 或 WPS 文件（.docx .doc .wps）：{source.name}", f"only Word or WPS files can be imported: {source.name}")
            out.append(source)
        else:
            raise UserError(f"找不到文件“{source}”", f"no such file: {str(source)!r}")
    return out


def run_import_report(settings: Settings, sources: list[Path], *, topic: str | None, title: str | None, authors: list[str], unit: str | None,
                      date: str | None, replace: bool, dry_run: bool) -> int:
    from dytool.cli.cmd_new import show_refused
    from dytool.edit.report_import import ReportOptions, import_reports
    from dytool.edit.safewrite import RefusedWrite

    files = _files(sources)
    as_of, root, lang = settings.as_of, settings.root(), settings.lang()
    zh = lang is Lang.ZH
    people = tuple(p.strip() for a in authors for p in a.replace("，", ",").replace("、", ",").split(",") if p.strip())
    options = ReportOptions(topic, title, people, unit, date, replace)
    try:
        done = import_reports(root, files, options, as_of=as_of, dry_run=dry_run, load=settings.load_options)
    except RefusedWrite as refused:
        show_refused(refused, lang)
        raise
    verb = ("将导入" if dry_run else "已导入") if zh else ("would import" if dry_run else "imported")
    for report in done:
        images = (f"，图片 {len(report.images)} 张" if zh else f", {len(report.images)} image(s)") if report.images else ""
        print(f"{verb} {Path(report.source).name} → {report.target}（课题 {report.topic}{images}）" if zh
              else f"{verb} {Path(report.source).name} -> {report.target} (topic {report.topic}{images})")
        for note_zh, note_en in report.notes:
            print(f"  {'注意' if zh else 'note'}: {note_zh if zh else note_en}", file=sys.stderr)
    return EXIT_OK
