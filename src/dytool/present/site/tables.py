"""The long lists of the site (problems, visits) as HTML, written here rather than by template
macros: a unit or a leader of a large campaign has thousands of rows, and a macro call per
cell costs a hundred times an f-string.  Every value goes through ``escape``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from dytool.present.site.labels import Words

__all__ = ["link", "problem_items", "problems_table", "visit_items", "visits_table"]


def escape(value: object) -> str:
    """HTML-escaped text (quotes too), as a plain string: markupsafe's escape makes an object
    per call, which the thousands of cells of a large campaign cannot afford."""
    return value if isinstance(value, Markup) else html.escape(str(value), quote=True)


def link(text: str, href: str | None) -> Markup:
    """A link, or the text alone when there is no page to link to."""
    if href:
        return Markup(f'<a href="{escape(href)}">{escape(text)}</a>')  # noqa: S704 - both parts escaped
    return Markup(escape(text))  # noqa: S704 - escaped


def _badge(state: str, label: str) -> str:
    return f'<span class="badge {escape(state)}">{escape(label)}</span>'


def _head(*columns: str) -> str:
    return "".join(f'<th scope="col">{escape(c)}</th>' for c in columns)


def problems_table(rows: Sequence[dict[str, Any]], w: Words, caption: str) -> Markup:
    out = [f'<div class="table-wrap"><table class="data"><caption class="visually-hidden">{escape(caption)}</caption>',
           f"<thead><tr>{_head(w('id'), w('problem'), w('unit'), w('due'), w('status'))}</tr></thead><tbody>"]
    for r in rows:
        extra = ""
        if r["days_overdue"]:
            extra = f' <span class="muted">{escape(w("overdue_n", n=r["days_overdue"]))}</span>'
        elif r["closed"]:
            extra = f' <span class="muted">{escape(r["closed"])}</span>'
        out.append(f'<tr><td class="id">{escape(r["id"])}</td><td>{escape(r["title"])}</td><td>{r["unit"]}</td>'
                   f'<td class="date">{escape(r["due"])}</td><td>{_badge(r["state"], r["state_label"])}{extra}</td></tr>')
    out.append("</tbody></table></div>")
    return Markup("".join(out))  # noqa: S704 - built from escaped parts


def visits_table(rows: Sequence[dict[str, Any]], w: Words, caption: str, *, show_topics: bool = False) -> Markup:
    columns = [w("date"), w("visit_leaders"), w("hosts"), w("methods")] + ([w("topic")] if show_topics else [])
    out = [f'<div class="table-wrap"><table class="data"><caption class="visually-hidden">{escape(caption)}</caption>',
           f"<thead><tr>{_head(*columns)}</tr></thead><tbody>"]
    sep = escape(w.sep)
    for v in rows:
        topics = f"<td>{sep.join(v['topics'])}</td>" if show_topics else ""
        out.append(f'<tr><td class="date">{escape(v["day"])}</td><td>{sep.join(v["leaders"])}</td><td>{sep.join(v["hosts"])}</td>'
                   f"<td>{escape(v['methods'])}</td>{topics}</tr>")
    out.append("</tbody></table></div>")
    return Markup("".join(out))  # noqa: S704 - built from escaped parts


def problem_items(rows: Sequence[dict[str, Any]], w: Words) -> Markup:
    out = ['<ul class="items">']
    for r in rows:
        late = f" {escape(w('overdue_n', n=r['days_overdue']))}" if r["days_overdue"] else ""
        out.append(f'<li><span class="id">{escape(r["id"])}</span> <span class="item-title">{escape(r["title"])}</span>'
                   f'<span class="item-meta">{_badge(r["state"], r["state_label"])}{late} · {r["unit"]} · '
                   f'{escape(w("due"))} {escape(r["due"])}</span></li>')
    out.append("</ul>")
    return Markup("".join(out))  # noqa: S704 - built from escaped parts


def visit_items(rows: Sequence[dict[str, Any]], w: Words) -> Markup:
    out = ['<ul class="items">']
    sep = escape(w.sep)
    for v in rows:
        methods = f" · {escape(v['methods'])}" if v["methods"] else ""
        out.append(f'<li><span class="date">{escape(v["day"])}</span> {sep.join(v["leaders"])}'
                   f'<span class="item-meta">{sep.join(v["hosts"])}{methods}</span></li>')
    out.append("</ul>")
    return Markup("".join(out))  # noqa: S704 - built from escaped parts
