"""``close``: 销号 a problem, mark a solution done, an institution issued, a milestone done, or
record a recurring submission; refuse what is already closed, and say why.

Only the record's own lines change (:func:`dytool.edit.splice.change_fields`), and the
repository is checked as it would be before anything is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from dytool.core.errors import EXIT_FINDINGS, EXIT_USAGE, UserError
from dytool.dates import PhraseError, Span, explicit_day, match_submissions, occurrences, parse_recurring
from dytool.dates.recurring import Submission as DateSubmission
from dytool.edit.new import load_for_edit
from dytool.edit.safewrite import Plan, RefusedWrite, check_plan, commit, editing
from dytool.edit.splice import FieldChange, change_fields
from dytool.edit.yamlio import join_text, split_text
from dytool.engine.load import LoadOptions
from dytool.engine.repository import Repository
from dytool.models import Campaign, Institution, Problem, Solution
from dytool.models.campaign import Milestone, Recurring, Submission
from dytool.models.enums import InstitutionStatus
from dytool.models.nouns import kind_noun
from dytool.models.when import parse_when
from dytool.source.atomic import repository_path
from dytool.source.locate import Source

__all__ = ["CLOSABLE", "CloseOptions", "Closed", "close_record", "parse_day"]

CLOSABLE = ("problem", "solution", "institution", "milestone", "recurring")


@dataclass(frozen=True)
class CloseOptions:
    on: dt.date | str | None = None
    """The day: a date, text (``2023-09-15``, ``9月15日``), or None for the as-of day."""
    note: str | None = None
    evidence: str | None = None
    by: str | None = None
    doc_number: str | None = None
    owner_unit: str | None = None
    period: str | None = None


@dataclass(frozen=True)
class _Options(CloseOptions):
    on: dt.date = dt.date.min


@dataclass(frozen=True)
class Closed:
    kind: str
    id: str
    file: str
    before: str
    after: str
    what_zh: str
    what_en: str


def parse_day(text: str, campaign: Campaign | None) -> dt.date:
    """A single day: ISO, ``2023.9.15``, or a phrase naming one day (``9月15日``)."""
    day = explicit_day(text)
    if day is not None:
        return day
    context = {"period": Span(campaign.period.start.first, campaign.period.end.last)} if campaign else {}
    try:
        when = parse_when(text, context)
    except Exception:  # noqa: BLE001 - any unreadable date is the same user error
        when = None
    if when is None or when.first != when.last:
        raise UserError(f"“{text}”不是某一天；请写成 2023-09-15 或 9月15日", f"{text!r} is not a single day; write e.g. 2023-09-15")
    return when.first


def _find(repo: Repository, campaign: Campaign, ident: str, kind: str | None) -> tuple[str, Any, Source]:
    hits: list[tuple[str, Any, Source]] = []
    for k, entries in repo.records.items():
        hits += [(k, e.record, e.source) for e in entries if e.record.id == ident]
    hits += [("milestone", m, Source("campaign.yaml", ("milestones", i))) for i, m in enumerate(campaign.milestones) if m.id == ident]
    hits += [("recurring", r, Source("campaign.yaml", ("recurring", i))) for i, r in enumerate(campaign.recurring) if r.id == ident]
    if kind is not None:
        hits = [h for h in hits if h[0] == kind]
    if not hits:
        raise UserError(f"找不到编号“{ident}”", f"no record with id {ident!r}", exit_code=EXIT_USAGE,
                        hint_zh="检查编号拼写（区分大小写）", hint_en="check the spelling (ids are case-sensitive)")
    if len(hits) > 1:
        kinds = "、".join(sorted({h[0] for h in hits}))
        raise UserError(f"编号“{ident}”有 {len(hits)} 条记录（{kinds}）；用 --kind 指明，或先改正重复编号",
                        f"{len(hits)} records have the id {ident!r} ({kinds}); say which with --kind, or fix the duplicate",
                        exit_code=EXIT_USAGE)
    found_kind, record, source = hits[0]
    if found_kind not in CLOSABLE:
        raise UserError(f"“{ident}”是{kind_noun(found_kind).zh}，没有销号或完成的说法", f"{ident!r} is a {found_kind}; it cannot be closed",
                        exit_code=EXIT_USAGE)
    return found_kind, record, source


def _refuse(zh: str, en: str) -> UserError:
    return UserError(zh, en, exit_code=EXIT_FINDINGS)


def _problem(p: Problem, o: _Options) -> dict[str, Any]:
    if p.closed_on is not None:
        raise _refuse(f"问题 {p.id} 已于 {p.closed_on} 销号，不能重复销号", f"problem {p.id} was already closed on {p.closed_on}")
    if not (o.owner_unit or p.owner_unit):
        raise _refuse(f"问题 {p.id} 没有责任单位，销号前用 --owner-unit 指定", f"problem {p.id} has no owner unit; give it with --owner-unit")
    if not (o.evidence or o.note or p.evidence or p.note):
        raise _refuse(f"问题 {p.id} 销号需要佐证材料（--evidence）或情况说明（--note）",
                      f"closing problem {p.id} needs evidence (--evidence) or a note (--note)")
    values: dict[str, Any] = {"closed_on": o.on}
    if o.owner_unit and o.owner_unit != p.owner_unit:
        values["owner_unit"] = o.owner_unit
    values |= {k: v for k, v in (("closed_by", o.by), ("evidence", o.evidence), ("note", o.note)) if v}
    return values


def _solution(s: Solution, o: _Options) -> dict[str, Any]:
    if s.done_on is not None:
        raise _refuse(f"解决事项 {s.id} 已于 {s.done_on} 完成", f"solution {s.id} was already done on {s.done_on}")
    return {"done_on": o.on} | {k: v for k, v in (("evidence", o.evidence), ("note", o.note)) if v}


def _institution(i: Institution, o: _Options, raw_status: str | None) -> dict[str, Any]:
    if i.issued_on is not None or i.status is InstitutionStatus.issued:
        when = f"于 {i.issued_on} " if i.issued_on else ""
        raise _refuse(f"制度 {i.id} 已{when}出台", f"institution {i.id} was already issued" + (f" on {i.issued_on}" if i.issued_on else ""))
    if o.note or o.evidence:
        raise UserError("制度清单没有 note/evidence 字段；用 --doc-number 写文号", "institutions have no note or evidence; give --doc-number")
    if not (o.doc_number or i.doc_number):
        raise _refuse(f"制度 {i.id} 出台需要文号：用 --doc-number 给出，如 青办发〔2023〕16号",
                      f"issuing institution {i.id} needs its document number: give --doc-number")
    labelled = raw_status is not None and raw_status.strip() in {s.label_zh for s in InstitutionStatus}
    values: dict[str, Any] = {"issued_on": o.on, "status": InstitutionStatus.issued.label_zh if labelled else "issued"}
    if o.doc_number:
        values["doc_number"] = o.doc_number
    return values


def _milestone(m: Milestone, o: _Options) -> dict[str, Any]:
    if m.done_on is not None:
        raise _refuse(f"时间节点 {m.id} 已于 {m.done_on} 完成", f"milestone {m.id} was already done on {m.done_on}")
    evidence = o.evidence or o.note
    return {"done_on": o.on} | ({"evidence": evidence} if evidence else {})


def _submission(r: Recurring, o: _Options, campaign: Campaign) -> Any:
    if o.note or o.evidence:
        raise UserError("报送记录只有日期和期次，不能写 --note/--evidence", "a submission has only a day and a period; drop --note/--evidence")
    period = Span(campaign.period.start.first, campaign.period.end.last)
    try:
        occs = occurrences(parse_recurring(r.rule), period)
    except PhraseError as exc:
        raise _refuse(f"常态化要求 {r.id} 的周期无法识别：{exc.message_zh}", f"the rule of {r.id} is not understood: {exc.message_en}") from None
    subs: list[DateSubmission] = [((s.period, s.on.first) if s.period else s.on.first) if isinstance(s, Submission) else s.first
                                  for s in r.submissions]
    met = dict((occ.key, done) for occ, done in match_submissions(occs, subs))
    if o.period is not None:
        key = o.period.strip().upper()
        occ = next((x for x in occs if key in (x.key, x.due.isoformat())), None)
        if occ is None:
            raise UserError(f"{r.id} 没有“{o.period}”这一期", f"{r.id} has no occurrence {o.period!r}")
    else:
        occ = next((x for x in occs if x.window.contains(o.on)), None)
        if occ is None:
            raise _refuse(f"{o.on} 不在 {r.id} 任何一期的报送时段内；用 --period 指明是哪一期（如 2023-07）",
                          f"{o.on} falls in no occurrence of {r.id}; name it with --period (e.g. 2023-07)")
    if met.get(occ.key) is not None:
        raise _refuse(f"{r.id} 的 {occ.key} 期已于 {met[occ.key]} 报送", f"{r.id} for {occ.key} was already submitted on {met[occ.key]}")
    if o.period is None:
        return o.on
    node = CommentedMap([("period", occ.key), ("on", o.on)])
    node.fa.set_flow_style()
    return node


def close_record(
    root: Path, ident: str, options: CloseOptions, *, as_of: dt.date, kind: str | None = None, dry_run: bool = False, load: LoadOptions | None = None,
) -> Closed:
    with editing(root):
        return _close(root, ident, options, as_of=as_of, kind=kind, dry_run=dry_run, load=load)


def _close(root: Path, ident: str, options: CloseOptions, *, as_of: dt.date, kind: str | None, dry_run: bool, load: LoadOptions | None) -> Closed:
    result, campaign = load_for_edit(root, as_of, load)
    found, record, source = _find(result.repo, campaign, ident, kind)
    day = options.on if isinstance(options.on, dt.date) else parse_day(options.on, campaign) if options.on else as_of
    resolved = _Options(**{**options.__dict__, "on": day})
    appends: dict[str, list[Any]] = {}
    values: dict[str, Any] = {}
    order: list[str] = list(type(record).model_fields)
    if found == "problem":
        values = _problem(record, resolved)
    elif found == "solution":
        values = _solution(record, resolved)
    elif found == "institution":
        values = _institution(record, resolved, result.repo.locator.raw(source, ("status",)))
    elif found == "milestone":
        values = _milestone(record, resolved)
    else:
        appends = {"submissions": [_submission(record, resolved, campaign)]}
    raw = repository_path(root, source.file).read_bytes()
    before, style = split_text(raw, source.file)
    after = change_fields(before, FieldChange(source.path, values, appends, order), source.file)
    plan = Plan()
    plan.put(source.file, join_text(after, style), raw)
    if dry_run:
        added = check_plan(root, plan, as_of, result.findings)
        if added:
            raise RefusedWrite(added)
    else:
        commit(root, plan, as_of, result.findings)
    what = {"problem": ("已销号", "closed"), "solution": ("已完成", "done"), "institution": ("已出台", "issued"),
            "milestone": ("已完成", "done"), "recurring": ("已记录报送", "submission recorded")}[found]
    return Closed(found, ident, source.file, before, after, f"{kind_noun(found).zh} {ident} {what[0]}（{day}）",
                  f"{found} {ident} {what[1]} ({day})")
