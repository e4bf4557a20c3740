"""``dytool check``: validate, then report in the format asked for (:data:`dytool.present.formats.FINDINGS`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dytool.api import check
from dytool.cli.report import emit
from dytool.cli.settings import Settings
from dytool.core.errors import EXIT_FINDINGS, EXIT_OK

__all__ = ["display_paths", "run_check"]


def display_paths(root: Path) -> Callable[[str], str]:
    """Show files relative to where the command runs when the repository is below it, so that
    editors and CI annotations (which expect workspace-relative paths) find them."""
    cwd = Path.cwd().resolve()
    real = root.resolve()
    if real == cwd or cwd not in real.parents:
        return lambda file: file
    prefix = real.relative_to(cwd).as_posix()
    return lambda file: f"{prefix}/{file}" if file else prefix


def run_check(settings: Settings, output_format: str, *, strict: bool, output: Path | None, changed_since: str | None = None) -> int:
    as_of, root = settings.as_of, settings.root()
    result = check(root, as_of=as_of, changed_since=changed_since, load=settings.load_options)
    lang = settings.lang(result.language)
    summary = {"errors": result.errors, "warnings": result.warnings, "files": result.files, "records": result.records}
    from dytool.present.formats import FINDINGS

    rendered = FINDINGS[output_format](result.findings, lang, display_paths(root), summary)
    emit(rendered, output=output, color=settings.color and output is None, soft_wrap=True)
    return EXIT_FINDINGS if result.failed(strict=strict) else EXIT_OK
