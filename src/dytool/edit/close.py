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

from dytool.core.catalogue import edits as words
from dytool.core.errors import EXIT_FINDINGS, EXIT_USAGE, UserError
from dytool.core.messages import Text
from dytool.dates import PhraseError, Span, explicit_day, match_submissions, occurrences, parse_recurring
from dytool.dates.recurring import Submission as DateSubmission
from dytool.edit.new import load_for_edit
from dytool.edit.safewrite import Plan, RefusedWrite, check_plan, commit, editing
from dytool.edit.splice import FieldChange, change_fields
from dytool.edit.yamlio import join_text, split_text
from dytool.engine.options import LoadOptions
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
    what: Text
    """What was done, in both languages: 问题 P-1 已销号（2023-09-15）."""

    @property
    def what_zh(self) -> str:
        return self.what.zh

    @property
    def what_en(self) -> str:
        return self.what.en


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
        raise UserError(words.NOT_ONE_DAY(text=text))
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
        raise UserError(words.NO_SUCH_ID(id=ident), exit_code=EXIT_USAGE, hint=words.NO_SUCH_ID_HINT)
    if len(hits) > 1:
        raise UserError(words.ID_TWICE(id=ident, n=len(hits), kinds=sorted({h[0] for h in hits})), exit_code=EXIT_USAGE)
    found_kind, record, source = hits[0]
    if found_kind not in CLOSABLE:
        raise UserError(words.NOT_CLOSABLE(id=ident, kind=kind_noun(found_kind)), exit_code=EXIT_USAGE)
    return found_kind, record, source


def _refuse(message: Text) -> UserError:
    return UserError(message, exit_code=EXIT_FINDINGS)


def _problem(p: Problem, o: _Options) -> dict[str, Any]:
    if p.closed_on is not None:
        raise _refuse(words.ALREADY_CLOSED(id=p.id, day=str(p.closed_on)))
    if not (o.owner_unit or p.owner_unit):
        raise _refuse(words.NO_OWNER_UNIT(id=p.id))
    if not (o.evidence or o.note or p.evidence or p.note):
        raise _refuse(words.NO_EVIDENCE(id=p.id))
    values: dict[str, Any] = {"closed_on": o.on}
    if o.owner_unit and o.owner_unit != p.owner_unit:
        values["owner_unit"] = o.owner_unit
    values |= {k: v for k, v in (("closed_by", o.by), ("evidence", o.evidence), ("note", o.note)) if v}
    return values


def _solution(s: Solution, o: _Options) -> dict[str, Any]:
    if s.done_on is not None:
        raise _refuse(words.ALREADY_DONE(kind=kind_noun("solution"), id=s.id, day=str(s.done_on)))
    return {"done_on": o.on} | {k: v for k, v in (("evidence", o.evidence), ("note", o.note)) if v}


def _institution(i: Institution, o: _Options, raw_status: str | None) -> dict[str, Any]:
    if i.issued_on is not None or i.status is InstitutionStatus.issued:
        raise _refuse(words.ALREADY_ISSUED_ON(id=i.id, day=str(i.issued_on)) if i.issued_on else words.ALREADY_ISSUED(id=i.id))
    if o.note or o.evidence:
        raise UserError(words.INSTITUTION_NO_NOTE)
    if not (o.doc_number or i.doc_number):
        raise _refuse(words.NO_DOC_NUMBER(id=i.id))
    labelled = raw_status is not None and raw_status.strip() in {s.label_zh for s in InstitutionStatus}
    values: dict[str, Any] = {"issued_on": o.on, "status": InstitutionStatus.issued.label_zh if labelled else "issued"}
    if o.doc_number:
        values["doc_number"] = o.doc_number
    return values


def _milestone(m: Milestone, o: _Options) -> dict[str, Any]:
    if m.done_on is not None:
        raise _refuse(words.ALREADY_DONE(kind=kind_noun("milestone"), id=m.id, day=str(m.done_on)))
    evidence = o.evidence or o.note
    return {"done_on": o.on} | ({"evidence": evidence} if evidence else {})


def _submission(r: Recurring, o: _Options, campaign: Campaign) -> Any:
    if o.note or o.evidence:
        raise UserError(words.SUBMISSION_NO_NOTE)
    period = Span(campaign.period.start.first, campaign.period.end.last)
    try:
        occs = occurrences(parse_recurring(r.rule), period)
    except PhraseError as exc:
        raise _refuse(words.RULE_NOT_UNDERSTOOD(id=r.id, why=Text.plain(exc.message_zh, exc.message_en))) from None
    subs: list[DateSubmission] = [((s.period, s.on.first) if s.period else s.on.first) if isinstance(s, Submission) else s.first
                                  for s in r.submissions]
    met = dict((occ.key, done) for occ, done in match_submissions(occs, subs))
    if o.period is not None:
        key = o.period.strip().upper()
        occ = next((x for x in occs if key in (x.key, x.due.isoformat())), None)
        if occ is None:
            raise UserError(words.NO_OCCURRENCE(id=r.id, period=o.period))
    else:
        occ = next((x for x in occs if x.window.contains(o.on)), None)
        if occ is None:
            raise _refuse(words.DAY_IN_NO_OCCURRENCE(day=str(o.on), id=r.id))
    if met.get(occ.key) is not None:
        raise _refuse(words.ALREADY_SUBMITTED(id=r.id, period=occ.key, day=str(met[occ.key])))
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
        added = check_plan(root, plan, as_of, result.findings, load)
        if added:
            raise RefusedWrite(added)
    else:
        commit(root, plan, as_of, result.findings, load)
    what = words.CLOSED_WHAT[found](kind=kind_noun(found), id=ident, day=str(day))
    return Closed(found, ident, source.file, before, after, what)
