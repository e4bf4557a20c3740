"""``dytool new KIND``: add a record from flags (``--owner-unit fgw`` or ``owner_unit=fgw``), asking
on a terminal for the required fields that are missing."""

from __future__ import annotations

import difflib
import sys

from dytool.api import RefusedWrite, field_labels, kind_of, missing_fields, new
from dytool.cli.settings import Settings
from dytool.core.catalogue import check as check_words
from dytool.core.catalogue import commands as words
from dytool.core.errors import EXIT_OK, EXIT_USAGE, UserError
from dytool.core.findings import Lang
from dytool.core.messages import join

__all__ = ["parse_field_args", "run_new", "show_refused"]


def parse_field_args(args: list[str], names: list[str]) -> dict[str, list[str]]:
    """``--owner-unit fgw``, ``--owner-unit=fgw``, ``owner_unit=fgw`` → ``{"owner_unit": ["fgw"]}``;
    a field given twice collects both (``--leaders a --leaders b``)."""
    out: dict[str, list[str]] = {}
    i = 0
    while i < len(args):
        token = args[i]
        if token.startswith("--"):
            name, eq, value = token[2:].partition("=")
            if not eq:
                if i + 1 < len(args) and not args[i + 1].startswith("--"):
                    value = args[i + 1]
                    i += 1
                else:
                    value = "true"
        elif "=" in token:
            name, _, value = token.partition("=")
        else:
            raise UserError(words.UNREADABLE_FIELD(token=token))
        key = _field_name(name.replace("-", "_"), names)
        out.setdefault(key, []).append(value)
        i += 1
    return out


def _field_name(name: str, names: list[str]) -> str:
    top = name.split(".", 1)[0]
    if top in names:
        return name
    if f"{top}s" in names and "." not in name:
        return f"{top}s"
    close = difflib.get_close_matches(top, names, n=1)
    message = words.NO_SUCH_FIELD_CLOSE(name=name, close=close[0].replace("_", "-")) if close else words.NO_SUCH_FIELD(name=name)
    raise UserError(message, exit_code=EXIT_USAGE, hint=words.FIELDS_HINT(fields=join(names, ", ", ", ")))


def run_new(settings: Settings, kind_text: str, args: list[str], *, file: str | None, ident: str | None, dry_run: bool, no_input: bool) -> int:
    from dytool.models import KINDS

    kind = kind_of(kind_text)
    raw = parse_field_args(args, list(KINDS[kind].model_fields))
    if ident:
        raw["id"] = [ident]
    as_of, root, lang = settings.as_of, settings.root(), settings.lang()
    missing = missing_fields(kind, raw)
    if missing and sys.stdin.isatty() and not no_input:
        import typer

        labels = field_labels(kind)
        for name in missing:
            raw[name] = [typer.prompt(f"{labels[name]} ({name})")]
    try:
        added = new(root, kind, raw, as_of=as_of, file=file, dry_run=dry_run, load=settings.load_options)
    except RefusedWrite as refused:
        show_refused(refused, lang)
        raise
    if dry_run:
        sys.stdout.write(added.text)
    print((words.WOULD_ADD if dry_run else words.ADDED)(id=added.id, file=added.file).text(lang))
    return EXIT_OK


def show_refused(refused: RefusedWrite, lang: Lang) -> None:
    """The errors a refused write would have added, one a line, as ``check`` shows them."""
    for finding in refused.findings:
        hint = finding.hint(lang)
        line = (check_words.REFUSED_FINDING_HINT if hint else check_words.REFUSED_FINDING)(
            where=finding.where, code=finding.code, message=finding.message(lang), hint=hint)
        print(line.text(lang), file=sys.stderr)
