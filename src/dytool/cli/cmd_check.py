"""``dytool check``: validate, then report in the format asked for."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dytool.checks import SUITE
from dytool.cli.settings import Settings
from dytool.core.errors import EXIT_FINDINGS, EXIT_OK, UserError

__all__ = ["display_paths", "run_check"]

FORMATS = ("text", "json", "github", "gitlab", "junit")


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
    if output_format not in FORMATS:
        raise UserError(f"--format 只能是 {'|'.join(FORMATS)}", f"--format must be one of {'|'.join(FORMATS)}")
    as_of = settings.as_of
    root = settings.root()
    from dytool.engine.check import check, check_since

    if changed_since is not None:
        result = check_since(root, SUITE, as_of, settings.load_options, changed_since)
    else:
        result = check(root, SUITE, as_of, settings.load_options)
    lang = settings.lang(result.language)
    display = display_paths(root)
    summary = {"errors": result.errors, "warnings": result.warnings, "files": result.files, "records": result.records}
    if output_format == "text":
        from dytool.present.findings_text import show_findings

        show_findings(result.findings, lang, display, summary, color=settings.color and output is None, output=output)
    else:
        from dytool.present.findings import REPORTERS

        text = REPORTERS[output_format](result.findings, lang, display, summary)
        if output is None:
            import sys

            sys.stdout.write(text)
            sys.stdout.flush()
        else:
            from dytool.cli.cmd_compile import write_document

            write_document(output, text.encode("utf-8"))
    return EXIT_FINDINGS if result.failed(strict=strict) else EXIT_OK
