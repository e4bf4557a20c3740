"""Every figure of 一、总体情况, computed from the records as of a day (never typed in)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from typing import Any

from dytool.documents.charts import closure_chart, leader_chart, trend_chart, unit_table
from dytool.documents.model import Chart
from dytool.facts.records import Facts, visit_days
from dytool.facts.topics import TopicStage, topic_progress
from dytool.facts.visits import leader_days
from dytool.models.enums import Method, OutcomeKind, UnitType
from dytool.models.words import category, word_label
from dytool.status.ledger import counts, problem_state
from dytool.status.people import leader_lines

__all__ = ["overview_charts", "overview_figures"]


def _pct(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%" if whole else "—"


def _declared(facts: Facts, name: str) -> dict[str, Any] | None:
    vocabulary = facts.campaign.vocabulary
    return getattr(vocabulary, name) if vocabulary is not None else None


def _host_type(facts: Facts, host: str) -> str:
    """The kind a host is counted under: its unit type's category (外地单位 for units of other
    regions); a host named only in the visits (an enterprise, a household) is 企业、群众等."""
    unit = facts.units.get(host)
    if unit is None:
        return "企业、群众等"
    kind = category(unit.type, _declared(facts, "unit_types"), UnitType)
    return (kind or UnitType.other).label_zh


def overview_figures(facts: Facts, as_of: dt.date) -> dict[str, Any]:
    """Plain data (str, int, lists, dicts) for the overview template: everything as of the day."""
    progress = [topic_progress(t, facts.topic_facts, as_of) for t in facts.topics]
    stages = Counter(p.stage for p in progress)
    steps = set(facts.topic_facts.steps)
    visits = [v for v in facts.visits if v.first_day <= as_of]
    by_method: Counter[Method] = Counter()
    by_meeting: Counter[str] = Counter()
    by_activity: Counter[str] = Counter()
    days_total = 0
    hosts: set[str] = set()
    host_types: Counter[str] = Counter()
    methods = _declared(facts, "methods")
    for visit in visits:
        days_total += len(visit_days(visit, as_of))
        by_method.update({kind for m in visit.methods if (kind := category(m, methods, Method)) is not None})
        if visit.meeting:
            by_meeting[word_label(visit.meeting)] += 1
        if visit.activity:
            by_activity[visit.activity] += 1
        for host in visit.hosts:
            if host not in hosts:
                hosts.add(host)
                host_types[_host_type(facts, host)] += 1
    activities = {a.id: a.title for a in facts.campaign.activities}
    rows = problem_state(facts.problems, as_of)
    problems = counts(rows)
    solutions_done = sum(1 for s in facts.solutions if s.done_on is not None and s.done_on.first <= as_of)
    issued = [i for i in facts.institutions if i.issued_on is not None and i.issued_on.first <= as_of]
    approvals = sum(1 for t in facts.topics for a in t.approvals if a.on is None or a.on.first <= as_of)
    outcomes: Counter[OutcomeKind] = Counter(o.kind for t in facts.topics for o in t.outcomes
                                             if o.kind is not None and (o.on is None or o.on.first <= as_of))
    leaders = {t.leader for t in facts.topics if t.leader}
    report_files = [r for t in facts.topics for r in facts.reports_of(t) if r.meta.date is None or r.meta.date.first <= as_of]
    shown_stages = [s for s in TopicStage if s in steps or stages.get(s, 0)]
    return {
        "topics_total": len(facts.topics),
        "topics_led": sum(1 for t in facts.topics if t.leader),
        "leaders_leading": len(leaders),
        "topics_by_stage": [{"stage": s.label_zh, "value": s.value, "count": stages.get(s, 0)} for s in shown_stages],
        "reports_total": len(report_files),
        "topics_reported": len({r.meta.topic for r in report_files}),
        "visits_total": len(visits),
        "visit_days": days_total,
        "visits_by_method": [{"method": m.label_zh, "count": by_method[m]} for m in Method if by_method.get(m)],
        "visits_by_meeting": [{"meeting": k, "count": n} for k, n in sorted(by_meeting.items(), key=lambda kv: (-kv[1], kv[0]))],
        "visits_by_activity": [{"activity": activities.get(a, a), "count": n} for a, n in sorted(by_activity.items(), key=lambda kv: (-kv[1], kv[0]))],
        "hosts_total": len(hosts),
        "hosts_by_type": [{"type": k, "count": n} for k, n in sorted(host_types.items(), key=lambda kv: (-kv[1], kv[0]))],
        "problems_found": problems.found,
        "problems_closed": problems.closed,
        "problems_open": problems.open,
        "problems_overdue": problems.overdue,
        "closure_rate": _pct(problems.closed, problems.found),
        "solutions_total": len(facts.solutions),
        "solutions_done": solutions_done,
        "institutions_total": len(facts.institutions),
        "institutions_issued": len(issued),
        "approvals": approvals,
        "outcomes": [{"kind": k.label_zh, "count": outcomes[k]} for k in OutcomeKind if outcomes.get(k)],
    }


def overview_charts(facts: Facts, as_of: dt.date) -> tuple[Chart, ...]:
    """图1–3 of 一、总体情况: problems over time, 销号率 by unit, leaders' visit days a month
    against the monthly rule (their average over the months of the campaign so far)."""
    rows = problem_state(facts.problems, as_of)
    start = facts.period.first
    months = max(1, (as_of.year - start.year) * 12 + as_of.month - start.month + 1) if as_of >= start else 1
    days = leader_days(facts.visits, as_of)
    leaders = [(line.name, round(len(days.get(line.id, ())) / months, 1), line.required_days) for line in leader_lines(facts, as_of)]
    made = [
        trend_chart(facts, as_of, "charts/compilation-trend.svg", "问题发现与销号情况"),
        closure_chart(unit_table(facts, rows), "charts/compilation-closure.svg", "各单位问题销号率"),
        leader_chart(leaders, "charts/compilation-leaders.svg", "领导月均调研天数", "月均调研天数"),
    ]
    return tuple(dataclasses.replace(chart, title=f"图{n}　{chart.title}") for n, chart in enumerate((c for c in made if c is not None), 1))
