"""Column widths computed from what the cells hold, so that tables fit the page.

A column is never narrower than its longest *unbreakable* piece: a date (``2023年9月30日``),
an id (``P-038``), a number or percentage (``100.0%``), a short status (``已逾期``) or any
short cell, which an office would never see wrapped.  The rest of the width goes, step by
step, to the column where it saves the most lines, so long text columns take what is left
and the table is as short as it can be.  Text size is chosen too: the largest of the sizes
offered at which every column gets its minimum.

Widths are estimated from the East Asian width of the text (a Chinese character is one em,
Latin letters and digits a little over half an em), with a margin for the fonts an office has.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from math import ceil

from dytool.present.word.ooxml import is_wide

__all__ = ["CELL_MARGIN", "Fit", "fit_columns", "min_units", "text_units"]

CELL_MARGIN = 144  # left + right cell margins of the table style (1.27 mm each), in twips
_SAFETY = 1.03  # fonts differ a little from the estimate: never trust it to the last point
_SHORT = 8.0  # a cell of at most this many half-width units (four Chinese characters) never wraps

_UNBREAKABLE = re.compile(
    r"[（(]?(?:"
    r"\d{4}年\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月|\d{1,2}月\d{1,2}日|\d{4}年"
    r"|\d{4}-\d{2}-\d{2}"
    r"|[A-Za-z0-9][A-Za-z0-9\-_./%:+·×]*"
    r")[）)、，。；：％%]*"
    r"|（[^（）\s]{1,6}）[、，。；：]*"  # a short remark in brackets: （逾期）（长期坚持）
    r"|[\u4e00-\u9fff]{1,8}[〔\[［(（]\d{4}[〕\]］)）]\d+号"  # a document number: 青办发〔2023〕16号
)


def _char_units(char: str) -> float:
    if is_wide(char):
        return 2.0
    if char.isupper() or char in "mwMW@%":
        return 1.45
    if char == " ":
        return 0.6
    return 1.05


def text_units(text: str) -> float:
    """Width of ``text`` on one line, in half-width units (a Chinese character is 2), with the
    quarter em that Word and LibreOffice put between Chinese and Latin letters or digits."""
    total = 0.0
    wide_before: bool | None = None
    for char in text:
        total += _char_units(char)
        if char == " ":
            wide_before = None
            continue
        wide = is_wide(char)
        if wide_before is not None and wide != wide_before and (char.isalnum() or wide_before is False):
            total += 0.5
        wide_before = wide
    return total


def min_units(text: str, *, header: bool = False) -> float:
    """The narrowest ``text`` can be set without breaking a date, id, number or short word."""
    widest = 0.0
    for raw in text.split("\n"):
        line = raw.strip()
        whole = text_units(line)
        if whole <= (4.0 if header else _SHORT):
            widest = max(widest, whole)
            continue
        pieces = [text_units(match.group()) for match in _UNBREAKABLE.finditer(line)]
        # a header may wrap, but not one character per line: at least two characters a line
        widest = max(widest, *pieces, 4.0 if header else 2.0)
    return widest


@dataclass(frozen=True)
class Fit:
    widths: list[int]
    """Column widths in twips, adding up to the width given."""
    size: int
    """The text size chosen, in half-points."""
    lines: int = 0
    """The estimated number of lines of the table (its rows' tallest cells added up)."""


def _twips(units: float, size: int) -> int:
    """Half-width units at ``size`` half-points → twips, cell margins included."""
    return ceil(units * size * 5 * _SAFETY) + CELL_MARGIN


def _lines(units: float, width: int, size: int) -> int:
    room = max(width - CELL_MARGIN, 1) / (size * 5)
    return max(1, ceil(units / room)) if units else 1


def fit_columns(header: Sequence[str], rows: Sequence[Sequence[str]], total: int, sizes: Sequence[int]) -> Fit:
    """Widths for a table of ``header`` and ``rows`` in ``total`` twips, at one of ``sizes``
    (half-points, largest first): the largest at which every column gets its minimum and the
    table is at most a fifth taller than at the smallest size."""
    columns = max([len(header), *(len(row) for row in rows)], default=0) or 1
    table = [list(header) + [""] * (columns - len(header))] + [list(row) + [""] * (columns - len(row)) for row in rows]
    cells = [[[text_units(line.strip()) for line in cell.split("\n")] for cell in row] for row in table]
    least = [0.0] * columns
    for index, row in enumerate(table):
        for column, cell in enumerate(row):
            least[column] = max(least[column], min_units(cell, header=index == 0))
    whole = [size for size in sizes if sum(_twips(u, size) for u in least) <= total]
    if not whole:
        widths = _widths(least, cells, total, sizes[-1])
        return Fit(widths, sizes[-1], _line_count(cells, widths, sizes[-1]))
    fits = [(size, _widths(least, cells, total, size)) for size in whole]
    counts = [_line_count(cells, widths, size) for size, widths in fits]
    heads = [_line_count(cells[:1], widths, size) for size, widths in fits]
    for (size, widths), count, head in zip(fits, counts, heads, strict=True):
        if count <= min(counts) * 1.15 and head <= min(heads):
            return Fit(widths, size, count)
    return Fit(fits[-1][1], fits[-1][0], counts[-1])


def _line_count(cells: list[list[list[float]]], widths: list[int], size: int) -> int:
    """The estimated number of lines of the table, its rows' tallest cells added up."""
    return sum(max(sum(_lines(part, width, size) for part in cell) for cell, width in zip(row, widths, strict=True)) for row in cells)


def _widths(least: list[float], cells: list[list[list[float]]], total: int, size: int) -> list[int]:
    columns = len(least)
    widths = [_twips(u, size) for u in least]
    if sum(widths) > total:  # even this size cannot keep everything whole: shrink evenly
        scale = total / sum(widths)
        widths = [max(CELL_MARGIN + size * 10, int(w * scale)) for w in widths]
        widths[-1] += total - sum(widths)
        return widths
    natural = [max(_twips(max(cell[column]), size) for cell in cells) for column in range(columns)]
    if sum(natural) <= total:  # everything on one line: the spare room goes where the text is
        widths = [max(w, n) for w, n in zip(widths, natural, strict=True)]
        _share(widths, [float(n) for n in natural], total)
        return widths
    # room enough: headers of up to five characters do not wrap either (a longer one may)
    heads = [max(cells[0][column]) for column in range(columns)]
    data = [max((max(cell[column]) for cell in cells[1:]), default=0.0) for column in range(columns)]
    raised = [max(u, heads[column]) if heads[column] <= max(data[column], 10.0) else u for column, u in enumerate(least)]
    headed = [max(w, _twips(u, size)) for w, u in zip(widths, raised, strict=True)]
    if sum(headed) <= total * 0.8:
        widths, least = headed, raised
    volume = [sum(sum(cell[column]) for cell in cells[1:]) or sum(cells[0][column]) for column in range(columns)]
    widths = _water_fill(widths, natural, volume, total)
    _improve(widths, least, cells, size)
    return widths


def _share(widths: list[int], weights: list[float], total: int) -> None:
    """Add what is left of ``total`` to ``widths`` in proportion to ``weights``."""
    rest = total - sum(widths)
    whole = sum(weights) or 1.0
    extra = [int(rest * weight / whole) for weight in weights]
    extra[max(range(len(widths)), key=lambda column: weights[column])] += rest - sum(extra)
    for column, more in enumerate(extra):
        widths[column] += more


def _water_fill(least: list[int], natural: list[int], volume: list[float], total: int) -> list[int]:
    """Widths in proportion to each column's amount of text, within [least, natural]."""
    fixed: dict[int, int] = {}
    while True:
        free = [column for column in range(len(least)) if column not in fixed]
        room = total - sum(fixed.values())
        weight = sum(volume[column] for column in free) or 1.0
        trial = {column: room * volume[column] / weight for column in free}
        low = [column for column in free if trial[column] < least[column]]
        high = [column for column in free if trial[column] > natural[column]]
        if not low and not high:
            break
        for column in low:
            fixed[column] = least[column]
        if not low:
            for column in high:
                fixed[column] = natural[column]
    widths = [fixed.get(column, int(trial.get(column, 0))) for column in range(len(least))]
    _share(widths, [float(volume[column]) if column not in fixed else 0.0 for column in range(len(least))], total)
    return widths


_SAMPLE = 100  # rows looked at when improving the widths of a long table
_MOVES = 60


def _improve(widths: list[int], least: list[float], cells: list[list[list[float]]], size: int) -> None:
    """Move a character's width from one column to another while that makes the table shorter."""
    step = size * 10
    columns = len(widths)
    rows = cells if len(cells) <= _SAMPLE else [cells[i * len(cells) // _SAMPLE] for i in range(_SAMPLE)]
    count = len(rows)
    floor = [_twips(u, size) for u in least]

    def lines(column: int, width: int) -> list[int]:
        return [sum(_lines(part, width, size) for part in cell[column]) for cell in rows]

    current = [lines(column, widths[column]) for column in range(columns)]
    for _ in range(_MOVES):
        # per row, the three tallest columns: the height without any two columns is among them
        tops = [sorted(((current[column][row], column) for column in range(columns)), reverse=True)[:3] for row in range(count)]
        height = sum(top[0][0] for top in tops)
        narrower = {give: lines(give, widths[give] - step) for give in range(columns) if widths[give] - step >= floor[give]}
        wider = {take: lines(take, widths[take] + step) for take in range(columns)}
        best: tuple[int, int, int] | None = None
        for give, given in narrower.items():
            for take, taken in wider.items():
                if take == give:
                    continue
                value = 0
                for row in range(count):
                    rest = next((value for value, column in tops[row] if column not in (give, take)), 0)
                    value += max(rest, given[row], taken[row])
                if value < height and (best is None or value < best[0]):
                    best = (value, give, take)
        if best is None:
            return
        _, give, take = best
        widths[give] -= step
        widths[take] += step
        current[give], current[take] = narrower[give], wider[take]
