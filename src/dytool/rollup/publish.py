"""``dytool publish``: one campaign's published summary, computed from its repository.

Every figure comes from :func:`dytool.status.compute_status` (the briefing) and the functions
of :mod:`dytool.status.ledger`, so a correction there reaches the roll-up too.  The summary
holds no record beyond what the briefing shows: counts, per-unit and per-leader rows, the
overdue problems by id and title (a classified problem's title is withheld), and one block per
month of the campaign up to the as-of day, judged as the monthly bulletin judges it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from typing import cast

from dytool import __version__
from dytool.dates import Status
from dytool.engine.index import build_index
from dytool.engine.load import LoadResult
from dytool.engine.repository import Repository
from dytool.facts.records import Facts, gather
from dytool.models import Campaign
from dytool.models.base import ID_PATTERN
from dytool.models.enums import UnitType
from dytool.models.words import category
from dytool.rollup import published as pub
from dytool.source.discover import CAMPAIGN_FILE
from dytool.source.readfile import content_digest, read_guarded
from dytool.status import compute_status
from dytool.status.ledger import LedgerRow, counts, problem_state
from dytool.status.model import Briefing, OverdueItem, ProblemCounts

__all__ = ["CLASSIFIED_TITLE", "publish_summary", "source_state", "state_digest"]

CLASSIFIED_TITLE = "（标有密级，标题不公开）"
_LOCAL = (UnitType.county, UnitType.district)


def state_digest(files: Mapping[str, str | None]) -> str:
    """``sha256:…`` over every file the load read: its path and its content digest (a file that
    could not be read counts as such), in path order, so the same repository state gives the
    same digest wherever it is computed."""
    digest = hashlib.sha256()
    for rel in sorted(files):
        digest.update(rel.encode("utf-8", "surrogateescape") + b"\0" + (files[rel] or "unreadable").encode() + b"\n")
    return f"sha256:{digest.hexdigest()}"


def source_state(loaded: LoadResult, commit: str | None) -> pub.SourceState:
    """Which state of the repository a summary was computed from: the digest of every file the
    load read (campaign.yaml included), the commit when the folder is in git, and the size."""
    data, _ = read_guarded(loaded.repo.root, CAMPAIGN_FILE)
    files = {rel: state.digest for rel, state in loaded.states.items()}
    files[CAMPAIGN_FILE] = content_digest(data) if data is not None else None
    return pub.SourceState(digest=state_digest(files), commit=commit, files=len(files), records=loaded.records, errors=loaded.errors)


def _cut(text: str | None, limit: int) -> str | None:
    if text is None:
        return None
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text(text: str) -> str:
    return _cut(text, pub.CAPS["text"]) or ""


def _name(text: str) -> str:
    return _cut(text, pub.CAPS["name"]) or ""


def _problems(c: ProblemCounts) -> pub.ProblemFigures:
    return pub.ProblemFigures(
        found=c.found, closed=c.closed, closed_on_time=c.closed_on_time, closed_late=c.closed_late, open=c.open, overdue=c.overdue,
        escalated=c.escalated, long_term=c.long_term, closure_rate=c.closure_rate, on_time_rate=c.on_time_rate)


def _overdue(items: Iterable[OverdueItem], classified: frozenset[str], limit: int) -> list[pub.OverdueFigures]:
    out: list[pub.OverdueFigures] = []
    for item in items:
        if len(out) >= limit:
            break
        out.append(pub.OverdueFigures(id=item.id, title=CLASSIFIED_TITLE if item.id in classified else _text(item.title),
                                      owner_unit=_cut(item.owner_unit_name, pub.CAPS["name"]), due=item.due, days_overdue=item.days_overdue))
    return out


def _units(facts: Facts, rows: list[LedgerRow]) -> list[pub.UnitFigures]:
    """Per owner unit, in the bulletin's order: counties and districts, then the other units of
    units.yaml in file order, then owners not in units.yaml, then problems without an owner."""
    by_unit: dict[str, list[LedgerRow]] = {}
    for row in rows:
        by_unit.setdefault(row.problem.owner_unit or "", []).append(row)
    order = {unit: i for i, unit in enumerate(facts.units)}

    def key(unit: str) -> tuple[int, int, str]:
        record = facts.units.get(unit)
        group = 0 if record is not None and record.type in _LOCAL else 1 if record is not None else 2 if unit else 3
        return group, order.get(unit, len(order)), unit

    out = []
    for unit in sorted(by_unit, key=key)[: pub.CAPS["units"]]:
        record = facts.units.get(unit)
        out.append(pub.UnitFigures(
            id=unit if ID_PATTERN.match(unit) else None, name=_name(facts.name_of(unit) or "（未明确责任单位）"),
            type=_unit_type(facts, record.type if record is not None else None), problems=_problems(counts(by_unit[unit]))))
    return out


def _month_spans(campaign: Campaign, as_of: dt.date) -> list[tuple[dt.date, dt.date]]:
    """(first day, judging day) of each month from the period's start to the as-of day's month."""
    start, end = campaign.period.start.first, campaign.period.end.last
    first = dt.date(start.year, start.month, 1)
    spans: list[tuple[dt.date, dt.date]] = []
    while first <= min(as_of, end):
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        spans.append((first, min(last, as_of)))
        first = last + dt.timedelta(days=1)
    return spans[-pub.CAPS["months"]:]


def _month(repo: Repository, campaign: Campaign, facts: Facts, first: dt.date, judged: dt.date, classified: frozenset[str],
           briefing: Briefing) -> pub.MonthFigures:
    rows = problem_state(facts.problems, judged)
    new = sum(1 for r in rows if r.problem.found_on is not None and first <= r.problem.found_on.first <= judged)
    closed = sum(1 for r in rows if r.problem.closed_on is not None and first <= r.problem.closed_on.first <= judged)
    below = [pub.LeaderBelow(name=_name(line.name), title=_cut(line.title, pub.CAPS["text"]), days=line.visit_days, required=line.required_days)
             for line in briefing.leaders if line.required_days is not None and line.visit_days < line.required_days]
    return pub.MonthFigures(
        month=f"{first.year}-{first.month:02d}", judged_on=judged,
        visits=sum(1 for v in facts.visits if first <= v.first_day <= judged),
        new_problems=new, closed_problems=closed, problems=_problems(briefing.lists.problems),
        leaders_below=below[: pub.CAPS["month_leaders"]],
        overdue_top=_overdue(_problems_only(briefing.lists.overdue), classified, pub.CAPS["month_overdue"]),
        missed_milestones=[_text(m.title) for m in briefing.milestones if m.status is Status.OVERDUE][: pub.CAPS["missed"]],
        missed_submissions=[_text(f"{r.title}（{'、'.join(o.period for o in r.missed)}）") for r in briefing.recurring if r.missed][: pub.CAPS["missed"]],
    )


def publish_summary(repo: Repository, campaign: Campaign, as_of: dt.date, source: pub.SourceState) -> pub.PublishedSummary:
    """The published summary of ``repo`` as of ``as_of``; ``source`` says which state it is."""
    index = build_index(repo)
    facts = gather(repo, campaign, index)
    briefing = compute_status(repo, campaign, as_of, index=index)
    classified = frozenset(p.id for p in facts.problems if p.classified)
    lists = briefing.lists
    behind = briefing.topics.behind
    months = []
    for first, judged in _month_spans(campaign, as_of):
        month_briefing = briefing if judged == as_of else compute_status(repo, campaign, judged, index=index)
        months.append(_month(repo, campaign, facts, first, judged, classified, month_briefing))
    return pub.PublishedSummary(
        schema_version=pub.SCHEMA_VERSION,
        generator=f"dytool {__version__}",
        campaign=pub.Campaign(
            id=campaign.id, title=_text(campaign.title), level=cast(pub.LevelValue, campaign.level.value) if campaign.level is not None else None,
            issuer=_cut(campaign.issuer, pub.CAPS["text"]), lead_office=_cut(facts.name_of(campaign.lead_office), pub.CAPS["text"]),
            period_start=campaign.period.start.first, period_end=campaign.period.end.last),
        as_of=as_of,
        source=source,
        stages=[pub.StageFigures(id=s.id, title=_text(s.title), start=s.start, end=s.end) for s in briefing.stages][: pub.CAPS["stages"]],
        milestones=[pub.MilestoneFigures(id=m.id, title=_text(m.title), due=m.due, status=m.status.value, done_on=m.done_on,
                                         days_overdue=m.days_overdue, done=m.done, total=m.total)
                    for m in briefing.milestones][: pub.CAPS["milestones"]],
        recurring=[pub.RecurringFigures(id=r.id, title=_text(r.title), rule=_text(r.rule),
                                        current=r.current.status.value if r.current is not None else None, met=r.met,
                                        due_so_far=r.due_so_far, missed=[o.period[:40] for o in r.missed][: pub.CAPS["periods"]])
                   for r in briefing.recurring][: pub.CAPS["recurring"]],
        topics=pub.TopicFigures(
            total=briefing.topics.total, by_stage=dict(briefing.topics.by_stage),  # type: ignore[arg-type]
            behind=[pub.TopicBehindFigures(id=t.id, title=_text(t.title), leader=_cut(t.leader_name, pub.CAPS["name"]),
                                           stage=t.stage.value, expected=t.expected.value)  # type: ignore[arg-type]
                    for t in behind[: pub.CAPS["behind"]]],
            behind_total=len(behind)),
        leaders=[pub.LeaderFigures(id=line.id, name=_name(line.name), title=_cut(line.title, pub.CAPS["text"]), rank=line.rank,
                                   topics=line.topics, visit_days=line.visit_days, required_days=line.required_days, meets=line.meets,
                                   last_visit=line.last_visit)
                 for line in briefing.leaders[: pub.CAPS["leaders"]]],
        lists=pub.ListFigures(
            problems=_problems(lists.problems), solutions_done=lists.solutions_done, solutions_total=lists.solutions_total,
            solutions_overdue=lists.solutions_overdue, institutions_issued=lists.institutions.get("issued", 0),
            institutions_reviewing=lists.institutions.get("reviewing", 0), institutions_drafting=lists.institutions.get("drafting", 0)),
        units=_units(facts, problem_state(facts.problems, as_of)),
        overdue=_overdue(_problems_only(lists.overdue), classified, pub.CAPS["overdue"]),
        overdue_total=len(_problems_only(lists.overdue)),
        burden=len(briefing.burden),
        months=months,
    )


def _unit_type(facts: Facts, value: str | None) -> pub.UnitTypeValue | None:
    """A unit's type as the level above reads it: the built-in category (a campaign's own word
    is published as what it stands for)."""
    campaign = facts.campaign
    declared = campaign.vocabulary.unit_types if campaign.vocabulary is not None else None
    kind = category(value, declared, UnitType)
    return cast(pub.UnitTypeValue, kind.value) if kind is not None else None


def _problems_only(items: Iterable[OverdueItem]) -> list[OverdueItem]:
    """The overdue problems of the briefing's overdue list (which also lists overdue solutions
    and institutions; the summary counts those apart, as the roll-up ranks by problems)."""
    return [item for item in items if item.kind == "problem"]
