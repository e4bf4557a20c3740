"""Charts as SVG, for the Markdown output (Git hosts and browsers show them beside the text).

Plain SVG text written in a fixed order with fixed number formats: the same chart gives the
same bytes.  Labels are text in the reader's Chinese fonts, never paths or pictures of text.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from math import ceil, log10

from dytool.documents.model import Chart
from dytool.present.word.ooxml import clean

__all__ = ["chart_files", "chart_svg", "nice_max"]

_FONT = "'FangSong', '仿宋', 'STFangsong', 'Noto Serif CJK SC', 'Source Han Serif SC', serif"
_COLOURS = ("#c0392b", "#1f5f8b", "#d68910", "#5b7f2b")
_W, _H = 720, 360


def nice_max(value: float) -> float:
    """A round top for a value axis (1, 2, 2.5 or 5 times a power of ten) at or above ``value``."""
    if value <= 0:
        return 1.0
    power = 10 ** int(log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return float(step * power)
    return float(10 * power)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _text(x: float, y: float, text: str, *, size: int = 13, anchor: str = "middle", extra: str = "") -> str:
    return (f'<text x="{_num(x)}" y="{_num(y)}" font-size="{size}" text-anchor="{anchor}"{extra}>'
            f"{escape(clean(text), quote=False)}</text>")


def _legend(chart: Chart, y: float) -> list[str]:
    out: list[str] = []
    x = 80.0
    for index, series in enumerate(chart.series):
        colour = _COLOURS[index % len(_COLOURS)]
        if series.line:
            out.append(f'<line x1="{_num(x)}" y1="{_num(y - 4)}" x2="{_num(x + 18)}" y2="{_num(y - 4)}" stroke="{colour}" stroke-width="2"/>')
        else:
            out.append(f'<rect x="{_num(x)}" y="{_num(y - 10)}" width="18" height="12" fill="{colour}"/>')
        out.append(_text(x + 24, y, series.name, anchor="start"))
        x += 40 + 14 * len(series.name)
    return out


def _vertical(chart: Chart) -> list[str]:
    left, right, top, bottom = 60.0, _W - 20.0, 20.0, _H - 70.0
    top_value = nice_max(max((v for s in chart.series for v in s.values), default=0.0))
    count = max(len(chart.categories), 1)
    step = (right - left) / count
    out = [f'<line x1="{_num(left)}" y1="{_num(bottom)}" x2="{_num(right)}" y2="{_num(bottom)}" stroke="#333"/>']
    for tick in range(5):
        value = top_value * tick / 4
        y = bottom - (bottom - top) * tick / 4
        if tick:
            out.append(f'<line x1="{_num(left)}" y1="{_num(y)}" x2="{_num(right)}" y2="{_num(y)}" stroke="#ddd"/>')
        out.append(_text(left - 6, y + 4, _num(value) + ("%" if chart.percent else ""), size=12, anchor="end"))
    for index, name in enumerate(chart.categories):
        out.append(_text(left + step * (index + 0.5), bottom + 18, name, size=12))
    bars = [s for s in chart.series if not s.line]
    width = step * 0.7 / max(len(bars), 1)
    for number, series in enumerate(chart.series):
        colour = _COLOURS[number % len(_COLOURS)]
        points = [(left + step * (i + 0.5), bottom - (bottom - top) * v / top_value) for i, v in enumerate(series.values)]
        if series.line:
            path = " ".join(f"{_num(x)},{_num(y)}" for x, y in points)
            out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
            out.extend(f'<circle cx="{_num(x)}" cy="{_num(y)}" r="3" fill="{colour}"/>' for x, y in points)
        else:
            slot = bars.index(series)
            for (x, y), value in zip(points, series.values, strict=True):
                x0 = x - step * 0.35 + slot * width
                out.append(f'<rect x="{_num(x0)}" y="{_num(y)}" width="{_num(width)}" height="{_num(bottom - y)}" fill="{colour}"/>')
                out.append(_text(x0 + width / 2, y - 4, _num(value), size=11))
    return [*out, *_legend(chart, _H - 20)]


def _horizontal(chart: Chart, height: float) -> list[str]:
    left, right, top, bottom = 150.0, _W - 60.0, 20.0, height - 50.0
    top_value = 100.0 if chart.percent else nice_max(max((v for s in chart.series for v in s.values), default=0.0))
    count = max(len(chart.categories), 1)
    step = (bottom - top) / count
    out = [f'<line x1="{_num(left)}" y1="{_num(top)}" x2="{_num(left)}" y2="{_num(bottom)}" stroke="#333"/>']
    for tick in range(5):
        x = left + (right - left) * tick / 4
        if tick:
            out.append(f'<line x1="{_num(x)}" y1="{_num(top)}" x2="{_num(x)}" y2="{_num(bottom)}" stroke="#ddd"/>')
        out.append(_text(x, bottom + 18, _num(top_value * tick / 4) + ("%" if chart.percent else ""), size=12))
    for index, name in enumerate(chart.categories):
        out.append(_text(left - 8, top + step * (index + 0.5) + 4, name, size=12, anchor="end"))
    for number, series in enumerate(chart.series):
        colour = _COLOURS[number % len(_COLOURS)]
        for index, value in enumerate(series.values):
            y = top + step * index + step * 0.2
            length = (right - left) * min(value, top_value) / top_value
            out.append(f'<rect x="{_num(left)}" y="{_num(y)}" width="{_num(length)}" height="{_num(step * 0.6)}" fill="{colour}"/>')
            out.append(_text(left + length + 4, y + step * 0.3 + 4, _num(value) + ("%" if chart.percent else ""), size=11, anchor="start"))
    return out


def chart_svg(chart: Chart) -> bytes:
    """The SVG text of ``chart`` (its title is the caption under it, not part of the picture)."""
    height = float(max(_H, 70 + 26 * len(chart.categories))) if chart.horizontal else float(_H)
    body = _horizontal(chart, height) if chart.horizontal else _vertical(chart)
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{_W}" height="{ceil(height)}" viewBox="0 0 {_W} {ceil(height)}"'
            f' font-family="{escape(_FONT)}" role="img">')
    title = f"<title>{escape(clean(chart.title), quote=False)}</title>"
    background = f'<rect width="{_W}" height="{ceil(height)}" fill="#fff"/>'
    return ("\n".join([head, title, background, *body, "</svg>"]) + "\n").encode("utf-8")


def chart_files(charts: Sequence[Chart]) -> dict[str, bytes]:
    """Each chart's SVG under the path its Markdown image link names."""
    return {chart.file: chart_svg(chart) for chart in charts}
