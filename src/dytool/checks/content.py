"""Content checks: dates against each other and the period, closing (销号), lists, stages.

Most look at one record and nothing else: :func:`local_content` runs them on each file as
it is loaded, and their findings are cached with the file.  :func:`check_content` does the
rest, which needs the as-of day or other files.

Dates and the period (dates.md): a date written with its year is never a finding just for
lying outside the campaign's period (a 部署会 before it, a rectification due after it); only a
visit outside the period is, as research outside the campaign.  A yearless deadline is a
finding only when it cannot be placed: its record has no anchor day and the period fits no
year (or two).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from dytool.core.catalogue import findings as words
from dytool.core.codes import CODES, Pos
from dytool.core.findings import Finding, Severity
from dytool.core.messages import join
from dytool.dates import Span
from dytool.engine.index import RepoIndex
from dytool.engine.repository import Repository
from dytool.engine.summary import DONE_FIELDS, FileSummary, InstitutionRow, SolutionRow
from dytool.facts.duedays import anchor_of, is_yearless, unplaced
from dytool.facts.stages import campaign_span, stage_spans
from dytool.facts.topics import TopicFacts, TopicLike, topic_facts, topic_progress
from dytool.models import Campaign, Institution, Problem, StrictModel, Visit, When
from dytool.models.base import walk_marked
from dytool.models.campaign import Period
from dytool.models.enums import Handling, InstitutionStatus
from dytool.source.locate import Locator, Source

__all__ = ["check_content", "check_stages", "local_content"]


def _period_span(campaign: Campaign | None) -> Span | None:
    if campaign is None:
        return None
    start, end = campaign.period.start.first, campaign.period.end.last
    return campaign_span(campaign) if start <= end else None


def local_content(records: Sequence[tuple[StrictModel, Source]], summary: FileSummary, campaign: Campaign | None, loc: Locator) -> Iterator[Finding]:
    """The checks of one file's records that need nothing else but the campaign."""
    period = _period_span(campaign)
    for record, source in records:
        if isinstance(record, Visit):
            if period is not None and campaign is not None and (record.last_day < period.first or record.first_day > period.last):
                yield _outside(loc, source, ("start" if record.start else "date",), record.date or record.start, campaign.period)
            yield from _visit(loc, record, source)
        elif isinstance(record, Problem):
            yield from _problem(loc, record, source)
            if period is not None and record.found_on is None and unplaced(record.due, None, period):
                yield _unplaced(loc, source, record.due, period)
        elif isinstance(record, Institution):
            yield from _institution(loc, record, source)


def _outside(loc: Locator, source: Source, path: tuple[str | int, ...], when: When | None, period: Period) -> Finding:
    text = when.text if when is not None else ""
    return CODES["outside-period"].at(loc.pos(source, path), words.VISIT_OUTSIDE_PERIOD(day=text, start=period.start.text, end=period.end.text))


def _unplaced(loc: Locator, source: Source, when: When | None, period: Span) -> Finding:
    text = when.text if when is not None else ""
    return CODES["bad-date"].at(loc.pos(source, ("due",)), words.YEARLESS_DEADLINE(text=text, first=period.first.isoformat(), last=period.last.isoformat()),
                                hint=words.YEARLESS_DEADLINE_HINT, severity=Severity.WARNING)


def check_content(view: Repository, index: RepoIndex, as_of: dt.date) -> Iterator[Finding]:
    yield from _campaign_dates(view, as_of)
    found: dict[str, dt.date] = {}
    for _, summary in view.summaries.values():
        for problem in summary.problems:
            if problem.found_on is not None:
                found.setdefault(problem.id, problem.found_on.first)
    period = _period_span(view.campaign)
    for rel, (_, summary) in view.summaries.items():
        if summary.latest_done is not None and summary.latest_done > as_of:
            for record, source in view.records_of(rel):
                yield from _done_after(view.locator, record, source, as_of)
        for ident, source in summary.systemic:
            if ident not in index.instituted:
                yield CODES["systemic-no-institution"].at(view.locator.pos(source, ("scope",)), words.SYSTEMIC_WITHOUT_INSTITUTION(id=ident),
                                                          hint=words.SYSTEMIC_WITHOUT_INSTITUTION_HINT)
        if period is not None:
            rows: list[SolutionRow | InstitutionRow] = [*summary.solutions, *summary.institutions]
            for row in rows:
                own = row.done_on if isinstance(row, SolutionRow) else row.issued_on
                if row.due is not None and is_yearless(row.due) and unplaced(row.due, anchor_of(row.problems, found, own), period):
                    yield _unplaced(view.locator, row.source, row.due, period)


def check_stages(view: Repository, index: RepoIndex, as_of: dt.date) -> Iterator[Finding]:
    """Each topic's stages as of the day: a stage reached with an earlier one missing."""
    facts = topic_facts(view, index)
    for kind, summary in view.summaries.values():
        if kind == "topic":
            for row in summary.topics:  # the summary rows: no topic record is built
                yield from _topic(view.locator, facts, row, row.source, as_of)


def _done_after(loc: Locator, obj: StrictModel, source: Source, as_of: dt.date) -> Iterator[Finding]:
    for path, when, _ in walk_marked(obj, "date"):
        if isinstance(when, When) and path and path[-1] in DONE_FIELDS and when.first > as_of:
            yield _done_finding(loc.pos(source, path), when, as_of)


