"""The monthly bulletin (工作动态 / 督查专报) for one month (documents.md).

Everything is judged on the bulletin's day: the as-of day, or the month's last day when the
as-of day is later.  Visits and problems of the month, the per-unit closing table that hotline
bulletins use, what was missed, what is due next month.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from dytool.core.catalogue import documents as words
from dytool.core.errors import UserError
from dytool.dates import Status
from dytool.documents.charts import closure_chart, leader_chart, trend_chart, unit_table
from dytool.documents.model import Chart, Markdown, Part
from dytool.documents.templating import Templates, escape_controls
from dytool.engine.repository import Repository
from dytool.facts.deadlines import chinese_day
from dytool.facts.periods import period_label
from dytool.facts.records import gather
from dytool.facts.stages import campaign_span, stages_phrase
from dytool.facts.visits import leader_days
from dytool.models import Campaign
from dytool.models.nouns import kind_noun
from dytool.status import compute_status
from dytool.status.deadlines import ObligationTable, obligation_tables
from dytool.status.ledger import problem_state


def _obligation(table: ObligationTable, day: dt.date, number: int) -> dict[str, Any]:
    """A member × period table: the day each member handed in (月/日), 逾期 when late, 未报送
    when an occurrence due by the day is missing, blank while it is not yet due.  ``by_period``
    when there are more periods than members: the table is then set with a line per period and
    a column per member, so that a year of months fits a portrait page."""
    rows = []
    for _, name, handed in table.rows:
        cells = []
        for due, on in zip(table.dues, handed, strict=True):
            if on is not None:
                cells.append(f"{on.month}月{on.day}日" + ("（逾期）" if on > due else ""))
            else:
                cells.append("未报送" if due < day else "")
        rows.append({"name": name, "cells": cells})
    quoted = f"“{_inner_quotes(table.title)}”"
    return {"title": table.title, "quoted": quoted, "number": number, "periods": [period_label(k) for k in table.periods], "rows": rows,
            "by_period": len(table.periods) > len(rows)}


def _inner_quotes(text: str) -> str:
    """Quotes inside a quoted title as single quotes: “乡镇招商考核‘重签约、轻落地’”."""
    return text.replace("“", "‘").replace("”", "’")


__all__ = ["Bulletin", "bulletin_day", "bulletin_number", "make_bulletin", "month_span", "require_campaign_month"]

def month_span(month: str) -> tuple[dt.date, dt.date]:
    """``2023-06`` → (2023-06-01, 2023-06-30); ValueError when it is not a month."""
    year, _, mon = month.partition("-")
    first = dt.date(int(year), int(mon), 1)
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


def bulletin_number(campaign: Campaign, first: dt.date) -> int:
    start = campaign.period.start.first
    offset = (first.year - start.year) * 12 + first.month - start.month
    base = campaign.bulletin.first_number if campaign.bulletin else 1
    return base + offset


@dataclass(frozen=True)
class Bulletin:
    title: str
    number: int
    issuer: str
    month_first: dt.date
    month_last: dt.date
    day: dt.date
    """The day the bulletin is dated and judged on (截至): the as-of day, at most the month's last."""
    markdown: str
    charts: tuple[Chart, ...] = ()
    parts: tuple[Part, ...] = ()
    """The Word document: the masthead set apart (title, 第N期, issuer and day), then the text."""


def require_campaign_month(campaign: Campaign, month: str) -> None:
    """A bulletin is of a month of the campaign: UserError for one outside its period."""
    first, last = month_span(month)
    period = campaign_span(campaign)
    if last < period.first or first > period.last:
        raise UserError(words.MONTH_OUTSIDE_PERIOD(month=month, first=period.first.isoformat(), last=period.last.isoformat()))


def bulletin_day(month: str, as_of: dt.date) -> dt.date:
    """The day a bulletin of ``month`` is dated: the as-of day, or the month's end when later.
    ValueError when the month begins after the as-of day."""
    first, last = month_span(month)
    if as_of < first:
        raise ValueError(f"{month} begins after {as_of.isoformat()}")
    return min(as_of, last)


