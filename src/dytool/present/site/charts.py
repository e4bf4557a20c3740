"""Charts drawn on the server as inline SVG: no chart library, no script, nothing to load.

A leader's browser gets finished pictures: they print, they show with scripts off, they cost
a few kilobytes, and every label is escaped text (a unit's name cannot become markup).
Colours come from classes that site.css defines, so the status colours live in one place.
Each chart has a ``<title>`` and a ``<desc>`` for screen readers.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

__all__ = ["Bar", "Mark", "Series", "Span", "bar_chart", "line_chart", "timeline"]

_FONT = 13
_CJK_WIDTH = 13.0
_LATIN_WIDTH = 7.2


def _text_width(text: str) -> float:
    return sum(_CJK_WIDTH if ord(ch) > 0x2E7F else _LATIN_WIDTH for ch in text)


def _clip(text: str, width: float) -> str:
    if _text_width(text) <= width:
        return text
    out = ""
    for ch in text:
        if _text_width(out + ch + "…") > width:
            break
        out += ch
    return out + "…"


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _frame(width: float, height: float, title: str, desc: str, body: list[str], css: str) -> Markup:
    head = (f'<svg class="chart {css}" viewBox="0 0 {_num(width)} {_num(height)}" role="img" '
            f'preserveAspectRatio="xMinYMin meet" focusable="false">'
            f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>")
    return Markup(head + "".join(body) + "</svg>")  # noqa: S704 - every piece of text above went through escape()


def _ticks(value: float) -> tuple[float, float]:
    """(top of the axis, step between grid lines): a round step, at most five lines."""
    if value <= 0:
        return 1.0, 1.0
    rough = value / 5
    power = 10.0 ** math.floor(math.log10(rough))
    step = next((m * power for m in (1.0, 2.0, 5.0, 10.0) if m * power >= rough), 10.0 * power)
    step = max(step, 1.0)
    return step * math.ceil(value / step), step


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    values: tuple[float, ...]


def line_chart(labels: Sequence[str], series: Sequence[Series], *, title: str, desc: str, width: int = 640, height: int = 260) -> Markup:
    """Lines over labelled points (months), a legend on top, the last value written at each line's end."""
    left, right, top, bottom = 44.0, 64.0, 34.0, 28.0
    plot_w, plot_h = width - left - right, height - top - bottom
    peak, step_y = _ticks(max((v for s in series for v in s.values), default=0))
    body: list[str] = []
    lines = round(peak / step_y)
    for i in range(lines + 1):
        value = step_y * i
        y = top + plot_h - plot_h * i / lines
        body.append(f'<line class="grid" x1="{left}" x2="{left + plot_w}" y1="{_num(y)}" y2="{_num(y)}"/>')
        body.append(f'<text class="axis" x="{left - 6}" y="{_num(y + 4)}" text-anchor="end">{_num(value)}</text>')
    n = len(labels)
    step = plot_w / max(1, n - 1)
    every = max(1, math.ceil(n / 12))
    for i, label in enumerate(labels):
        if i % every == 0 or i == n - 1:
            x = left + step * i
            body.append(f'<text class="axis" x="{_num(x)}" y="{height - 8}" text-anchor="middle">{escape(label)}</text>')
    x_legend = left
    for s in series:
        body.append(f'<rect class="swatch s-{escape(s.key)}" x="{_num(x_legend)}" y="8" width="14" height="14" rx="2"/>')
        body.append(f'<text class="legend" x="{_num(x_legend + 20)}" y="20">{escape(s.label)}</text>')
        x_legend += 34 + _text_width(s.label)
        if not s.values:
            continue
        points = [(left + step * i, top + plot_h - plot_h * v / peak) for i, v in enumerate(s.values)]
        path = " ".join(f"{_num(x)},{_num(y)}" for x, y in points)
        body.append(f'<polyline class="line s-{escape(s.key)}" points="{path}"/>')
        for i, (x, y) in enumerate(points):
            body.append(f'<circle class="dot s-{escape(s.key)}" cx="{_num(x)}" cy="{_num(y)}" r="3">'
                        f"<title>{escape(labels[i])} {escape(s.label)} {_num(s.values[i])}</title></circle>")
        x_end, y_end = points[-1]
        body.append(f'<text class="end s-{escape(s.key)}" x="{_num(x_end + 6)}" y="{_num(y_end + 4)}">{_num(s.values[-1])}</text>')
    return _frame(width, height, title, desc, body, "line-chart")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str
    """What is written after the bar (``3/8``, ``37.5%``)."""
    href: str | None = None
    css: str = ""
    target: float | None = None
    """A rule to meet, drawn as a mark across the bar."""


