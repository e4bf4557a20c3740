"""Changing a campaign: add a record, close one, format the files, import returned ledgers
and reports.  Every change is checked before it is written, and written all at once or not
at all (:mod:`dytool.edit.safewrite`); a refused change raises
:class:`~dytool.edit.safewrite.RefusedWrite` with the findings it would have brought."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dytool.core.catalogue import commands as words
from dytool.core.errors import UserError
from dytool.engine.options import LoadOptions
from dytool.models.nouns import kind_noun

if TYPE_CHECKING:
    from dytool.edit.close import Closed, CloseOptions
    from dytool.edit.fmt import FmtResult
    from dytool.edit.importer import ImportResult
    from dytool.edit.new import Added
    from dytool.edit.report_import import ImportedReport, ReportOptions

_RESULTS = {"Added": "dytool.edit.new", "Closed": "dytool.edit.close", "CloseOptions": "dytool.edit.close", "FmtResult": "dytool.edit.fmt",
            "ImportResult": "dytool.edit.importer", "ImportedReport": "dytool.edit.report_import",
            "ReportOptions": "dytool.edit.report_import"}
"""The options and results of the calls below, imported when first asked for: a command
imports the machinery of its own edit only (``new`` never loads the importers)."""


def __getattr__(name: str) -> Any:
    if name in _RESULTS:
        import importlib

        return getattr(importlib.import_module(_RESULTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "KINDS",
    "Added",
    "CloseOptions",
    "Closed",
    "FmtResult",
    "ImportResult",
    "ImportedReport",
    "ReportOptions",
    "close",
    "field_labels",
    "fmt",
    "import_ledgers",
    "import_report",
    "kind_of",
    "ledger_kind",
    "missing_fields",
    "new",
    "report_files",
]

KINDS = ("topic", "visit", "problem", "solution", "institution", "person", "unit")
"""The kinds of record :func:`new` adds."""


def kind_of(text: str) -> str:
    """The kind a user named: ``problem``, ``problems``, or its Chinese name (问题)."""
    names = {"persons": "person", "调研": "visit"}
    for kind in KINDS:
        names.update({kind: kind, "people" if kind == "person" else f"{kind}s": kind, kind_noun(kind).zh: kind})
    wanted = text.strip().lower()
    if wanted not in names:
        raise UserError(words.UNKNOWN_KIND(text=text, kinds=list(KINDS)))
    return names[wanted]


def ledger_kind(text: str | None) -> str | None:
    """The list a user named for ``export`` or ``import`` (``problem`` or ``problems``), plural."""
    if text is None:
        return None
    from dytool.edit.columns import LISTS

    plural = text if text in LISTS else f"{text}s"
    if plural not in LISTS:
        from dytool.core.catalogue import usage

        raise UserError(usage.CHOICES(option="--kind", choices="|".join(LISTS)))
    return plural


def missing_fields(kind: str, fields: Mapping[str, Sequence[str]]) -> list[str]:
    """The required fields of ``kind`` that ``fields`` lacks (asked for on a terminal)."""
    from dytool.edit.fields import shapes
    from dytool.models import KINDS as MODELS

    needed = [n for n, s in shapes(MODELS[kind]).items() if s.required and (n != "id" or kind in ("person", "unit"))]
    if kind == "visit" and "start" not in fields:
        needed.insert(0, "date")
    return [n for n in needed if n not in fields]


def field_labels(kind: str) -> dict[str, str]:
    """Each field of ``kind`` with its Chinese label (what a prompt asks for)."""
    from dytool.edit.fields import shapes
    from dytool.models import KINDS as MODELS

    return {name: shape.label for name, shape in shapes(MODELS[kind_of(kind)]).items()}


def _values(kind: str, raw: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    from dytool.edit.fields import coerce, shapes
    from dytool.edit.flagvalues import flag_value
    from dytool.models import KINDS as MODELS

    fields = shapes(MODELS[kind])
    record: dict[str, Any] = {}
    for name, texts in raw.items():
        top, _, sub = name.partition(".")
        shape = fields[top]
        if sub and shape.model is not None and sub in shapes(shape.model):
            record.setdefault(top, {})[sub] = coerce(shapes(shape.model)[sub], texts[-1])
        elif sub:
            record.setdefault(top, {})[sub] = texts[-1]
        else:
            record[top] = flag_value(kind, top, list(texts))
    return record


def new(root: Path, kind: str, fields: Mapping[str, Sequence[str]], *, as_of: dt.date, file: str | None = None, dry_run: bool = False,
        rng: random.Random | None = None, load: LoadOptions | None = None) -> Added:
    """Add one record of ``kind`` (``dytool new``) from its fields as text (``{"owner_unit":
    ["fgw"]}``, a list field given several times), with the next free id unless ``id`` is
    given; into ``file`` or the kind's default file, everything else in it kept."""
    from dytool.edit.new import add_records

    kind = kind_of(kind)
    missing = missing_fields(kind, fields)
    if missing:
        flags = " ".join(f"--{n.replace('_', '-')} …" for n in missing)
        raise UserError(words.MISSING_FIELDS(names=missing, flags=flags))
    batch = add_records(root, kind, [_values(kind, fields)], as_of=as_of, rng=rng or random.Random(), file=file,  # noqa: S311 - ids need no secrecy
                        dry_run=dry_run, load=load)
    return batch.added[0]


