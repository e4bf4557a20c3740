"""``new`` (and ``import``): add records to a repository, checked before anything is written.

:func:`add_records` takes records as plain values (what flags, prompts or spreadsheet rows
gave), completes their ids, orders their fields as the model declares them, appends each to
its file (:mod:`dytool.edit.targets`) and commits the lot through :mod:`dytool.edit.safewrite`:
either every record is written, or none.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dytool.checks import SUITE
from dytool.core.catalogue import edits as words
from dytool.core.errors import EXIT_FINDINGS, EXIT_USAGE, UserError
from dytool.core.findings import Finding
from dytool.dates import Span
from dytool.edit.fields import shapes
from dytool.edit.ids import PREFIXES, new_id
from dytool.edit.safewrite import Plan, RefusedWrite, check_plan, editing, write_plan
from dytool.edit.splice import append_records
from dytool.edit.targets import default_file, new_file_text, target_file
from dytool.edit.yamlio import dump_item, join_text, new_file_style, split_text
from dytool.engine.check import CheckResult, check_for_edit
from dytool.engine.options import LoadOptions
from dytool.models import KINDS
from dytool.models.campaign import Campaign
from dytool.models.nouns import kind_noun
from dytool.models.when import When, parse_when
from dytool.source.atomic import repository_path
from dytool.source.locate import index_positions

__all__ = ["Added", "Batch", "add_records", "load_for_edit", "ordered", "prepare_records", "rows_of"]


@dataclass(frozen=True, slots=True)
class Added:
    kind: str
    id: str
    file: str
    index: int
    """Position of the record in its file's list."""
    text: str
    """The record as written (YAML)."""
    row: int = 0
    """The caller's number for the record (a spreadsheet row), 0 when none."""


@dataclass
class Batch:
    added: list[Added] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    """New text of every file written, by repository-relative path."""
    plan: Plan = field(default_factory=Plan)


def load_for_edit(root: Path, as_of: dt.date, options: LoadOptions | None = None) -> tuple[CheckResult, Campaign]:
    """The repository checked as it is now (the baseline a change is compared with).

    With the cache, the findings are those of ``dytool check`` (replayed, or brought up to
    date and kept, so that the edit's own check reads only the edited files) and the records
    are read on demand; without it, everything is loaded and checked here."""
    result = check_for_edit(root, SUITE, as_of, options or LoadOptions(cache=False))
    campaign = result.repo.campaign
    if campaign is None:
        raise UserError(words.CAMPAIGN_ERRORS, exit_code=EXIT_FINDINGS)
    return result, campaign


def ordered(kind: str, record: Mapping[str, Any]) -> dict[str, Any]:
    """The record's fields in the model's order (id first), unknown ones after, none empty."""
    names = list(KINDS[kind].model_fields)
    keys = sorted(record, key=lambda k: (names.index(k) if k in names else len(names), 0 if k in names else list(record).index(k)))
    return {k: record[k] for k in keys if record[k] is not None and record[k] != [] and record[k] != ""}


_DAY_PHRASE = re.compile(r"(?:\d{4}\s*年)?\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]\Z")


def resolve_days(kind: str, record: dict[str, Any], campaign: Campaign) -> dict[str, Any]:
    """Day phrases typed for a new record (``5月10日``) written as the ISO day they name."""
    period = Span(campaign.period.start.first, campaign.period.end.last)
    out = dict(record)
    for name, shape in shapes(KINDS[kind]).items():
        value = out.get(name)
        if shape.kind == "date" and isinstance(value, str) and _DAY_PHRASE.match(unicodedata.normalize("NFKC", value).strip()):
            when = _when(value, period)
            if when is not None and when.is_day:
                out[name] = when.first
    return out


def _when(value: Any, period: Span) -> When | None:
    try:
        return parse_when(value, {"period": period})
    except Exception:  # noqa: BLE001 - an unreadable date is reported by the repository check
        return None


def _first_day(record: Mapping[str, Any], campaign: Campaign) -> dt.date | None:
    value = record.get("date") or record.get("start")
    if value is None:
        return None
    when = _when(value, Span(campaign.period.start.first, campaign.period.end.last))
    return when.first if when is not None else None


