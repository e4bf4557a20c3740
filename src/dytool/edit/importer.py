"""``import``: ledgers that came back (xlsx or csv) → edits of existing records and new records.

Every row of every file is read first (:mod:`dytool.edit.ledger_read`, :mod:`dytool.edit.ledger_rows`).
A row whose id names an existing record becomes the edits its changed cells make
(:mod:`dytool.edit.updates`); a row without an id (or with a new one) becomes a new record.
A row whose record changed in the repository since the export (its digest differs) is a
conflict and is never applied.  The edits and additions of all rows are planned together
(one read of each file however many of its records change), checked once as a whole against
the repository, and written only if nothing is wrong, all under the repository's write lock:
the same safe writer as ``close`` and ``new``.  Errors the check finds are traced back to the
row they come from; with ``skip_bad`` the bad rows are left out (and listed) and the rest
checked again.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dytool.core.catalogue import edits as words
from dytool.core.errors import EXIT_FINDINGS, UserError
from dytool.core.findings import Finding
from dytool.core.messages import Text
from dytool.edit.columns import sheet_title
from dytool.edit.export import record_cells, record_digest
from dytool.edit.ledger_read import ExportState, Table, read_tables
from dytool.edit.ledger_rows import IGNORED, Layout, kind_of_table, layout
from dytool.edit.names import Names
from dytool.edit.new import Batch, load_for_edit, prepare_records
from dytool.edit.safewrite import Plan, RefusedWrite, check_plan, editing, write_plan
from dytool.edit.splice import FieldChange, change_records
from dytool.edit.updates import decode_cell, diff_row, same_cell
from dytool.edit.yamlio import join_text, new_file_style, split_text
from dytool.engine.check import CheckResult
from dytool.engine.options import LoadOptions
from dytool.models import KINDS
from dytool.source.atomic import repository_path
from dytool.source.locate import index_positions

__all__ = ["BadRow", "ImportResult", "RowChange", "RowRef", "import_files"]


@dataclass(frozen=True, order=True)
class RowRef:
    source: str
    sheet: str
    row: int

    @property
    def text(self) -> Text:
        return words.ROW(table=f"{self.source}{' ' + self.sheet if self.sheet else ''}", row=self.row)

    @property
    def zh(self) -> str:
        return self.text.zh

    @property
    def en(self) -> str:
        return self.text.en


@dataclass(frozen=True)
class BadRow:
    where: RowRef
    zh: str
    en: str
    conflict: bool = False


@dataclass
class RowChange:
    where: RowRef
    kind: str
    id: str
    title: str
    shown: list[tuple[str, str, str]]
    new: bool = False
    file: str = ""


@dataclass
class ImportResult:
    changes: list[RowChange] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)
    unchanged: int = 0
    written: bool = False
    files: list[str] = field(default_factory=list)


@dataclass
class _Edit:
    where: RowRef
    kind: str
    record: Any
    file: str
    path: tuple[str | int, ...]
    change: FieldChange
    shown: RowChange


@dataclass
class _Work:
    edits: list[_Edit] = field(default_factory=list)
    new: dict[str, list[tuple[RowRef, dict[str, Any]]]] = field(default_factory=lambda: defaultdict(list))
    bad: list[BadRow] = field(default_factory=list)
    unchanged: int = 0
    partial: list[_Edit] = field(default_factory=list)
    """The readable cells of rows refused for a cell: checked once more, only to report every reason."""
    partial_new: dict[str, list[tuple[RowRef, dict[str, Any]]]] = field(default_factory=lambda: defaultdict(list))


def _bad_cell(where: RowRef, header: str, zh: str, en: str) -> BadRow:
    why = Text.plain(zh, en)
    return BadRow(where, *(words.CELL_PROBLEM(header=header, why=why) if header else why).pair)


def _exported_as(state: ExportState, table: Table, kind: str) -> str:
    """The sheet's title when exported: its own, or its list's (a sheet the unit renamed)."""
    return table.sheet if table.sheet is not None and (table.sheet, "") in state.rows else sheet_title(kind)


def _base(state: ExportState, table: Table, lay: Layout, ident: str) -> list[Any] | None:
    """The row's cells as exported, in the returned sheet's column order (None if unknown)."""
    sheet = _exported_as(state, table, lay.kind)
    kept = state.rows.get((sheet, ident))
    headers = state.rows.get((sheet, ""))
    if kept is None or headers is None:
        return None
    where = {str(h): i for i, h in enumerate(headers[1])}
    return [kept[1][where[col.header]] if col.header in where and where[col.header] < len(kept[1]) else None for col in lay.columns]


def _read_rows(table: Table, lay: Layout, state: ExportState, index: dict[str, dict[str, Any]], names: Names, work: _Work,
               seen: dict[tuple[str, str], RowRef]) -> None:
    kind = lay.kind
    seen_new: dict[tuple[str, tuple[str, ...]], RowRef] = {}
    for number, cells in table.rows[lay.header_index + 1:]:
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        where = RowRef(table.source, table.sheet or "", number)
        ident = str(cells[lay.id_column]).strip() if lay.id_column is not None and lay.id_column < len(cells) and cells[lay.id_column] else ""
        entry = index[kind].get(ident) if ident else None
        if entry is not None and not _row_changes(table, lay, state, cells, entry, names):
            work.unchanged += 1  # a row as exported (several offices' copies of one ledger) is no second edit
            continue
        if ident and (kind, ident) in seen:
            first = seen[(kind, ident)]
            work.bad.append(BadRow(where, *words.ROW_TWICE(id=ident, where=Text.plain(first.zh, first.en)).pair))
            continue
        if ident:
            seen[(kind, ident)] = where
        if entry is None and not ident:
            same = (kind, tuple(str(c).strip() if c is not None else "" for col, c in zip(lay.columns, cells, strict=False) if col.path))
            if same in seen_new:  # a new item pasted twice: one item meant, or two that need telling apart
                first = seen_new[same]
                work.bad.append(BadRow(where, *words.NEW_ROW_TWICE(where=Text.plain(first.zh, first.en)).pair))
                continue
            seen_new[same] = where
        if entry is None:
            _new_row(kind, lay, cells, where, names, work)
        else:
            _edit_row(table, lay, state, cells, where, entry, names, work)


def _new_row(kind: str, lay: Layout, cells: list[Any], where: RowRef, names: Names, work: _Work) -> None:
    record: dict[str, Any] = {}
    problems = False
    for col, value in zip(lay.columns, cells, strict=False):
        if col is IGNORED or not col.path or same_cell(value, None):  # empty, or a placeholder (/, 无, ——)
            continue
        try:
            decoded = decode_cell(col, value, names)
        except UserError as exc:
            work.bad.append(_bad_cell(where, col.header, exc.zh, exc.en))
            problems = True
            continue
        if len(col.path) == 1:
            record[col.path[0]] = decoded
        else:
            record.setdefault(col.path[0], {})[col.path[1]] = decoded
    (work.partial_new if problems else work.new)[kind].append((where, record))


def _row_base(table: Table, lay: Layout, state: ExportState, record: Any, names: Names) -> list[Any]:
    """The row as exported (or, for a sheet dytool did not write, as the record would export now)."""
    return _base(state, table, lay, record.id) or record_cells(lay.kind, record, 0, lay.columns, names)[0]


def _row_changes(table: Table, lay: Layout, state: ExportState, cells: list[Any], entry: Any, names: Names) -> bool:
    base = _row_base(table, lay, state, entry.record, names)
    return any(not same_cell(c, b) for col, c, b in zip(lay.columns, cells, base, strict=False) if col is not IGNORED and col.header)


def _edit_row(table: Table, lay: Layout, state: ExportState, cells: list[Any], where: RowRef, entry: Any, names: Names, work: _Work) -> None:
    kind, record = lay.kind, entry.record
    base = _row_base(table, lay, state, record, names)
    digest = state.rows.get((_exported_as(state, table, kind), record.id), ("", []))[0] or (
        str(cells[lay.digest_column]) if lay.digest_column is not None and lay.digest_column < len(cells) and cells[lay.digest_column] else "")
    if digest and digest != record_digest(record):
        work.bad.append(BadRow(where, *words.ROW_CONFLICT(id=record.id).pair, conflict=True))
        return
    edit = diff_row(kind, lay.columns, cells, base, record, names)
    for problem in edit.problems:
        work.bad.append(_bad_cell(where, problem.header, problem.zh, problem.en))
    if not edit.values and not edit.appends:
        if not edit.problems:
            work.unchanged += 1
        return
    order = list(KINDS[kind].model_fields)
    change = FieldChange(entry.source.path, edit.values, edit.appends, order)
    shown = RowChange(where, kind, record.id, getattr(record, "title", "") or "", edit.shown, file=entry.source.file)
    (work.partial if edit.problems else work.edits).append(_Edit(where, kind, record, entry.source.file, entry.source.path, change, shown))


def _spans(text: str, indexes: list[int]) -> list[tuple[int, int, int]]:
    """(first line, last line, index) of the top-level list items ``indexes`` of ``text``."""
    positions = index_positions(text)
    out = []
    total = len(text.split("\n"))
    for i in indexes:
        start = positions.find((i,))[0]
        after = positions.find((i + 1,))
        end = after[0] - 1 if after != positions.find(()) and after[0] > start else total
        out.append((start, end, i))
    return out


def _plan(root: Path, work: _Work, excluded: set[RowRef], *, as_of: dt.date, rng: random.Random, file: str | None,
          baseline: CheckResult) -> tuple[Plan, dict[str, list[tuple[int, int, RowRef]]], list[RowChange]]:
    plan = Plan()
    texts: dict[str, str] = {}
    originals: dict[str, bytes] = {}
    places: dict[str, list[tuple[int, int, RowRef]]] = defaultdict(list)
    shown: list[RowChange] = []
    by_file: dict[str, list[_Edit]] = defaultdict(list)
    for edit in work.edits:
        if edit.where not in excluded:
            by_file[edit.file].append(edit)
    for rel, edits in by_file.items():
        raw = repository_path(root, rel).read_bytes()
        text, _ = split_text(raw, rel)
        texts[rel] = change_records(text, [e.change for e in edits], rel)
        originals[rel] = raw
        listed = {e.path[0]: e.where for e in edits if len(e.path) == 1 and isinstance(e.path[0], int)}
        if len(listed) == len(edits):
            places[rel] += [(s, t, listed[i]) for s, t, i in _spans(texts[rel], [int(i) for i in listed])]
        else:
            places[rel] += [(1, len(texts[rel].split("\n")), e.where) for e in edits]
        shown += [e.shown for e in edits]
    for kind, new_rows in work.new.items():
        kept = [(where, record) for where, record in new_rows if where not in excluded]
        if not kept:
            continue
        refs = [where for where, _ in kept]
        batch = prepare_records(root, kind, [r for _, r in kept], as_of=as_of, rng=rng, file=file, rows=list(range(len(kept))),
                                baseline=baseline, texts=texts)
        _added(batch, refs, texts, places, shown, originals, root)
    for rel, text in texts.items():
        was = originals.get(rel)
        style = split_text(was, rel)[1] if was is not None else new_file_style(root)
        plan.put(rel, join_text(text, style), was)
    return plan, places, shown


def _added(batch: Batch, refs: list[RowRef], texts: dict[str, str], places: dict[str, list[tuple[int, int, RowRef]]],
           shown: list[RowChange], originals: dict[str, bytes], root: Path) -> None:
    for rel, text in batch.texts.items():
        if rel not in originals:
            path = repository_path(root, rel)
            if path.exists():
                originals[rel] = path.read_bytes()
        texts[rel] = text
        mine = [a for a in batch.added if a.file == rel]
        spans = _spans(text, [a.index for a in mine])
        for (start, end, _), added in zip(spans, mine, strict=True):
            places[rel].append((start, end, refs[added.row]))
    for added in batch.added:
        title = next((line.split(":", 1)[1].strip() for line in added.text.split("\n") if line.strip().startswith(("title:", "name:"))), "")
        shown.append(RowChange(refs[added.row], added.kind, added.id, title, [], new=True, file=added.file))


def _trace(findings: list[Finding], places: dict[str, list[tuple[int, int, RowRef]]]) -> tuple[dict[RowRef, list[Finding]], list[Finding]]:
    traced: dict[RowRef, list[Finding]] = defaultdict(list)
    loose: list[Finding] = []
    for finding in findings:
        hit = next((where for start, end, where in places.get(finding.file, []) if start <= finding.line <= end), None)
        if hit is None:
            loose.append(finding)
        else:
            traced[hit].append(finding)
    return traced, loose


def _other_reasons(root: Path, work: _Work, excluded: set[RowRef], *, as_of: dt.date, rng: random.Random, file: str | None,
                   baseline: CheckResult, load: LoadOptions | None) -> list[BadRow]:
    """What the check says of the rows refused for a cell, their readable cells applied: every reason in one run."""
    rows = {edit.where for edit in work.partial} | {where for added in work.partial_new.values() for where, _ in added}
    trial = _Work(edits=work.edits + work.partial)
    for kind in set(work.new) | set(work.partial_new):
        trial.new[kind] = work.new.get(kind, []) + work.partial_new.get(kind, [])
    try:
        plan, places, _ = _plan(root, trial, excluded - rows, as_of=as_of, rng=rng, file=file, baseline=baseline)
    except UserError:
        return []  # only to report more: the rows are refused already
    traced, _ = _trace(check_plan(root, plan, as_of, baseline.findings, load) if plan.files else [], places)
    return [BadRow(where, *words.ROW_FINDING(code=f.code, message=Text.plain(f.message_zh, f.message_en)).pair)
            for where, findings in sorted(traced.items()) if where in rows for f in findings]


def _tables(sources: list[Path], plural: str | None, sheet: str | None) -> list[tuple[Table, ExportState, str]]:
    found = []
    for source in sources:
        tables, state = read_tables(source, sheet)
        for table in tables:
            kind = kind_of_table(table, plural, len(tables) > 1)
            if kind is not None:
                found.append((table, state, kind))
        if not any(t[0].source == source.name for t in found):
            lists = [sheet_title(k) for k in ("problem", "solution", "institution", "topic", "visit")]
            raise UserError(words.NO_LIST_FOUND(name=source.name, lists=lists), hint=words.NO_LIST_FOUND_HINT)
    return found


def _refuse_other_campaigns(tables: list[tuple[Table, ExportState, str]], campaign: str | None) -> None:
    """A ledger exported from another campaign's repository names other records by the same ids."""
    for table, state, _ in tables:
        if campaign is not None and state.campaign is not None and state.campaign != campaign:
            raise UserError(words.OTHER_CAMPAIGN(name=table.source, theirs=state.campaign, ours=campaign), hint=words.OTHER_CAMPAIGN_HINT,
                            exit_code=EXIT_FINDINGS)


