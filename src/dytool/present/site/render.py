"""Every page of the site through the Jinja2 templates shipped beside this module.

The templates are dytool's own (a campaign cannot replace them) and escape every value
(autoescape); the only markup they are handed is what this package made safe itself: the
SVG charts and a report's Markdown.  Each page carries a Content-Security-Policy that lets
it load nothing but the site's own files.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from dytool.present.site.context import SiteContext
from dytool.present.site.entities import leader_view, leaders_view, monthly_lines, topic_view, topics_view, unit_view, units_view
from dytool.present.site.ledger import LEDGER_DATA, ledger_script, ledger_view
from dytool.present.site.overview import overview_view

__all__ = ["CSP", "STATIC", "render_pages"]

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
       "base-uri 'none'; form-action 'none'; object-src 'none'; frame-src 'none'")
"""Nothing but the site's own scripts, styles and images; no inline script, no remote load."""


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def _common(ctx: SiteContext) -> dict[str, Any]:
    w = ctx.w
    b = ctx.briefing
    options = ctx.options
    nav = [("overview", "index.html"), ("ledger", "problems.html"), ("topics", "topics.html")]
    if ctx.named:
        nav += [("units", "units.html"), ("leaders", "leaders.html")]
    notes = [w("public_note") if options.public else w("classified_note")]
    if options.anonymize:
        notes.append(w("anonymized_note"))
    return {
        "w": w, "csp": CSP, "lang_attr": "en" if w.en else "zh-CN",
        "campaign": ctx.text(b.campaign.title), "issuer": ctx.text(b.campaign.issuer),
        "classification": ctx.text(ctx.facts.campaign.classification),
        "nav": [{"key": key, "href": href, "text": w(key)} for key, href in nav],
        "as_of_iso": ctx.as_of.isoformat(), "as_of_text": w.day(ctx.as_of),
        "commit_full": options.commit or "", "commit_short": (options.commit or "")[:10] or w("no_commit"), "dirty": options.dirty,
        "built_by": w("built_by", version=options.version), "notes": notes, "ledger_data": LEDGER_DATA,
    }


def render_pages(ctx: SiteContext) -> Iterator[tuple[str, bytes]]:
    """(path in the site, bytes) of every page, the ledger's data and the reports' images."""
    env = _environment()
    common = _common(ctx)
    w = ctx.w

    def page(template: str, path: str, active: str, title: str, **values: Any) -> tuple[str, bytes]:
        root = "../" * path.count("/")
        html = env.get_template(template).render(common, root=root, active=active, page_title=title, **values)
        return path, html.encode("utf-8")

    yield page("overview.html.j2", "index.html", "overview", w("overview"), o=overview_view(ctx))
    ledger_page, ledger_data = ledger_view(ctx)
    yield page("ledger.html.j2", "problems.html", "ledger", w("ledger"), ledger=ledger_page)
    yield LEDGER_DATA, ledger_script(ledger_data)
    yield page("topics.html.j2", "topics.html", "topics", w("topics"), v=topics_view(ctx))
    images: dict[str, bytes] = {}
    for topic in ctx.facts.topics:
        view, rendered = topic_view(ctx, topic)
        if rendered is not None:
            images.update(rendered.images)
        yield page("topic.html.j2", f"topics/{ctx.topic_pages[topic.id]}", "topics", view["title"], t=view)
    for name, data in images.items():
        yield f"assets/img/{name}", data
    if ctx.named:
        yield page("units.html.j2", "units.html", "units", w("units"), v=units_view(ctx))
        for ident, name in ctx.unit_pages.items():
            view = unit_view(ctx, ident)
            yield page("unit.html.j2", f"units/{name}", "units", view["name"], u=view)
        yield page("leaders.html.j2", "leaders.html", "leaders", w("leaders"), v=leaders_view(ctx))
        months = monthly_lines(ctx)
        for line in ctx.briefing.leaders:
            view = leader_view(ctx, line, months.get(line.id, []))
            yield page("leader.html.j2", f"leaders/{ctx.leader_pages[line.id]}", "leaders", view["name"], p=view)
    for asset in sorted(STATIC.iterdir()):
        if asset.is_file():
            yield f"assets/{asset.name}", asset.read_bytes()
