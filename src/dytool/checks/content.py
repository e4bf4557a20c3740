"""Content checks: dates against each other and the period, closing (销号), lists, stages.

Most look at one record and nothing else: :func:`local_content` runs them on each file as
it is loaded, and their findings are cached with the file.  :func:`check_content` does the
rest, which needs the as-of day or other files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from dytool.core.codes import CODES
from dytool.core.findings import Finding, Severity
from dytool.engine.index import RepoIndex
from dytool.engine.repository import Repository
from dytool.engine.summary import DONE_FIELDS, FileSummary
from dytool.facts.topics import topic_progress
from dytool.models import Campaign, Institution, Problem, StrictModel, Topic, Visit, When
from dytool.models.base import walk_marked
from dytool.models.campaign import Period
from dytool.models.enums import Handling, InstitutionStatus
from dytool.source.locate import Locator, Source

__all__ = ["check_content", "local_content"]


def local_content(records: Sequence[tuple[StrictModel, Source]], summary: FileSummary, campaign: Campaign | None, loc: Locator) -> Iterator[Finding]:
    """The checks of one file's records that need nothing else but the campaign."""
    period = campaign.period if campaign is not None else None
    dates = summary.dates
    outside = period is not None and dates is not None and (dates[0] < period.start.first or dates[1] > period.end.last)
    for record, source in records:
        if outside and period is not None:
            yield from _outside_period(loc, record, source, period)
        if isinstance(record, Visit):
            yield from _visit(loc, record, source)
        elif isinstance(record, Problem):
            yield from _problem(loc, record, source)
        elif isinstance(record, Institution):
            yield from _institution(loc, record, source)


def check_content(view: Repository, index: RepoIndex, as_of: dt.date) -> Iterator[Finding]:
    yield from _campaign_dates(view)
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
    for entry in view.topics:
        yield from _topic(view.locator, index, entry.record, entry.source)


def _outside_period(loc: Locator, obj: StrictModel, source: Source, period: Period) -> Iterator[Finding]:
    for path, when, _ in walk_marked(obj, "date"):
        if isinstance(when, When) and (when.last < period.start.first or when.first > period.end.last):
            yield CODES["outside-period"].at(
                loc.pos(source, path),
                f"日期 {when.text} 不在活动期间（{period.start.text} 至 {period.end.text}）内",
                f"{when.text} lies outside the campaign period ({period.start.text} to {period.end.text})",
            )


def _done_after(loc: Locator, obj: StrictModel, source: Source, as_of: dt.date) -> Iterator[Finding]:
    for path, when, _ in walk_marked(obj, "date"):
        if isinstance(when, When) and path and path[-1] in DONE_FIELDS and when.first > as_of:
            yield CODES["done-after-as-of"].at(
                loc.pos(source, path),
                f"完成日期 {when.text} 晚于统计日期 {as_of.isoformat()}，按未完成计",
                f"done date {when.text} is after the as-of day {as_of.isoformat()}; counted as not done",
            )


def _campaign_dates(view: Repository) -> Iterator[Finding]:
    campaign = view.campaign
    if campaign is None:
        return
    loc = view.locator
    source = view.campaign_source
    period = campaign.period
    if period.end.last < period.start.first:
        yield _end_before_start(loc, source, ("period", "end"), period.start, period.end)
        return
    for i, stage in enumerate(campaign.stages):
        if stage.end.last < stage.start.first:
            yield _end_before_start(loc, source, ("stages", i, "end"), stage.start, stage.end)
        for field, when in (("start", stage.start), ("end", stage.end)):
            if when.first < period.start.first or when.last > period.end.last:
                yield CODES["outside-period"].at(
                    loc.pos(source, ("stages", i, field)),
                    f"阶段“{stage.title}”的日期 {when.text} 不在活动期间内",
                    f"stage {stage.title!r}: {when.text} lies outside the campaign period",
                    severity=Severity.ERROR,
                )
    for i, milestone in enumerate(campaign.milestones):
        when = milestone.due
        if when.due < period.start.first or when.due > period.end.last:
            yield CODES["outside-period"].at(
                loc.pos(source, ("milestones", i, "due")),
                f"时间节点“{milestone.title}”的截止时间 {when.text} 不在活动期间内",
                f"milestone {milestone.title!r}: {when.text} lies outside the campaign period",
            )


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


def _topic(loc: Locator, index: RepoIndex, topic: Topic, source: Source) -> Iterator[Finding]:
    progress = topic_progress(topic, index)
    if progress.missing:
        yield CODES["stage-gap"].at(
            loc.pos(source, ("id",)),
            f"课题 {topic.id} 已到“{progress.stage.label_zh}”阶段，但缺少{'、'.join(s.label_zh for s in progress.missing)}环节",
            f"topic {topic.id} has reached {progress.stage.value} but lacks {', '.join(s.value for s in progress.missing)}",
            hint_zh="补上缺失环节的记录（如领题领导、提纲提交日期、调研活动）",
            hint_en="add the records of the missing stages (leader, outline submission, a visit)")
