"""``dytool compile`` and ``dytool bulletin``: the documents, as Markdown, Word and PDF files."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from dytool.api import CompileOptions, bulletin, bulletin_document, compile, compiled_document, reference_document
from dytool.cli.documents import Written, word_files
from dytool.cli.settings import Settings
from dytool.core.catalogue import documents as words
from dytool.core.catalogue import usage
from dytool.core.errors import EXIT_USAGE, UserError
from dytool.core.messages import Text
from dytool.source.filenames import safe_stem
from dytool.source.folders import own_folder
from dytool.source.output import default_folder

__all__ = ["run_bulletin", "run_compile"]


def _figures(written: Written, folder: Path, charts: tuple[Any, ...]) -> None:
    """The charts a Markdown file shows, beside it (``charts/…``): never through a ``charts``
    that is a link (a pull request can commit ``build/charts`` → another project's folder)."""
    from dytool.present.charts_svg import chart_files

    for name, data in sorted(chart_files(charts).items()):
        *folders, file = PurePosixPath(name).parts
        place = own_folder(folder, *folders)
        if place is None:
            shown = PurePosixPath(folder.name, *folders).as_posix()
            raise UserError(usage.DEFAULT_FOLDER_LINK(name=shown), exit_code=EXIT_USAGE, hint=usage.DEFAULT_FOLDER_LINK_HINT)
        written.write(place / file, data)


def run_compile(settings: Settings, *, output_format: str, output: Path | None, only: str, anonymize: bool,
                public: bool, template: str | None, theme: str | None, toc_pages: bool = False) -> int:
    formats = set(output_format.split(","))
    as_of, root = settings.as_of, settings.root()
    compiled, campaign = compile(root, as_of=as_of, options=CompileOptions(only, anonymize, public, theme, template), load=settings.load_options)
    written = Written(settings.lang(campaign.language))
    written.problems += [(where, Text.plain(zh, en)) for where, zh, en in compiled.problems]
    folder = output or default_folder(settings.cwd, "build")
    path = folder / safe_stem(compiled.title)
    if "md" in formats:
        written.write(path.with_suffix(".md"), compiled.markdown.encode("utf-8"))
        _figures(written, folder, compiled.charts)
    if formats & {"docx", "pdf"}:
        word_files(written, compiled_document(compiled, as_of, path.name), formats & {"docx", "pdf"}, path, fonts=campaign.fonts, reference=reference_document(root), root=root,
                   toc_pages=toc_pages)
    return written.finish()


def run_bulletin(settings: Settings, *, month: str | None, output_format: str, output: Path | None) -> int:
    formats = set(output_format.split(","))
    as_of, root = settings.as_of, settings.root()
    made, campaign = bulletin(root, as_of=as_of, month=month, load=settings.load_options)
    month = f"{made.month_first.year}-{made.month_first.month:02d}"
    lang = settings.lang(campaign.language)
    written = Written(lang)
    folder = output or default_folder(settings.cwd, "build")
    path = folder / safe_stem(words.BULLETIN_STEM(title=made.title, number=made.number, month=month).text(lang))
    if "md" in formats:
        written.write(path.with_suffix(".md"), made.markdown.encode("utf-8"))
        _figures(written, folder, made.charts)
    if formats & {"docx", "pdf"}:
        word_files(written, bulletin_document(made, campaign, path.name, lang), formats & {"docx", "pdf"}, path, fonts=campaign.fonts, reference=reference_document(root))
    return written.finish()
