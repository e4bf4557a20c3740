"""``dytool diff REF [REF2]``: what changed, in campaign terms (:data:`dytool.present.formats.CHANGES`)."""

from __future__ import annotations

from dytool.api import diff
from dytool.cli.report import emit
from dytool.cli.settings import Settings
from dytool.core.errors import EXIT_OK

__all__ = ["run_diff"]


def run_diff(settings: Settings, ref: str, ref2: str | None, output_format: str) -> int:
    as_of, root, lang = settings.as_of, settings.root(), settings.lang()
    changes = diff(root, ref, ref2, as_of=as_of, load=settings.load_options)
    from dytool.present.changes_render import ChangesReport
    from dytool.present.formats import CHANGES

    emit(CHANGES[output_format](ChangesReport(changes, ref, ref2), lang), output=None, color=settings.color)
    return EXIT_OK
