"""Combine the members' summaries into the roll-up's briefing (:class:`RollupView`).

Ranking: members with at least one problem by 销号率, then 按时销号率 (higher first; a member
with no problem due yet counts as lowest on the second), ties sharing a rank; members with no
problem come last without a rank.  Totals add the members' counts and compute the rates from
the sums (never averages of rates).  The leaders below the visit rule are those of each
member's last complete month, so a roll-up early in a month does not list every leader.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence

from dytool.core.codes import CODES
from dytool.core.findings import Finding
from dytool.rollup.config import Member, Rejected, RollupConfig
from dytool.rollup.model import (
    Behind,
    Counts,
    FailedMember,
    LeaderShort,
    MemberFigures,
    OverdueShort,
    RankLine,
    RollupView,
    TopicShort,
)
from dytool.rollup.published import MonthFigures, OverdueFigures, ProblemFigures, PublishedSummary
from dytool.rollup.sources import Outcome
from dytool.rollup.textsafe import clean

__all__ = ["combine", "counts_of", "last_complete_month", "overdue_short", "rank"]


def counts_of(p: ProblemFigures) -> Counts:
    return Counts(p.found, p.closed, p.closed_on_time, p.closed_late, p.open, p.overdue)


def overdue_short(items: list[OverdueFigures]) -> tuple[OverdueShort, ...]:
    """Ids need no cleaning: the schema allows only letters, digits, ``-``, ``_`` and ``.`` in them."""
    return tuple(OverdueShort(o.id, clean(o.title), clean(o.owner_unit, 100) if o.owner_unit else None, o.due, o.days_overdue)
                 for o in items)


def last_complete_month(summary: PublishedSummary) -> MonthFigures | None:
    """The latest month block judged on its month's last day."""
    for month in reversed(summary.months):
        last = calendar.monthrange(month.judged_on.year, month.judged_on.month)[1]
        if month.judged_on.day == last and month.month == f"{month.judged_on.year}-{month.judged_on.month:02d}":
            return month
    return None


def _figures(member: Member, summary: PublishedSummary, as_of: dt.date, stale: bool) -> MemberFigures:
    lists = summary.lists
    month = last_complete_month(summary)
    below = tuple(LeaderShort(clean(b.name, 100), clean(b.title) if b.title else None, b.days, b.required) for b in month.leaders_below) if month else ()
    topics = summary.topics
    return MemberFigures(
        name=member.name, kind=member.spec.kind, source=member.source_text,
        campaign_id=clean(summary.campaign.id, 64), campaign_title=clean(summary.campaign.title),
        as_of=summary.as_of, age_days=(as_of - summary.as_of).days, stale=stale,
        commit=summary.source.commit, digest=summary.source.digest, errors=summary.source.errors,
        problems=counts_of(lists.problems), units=tuple((clean(u.name, 100), counts_of(u.problems)) for u in summary.units),
        solutions_done=lists.solutions_done, solutions_total=lists.solutions_total,
        institutions_issued=lists.institutions_issued, topics_total=topics.total, topics_behind_total=max(topics.behind_total, len(topics.behind)),
        topics_behind=tuple(TopicShort(t.id, clean(t.title), clean(t.leader, 100) if t.leader else None, t.stage, t.expected)
                            for t in topics.behind),
        leaders_month=month.month if month else None, leaders_below=below,
        overdue_total=max(summary.overdue_total, len(summary.overdue)), overdue=overdue_short(summary.overdue),
        behind=Behind(tuple(clean(m.title) for m in summary.milestones if m.status == "overdue"),
                      tuple(clean(f"{r.title}（{'、'.join(r.missed)}）") for r in summary.recurring if r.missed)),
    )


def _competition(values: list[tuple[str, float]]) -> dict[str, int]:
    """Rank by value, highest first; equal values share a rank (1, 2, 2, 4)."""
    ordered = sorted(values, key=lambda item: -item[1])
    ranks: dict[str, int] = {}
    for i, (name, value) in enumerate(ordered):
        ranks[name] = ranks[ordered[i - 1][0]] if i and ordered[i - 1][1] == value else i + 1
    return ranks


def rank(members: list[MemberFigures]) -> tuple[RankLine, ...]:
    """By 销号率, then 按时销号率; each line also says the member's rank by 按时销号率 alone."""
    def key(m: MemberFigures) -> tuple[float, float]:
        on_time = m.problems.on_time_rate
        return (-(m.problems.closure_rate or 0.0), -(on_time if on_time is not None else -1.0))

    on_time = _competition([(m.name, r) for m in members if (r := m.problems.on_time_rate) is not None])
    ranked = sorted((m for m in members if m.problems.found), key=key)
    lines: list[RankLine] = []
    for i, m in enumerate(ranked):
        shared = lines and key(lines[-1].member) == key(m)
        lines.append(RankLine(lines[-1].rank if shared else i + 1, m, on_time.get(m.name)))
    lines.extend(RankLine(None, m, None) for m in members if not m.problems.found)
    return tuple(lines)


def combine(config: RollupConfig, outcomes: list[Outcome], as_of: dt.date, config_findings: Sequence[Finding] = (),
            rejected: Sequence[Rejected] = ()) -> RollupView:
    """The roll-up's briefing as of ``as_of`` from the members' outcomes (rollup.yaml order)."""
    members = [_figures(o.member, o.summary, as_of, o.stale) for o in outcomes if o.summary is not None]
    failed = tuple(FailedMember(o.member.name, o.member.spec.kind, o.member.source_text, CODES[o.refusal[0]].code, o.refusal[1], o.refusal[2],
                                o.member.pos.file + f":{o.member.pos.line}:{o.member.pos.column}")
                   for o in outcomes if o.summary is None and o.refusal is not None)
    failed += tuple(FailedMember(r.name, None, "rollup.yaml", r.findings[0].code if r.findings else "", r.findings[0].message_zh if r.findings else "",
                                 r.findings[0].message_en if r.findings else "", r.findings[0].where if r.findings else "") for r in rejected)
    totals = Counts()
    for m in members:
        totals = totals + m.problems
    findings = tuple(f for o in outcomes for f in o.findings)
    return RollupView(id=config.id, title=clean(config.title, 200), issuer=clean(config.issuer) if config.issuer else None, as_of=as_of,
                      stale_days=config.stale_days, members=tuple(members), ranking=rank(members), failed=failed, totals=totals,
                      findings=(*config_findings, *findings))
