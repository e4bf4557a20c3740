"""The problems ledger (问题清单): every problem found by the as-of day, for the page's script.

The rows go to the browser as one JSON value in a script file of their own, read once; the
page's script filters, sorts and pages them in memory and writes cells as text, never as
markup.  Each row's state is the status module's (:class:`dytool.status.ledger.LedgerRow`).
"""

from __future__ import annotations

import json
from typing import Any

from dytool.models.enums import Handling
from dytool.present.site.context import SiteContext

__all__ = ["LEDGER_DATA", "ledger_script", "ledger_view"]

LEDGER_DATA = "data/ledger.js"
"""Where the rows go, relative to the site's root."""


def ledger_view(ctx: SiteContext) -> tuple[dict[str, Any], dict[str, Any]]:
    """(what the page's template needs, the data for the script)."""
    w = ctx.w
    unit_index: dict[str, int] = {}
    topic_index: dict[str, int] = {}
    handling = list(Handling)
    handling_index = {h: i for i, h in enumerate(handling)}
    rows: list[list[Any]] = []
    for row in ctx.rows:
        p = row.problem
        unit = unit_index.setdefault(p.owner_unit, len(unit_index)) if p.owner_unit else -1
        topic = topic_index.setdefault(p.topic, len(topic_index)) if p.topic else -1
        state, _ = ctx.problem_state(row)
        due = p.due.due if p.due is not None else None
        rows.append([
            p.id, ctx.text(p.title), unit, topic, handling_index[p.handling] if p.handling is not None else -1, state,
            p.found_on.first.isoformat() if p.found_on is not None else "",
            due.isoformat() if due is not None else "",
            p.closed_on.first.isoformat() if row.closed and p.closed_on is not None else "",
            (ctx.as_of - due).days if row.overdue and due is not None else -1,
        ])
    units = [[ctx.unit_key(ident), ctx.name(ident), ctx.unit_href(ident, "") or ""] for ident in unit_index]
    topics = [[ident, ctx.topic_title(ident), ctx.topic_href(ident, "") or ""] for ident in topic_index]
    data = {
        "lang": w.lang.value,
        "units": units,
        "topics": topics,
        "handling": [w.label(h) for h in handling],
        "states": {"open": w("state_open"), "done": w("state_closed"), "overdue": w("only_overdue"),
                   "escalated": w("escalated"), "long-term": w("long_term")},
        "words": {"shown": w("shown", total="{total}", n="{n}"), "page": w("page_of", page="{page}", pages="{pages}"),
                  "none": w("no_rows")},
        "rows": rows,
    }
    unit_options = sorted(((i, u[1]) for i, u in enumerate(units)), key=lambda kv: kv[1])
    topic_options = sorted(((i, t[0], t[1]) for i, t in enumerate(topics)), key=lambda kv: kv[1])
    page = {
        "units": [{"value": str(i), "text": name} for i, name in unit_options] if ctx.named else [],
        "topics": [{"value": str(i), "text": f"{ident} {title}"} for i, ident, title in topic_options],
        "handling": [{"value": str(i), "text": w.label(h)} for i, h in enumerate(handling)],
        "total": len(rows),
    }
    return page, data


def ledger_script(data: dict[str, Any]) -> bytes:
    """The rows as a script that sets one global: JSON is a JavaScript literal, and the
    characters that could end it early in some parsers are escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.dytoolLedger={text};\n".encode()
