"""``dytool status``: the meeting briefing in the format asked for (:data:`dytool.present.formats.BRIEFING`)."""

from __future__ import annotations

from pathlib import Path

from dytool.api import status
from dytool.cli.report import emit, warn
from dytool.cli.settings import Settings
from dytool.core.catalogue import usage
from dytool.core.errors import EXIT_FINDINGS, EXIT_OK

__all__ = ["run_status"]


def run_status(settings: Settings, output_format: str, *, leader: str | None, unit: str | None, output: Path | None,
               since: str | None = None) -> int:
    as_of, root = settings.as_of, settings.root()
    report = status(root, as_of=as_of, leader=leader, unit=unit, since=since, load=settings.load_options)
    lang = settings.lang(report.campaign.language)
    from dytool.present.formats import BRIEFING

    rendered = BRIEFING[output_format](report, lang)
    if output_format in ("docx", "pdf"):
        from dytool.cli.documents import write_documents

        code = write_documents(settings, lang, [rendered], {output_format}, output=output, fonts=report.campaign.fonts, reference=None,
                               folder=None)
    else:
        emit(rendered, output=output, color=settings.color and output is None)
        code = EXIT_OK
    if report.errors:
        warn(usage.REPOSITORY_ERRORS(n=report.errors, consequence=usage.INCOMPLETE_BRIEFING), lang)
        return EXIT_FINDINGS
    return code
