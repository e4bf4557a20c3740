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

from dytool.core.codes import CODES, Pos
from dytool.core.findings import Finding, Severity
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
    return CODES["outside-period"].at(
        loc.pos(source, path),
        f"调研日期 {text} 不在活动期间（{period.start.text} 至 {period.end.text}）内",
        f"the visit's day {text} lies outside the campaign period ({period.start.text} to {period.end.text})",
    )


def _unplaced(loc: Locator, source: Source, when: When | None, period: Span) -> Finding:
    text = when.text if when is not None else ""
    return CODES["bad-date"].at(
        loc.pos(source, ("due",)),
        f"期限“{text}”没有写年份，记录又没有可据以推定的日期（问题的发现时间），在活动期间（{period.first.isoformat()}至{period.last.isoformat()}）内也无法确定年份",
        f"the deadline {text!r} has no year, the record has no day to place it by (a problem's found_on), "
        f"and the campaign period ({period.first.isoformat()} to {period.last.isoformat()}) fits no single year",
        hint_zh="写明年份（如 2024年3月底前），或写上问题的发现时间 found_on", hint_en="write the year (2024年3月底前), or the problem's found_on",
        severity=Severity.WARNING,
    )


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
                yield CODES["systemic-no-institution"].at(
                    view.locator.pos(source, ("scope",)),
                    f"问题 {ident} 是普遍性制度性问题，但制度清单中没有对应的制度",
                    f"problem {ident} is systemic, but no institution lists it",
                    hint_zh="在 institutions/ 中新建或修订制度，并在其 problems 中写上该问题编号",
                    hint_en="add an institution to institutions/ whose problems list this problem")
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
    return CODES["done-after-as-of"].at(
        pos,
        f"完成日期 {when.text} 晚于统计日期 {as_of.isoformat()}，按未完成计",
        f"done date {when.text} is after the as-of day {as_of.isoformat()}; counted as not done",
    )


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
            f"活动期间 {period.start.text} 至 {period.end.text} 超过十年或超出 1900—2100 年，只按 {counted.first.isoformat()} 至 {counted.last.isoformat()} 计算",
            f"the campaign period {period.start.text} to {period.end.text} is longer than ten years or leaves 1900-2100; "
            f"only {counted.first.isoformat()} to {counted.last.isoformat()} is counted",
            hint_zh="检查年份是否写错", hint_en="check the years for a typo")
    for field, when in (("start", period.start), ("end", period.end)):
        if is_yearless(when):
            yield CODES["bad-date"].at(
                loc.pos(source, ("period", field)),
                f"活动期间的{'开始' if field == 'start' else '结束'}日期“{when.text}”没有写年份，暂按 {when.due.isoformat()} 计",
                f"the campaign period's {field} {when.text!r} has no year; read as {when.due.isoformat()}",
                hint_zh=f"写明年份，如 {when.due.year}年{when.text}", hint_en=f"write the year, e.g. {when.due.year}年{when.text}",
                severity=Severity.WARNING)
    for stage in stage_spans(campaign):
        written = campaign.stages[stage.index]
        if stage.last < stage.first:
            start = written.start or When(stage.first.isoformat(), stage.first, stage.first, stage.first)
            yield _end_before_start(loc, source, ("stages", stage.index, "end"), start, written.end)
            continue
        for field, day in (("start", written.start), ("end", written.end)):
            if day is not None and (day.first < period.start.first or day.last > period.end.last):
                yield CODES["outside-period"].at(
                    loc.pos(source, ("stages", stage.index, field)),
                    f"阶段“{written.title}”的日期 {day.text} 不在活动期间内",
                    f"stage {written.title!r}: {day.text} lies outside the campaign period",
                    severity=Severity.ERROR,
                )
    for i, milestone in enumerate(campaign.milestones):
        if milestone.done_on is not None and milestone.done_on.first > as_of:
            yield _done_finding(loc.pos(source, ("milestones", i, "done_on")), milestone.done_on, as_of)


def _end_before_start(loc: Locator, source: Source, path: tuple[str | int, ...], start: When, end: When) -> Finding:
    return CODES["end-before-start"].at(
        loc.pos(source, path),
        f"结束日期 {end.text} 早于开始日期 {start.text}",
        f"end {end.text} is before start {start.text}",
        hint_zh="检查年份和月份是否写反", hint_en="check whether the dates are swapped",
    )


