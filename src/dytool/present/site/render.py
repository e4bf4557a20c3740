"""Every page of the site through the Jinja2 templates shipped beside this module.

The templates are dytool's own (a campaign cannot replace them) and escape every value
(autoescape); the only markup they are handed is what this package made safe itself: the
SVG charts and a report's Markdown.  Each page carries a Content-Security-Policy that lets
it load nothing but the site's own files.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from markupsafe import Markup

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
        "w": w, "L": w.phrases(), "csp": CSP, "lang_attr": w.html_lang,
        "campaign": ctx.text(b.campaign.title), "issuer": ctx.text(b.campaign.issuer),
        "classification": ctx.text(ctx.facts.campaign.classification),
        "nav": [{"key": key, "href": href, "text": w(key)} for key, href in nav],
        "as_of_iso": ctx.as_of.isoformat(), "as_of_text": w.day(ctx.as_of),
        "commit_full": options.commit or "", "commit_short": (options.commit or "")[:10] or w("no_commit"), "dirty": options.dirty,
        "built_by": w("built_by", version=options.version), "notes": notes, "ledger_data": LEDGER_DATA,
    }


class _Pages:
    """Renders one page at a time."""

    def __init__(self, ctx: SiteContext) -> None:
        self.ctx = ctx
        self.common = _common(ctx)
        self.months = monthly_lines(ctx) if ctx.named else {}
        self.units = list(ctx.unit_pages.items())
        self._chrome: dict[tuple[str, str], dict[str, Markup]] = {}
        self.stamp = repr(sorted((k, v) for k, v in self.common.items() if k != "w"))
        """Everything every page shows (day, commit, words, tabs), for the kept pages' keys."""

    @functools.cached_property
    def env(self) -> Any:
        from dytool.present.site.jinja_env import environment

        return environment(self.ctx.options.key_folder)

    def chrome(self, root: str, active: str) -> dict[str, Markup]:
        """The head, masthead and footer of a page in ``root`` under the tab ``active`` (made once)."""
        found = self._chrome.get((root, active))
        if found is None:
            module = self.env.get_template("chrome.html.j2").make_module({**self.common, "root": root, "active": active})
            found = self._chrome[(root, active)] = {part: getattr(module, part)() for part in ("head", "top", "bottom")}  # macros return Markup
        return found

    def page(self, template: str, path: str, active: str, title: str, **values: Any) -> tuple[str, bytes]:
        """A page, or the same page of the last build when everything it is made from is the same."""
        root = "../" * path.count("/")

        def make() -> bytes:
            html = self.env.get_template(template).render(self.common, root=root, active=active, page_title=title,
                                                          chrome=self.chrome(root, active), **values)
            return str(html).encode("utf-8")

        return path, self.ctx.memo.page((self.stamp, template, path, active, title, values), make)

    def numbered(self) -> list[tuple[str, int]]:
        """(kind, index) of every page of a topic, a unit and a leader."""
        ctx = self.ctx
        out = [("topic", i) for i in range(len(ctx.topics))]
        if ctx.named:
            out += [("unit", i) for i in range(len(self.units))] + [("leader", i) for i in range(len(ctx.briefing.leaders))]
        return out

    def render(self, kind: str, index: int) -> list[tuple[str, bytes]]:
        """The page (and a report's images) of one topic, unit or leader."""
        ctx = self.ctx
        if kind == "topic":
            topic = ctx.topics[index]
            view, rendered = topic_view(ctx, topic)
            images = [(f"assets/img/{name}", data) for name, data in rendered.images.items()] if rendered is not None else []
            return [self.page("topic.html.j2", f"topics/{ctx.topic_pages[topic.id]}", "topics", view["title"], t=view), *images]
        if kind == "unit":
            ident, name = self.units[index]
            unit = unit_view(ctx, ident)
            return [self.page("unit.html.j2", f"units/{name}", "units", unit["name"], u=unit)]
        line = ctx.briefing.leaders[index]
        leader = leader_view(ctx, line, self.months.get(line.id, []))
        return [self.page("leader.html.j2", f"leaders/{ctx.leader_pages[line.id]}", "leaders", leader["name"], p=leader)]


def render_pages(ctx: SiteContext) -> Iterator[tuple[str, bytes]]:
    """(path in the site, bytes) of every page, the ledger's data and the reports' images."""
    pages = _Pages(ctx)
    w = ctx.w
    page = pages.page
    yield page("overview.html.j2", "index.html", "overview", w("overview"), o=overview_view(ctx))
    ledger_page, ledger_data = ledger_view(ctx)
    yield page("ledger.html.j2", "problems.html", "ledger", w("ledger"), ledger=ledger_page)
    yield LEDGER_DATA, ledger_script(ledger_data)
    yield page("topics.html.j2", "topics.html", "topics", w("topics"), v=topics_view(ctx))
    if ctx.named:
        yield page("units.html.j2", "units.html", "units", w("units"), v=units_view(ctx))
        yield page("leaders.html.j2", "leaders.html", "leaders", w("leaders"), v=leaders_view(ctx))
    for kind, index in pages.numbered():
        yield from pages.render(kind, index)
    for asset in sorted(STATIC.iterdir()):
        if asset.is_file():
            yield f"assets/{asset.name}", asset.read_bytes()
