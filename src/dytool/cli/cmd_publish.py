"""``dytool publish``: the campaign's published summary (JSON, schema ``schemas/publish.schema.json``)."""

from __future__ import annotations

from pathlib import Path

from dytool.api import campaign_language, publish
from dytool.cli.report import emit, warn
from dytool.cli.settings import Settings
from dytool.core.catalogue import sharing, usage
from dytool.core.errors import EXIT_OK

__all__ = ["run_publish"]


def run_publish(settings: Settings, output: Path | None) -> int:
    as_of, root = settings.as_of, settings.root()
    from dytool.source.gitfetch import head_commit

    data, errors = publish(root, as_of=as_of, commit=head_commit(root), load=settings.load_options)
    lang = settings.lang(campaign_language(root))
    to_file = output is not None and output.name != "-"
    written = emit(data, output=output if to_file else None, color=False)
    if written is not None:
        print(sharing.PUBLISHED(path=str(output)).text(lang))
    if errors:
        warn(usage.REPOSITORY_ERRORS(n=errors, consequence=usage.LEFT_OUT_OF_SUMMARY), lang)
    return EXIT_OK
