"""``dytool import-report FILE|DIR…``: reports written in Word or WPS → reports/*.md."""

from __future__ import annotations

import sys
from pathlib import Path

from dytool.api import RefusedWrite, ReportOptions, import_report
from dytool.cli.cmd_new import show_refused
from dytool.cli.settings import Settings
from dytool.core.catalogue import commands as words
from dytool.core.errors import EXIT_OK
from dytool.core.messages import Text

__all__ = ["run_import_report"]


def run_import_report(settings: Settings, sources: list[Path], *, topic: str | None, title: str | None, authors: list[str], unit: str | None,
                      date: str | None, replace: bool, dry_run: bool) -> int:
    as_of, root, lang = settings.as_of, settings.root(), settings.lang()
    people = tuple(p.strip() for a in authors for p in a.replace("，", ",").replace("、", ",").split(",") if p.strip())
    try:
        done = import_report(root, sources, as_of=as_of, options=ReportOptions(topic, title, people, unit, date, replace), dry_run=dry_run,
                             load=settings.load_options)
    except RefusedWrite as refused:
        show_refused(refused, lang)
        raise
    for report in done:
        images = words.IMAGES(n=len(report.images)) if report.images else Text("", "")
        line = words.WOULD_IMPORT_REPORT if dry_run else words.IMPORTED_REPORT
        print(line(source=Path(report.source).name, target=report.target, topic=report.topic, images=images).text(lang))
        for note_zh, note_en in report.notes:
            print(words.REPORT_NOTE(note=Text.plain(note_zh, note_en)).text(lang), file=sys.stderr)
    return EXIT_OK