def add_records(
    root: Path,
    kind: str,
    records: Sequence[Mapping[str, Any]],
    *,
    as_of: dt.date,
    rng: random.Random,
    file: str | None = None,
    rows: Sequence[int] = (),
    dry_run: bool = False,
    baseline: CheckResult | None = None,
    load: LoadOptions | None = None,
) -> Batch:
    """Add ``records`` of ``kind``; refuse (:class:`RefusedWrite`) if that adds any error.

    Everything from reading the repository to writing it happens under its write lock, so
    concurrent commands take turns and serial ids never collide."""
    with editing(root):
        result = baseline or load_for_edit(root, as_of, load)[0]
        batch = prepare_records(root, kind, records, as_of=as_of, rng=rng, file=file, rows=rows, baseline=result)
        added = check_plan(root, batch.plan, as_of, result.findings, load)
        if added:
            raise RefusedWrite(added, batch)
        if not dry_run:
            write_plan(root, batch.plan)
        return batch


def prepare_records(
    root: Path,
    kind: str,
    records: Sequence[Mapping[str, Any]],
    *,
    as_of: dt.date,
    rng: random.Random,
    file: str | None = None,
    rows: Sequence[int] = (),
    baseline: CheckResult | None = None,
    texts: Mapping[str, str] | None = None,
) -> Batch:
    """The files with ``records`` added (ids completed, fields ordered), not yet checked or written.

    ``texts`` gives the current text of files this batch already changed (by path): records
    are appended to that text, and the plan still compares the file with what is on disk."""
    result, campaign = (baseline, baseline.repo.campaign) if baseline and baseline.repo.campaign else load_for_edit(root, as_of)
    taken = result.repo.ids(kind)
    rel_given = target_file(root, kind, file) if file else None
    batch = Batch()
    by_file: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for number, raw in enumerate(records):
        record = dict(raw)
        ident = record.get("id")
        if ident in (None, ""):
            if kind not in PREFIXES:
                raise UserError(words.NEEDS_ID(kind=kind_noun(kind)), exit_code=EXIT_USAGE)
            ident = new_id(kind, campaign.id_style.value, as_of, rng, taken)
        ident = str(ident)
        if ident in taken:
            raise UserError(words.ID_TAKEN(id=ident), exit_code=EXIT_FINDINGS)
        taken.add(ident)
        record["id"] = ident
        record = ordered(kind, resolve_days(kind, record, campaign))
        owner = record.get("owner_unit")
        rel = rel_given or default_file(root, kind, owner if isinstance(owner, str) else None, _first_day(record, campaign))
        by_file.setdefault(rel, []).append((number, record))
    for rel, items in by_file.items():
        path = repository_path(root, rel)
        was = path.read_bytes() if path.exists() else None
        text, style = split_text(was, rel) if was is not None else (new_file_text(root, kind, rel), new_file_style(root))
        if texts and rel in texts:
            text = texts[rel]
        text, count = append_records(text, [record for _, record in items], rel)
        batch.texts[rel] = text
        for offset, (number, record) in enumerate(items):
            row = rows[number] if number < len(rows) else number + 1
            batch.added.append(Added(kind, record["id"], rel, count + offset, dump_item(record), row))
        batch.plan.put(rel, join_text(text, style), was)
    return batch


def rows_of(batch: Batch, findings: Sequence[Finding]) -> dict[int, list[Finding]]:
    """The caller's row numbers of the records each finding points into."""
    starts: dict[str, list[tuple[int, Added]]] = {}
    for rel, text in batch.texts.items():
        positions = index_positions(text)
        mine = [a for a in batch.added if a.file == rel]
        starts[rel] = sorted(((positions.find((a.index,))[0], a) for a in mine), key=lambda pair: pair[0])
    out: dict[int, list[Finding]] = {}
    for finding in findings:
        hit = None
        for line, added in starts.get(finding.file, []):
            if line <= finding.line:
                hit = added
        if hit is not None:
            out.setdefault(hit.row, []).append(finding)
    return out