def import_files(
    root: Path, sources: list[Path], plural: str | None, *, as_of: dt.date, rng: random.Random, maps: list[str], sheet: str | None = None,
    file: str | None = None, skip_bad: bool = False, dry_run: bool = False, load: LoadOptions | None = None,
) -> ImportResult:
    """Import every returned ledger of ``sources`` as one change; see the module's docs."""
    with editing(root):
        tables = _tables(sources, plural, sheet)
        baseline, _ = load_for_edit(root, as_of, load)
        repo = baseline.repo
        names = Names.of(repo)
        index = {kind: {e.record.id: e for e in repo.entries(kind)} for kind in KINDS}
        _refuse_other_campaigns(tables, repo.campaign.id if repo.campaign is not None else None)
        work = _Work()
        seen: dict[tuple[str, str], RowRef] = {}
        for table, state, kind in tables:
            _read_rows(table, layout(table, kind, maps), state, index, names, work, seen)
        excluded = {bad.where for bad in work.bad}
        result = ImportResult(bad=list(work.bad), unchanged=work.unchanged)
        if work.partial or work.partial_new:
            result.bad += _other_reasons(root, work, excluded, as_of=as_of, rng=rng, file=file, baseline=baseline, load=load)
        while True:
            plan, places, shown = _plan(root, work, excluded, as_of=as_of, rng=rng, file=file, baseline=baseline)
            added = check_plan(root, plan, as_of, baseline.findings, load) if plan.files else []
            traced, loose = _trace(added, places)
            if loose:
                raise RefusedWrite(loose)
            for where, findings in sorted(traced.items()):
                result.bad += [BadRow(where, *words.ROW_FINDING(code=f.code, message=Text.plain(f.message_zh, f.message_en)).pair) for f in findings]
            excluded |= set(traced)
            if traced and skip_bad:
                continue
            result.changes = sorted(shown, key=lambda c: c.where)
            result.files = sorted(plan.files)
            result.bad.sort(key=lambda b: b.where)
            if (result.bad and not skip_bad) or dry_run or not plan.files:
                return result
            write_plan(root, plan)
            result.written = True
            return result