def _visit(loc: Locator, visit: Visit, source: Source) -> Iterator[Finding]:
    start = visit.date or visit.start
    if visit.end is not None and start is not None and visit.end.last < start.first:
        yield _end_before_start(loc, source, ("end",), start, visit.end)


def _problem(loc: Locator, problem: Problem, source: Source) -> Iterator[Finding]:
    if problem.closed_on is not None:
        missing = []
        if problem.owner_unit is None:
            missing.append(("owner_unit", "责任单位", "an owner unit"))
        if problem.evidence is None and problem.note is None:
            missing.append(("evidence", "销号依据（evidence）或说明（note）", "evidence or a note"))
        if missing:
            yield CODES["closed-incomplete"].at(
                loc.pos(source, ("closed_on",)),
                f"问题 {problem.id} 已销号，但缺少{'、'.join(m[1] for m in missing)}",
                f"problem {problem.id} is closed without {' and '.join(m[2] for m in missing)}",
                hint_zh="销号需要责任单位、销号时间和佐证材料（或说明）", hint_en="closing needs an owner unit, a closing day and evidence (or a note)")
    elif problem.closed_by is not None:
        yield CODES["closed-incomplete"].at(
            loc.pos(source, ("closed_by",)),
            f"问题 {problem.id} 写了验收人，但没有销号时间 closed_on",
            f"problem {problem.id} has closed_by but no closed_on",
            hint_zh="补上 closed_on，或删除 closed_by", hint_en="add closed_on, or remove closed_by")
    else:
        lacks = []
        if problem.owner_unit is None:
            lacks.append(("责任单位 owner_unit", "owner_unit"))
        if problem.due is None and problem.handling not in (Handling.escalated, Handling.long_term):
            lacks.append(("整改时限 due", "due"))
        if lacks:
            yield CODES["open-unowned"].at(
                loc.pos(source, ("id",)),
                f"未销号问题 {problem.id} 缺少{'、'.join(z for z, _ in lacks)}",
                f"open problem {problem.id} has no {' or '.join(e for _, e in lacks)}",
                hint_zh="台账每一行都要有责任单位和整改时限", hint_en="every ledger row needs an owner unit and a due day")


def _institution(loc: Locator, institution: Institution, source: Source) -> Iterator[Finding]:
    if institution.status is InstitutionStatus.issued and institution.issued_on is None:
        yield CODES["status-mismatch"].at(
            loc.pos(source, ("status",)),
            f"制度 {institution.id} 状态为已出台，但没有出台时间 issued_on",
            f"institution {institution.id} is issued but has no issued_on",
            hint_zh="补上 issued_on（和文号 doc_number）", hint_en="add issued_on (and doc_number)")
    elif institution.issued_on is not None and institution.status not in (None, InstitutionStatus.issued):
        yield CODES["status-mismatch"].at(
            loc.pos(source, ("status",)),
            f"制度 {institution.id} 已有出台时间，状态却是“{institution.status.label_zh if institution.status else ''}”",
            f"institution {institution.id} has issued_on but its status is {institution.status}",
            hint_zh="有 issued_on 即为已出台：把 status 改为 issued，或删除 issued_on",
            hint_en="issued_on means issued: set status to issued, or remove issued_on")


def _topic(loc: Locator, facts: TopicFacts, topic: TopicLike, source: Source, as_of: dt.date) -> Iterator[Finding]:
    progress = topic_progress(topic, facts, as_of)
    if progress.missing:
        yield CODES["stage-gap"].at(
            loc.pos(source, ("id",)),
            f"课题 {topic.id} 已到“{progress.stage.label_zh}”阶段，但缺少{'、'.join(s.label_zh for s in progress.missing)}环节",
            f"topic {topic.id} has reached {progress.stage.value} but lacks {', '.join(s.value for s in progress.missing)}",
            hint_zh="补上缺失环节的记录（如领题领导、提纲提交日期、调研活动）",
            hint_en="add the records of the missing stages (leader, outline submission, a visit)")