def bar_chart(bars: Sequence[Bar], *, maximum: float, title: str, desc: str, width: int = 640, label_width: int = 150) -> Markup:
    """Horizontal bars, one a row: a label (a link when the bar has one), the bar, its figure."""
    row, top = 24, 6
    value_w = 96
    plot_w = width - label_width - value_w - 12
    height = top * 2 + row * max(1, len(bars))
    body: list[str] = []
    peak = maximum or 1.0
    for i, bar in enumerate(bars):
        y = top + i * row
        label = f'<text class="label" x="{label_width - 8}" y="{y + 16}" text-anchor="end">{escape(_clip(bar.label, label_width - 12))}</text>'
        if bar.href:
            label = f'<a href="{escape(bar.href)}"><title>{escape(bar.label)}</title>{label}</a>'
        body.append(label)
        body.append(f'<rect class="track" x="{label_width}" y="{y + 5}" width="{_num(plot_w)}" height="14" rx="2"/>')
        length = plot_w * min(1.0, max(0.0, bar.value / peak))
        body.append(f'<rect class="bar {escape(bar.css)}" x="{label_width}" y="{y + 5}" width="{_num(length)}" height="14" rx="2">'
                    f"<title>{escape(bar.label)} {escape(bar.text)}</title></rect>")
        if bar.target is not None:
            x = label_width + plot_w * min(1.0, bar.target / peak)
            body.append(f'<line class="target" x1="{_num(x)}" x2="{_num(x)}" y1="{y + 2}" y2="{y + 22}"/>')
        body.append(f'<text class="value" x="{_num(label_width + plot_w + 8)}" y="{y + 16}">{escape(bar.text)}</text>')
    return _frame(width, height, title, desc, body, "bar-chart")


@dataclass(frozen=True)
class Span:
    label: str
    start: dt.date
    end: dt.date
    current: bool


@dataclass(frozen=True)
class Mark:
    number: int
    label: str
    day: dt.date
    status: str
    """A machine status value of dates.md: the marker's colour."""


def _lanes(spans: Sequence[Span]) -> list[int]:
    """Put overlapping stages on separate lanes."""
    ends: list[dt.date] = []
    lanes = []
    for span in spans:
        for lane, end in enumerate(ends):
            if span.start > end:
                ends[lane] = span.end
                lanes.append(lane)
                break
        else:
            ends.append(span.end)
            lanes.append(len(ends) - 1)
    return lanes


def _month_starts(first: dt.date, last: dt.date) -> list[dt.date]:
    out = []
    day = dt.date(first.year, first.month, 1)
    while day <= last:
        if day >= first:
            out.append(day)
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return out


def timeline(first: dt.date, last: dt.date, as_of: dt.date, spans: Sequence[Span], marks: Sequence[Mark], *,
             title: str, desc: str, today: str, month_label: dict[int, str], width: int = 960) -> Markup:
    """The campaign's period: stages as bands, milestones as numbered markers in their status colour, a line for today."""
    left, right = 12.0, 12.0
    total = max(1, (last - first).days + 1)
    plot_w = width - left - right

    def x_of(day: dt.date) -> float:
        return left + plot_w * min(max((day - first).days, 0), total) / total

    lanes = _lanes(spans)
    lane_count = max(lanes, default=-1) + 1
    top = 24.0
    mark_y = top + lane_count * 30 + 22
    placed: list[tuple[Mark, float, int]] = []
    row_ends: list[float] = []
    for mark in sorted(marks, key=lambda m: (m.day, m.number)):
        x = x_of(mark.day)
        row = next((i for i, end in enumerate(row_ends) if x - end >= 20), len(row_ends))
        if row == len(row_ends):
            row_ends.append(x)
        row_ends[row] = x
        placed.append((mark, x, row))
    height = mark_y + 22 * max(1, len(row_ends)) + 26
    body: list[str] = [f'<line class="axis-line" x1="{left}" x2="{left + plot_w}" y1="{_num(mark_y)}" y2="{_num(mark_y)}"/>']
    for day in _month_starts(first, last):
        x = x_of(day)
        body.append(f'<line class="grid" x1="{_num(x)}" x2="{_num(x)}" y1="{top - 6}" y2="{_num(mark_y)}"/>')
        body.append(f'<text class="axis" x="{_num(x + 3)}" y="{top - 10}">{escape(month_label[day.month])}</text>')
    for span, lane in zip(spans, lanes, strict=True):
        x1, x2 = x_of(span.start), x_of(span.end + dt.timedelta(days=1))
        y = top + lane * 30
        css = "stage current" if span.current else ("stage past" if span.end < as_of else "stage")
        body.append(f'<rect class="{css}" x="{_num(x1)}" y="{_num(y)}" width="{_num(max(2.0, x2 - x1))}" height="24" rx="3">'
                    f"<title>{escape(span.label)}</title></rect>")
        body.append(f'<text class="stage-label" x="{_num(x1 + 6)}" y="{_num(y + 16)}">{escape(_clip(span.label, x2 - x1 - 10))}</text>')
    for _, x, row in placed:
        if row:
            body.append(f'<line class="stem" x1="{_num(x)}" x2="{_num(x)}" y1="{_num(mark_y)}" y2="{_num(mark_y + 22 * row)}"/>')
    for mark, x, row in placed:
        y = mark_y + 22 * row
        body.append(f'<g class="mark {escape(mark.status)}"><title>{mark.number}. {escape(mark.label)}</title>'
                    f'<circle cx="{_num(x)}" cy="{_num(y)}" r="9"/>'
                    f'<text x="{_num(x)}" y="{_num(y + 4)}" text-anchor="middle">{mark.number}</text></g>')
    if first <= as_of <= last:
        x = x_of(as_of)
        body.append(f'<line class="today" x1="{_num(x)}" x2="{_num(x)}" y1="{top - 4}" y2="{_num(height - 22)}"/>')
        body.append(f'<text class="today-label" x="{_num(x)}" y="{_num(height - 8)}" text-anchor="middle">{escape(today)}</text>')
    return _frame(width, height, title, desc, body, "timeline")
