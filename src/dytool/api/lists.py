"""The lists as files: the ledgers (台账) as xlsx, csv or json, and the JSON Schemas."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dytool.core.catalogue import commands as words
from dytool.core.catalogue import usage
from dytool.core.errors import UserError
from dytool.engine.options import LoadOptions
from dytool.models.campaign import Campaign, Vocabulary

__all__ = ["Ledgers", "campaign_language", "campaign_vocabulary", "export", "rollup_schemas", "schemas"]


@dataclass
class Ledgers:
    """Exported ledgers: file contents by name (``台账-2023-09-15.xlsx``, ``problems.csv``,
    ``台账-市教育局-2023-09-15.xlsx``), and the repository's errors (invalid records are left out)."""

    files: dict[str, bytes] = field(default_factory=dict)
    errors: int = 0


def _units(repo: object, given: Sequence[str]) -> list[str]:
    from dytool.edit.names import Names

    names = Names.of(repo)  # type: ignore[arg-type]
    out = []
    for text in given:
        found = names.resolve(["unit"], text)
        if found.id is None:
            raise UserError(usage.UNIT_CANDIDATES(text=text, candidates=list(found.candidates)) if found.candidates else usage.NO_UNIT(text=text))
        out.append(found.id)
    return out


def export(root: Path, *, as_of: dt.date, format: str = "xlsx", kind: str | None = None, units: Sequence[str] = (),
           per_unit: bool = False, load: LoadOptions | None = None) -> Ledgers:
    """The lists (problems, solutions, institutions, topics, visits), or the one ``kind``, as
    ``format`` (xlsx: one sheet each; csv: one file each; json), only ``units``' items when
    given, one file (or folder of csv) per unit with ``per_unit``."""
    from dytool.api.edits import ledger_kind
    from dytool.checks import SUITE
    from dytool.edit.columns import LISTS
    from dytool.edit.export import export_csv, export_json, export_xlsx, file_name, units_with_items
    from dytool.edit.names import Names
    from dytool.engine.load import load_repository

    if per_unit and format == "json":
        raise UserError(usage.PER_UNIT_FORMATS)
    kinds = [ledger_kind(kind)] if kind is not None else list(LISTS)
    kinds_ = [k for k in kinds if k is not None]
    loaded = load_repository(root, SUITE, load or LoadOptions(cache=False))
    repo = loaded.repo
    chosen = _units(repo, units) if units else None
    out = Ledgers(errors=loaded.errors)
    day = as_of.isoformat()
    if per_unit:
        names = Names.of(repo)
        for unit in chosen or units_with_items(repo, kinds_):
            stem = file_name(words.UNIT_LEDGER_STEM(unit=names.show(["unit"], unit), day=day).zh, "")
            if format == "xlsx":
                out.files[f"{stem}.xlsx"] = export_xlsx(repo, kinds_, as_of, [unit])
            else:
                out.files.update({f"{stem}/{plural}.csv": export_csv(repo, plural, [unit]) for plural in kinds_})
    elif format == "json":
        out.files[f"{words.LEDGER_STEM(day=day).zh}.json"] = export_json(repo, kinds_, as_of).encode("utf-8")
    elif format == "xlsx":
        out.files[f"{words.LEDGER_STEM(day=day).zh}.xlsx"] = export_xlsx(repo, kinds_, as_of, chosen)
    else:
        out.files.update({f"{plural}.csv": export_csv(repo, plural, chosen) for plural in kinds_})
    return out


def schemas(vocabulary: Vocabulary | None = None) -> dict[str, str]:
    """The JSON Schemas of every record kind by file name (``dytool schema``), with the
    campaign's own words (``vocabulary`` of campaign.yaml) where it has them."""
    from dytool.models.schemas import build_schemas, render_schema

    return {name: render_schema(schema) for name, schema in build_schemas(vocabulary).items()}


def _campaign(root: Path) -> Campaign | None:
    from dytool.engine.loadfile import load_campaign
    from dytool.engine.suite import Suite

    return load_campaign(root, [], Suite()).campaign


def campaign_vocabulary(root: Path) -> Vocabulary | None:
    """The words campaign.yaml defines (None when it cannot be read)."""
    campaign = _campaign(root)
    return campaign.vocabulary if campaign is not None else None


def campaign_language(root: Path) -> str | None:
    """The language campaign.yaml asks for its output (None when it names none or cannot be read)."""
    campaign = _campaign(root)
    return campaign.language if campaign is not None else None


def rollup_schemas() -> dict[str, str]:
    """The JSON Schemas of the published summary and of rollup.yaml, by file name."""
    from dytool.rollup.schemas import build_rollup_schemas, render

    return {name: render(schema) for name, schema in build_rollup_schemas().items()}