def _done_finding(pos: Pos, when: When, as_of: dt.date) -> Finding:
    return CODES["done-after-as-of"].at(pos, words.DONE_AFTER_AS_OF(day=when.text, as_of=as_of.isoformat()))


def _campaign_dates(view: Repository, as_of: dt.date) -> Iterator[Finding]:
    campaign = view.campaign
    if campaign is None:
        return
    loc = view.locator
    source = view.campaign_source
    period = campaign.period
    if period.end.last < period.start.first:
        yield _end_before_start(loc, source, ("period", "end"), period.start, period.end)
        return
    counted = campaign_span(campaign)
    if (counted.first, counted.last) != (period.start.first, period.end.last):
        yield CODES["bad-value"].at(
            loc.pos(source, ("period", "end")),
            words.PERIOD_TOO_LONG(start=period.start.text, end=period.end.text, first=counted.first.isoformat(), last=counted.last.isoformat()),
            hint=words.CHECK_YEARS)
    for field, when in (("start", period.start), ("end", period.end)):
        if is_yearless(when):
            which = words.PERIOD_START if field == "start" else words.PERIOD_END
            yield CODES["bad-date"].at(
                loc.pos(source, ("period", field)), words.YEARLESS_PERIOD(which=which, field=field, text=when.text, day=when.due.isoformat()),
                hint=words.YEARLESS_PERIOD_HINT(year=when.due.year, text=when.text), severity=Severity.WARNING)
    for stage in stage_spans(campaign):
        written = campaign.stages[stage.index]
        if stage.last < stage.first:
            start = written.start or When(stage.first.isoformat(), stage.first, stage.first, stage.first)
            yield _end_before_start(loc, source, ("stages", stage.index, "end"), start, written.end)
            continue
        for field, day in (("start", written.start), ("end", written.end)):
            if day is not None and (day.first < period.start.first or day.last > period.end.last):
                yield CODES["outside-period"].at(loc.pos(source, ("stages", stage.index, field)),
                                                 words.STAGE_OUTSIDE_PERIOD(title=written.title, day=day.text), severity=Severity.ERROR)
    for i, milestone in enumerate(campaign.milestones):
        if milestone.done_on is not None and milestone.done_on.first > as_of:
            yield _done_finding(loc.pos(source, ("milestones", i, "done_on")), milestone.done_on, as_of)


def _end_before_start(loc: Locator, source: Source, path: tuple[str | int, ...], start: When, end: When) -> Finding:
    return CODES["end-before-start"].at(loc.pos(source, path), words.END_BEFORE_START(end=end.text, start=start.text), hint=words.END_BEFORE_START_HINT)


def _visit(loc: Locator, visit: Visit, source: Source) -> Iterator[Finding]:
    start = visit.date or visit.start
    if visit.end is not None and start is not None and visit.end.last < start.first:
        yield _end_before_start(loc, source, ("end",), start, visit.end)


def _problem(loc: Locator, problem: Problem, source: Source) -> Iterator[Finding]:
    if problem.closed_on is not None:
        missing = []
        if problem.owner_unit is None:
            missing.append(words.OWNER_UNIT)
        if problem.evidence is None and problem.note is None:
            missing.append(words.EVIDENCE_OR_NOTE)
        if missing:
            yield CODES["closed-incomplete"].at(loc.pos(source, ("closed_on",)), words.CLOSED_WITHOUT(id=problem.id, missing=join(missing, *words.AND)),
                                                hint=words.CLOSED_WITHOUT_HINT)
    elif problem.closed_by is not None:
        yield CODES["closed-incomplete"].at(loc.pos(source, ("closed_by",)), words.CLOSED_BY_WITHOUT_DAY(id=problem.id),
                                            hint=words.CLOSED_BY_WITHOUT_DAY_HINT)
    else:
        lacks = []
        if problem.owner_unit is None:
            lacks.append(words.OPEN_OWNER_UNIT)
        if problem.due is None and problem.handling not in (Handling.escalated, Handling.long_term):
            lacks.append(words.OPEN_DUE)
        if lacks:
            yield CODES["open-unowned"].at(loc.pos(source, ("id",)), words.OPEN_LACKS(id=problem.id, lacks=join(lacks, *words.OR)),
                                           hint=words.OPEN_LACKS_HINT)


def _institution(loc: Locator, institution: Institution, source: Source) -> Iterator[Finding]:
    if institution.status is InstitutionStatus.issued and institution.issued_on is None:
        yield CODES["status-mismatch"].at(loc.pos(source, ("status",)), words.ISSUED_WITHOUT_DAY(id=institution.id), hint=words.ISSUED_WITHOUT_DAY_HINT)
    elif institution.issued_on is not None and institution.status not in (None, InstitutionStatus.issued):
        yield CODES["status-mismatch"].at(loc.pos(source, ("status",)), words.DAY_WITHOUT_ISSUED(id=institution.id, status=institution.status or ""),
                                          hint=words.DAY_WITHOUT_ISSUED_HINT)


def _topic(loc: Locator, facts: TopicFacts, topic: TopicLike, source: Source, as_of: dt.date) -> Iterator[Finding]:
    progress = topic_progress(topic, facts, as_of)
    if progress.missing:
        yield CODES["stage-gap"].at(loc.pos(source, ("id",)), words.STAGE_GAP(id=topic.id, stage=progress.stage, missing=list(progress.missing)),
                                    hint=words.STAGE_GAP_HINT)
