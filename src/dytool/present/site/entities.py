"""A page per topic, per unit and per leader, and the index page of each.

A topic's stage is :func:`dytool.facts.topics.topic_progress`; a unit's figures are the
briefing's lists filtered to the unit (:func:`dytool.status.ledger.ledger_lists`, as
``dytool status --unit``); a leader's days per month are the briefing's leader lines as of
each month's end (:func:`dytool.status.people.leader_lines`).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path, PurePosixPath
from typing import Any

from dytool.dates import Status, deadline_status
from dytool.engine.summary import VisitRow
from dytool.facts.topics import TopicStage
from dytool.models import Topic, When
from dytool.models.enums import InstitutionStatus
from dytool.present.site.charts import Bar, bar_chart
from dytool.present.site.context import SiteContext
from dytool.present.site.markdown import RenderedMarkdown, render_markdown
from dytool.present.site.overview import month_ends
from dytool.source.images import IgnoredImages, image_links, image_path
from dytool.status.ledger import counts, ledger_lists
from dytool.status.model import LeaderLine
from dytool.status.people import leader_lines

__all__ = ["leader_view", "leaders_view", "topic_view", "topics_view", "unit_view", "units_view"]

ROOT = "../"
IMAGES = "assets/img/"


def topics_view(ctx: SiteContext) -> dict[str, Any]:
    w = ctx.w
    rows = []
    for topic in ctx.facts.topics:
        rows.append({"topic": ctx.link("topic", topic.id, ""), "id": topic.id, "stage": w.label(ctx.stage(topic)),
                     "leader": ctx.link("leader", topic.leader, "") if topic.leader and ctx.named else None,
                     "lead_unit": ctx.link("unit", topic.lead_unit, "") if topic.lead_unit and ctx.named else None,
                     "report": ctx.facts.report_of(topic) is not None})
    return {"rows": rows}


def _report(ctx: SiteContext, topic: Topic) -> tuple[dict[str, Any] | None, RenderedMarkdown | None]:
    report = ctx.facts.report_of(topic)
    if report is None:
        return None, None
    w = ctx.w
    meta = report.meta
    folder = (ctx.facts.repo.root, PurePosixPath(report.source.file).parent.as_posix())
    title = ctx.text(meta.title)
    body = ctx.text(report.body)
    rendered = ctx.memo.render(
        (report.source.file, body, meta.title),
        lambda: render_markdown(body, base_dir=folder, image_prefix=ROOT + IMAGES, top_level=3, title=meta.title,
                                left_out=lambda zh, en: w("image_left_out", why=w.pair(zh, en)), ignored=_ignored_images(folder, body)))
    abstract = "；".join(meta.abstract) if isinstance(meta.abstract, list) else (meta.abstract or "")
    authors = w.sep.join(ctx.name(a) for a in meta.authors) if ctx.named else ""
    return {"title": title, "date": w.day(meta.date.first) if meta.date else "", "abstract": ctx.text(abstract),
            "authors": authors, "unit": ctx.name(meta.unit) if ctx.named and meta.unit else "", "html": rendered.html}, rendered


def _ignored_images(folder: tuple[Path, str], body: str) -> IgnoredImages:
    """The images of a report that git ignores (they are not the repository's, and the site may be public)."""
    root, base = folder
    return IgnoredImages(root, {image_path(base, link.src) for link in image_links(body)})


def topic_view(ctx: SiteContext, topic: Topic) -> tuple[dict[str, Any], RenderedMarkdown | None]:
    w = ctx.w
    facts = ctx.facts
    stage = ctx.stage(topic)
    order = list(TopicStage)
    reached = order.index(stage)
    themes = {t.id: t.title for t in facts.campaign.themes}
    report, rendered = _report(ctx, topic)
    view = {
        "id": topic.id, "title": ctx.text(topic.title), "stage": w.label(stage),
        "steps": [{"label": w.label(s), "state": "done" if i < reached else ("current" if i == reached else "todo")} for i, s in enumerate(order)],
        "leader": ctx.link("leader", topic.leader, ROOT) if topic.leader and ctx.named else None,
        "lead_unit": ctx.link("unit", topic.lead_unit, ROOT) if topic.lead_unit and ctx.named else None,
        "units": [ctx.link("unit", u, ROOT) for u in topic.units] if ctx.named else [],
        "theme": ctx.text(themes.get(topic.theme or "", topic.theme or "")),
        "kind": w.label(topic.kind) if topic.kind else "",
        "questions": [ctx.text(q) for q in topic.questions],
        "visits": [ctx.visit_row(v, ROOT) for v in ctx.visits_by_topic.get(topic.id, [])] if ctx.named else [],
        "problems": [ctx.problem_row(r, ROOT) for r in ctx.rows_by_topic.get(topic.id, [])],
        "report": report,
    }
    return view, rendered


def units_view(ctx: SiteContext) -> dict[str, Any]:
    w = ctx.w
    rows = []
    for ident, unit in ctx.facts.units.items():
        figures = counts(ctx.rows_by_unit.get(ident, []))
        rows.append({"unit": ctx.link("unit", ident, ""), "type": w.label(unit.type) if unit.type else "", "found": figures.found,
                     "closed": figures.closed, "overdue": figures.overdue, "rate": w.pct(figures.closure_rate),
                     "visits": len(ctx.visits_by_host.get(ident, []))})
    return {"rows": rows}


def unit_view(ctx: SiteContext, ident: str) -> dict[str, Any]:
    w = ctx.w
    facts = ctx.facts
    unit = facts.units[ident]
    lists = ledger_lists(ctx.unit_facts(ident), ctx.as_of, unit=ident)
    p = lists.problems
    topics = [t for t in facts.topics if t.lead_unit == ident or ident in t.units]
    due_soon = facts.campaign.due_soon_days

    def state(due: When | None, done: When | None) -> tuple[str, str]:
        if due is None:
            finished = done is not None and done.first <= ctx.as_of
            return ("done", w.label(Status.DONE)) if finished else ("open", "—")
        status = deadline_status(due.due, done.first if done is not None else None, ctx.as_of, due_soon)
        return status.value.replace("_", "-"), w.label(status)

    solutions = []
    for s in facts.solutions:
        if s.owner_unit == ident:
            css, label = state(s.due, s.done_on)
            solutions.append({"id": s.id, "title": ctx.text(s.title), "due": w.day(s.due.due) if s.due else "—", "state": css, "state_label": label})
    institutions = []
    for i in facts.institutions:
        if i.drafting_unit == ident:
            institutions.append({"id": i.id, "title": ctx.text(i.title), "kind": w.label(i.kind), "due": w.day(i.due.due) if i.due else "—",
                                 "state_label": _institution_state(ctx, i.issued_on, i.status),
                                 "doc_number": ctx.text(i.doc_number) if i.issued_on is not None and i.issued_on.first <= ctx.as_of else ""})
    return {
        "name": ctx.name(ident), "full_name": ctx.text(unit.name), "type": w.label(unit.type) if unit.type else "",
        "figures": {"found": p.found, "closed": p.closed, "open": p.open, "overdue": p.overdue, "closure_rate": w.pct(p.closure_rate),
                    "on_time_rate": w.pct(p.on_time_rate), "solutions_done": lists.solutions_done, "solutions_total": lists.solutions_total,
                    "issued": lists.institutions.get("issued", 0)},
        "ledger_href": f"{ROOT}problems.html#unit={ident}",
        "problems": [ctx.problem_row(r, ROOT) for r in ctx.rows_by_unit.get(ident, [])],
        "solutions": solutions,
        "institutions": institutions,
        "topics": [{"topic": ctx.link("topic", t.id, ROOT), "id": t.id, "stage": w.label(ctx.stage(t))} for t in topics],
        "visits": [ctx.visit_row(v, ROOT) for v in ctx.visits_by_host.get(ident, [])],
    }


def leaders_view(ctx: SiteContext) -> dict[str, Any]:
    w = ctx.w
    return {"month": w.month(ctx.as_of.year, ctx.as_of.month),
            "rows": [{"leader": ctx.link("leader", line.id, ""), "title": ctx.text(line.title), "topics": line.topics,
                      "days": f"{line.visit_days}/{line.required_days}" if line.required_days is not None else str(line.visit_days),
                      "meets": line.meets, "last": w.day(line.last_visit)} for line in ctx.briefing.leaders]}


def monthly_lines(ctx: SiteContext) -> dict[str, list[tuple[int, int, LeaderLine]]]:
    """Each leader's line of the briefing as of each month's end (or the as-of day)."""
    out: dict[str, list[tuple[int, int, LeaderLine]]] = {}
    first = ctx.facts.period.first
    last = min(ctx.as_of, ctx.facts.period.last)
    days = month_ends(first, last) if first <= last else []
    by_month: dict[tuple[int, int], list[VisitRow]] = {(d.year, d.month): [] for d in days}
    for visit in ctx.visits:
        month = (visit.first_day.year, visit.first_day.month)
        while month <= (visit.last_day.year, visit.last_day.month):  # a visit over a month's end counts in both
            if month in by_month:
                by_month[month].append(visit)
            month = (month[0] + month[1] // 12, month[1] % 12 + 1)
    for day in days:
        # The month's own visits: its days are all a month's line counts (its last visit is not shown).
        month_facts = dataclasses.replace(ctx.facts, visits=by_month[(day.year, day.month)])
        for line in leader_lines(month_facts, day):
            out.setdefault(line.id, []).append((day.year, day.month, line))
    return out


def leader_view(ctx: SiteContext, line: LeaderLine, months: list[tuple[int, int, LeaderLine]]) -> dict[str, Any]:
    w = ctx.w
    peak = max([float(m.visit_days) for _, _, m in months] + [float(m.required_days or 0) for _, _, m in months] + [1.0])
    bars = [Bar(w.month(year, month), m.visit_days, f"{m.visit_days}/{m.required_days}" if m.required_days is not None else str(m.visit_days),
                target=m.required_days, css="short" if m.meets is False else "met") for year, month, m in months]
    chart = bar_chart(bars, maximum=peak, title=w("days_per_month"), desc=w("days_per_month_desc"), label_width=110) if bars else None
    person = ctx.facts.people.get(line.id)
    return {
        "name": ctx.name(line.id), "title": ctx.text(line.title), "topics_count": line.topics,
        "days": f"{line.visit_days}/{line.required_days}" if line.required_days is not None else str(line.visit_days),
        "month": w.month(ctx.as_of.year, ctx.as_of.month), "last": w.day(line.last_visit), "meets": line.meets,
        "unit": ctx.link("unit", person.unit, ROOT) if person is not None and person.unit else None,
        "chart": chart,
        "topics": [{"topic": ctx.link("topic", t.id, ROOT), "id": t.id, "stage": w.label(ctx.stage(t))}
                   for t in ctx.facts.topics_by_leader.get(line.id, [])],
        "visits": [ctx.visit_row(v, ROOT) for v in ctx.visits_by_leader.get(line.id, [])],
    }


def _institution_state(ctx: SiteContext, issued_on: When | None, status: InstitutionStatus | None) -> str:
    """As the briefing counts it (:func:`dytool.status.ledger.ledger_lists`): issued by the day, else the
    recorded status, an ``issued`` status with a later day being still under review."""
    w = ctx.w
    if issued_on is not None and issued_on.first <= ctx.as_of:
        return w("inst_issued")
    if status is InstitutionStatus.reviewing or status is InstitutionStatus.issued:
        return w("inst_reviewing")
    return w("inst_drafting")
