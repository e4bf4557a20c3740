"""The overview page: the briefing of ``dytool status`` as a dashboard.

Every figure is the briefing's (:class:`dytool.status.model.Briefing`) or the status module's
counts over the facts as of a day (:func:`dytool.status.ledger.counts`); nothing is counted here.
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Any

from dytool.dates import Status
from dytool.facts.stages import stage_spans
from dytool.facts.topics import TopicStage
from dytool.present.site.charts import Bar, Mark, Series, Span, bar_chart, line_chart, timeline
from dytool.present.site.context import SiteContext
from dytool.status.ledger import counts, problem_state
from dytool.status.model import MilestoneLine

__all__ = ["month_ends", "overview_view"]

OVERDUE_SHOWN = 10
LIST_SHOWN = 12
"""Longer lists on the overview are cut, with a count of the rest and where to see them."""


def month_ends(first: dt.date, last: dt.date) -> list[dt.date]:
    """The last day of each month from ``first`` to ``last``, and ``last`` itself."""
    out = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        out.append(min(nxt - dt.timedelta(days=1), last))
        year, month = nxt.year, nxt.month
    return out


def _milestone(m: MilestoneLine, number: int, ctx: SiteContext) -> dict[str, Any]:
    w = ctx.w
    notes = []
    if m.status is Status.OVERDUE:
        notes.append(w("overdue_n", n=m.days_overdue))
    elif m.status in (Status.DUE_SOON, Status.PENDING):
        notes.append(w("days_left", n=m.days_left))
    if m.done_on is not None:
        notes.append(w("done_on", date=w.day(m.done_on)))
    if m.missing:
        shown = w.sep.join(m.missing[:8]) + ("…" if len(m.missing) > 8 else "")
        notes.append(w("missing", ids=shown))
    return {
        "number": number, "title": ctx.text(m.title), "due": w.day(m.due), "status": m.status.value.replace("_", "-"),
        "status_label": w.label(m.status),
        "progress": f"{m.done}/{m.total}" if m.total is not None else "", "note": w.semi.join(notes),
        "owner": ctx.link("unit", m.owner, ""),
    }


def _found_closed_chart(ctx: SiteContext) -> Any:
    w = ctx.w
    first = ctx.facts.period.first
    last = min(ctx.as_of, ctx.facts.period.last)
    if last < first:
        return None
    days = month_ends(first, last)
    # The problems in the order they were found (undated ones count from the start): each
    # month's figures read the problems found by then, the status module's definition.
    found = sorted(ctx.facts.problems, key=lambda p: p.found_on.first if p.found_on is not None else dt.date.min)
    found_days = [p.found_on.first if p.found_on is not None else dt.date.min for p in found]
    figures = [counts(problem_state(found[: bisect.bisect_right(found_days, day)], day)) for day in days]
    labels = [w.short_month(day.month) for day in days]
    if (days[-1] + dt.timedelta(days=1)).day != 1:  # the as-of day, within its month
        labels[-1] = w.short_day(days[-1])
    series = [Series("found", w("problems_found"), tuple(f.found for f in figures)),
              Series("closed", w("problems_closed"), tuple(f.closed for f in figures)),
              Series("overdue", w("problems_overdue"), tuple(f.overdue for f in figures))]
    return line_chart(labels, series, title=w("chart_found_closed"), desc=w("chart_found_closed_desc"))


def _rate_by_unit_chart(ctx: SiteContext) -> Any:
    w = ctx.w
    bars = []
    for unit, rows in ctx.rows_by_unit.items():
        figures = counts(rows)
        if not figures.found or figures.closure_rate is None:
            continue
        bars.append((figures.closure_rate, ctx.name(unit), Bar(
            ctx.name(unit), figures.closure_rate, w.pct(figures.closure_rate) + w.paren(f"{figures.closed}/{figures.found}"),
            href=ctx.unit_href(unit, ""), css="rate-low" if figures.closure_rate < 0.5 else "rate")))
    if not bars:
        return None
    bars.sort(key=lambda b: (b[0], b[1]))
    return bar_chart([b for _, _, b in bars], maximum=1.0, title=w("chart_rate_by_unit"), desc=w("chart_rate_by_unit_desc"))


def _days_by_leader_chart(ctx: SiteContext) -> Any:
    w = ctx.w
    lines = ctx.briefing.leaders
    if not lines:
        return None
    peak = max([float(line.visit_days) for line in lines] + [float(line.required_days or 0) for line in lines] + [1.0])
    bars = [Bar(ctx.name(line.id) if ctx.named else ctx.text(line.name), line.visit_days,
                f"{line.visit_days}/{line.required_days}" if line.required_days is not None else str(line.visit_days),
                href=ctx.leader_href(line.id, ""), target=line.required_days,
                css="short" if line.meets is False else "met") for line in lines]
    month = w.month(ctx.as_of.year, ctx.as_of.month)
    return bar_chart(bars, maximum=peak, title=w("chart_days_by_leader"), desc=w("chart_days_by_leader_desc", month=month))


def _timeline(ctx: SiteContext, milestones: list[dict[str, Any]]) -> Any:
    b = ctx.briefing
    w = ctx.w
    current = {s.id for s in b.stages}
    spans = [Span(ctx.text(s.title), s.first, s.last, s.id in current) for s in stage_spans(ctx.facts.campaign)]
    marks = [Mark(m["number"], m["title"], line.due, m["status"]) for m, line in zip(milestones, b.milestones, strict=True)
             if line.due is not None]  # a standing requirement (常态化) has no day on the timeline
    months = {i: w.short_month(i) for i in range(1, 13)}
    return timeline(b.campaign.period_start, b.campaign.period_end, ctx.as_of, spans, marks, title=w("milestones"),
                    desc=w("milestones"), today=w("today"), month_label=months)


def overview_view(ctx: SiteContext) -> dict[str, Any]:
    b = ctx.briefing
    w = ctx.w
    lists = b.lists
    p = lists.problems
    milestones = [_milestone(m, i, ctx) for i, m in enumerate(b.milestones, 1)]
    # The overview's overdue section links to the problems ledger: it counts problems only, like
    # the ledger's 逾期 filter and the 逾期未销号 figure (overdue solutions are in their own figure).
    overdue = [item for item in lists.overdue if item.kind == "problem"]
    overdue_by_unit: dict[str | None, int] = {}
    for item in overdue:
        overdue_by_unit[item.owner_unit] = overdue_by_unit.get(item.owner_unit, 0) + 1
    by_unit = sorted(overdue_by_unit.items(), key=lambda kv: (-kv[1], ctx.name(kv[0])))
    stages = [{"title": ctx.text(s.title), "start": w.day(s.start), "end": w.day(s.end), "elapsed": s.elapsed_days, "total": s.total_days,
               "days_left": s.days_left, "percent": round(s.progress * 100)} for s in b.stages]
    period_left = (b.campaign.period_end - ctx.as_of).days
    period_days = (b.campaign.period_end - b.campaign.period_start).days + 1
    period_done = min(max((ctx.as_of - b.campaign.period_start).days + 1, 0), period_days)
    return {
        "stages": stages,
        "next_stage": None if b.next_stage is None else {
            "title": ctx.text(b.next_stage.title), "start": w.day(b.next_stage.start), "days": b.next_stage.days_until},
        "period": {"start": w.day(b.campaign.period_start), "end": w.day(b.campaign.period_end),
                   "days_left": period_left if period_left >= 0 else None,
                   "percent": round(100 * period_done / period_days) if period_days > 0 else 100},
        "milestones": milestones,
        "timeline": _timeline(ctx, milestones) if b.milestones or ctx.facts.campaign.stages else None,
        "legend": [(status.value.replace("_", "-"), w.label(status))
                   for status in (Status.OVERDUE, Status.DUE_SOON, Status.PENDING, Status.DONE, Status.DONE_LATE)],
        "problems": {"found": p.found, "closed": p.closed, "open": p.open, "overdue": p.overdue, "escalated": p.escalated,
                     "long_term": p.long_term, "closure_rate": w.pct(p.closure_rate), "on_time_rate": w.pct(p.on_time_rate),
                     "closure_value": p.closure_rate or 0.0},
        "solutions": {"done": lists.solutions_done, "total": lists.solutions_total, "overdue": lists.solutions_overdue},
        "institutions": {k: lists.institutions.get(k, 0) for k in ("issued", "reviewing", "drafting")},
        "overdue_by_unit": [{"unit": ctx.link("unit", unit, ""), "count": n, "unit_id": ctx.unit_key(unit) if unit else ""} for unit, n in by_unit[:LIST_SHOWN]],
        "overdue_units_more": max(0, len(by_unit) - LIST_SHOWN),
        "overdue": [{"id": o.id, "title": ctx.text(o.title), "unit": ctx.link("unit", o.owner_unit, ""), "due": w.day(o.due),
                     "days": o.days_overdue} for o in overdue[:OVERDUE_SHOWN]],
        "overdue_total": len(overdue),
        "topics": {"total": b.topics.total,
                   "stages": [{"label": w.label(s), "count": b.topics.by_stage.get(s.value, 0)} for s in TopicStage],
                   "behind": [{"topic": ctx.link("topic", t.id, ""), "leader": ctx.name(t.leader),
                               "note": w("now_expected", now=w.label(t.stage), expected=w.label(t.expected))}
                              for t in b.topics.behind[:LIST_SHOWN]],
                   "behind_more": max(0, len(b.topics.behind) - LIST_SHOWN)},
        "recurring": [{"title": ctx.text(r.title), "rule": r.rule, "met": r.met, "due_so_far": r.due_so_far,
                       "missed": w.sep.join(o.period for o in r.missed),
                       "current": None if r.current is None else {"period": r.current.period, "due": w.day(r.current.due),
                                                                   "status": r.current.status.value.replace("_", "-"),
                                                                   "status_label": w.label(r.current.status)}}
                      for r in b.recurring],
        "burden": [{"host": ctx.link("unit", item.host, ""), "text": w("burden_line", start=w.day(item.window_start), end=w.day(item.window_end),
                                                                           n=item.visits, max=item.max_visits)} for item in b.burden[:LIST_SHOWN]],
        "burden_more": max(0, len(b.burden) - LIST_SHOWN),
        "charts": {"found_closed": _found_closed_chart(ctx),
                   "rate_by_unit": _rate_by_unit_chart(ctx) if ctx.named else None,
                   "days_by_leader": _days_by_leader_chart(ctx) if ctx.named else None},
    }
