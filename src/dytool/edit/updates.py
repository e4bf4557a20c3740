"""A row of a returned ledger → what it says: a new record, or edits of an existing one.

Cells are read as ``export`` writes them: references by name or id (:class:`~dytool.edit.names.Names`),
dates as date cells or text, choices by label, progress as ``日期：内容`` lines.  For a row of an
existing record, only the cells the unit changed count: each is compared with the cell as
exported (kept in the workbook's hidden sheet; for a CSV or a foreign sheet, the cell the
record would export now), and becomes one field of a :class:`~dytool.edit.splice.FieldChange`.
A new 整改进展 line is appended to the record's progress; 是否销号 = 是 with a 销号时间 closes
the problem.  What cannot be read, a name that is ambiguous or unknown, a cleared cell (import
never deletes what a file says) are :class:`CellProblem` values naming the column.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from dytool.core.catalogue import edits as words
from dytool.core.errors import UserError
from dytool.dates import explicit_day
from dytool.edit.columns import CLOSED, SEQ, Column
from dytool.edit.fields import FieldShape, coerce, shapes
from dytool.edit.names import NAMED_KINDS, Names
from dytool.models import KINDS, When
from dytool.models.nouns import kind_noun

__all__ = ["CellProblem", "Edit", "decode_cell", "diff_row", "same_cell"]

_COLON = re.compile("[：:]")
MAX_CELL = 32_767
"""The most characters a spreadsheet cell holds (Excel's limit): a longer one is refused."""
_DATED_LINE = re.compile(r"[；;]\s*(?=\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?\s*[：:])")
"""Where a unit wrote the next progress line on the same line: ``…已组建。；2023-12-01：…``."""
_SEPARATORS = re.compile(r"[\n,，、;；]+")
_PLACEHOLDERS = frozenset({"/", "／", "\\", "-", "－", "—", "——", "–", "无", "N/A", "n/a"})
"""What offices write in a cell that has nothing to say: read as an empty cell."""
_YES_NO = {"已销号": "是", "销号": "是", "未销号": "否"}
"""What units write in 是否销号 besides the drop-down's 是 and 否."""


@dataclass(frozen=True)
class CellProblem:
    header: str
    zh: str
    en: str


@dataclass
class Edit:
    values: dict[str, Any] = field(default_factory=dict)
    appends: dict[str, list[Any]] = field(default_factory=dict)
    shown: list[tuple[str, str, str]] = field(default_factory=list)
    """(column, old, new) as the preview shows them."""
    problems: list[CellProblem] = field(default_factory=list)


def _norm(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n").strip()
    return None if text in _PLACEHOLDERS else text or None


def same_cell(a: Any, b: Any) -> bool:
    return bool(_norm(a) == _norm(b))


def _shown(value: Any) -> str:
    text = _norm(value)
    return "" if text is None else str(text)


def _reference(col: Column, text: str, names: Names) -> str:
    kinds = [k for k in col.refs if k in NAMED_KINDS]
    if not kinds:
        return text
    found = names.resolve(kinds, text)
    if found.id is not None:
        return found.id
    if found.candidates:
        raise UserError(words.AMBIGUOUS_NAME(text=text, candidates=[names.described(c) for c in found.candidates]))
    if col.text_ok:
        return text
    raise UserError(words.NO_SUCH_NAME(text=text, kind=kind_noun(kinds[0])))


def _references(col: Column, line: str, names: Names) -> list[str]:
    """One line of a list cell: a whole name (a title may hold 、), else items separated by , ， 、 ;."""
    try:
        return [_reference(col, line, names)]
    except UserError:
        parts = [part.strip() for part in _SEPARATORS.split(line) if part.strip()]
        if len(parts) < 2:
            raise
        return [_reference(col, part, names) for part in parts]


def decode_cell(col: Column, value: Any, names: Names) -> Any:
    """A cell's value → the value to write (UserError when it cannot be one)."""
    shape = col.shape
    if isinstance(value, str):
        if len(value) > MAX_CELL:
            raise UserError(words.CELL_TOO_LONG(n=MAX_CELL))
        value = value.replace("\r\n", "\n")
    if shape is None:  # the office's own columns (extra) keep the cell as it is
        return value.date() if isinstance(value, dt.datetime) else value
    if col.refs and shape.kind in ("text", "texts") and isinstance(value, str | int | float):
        if shape.kind == "text":
            return _reference(col, str(value).strip(), names)
        return [ident for line in str(value).split("\n") if line.strip() for ident in _references(col, line.strip(), names)]
    if shape.kind == "date" and isinstance(value, int | float) and not isinstance(value, bool) and 1 < value < 2958466:
        from openpyxl.utils.datetime import from_excel

        return from_excel(value).date()  # a day saved as a serial number (a cell without a date format)
    if shape.kind == "models" and isinstance(value, str):
        return _models(shape, value)
    if shape.kind == "lines" and isinstance(value, str):
        lines = [line for line in value.split("\n") if line.strip()]
        if lines and all(line.startswith("- ") for line in lines):
            return [line[2:].strip() for line in lines]
    return coerce(shape, value)


def _models(shape: FieldShape, value: str) -> list[Any]:
    items: list[Any] = []
    dated = shape.model is not None and set(shapes(shape.model)) >= {"on", "text"}
    lines = [piece for part in value.split("\n") for piece in (_DATED_LINE.split(part) if dated else [part])]
    for line in filter(None, (part.strip() for part in lines)):
        colon = _COLON.search(line)
        if not line.startswith("{") and colon and shape.model is not None and set(shapes(shape.model)) >= {"on", "text"}:
            head, text = line[: colon.start()].strip(), line[colon.end():].strip()
            day = explicit_day(head)
            if day is None:
                raise UserError(words.PROGRESS_BAD_DATE(line=line[:40], head=head[:20]))
            items.append({"on": day, "text": text})
        else:
            parsed = coerce(shape, line)
            if not isinstance(parsed, list) or not all(isinstance(item, dict) for item in parsed):
                raise UserError(words.PROGRESS_LINE(line=line.strip()[:40]))
            items.extend(parsed)
    return items


def _progress(col: Column, current: list[Any], new: list[Any], edit: Edit) -> None:
    """New progress lines are appended; a list that no longer starts with the old one replaces it."""
    old = [{"on": p.on.first if hasattr(p.on, "first") else p.on, "text": p.text} for p in current]
    name = col.path[0]
    kept = [item for item in new if item in old]
    added = [item for item in new if item not in old]
    if kept == old[::-1] and len(old) > 1:
        added.reverse()  # the unit's newest-first order: the lines it added go after the others, oldest first
    if kept in (old, old[::-1]):
        if added:  # new lines written at the top or between the others are still new lines, not a rewrite
            edit.appends[name] = added
            edit.shown += [(col.header, "", f"{item['on']}：{item['text']}") for item in added]
    elif len(new) < len(old):  # lines taken out: import never deletes
        edit.problems.append(CellProblem(col.header, *words.PROGRESS_LINES_REMOVED(n=len(old) - len(new)).pair))
    else:
        edit.values[name] = new
        edit.shown.append((col.header, "（改写）", "\n".join(f"{item['on']}：{item['text']}" for item in new)))


def diff_row(kind: str, cols: list[Column], cells: list[Any], base: list[Any], record: Any, names: Names) -> Edit:
    """The edits a returned row makes to ``record``: the cells that differ from ``base``."""
    edit = Edit()
    by_header = {col.header: index for index, col in enumerate(cols)}
    changed = [i for i, col in enumerate(cols) if col.header != SEQ and not same_cell(_at(cells, i), _at(base, i))]
    closing = None
    for index in changed:
        col = cols[index]
        new, old = _at(cells, index), _at(base, index)
        if col.header == CLOSED:
            closing = _YES_NO.get(str(_norm(new)), _norm(new))
            continue
        if not col.path or col.path == ("id",):
            continue
        if _norm(new) is None:
            edit.problems.append(CellProblem(col.header, *words.CELL_EMPTIED(header=col.header).pair))
            continue
        try:
            value = decode_cell(col, new, names)
        except UserError as exc:
            edit.problems.append(CellProblem(col.header, exc.zh, exc.en))
            continue
        if len(col.path) == 1 and _same_value(value, getattr(record, col.path[0], None)):
            continue  # the same, written another way (叶　春林, an id for a name, 2023/5/16): no change
        if col.shape is not None and col.shape.kind == "models" and col.path[0] == "progress":
            _progress(col, getattr(record, "progress", []), value, edit)
            continue
        if len(col.path) == 2:
            top = col.path[0]
            current = edit.values.get(top) or _dump(getattr(record, top, None))
            edit.values[top] = {**current, col.path[1]: value}
        else:
            edit.values[col.path[0]] = value
        edit.shown.append((col.header, _shown(old), _shown(new)))
    if closing is not None:
        _closing(kind, closing, cells, by_header, record, edit)
    elif kind == "problem" and "closed_on" in edit.values and getattr(record, "closed_on", None) is None and _says_open(cells, by_header):
        edit.problems.append(CellProblem(CLOSED, *words.DAY_BUT_NOT_CLOSED.pair))  # which one the unit meant is not known
    return edit


def _same_value(value: Any, current: Any) -> bool:
    if isinstance(current, When):
        current = current.first if current.is_day and current.text == current.first.isoformat() else current.text
    if isinstance(value, dt.datetime):
        value = value.date()
    return bool(value == current) and current is not None


def _says_open(cells: list[Any], by_header: dict[str, int]) -> bool:
    said = _norm(_at(cells, by_header[CLOSED])) if CLOSED in by_header else None
    return _YES_NO.get(str(said), said) == "否"


def _closing(kind: str, closing: str, cells: list[Any], by_header: dict[str, int], record: Any, edit: Edit) -> None:
    if kind != "problem":
        return
    if closing == "是" and "closed_on" not in edit.values and getattr(record, "closed_on", None) is None:
        edit.problems.append(CellProblem(CLOSED, *words.CLOSED_WITHOUT_DAY.pair))
    elif closing == "否" and getattr(record, "closed_on", None) is not None:
        edit.problems.append(CellProblem(CLOSED, *words.NO_REOPENING.pair))
    elif closing not in ("是", "否"):
        edit.problems.append(CellProblem(CLOSED, *words.YES_OR_NO_CELL(value=closing).pair))
    elif closing == "是":
        edit.shown.append((CLOSED, "否", "是"))


def _dump(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if isinstance(value, dict):
        return dict(value)
    dumped = value.model_dump(mode="json", exclude_none=True)
    return {k: v for k, v in dumped.items() if v not in ([], {})}


def _at(cells: list[Any], index: int) -> Any:
    return cells[index] if index < len(cells) else None


def model_shapes(kind: str) -> dict[str, FieldShape]:
    return shapes(KINDS[kind])