def close(root: Path, ident: str, *, as_of: dt.date, options: CloseOptions | None = None, kind: str | None = None, dry_run: bool = False,
          load: LoadOptions | None = None) -> Closed:
    """Close a problem (销号), or mark a solution done, an institution issued, a milestone
    done or a recurring submission made (``dytool close``), changing only that record's lines."""
    from dytool.edit.close import CLOSABLE, CloseOptions, close_record

    if kind is not None and kind not in CLOSABLE:
        from dytool.core.catalogue import usage

        raise UserError(usage.CHOICES(option="--kind", choices="|".join(CLOSABLE)))
    return close_record(root, ident, options or CloseOptions(), as_of=as_of, kind=kind, dry_run=dry_run, load=load)


def fmt(root: Path, *, write: bool = True, load: LoadOptions | None = None) -> FmtResult:
    """Rewrite every YAML file in the canonical style, comments, order and quoting kept
    (``dytool fmt``); with ``write=False`` only say which files would change."""
    from dytool.edit.fmt import format_repository

    return format_repository(root, write=write, options=load)


def import_ledgers(root: Path, sources: Sequence[Path], *, as_of: dt.date, kind: str | None = None, maps: Sequence[str] = (),
                   sheet: str | None = None, file: str | None = None, skip_bad: bool = False, dry_run: bool = False,
                   rng: random.Random | None = None, load: LoadOptions | None = None) -> ImportResult:
    """Read ledgers units sent back (xlsx, csv; ``dytool import``) into edits of existing
    records and new records; nothing is written unless every row is valid (or ``skip_bad``)."""
    from dytool.core.catalogue import usage
    from dytool.edit.importer import import_files

    for source in sources:
        if not source.is_file():
            raise UserError(usage.NO_SUCH_FILE(path=str(source)))
    return import_files(root, list(sources), ledger_kind(kind), as_of=as_of, rng=rng or random.Random(), maps=list(maps),  # noqa: S311
                        sheet=sheet, file=file, skip_bad=skip_bad, dry_run=dry_run, load=load)


def report_files(sources: Sequence[Path]) -> list[Path]:
    """The Word and WPS files among ``sources`` (folders are searched, one level)."""
    from dytool.core.catalogue import usage
    from dytool.edit.report_import import READABLE

    out: list[Path] = []
    for source in sources:
        if source.is_dir():
            found = sorted(p for p in source.iterdir() if p.suffix.lower() in READABLE and p.is_file() and not p.name.startswith(("~$", ".~")))
            if not found:
                raise UserError(words.NO_WORD_FILES(path=str(source)))
            out += found
        elif source.is_file():
            if source.suffix.lower() not in READABLE:
                raise UserError(words.ONLY_WORD(name=source.name))
            out.append(source)
        else:
            raise UserError(usage.NO_SUCH_FILE(path=str(source)))
    return out


def import_report(root: Path, sources: Sequence[Path], *, as_of: dt.date, options: ReportOptions | None = None, dry_run: bool = False,
                  load: LoadOptions | None = None) -> list[ImportedReport]:
    """Reports written in Word or WPS (``dytool import-report``) → ``reports/<topic>.md`` with
    front matter, images under ``reports/images/``, each named in its topic."""
    from dytool.edit.report_import import ReportOptions, import_reports

    return import_reports(root, report_files(sources), options or ReportOptions(), as_of=as_of, dry_run=dry_run, load=load)
