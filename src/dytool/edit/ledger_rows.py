"""Which list a returned sheet holds, where its header row is, and what each column means.

The header row is found among the first rows (a title and a 截至 line come first in an
exported ledger); each header names a field by its Chinese label (as ``export`` writes them),
its field name, or what ``--map 列名=字段`` says (``--map 列名=`` ignores a column).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from openpyxl.utils import get_column_letter

from dytool.core.catalogue import edits as words
from dytool.core.errors import EXIT_FINDINGS, EXIT_USAGE, UserError
from dytool.core.messages import Text, join
from dytool.edit.columns import CLOSED, EXTRA, JOIN, LISTS, SEQ, Column, columns, sheet_title
from dytool.edit.export import DIGEST_HEADER
from dytool.edit.fields import shapes
from dytool.edit.ledger_read import Table
from dytool.models import KINDS

__all__ = ["Layout", "kind_of_table", "layout"]

_HEADER_SCAN = 20
_HEADERS_TO_KNOW = 3
"""Headers of one list a renamed sheet must show to be taken for that list."""
IGNORED = Column("", (), None)


def norm(text: Any) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text or ""))).strip("*＊")


@dataclass
class Layout:
    kind: str
    header_index: int
    """Index in the table's rows of the header row."""
    columns: list[Column]
    """One per cell of a row; :data:`IGNORED` for columns that mean nothing to import."""
    id_column: int | None
    digest_column: int | None


def kind_of_table(table: Table, plural: str | None, several: bool) -> str | None:
    """The record kind a sheet holds: named by ``--kind``, by the sheet's title, or (a sheet the
    unit renamed, a CSV) by its header row, when that names the fields of one list best."""
    titles = {sheet_title(kind): kind for kind in LISTS.values()}
    if plural is not None:
        kind = LISTS[plural]
        if table.sheet is None or not several or table.sheet == sheet_title(kind) or _kind_by_headers(table) == kind:
            return kind
        return None
    return titles.get(table.sheet or "") or _kind_by_headers(table)


def _kind_by_headers(table: Table) -> str | None:
    best: dict[str, int] = {}
    for _, cells in table.rows[:_HEADER_SCAN]:
        texts = {norm(c) for c in cells if isinstance(c, str)}
        for kind in LISTS.values():
            known = {norm(col.header) for col in columns(kind) if col.path and col.path != ("id",)}
            best[kind] = max(best.get(kind, 0), len(texts & known))
    ranked = sorted(best.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < _HEADERS_TO_KNOW or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _known(kind: str) -> dict[str, Column]:
    known: dict[str, Column] = {}
    for col in columns(kind):
        if col.path:
            known[norm(col.header)] = col
            known[norm(".".join(col.path))] = col
    return known


def _given(kind: str, maps: list[str]) -> dict[str, tuple[str, ...] | None]:
    fields = shapes(KINDS[kind])
    given: dict[str, tuple[str, ...] | None] = {}
    for item in maps:
        column, eq, target = item.partition("=")
        if not eq:
            raise UserError(words.MAP_FORM(item=item), exit_code=EXIT_USAGE)
        path = tuple(target.strip().split(".")) if target.strip() else None
        if path and path[0] not in fields:
            raise UserError(words.MAP_NO_FIELD(item=item, field=path[0]), exit_code=EXIT_USAGE,
                            hint=words.MAP_FIELDS_HINT(fields=join(list(fields), ", ", ", ")))
        given[norm(column)] = path
    return given


def _column_for(kind: str, path: tuple[str, ...], header: str) -> Column:
    for col in columns(kind):
        if col.path == path:
            return Column(header, col.path, col.shape, col.refs, col.text_ok)
    return Column(header, path, None)


def _refuse_twice_named(cols: list[Column], where: Text) -> None:
    """Two columns for one field (a unit's own 备注 beside the hidden one): which one it meant is not known."""
    first: dict[tuple[str, ...], int] = {}
    for index, col in enumerate(cols):
        if not col.path:
            continue
        if col.path in first:
            raise UserError(words.COLUMN_TWICE(table=where, a=get_column_letter(first[col.path] + 1), b=get_column_letter(index + 1),
                                               header=col.header), exit_code=EXIT_FINDINGS, hint=words.COLUMN_TWICE_HINT)
        first[col.path] = index


def layout(table: Table, kind: str, maps: list[str]) -> Layout:
    known = _known(kind)
    given = _given(kind, maps)
    names = set(known) | set(given) | {norm(CLOSED)}
    start = next((i for i, (_, cells) in enumerate(table.rows[:_HEADER_SCAN]) if sum(1 for c in cells if norm(c) in names) >= 2), None)
    if start is None:
        raise UserError(words.NO_HEADER(table=f"{table.source}{' ' + table.sheet if table.sheet else ''}"), hint=words.NO_HEADER_HINT)
    out: list[Column] = []
    unknown: list[Text] = []
    unknown_names: list[str] = []
    id_column = digest_column = None
    for index, raw in enumerate(table.rows[start][1]):
        name = norm(raw)
        if name in given:
            path = given[name]
            out.append(_column_for(kind, path, str(raw)) if path else IGNORED)
        elif not name or name == SEQ:
            out.append(IGNORED)
        elif name == norm(CLOSED):
            out.append(Column(CLOSED, (), None))
        elif name == norm(DIGEST_HEADER):
            digest_column = index
            out.append(IGNORED)
        elif name in known:
            out.append(Column(str(raw).strip(), known[name].path, known[name].shape, known[name].refs, known[name].text_ok))
        elif name.startswith(f"{EXTRA}{JOIN}") or name.startswith("extra."):
            out.append(Column(str(raw).strip(), ("extra", re.split(r"[·.]", name, maxsplit=1)[1]), None))
        else:
            unknown.append(words.UNKNOWN_COLUMN(letter=get_column_letter(index + 1), name=str(raw)))
            unknown_names.append(str(raw).strip())
            out.append(IGNORED)
        if out[-1].path == ("id",):
            id_column = index
    where = words.ROW(table=f"{table.source}{' ' + table.sheet if table.sheet else ''}", row=table.rows[start][0])
    _refuse_twice_named(out, where)
    if unknown:
        raise UserError(words.UNKNOWN_COLUMNS(table=where, columns=join(unknown)), exit_code=EXIT_USAGE, hint=words.UNKNOWN_COLUMNS_HINT(name=unknown_names[0]))
    return Layout(kind, start, out, id_column, digest_column)