def make_bulletin(repo: Repository, campaign: Campaign, month: str, templates: Templates, as_of: dt.date) -> Bulletin:
    first, last = month_span(month)
    require_campaign_month(campaign, month)
    day = bulletin_day(month, as_of)
    facts = gather(repo, campaign)
    briefing = compute_status(repo, campaign, day)
    in_month = [v for v in facts.visits if first <= v.first_day <= day]
    leaders = []
    plotted: list[tuple[str, float, int | None]] = []
    all_days = leader_days(facts.visits, day)
    for line in briefing.leaders:
        visits = [v for v in in_month if line.id in v.leaders]
        days = {d for d in all_days.get(line.id, ()) if first <= d}
        plotted.append((line.name, len(days), line.required_days))
        leaders.append({"name": line.name, "title": line.title or "", "visits": len(visits), "days": len(days),
                        "required": line.required_days, "meets": line.required_days is None or len(days) >= line.required_days})
    rows = problem_state(facts.problems, day)
    new = [r.problem for r in rows if r.problem.found_on is not None and first <= r.problem.found_on.first <= day]
    closed = [r.problem for r in rows if r.problem.closed_on is not None and first <= r.problem.closed_on.first <= day]
    next_first, next_last = month_span(f"{last.year + (last.month == 12)}-{last.month % 12 + 1:02d}")
    due_next = [{"title": m.title, "due": chinese_day(m.due)} for m in briefing.milestones
                if m.due is not None and next_first <= m.due <= next_last and not m.status.is_done]
    due_next += [{"title": r.title, "due": chinese_day(r.current.due)} for r in briefing.recurring
                 if r.current is not None and next_first <= r.current.due <= next_last]
    table = unit_table(facts, rows)
    tag = f"bulletin-{first.year}-{first.month:02d}"
    charts = {  # in the order of the text, which numbers them
        "leaders": leader_chart(plotted, f"charts/{tag}-leaders.svg", f"领导{first.month}月调研天数", f"{first.month}月调研天数"),
        "closure": closure_chart(table, f"charts/{tag}-closure.svg", "各单位问题销号率"),
        "trend": trend_chart(facts, day, f"charts/{tag}-trend.svg", "问题发现与销号情况"),
    }
    numbered = _number_charts(charts)
    spec = campaign.bulletin
    title = spec.title if spec else "工作动态"
    issuer = (spec.issuer if spec and spec.issuer else None) or facts.name_of(campaign.lead_office) or campaign.issuer or ""
    number = bulletin_number(campaign, first)
    data = {
        "title": title, "number": number, "issuer": issuer, "campaign": campaign.title,
        "month": f"{first.year}年{first.month}月", "date": chinese_day(day),
        "stages": stages_phrase([s.title for s in briefing.stages]),
        "visits_total": len(in_month), "leaders": leaders,
        "new_problems": len(new), "closed_problems": len(closed),
        "unit_table": table,
        "charts": {key: {"file": chart.file, "title": chart.title} for key, chart in numbered.items()},
        "overdue": [{"id": o.id, "title": _inner_quotes(o.title), "unit": o.owner_unit_name or "", "due": chinese_day(o.due), "days": o.days_overdue,
                     "kind": o.kind, "kind_zh": kind_noun(o.kind).zh} for o in briefing.lists.overdue],
        "has_rule": any(line["required"] is not None for line in leaders),
        "obligations": [_obligation(table, day, (2 if leaders else 1) + n) for n, table in enumerate(obligation_tables(facts, day), 1)],
        "missed_milestones": [{"title": m.title, "due": chinese_day(m.due), "missing": "、".join(m.missing_names or m.missing)}
                              for m in briefing.milestones if m.status is Status.OVERDUE and m.due is not None],
        "missed_submissions": [{"title": r.title, "periods": "、".join(f"{o.by_name}（{period_label(o.period)}）" if o.by_name else period_label(o.period)
                                                                      for o in r.missed)}
                               for r in briefing.recurring if r.missed],
        "due_next": due_next, "next_month": f"{next_first.month}月",
    }
    markdown = escape_controls(templates.render("bulletin/bulletin.md.j2", data))
    body = markdown[markdown.index("\n## ") + 1:] if "\n## " in markdown else markdown  # the masthead is set apart
    masthead = f"第{number}期　{issuer}　{chinese_day(day)}"
    used = tuple(chart for chart in numbered.values() if chart.file in markdown)
    part = Markdown(body, new_page=False, title=title, byline=masthead, charts=used)
    return Bulletin(title, number, issuer, first, last, day, markdown, used, (part,))


def _number_charts(charts: dict[str, Chart | None]) -> dict[str, Chart]:
    """The charts there are, titled 图1、图2… in the order of the text."""
    present = [(key, chart) for key, chart in charts.items() if chart is not None]
    return {key: dataclasses.replace(chart, title=f"图{n}　{chart.title}") for n, (key, chart) in enumerate(present, 1)}
