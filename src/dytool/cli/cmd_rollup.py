"""``dytool rollup status|bulletin|export``: the level above, over its members' summaries.

Exit codes as for a campaign: 0 when every member was combined (stale ones included, with a
warning), 1 when a member could not be combined or rollup.yaml has an error (the output is
still written, with every other member), 2 for usage errors.
"""

from __future__ import annotations

from pathlib import Path

from dytool.api import Rollup, find_rollup, rollup, rollup_bulletin, rollup_bulletin_document, rollup_changes, rollup_export
from dytool.cli.documents import Written, write_documents
from dytool.cli.report import emit, warn
from dytool.cli.settings import Settings, start_method
from dytool.core.catalogue import documents as document_words
from dytool.core.catalogue import rollup as words
from dytool.core.catalogue import sharing
from dytool.core.errors import EXIT_FINDINGS, EXIT_OK
from dytool.core.findings import Lang
from dytool.source.filenames import safe_stem
from dytool.source.output import default_folder

__all__ = ["run_rollup_bulletin", "run_rollup_export", "run_rollup_status"]


def _load(settings: Settings) -> Rollup:
    return rollup(find_rollup(settings.cwd), as_of=settings.as_of, load=settings.load_options)


def _report(made: Rollup, lang: Lang) -> int:
    if made.errors:
        warn(words.ERRORS(n=made.errors, failed=made.failed), lang)
        return EXIT_FINDINGS
    return EXIT_OK


def run_rollup_status(settings: Settings, output_format: str, *, output: Path | None, since: Path | None) -> int:
    lang = settings.lang()
    made = _load(settings)
    from dytool.present.formats import ROLLUP
    from dytool.present.rollup_render import RollupReport

    report = RollupReport(made.view(), rollup_changes(made, since) if since is not None else None)
    rendered = ROLLUP[output_format](report, lang)
    if output_format == "docx":
        code = write_documents(settings, lang, [rendered], {"docx"}, output=output, fonts=made.config.fonts, reference=None, folder=None)
        return max(code, _report(made, lang))
    emit(rendered, output=output, color=settings.color and output is None)
    return _report(made, lang)


def run_rollup_bulletin(settings: Settings, *, month: str | None, output_format: str, output: Path | None) -> int:
    lang = settings.lang()
    made = _load(settings)
    bulletin = rollup_bulletin(made, month, start_method=start_method())
    month = f"{bulletin.month_first.year}-{bulletin.month_first.month:02d}"
    folder = output or default_folder(settings.cwd, "build")
    name = safe_stem(document_words.BULLETIN_STEM(title=bulletin.title, number=bulletin.number, month=month).text(lang))
    written = Written(lang)
    if output_format in ("md", "all"):
        written.write(folder / f"{name}.md", bulletin.markdown.encode("utf-8"))
    if output_format in ("docx", "all"):
        from dytool.cli.documents import word_files

        word_files(written, rollup_bulletin_document(made, bulletin, name, lang), {"docx"}, folder / name, fonts=made.config.fonts, reference=None)
    return max(written.finish(), _report(made, lang))


def run_rollup_export(settings: Settings, *, output: Path | None) -> int:
    lang = settings.lang()
    made = _load(settings)
    data = rollup_export(made)
    target = output or settings.cwd / f"{sharing.ROLLUP_XLSX_STEM(day=made.as_of.isoformat()).zh}.xlsx"
    from dytool.source.output import write_output

    print(sharing.EXPORTED(path=str(write_output(target, data))).text(lang))
    return _report(made, lang)
