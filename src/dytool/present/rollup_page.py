"""The roll-up's briefing as display data (:class:`~dytool.present.display.Page`), worded from
the catalogue: what members' data was missing, the ranking by closure rate, the members, and
what is behind, member by member.  Member texts are already cleaned
(:mod:`dytool.rollup.textsafe`); they are capped here as the Markdown always showed them."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from dytool.core.catalogue import check as check_words
from dytool.core.catalogue import rollup as words
from dytool.core.messages import Lang, Text, join
from dytool.facts.topics import TopicStage
from dytool.present.display import Block, Cell, Heading, Items, Line, Page, Paragraph, Section, Table, Tone
from dytool.rollup.changes import RollupChanges
from dytool.rollup.model import Counts, MemberFigures, RollupView
from dytool.rollup.textsafe import clean

__all__ = ["MAX_ITEMS", "pct", "rollup_page", "version_text"]

_Say = Callable[[Text], str]

MAX_ITEMS = 10
"""Overdue problems and behind topics listed per member (the member's own briefing has the rest)."""


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def version_text(m: MemberFigures) -> str:
    """The state the figures came from, short: the commit, else the content digest."""
    return m.commit[:10] if m.commit else m.digest.removeprefix("sha256:")[:10]


_STAGES = {stage.value: stage for stage in TopicStage}


def _stage(value: str) -> Text:
    """A member's stage value as its label (a member may publish one we do not know)."""
    stage = _STAGES.get(value)
    return Text.of(stage if stage is not None else value)


def rollup_page(v: RollupView, lang: Lang, changes: RollupChanges | None = None, *, terminal: bool = False) -> Page:
    """The roll-up briefing.  On a ``terminal`` a province's hundred members would fill
    thousands of lines: the members' tables and lists stop after :data:`MAX_ITEMS` rows and the
    overdue problems after as many members, each cut saying how many more and where they are
    (the ranking is always whole; Markdown, JSON and Word are complete)."""
    def say(text: Text) -> str:
        return text.text(lang)

    short, hint = (MAX_ITEMS, say(words.SEE_ALL)) if terminal else (None, "")

    head = [Line(say(words.HEAD(day=v.as_of, n=len(v.members), m=v.configured)), Tone.DIM)]
    if not v.configured:
        head.append(Line(say(words.NO_MEMBERS), Tone.WARN))
    sections: list[Section] = []
    if v.findings:
        rows = tuple((Cell(clean(f.where, 200)), Cell(say(words.CODE_SEVERITY(code=f.code, severity=check_words.SEVERITY[f.severity.value])),
                                                      Tone.BAD if f.is_error else Tone.WARN), Cell(clean(f.message(lang), 600)))
                     for f in v.findings)
        sections.append(Section("findings", say(words.FINDINGS), (Table(tuple(say(c) for c in words.FINDING_COLUMNS), rows),)))
    if v.ranking:
        sections += [Section("ranking", say(words.RANKING), (_ranking(v, say),)),
                     Section("members", say(words.MEMBERS), (dataclasses.replace(_members(v, say), short=short, hint=hint),))]
        for key, title, blocks in (("overdue", words.OVERDUE, _overdue(v, say, short, hint)),
                                   ("topics", words.TOPICS, _cut(_topics(v, say), short, hint)),
                                   ("leaders", words.LEADERS, _cut(_leaders(v, say), short, hint)),
                                   ("behind", words.BEHIND, _cut(_behind(v, say), short, hint))):
            if blocks:
                sections.append(Section(key, say(title), blocks))
    if changes is not None:
        sections.append(Section("changes", say(words.SINCE(day=changes.since)), (_changes(changes, say),)))
    return Page(clean(v.title, 200), lang, tuple(head), tuple(sections))


def _counts(c: Counts) -> tuple[Cell, ...]:
    return (Cell(str(c.found)), Cell(str(c.closed)), Cell(str(c.closed_on_time)), Cell(str(c.open)),
            Cell(str(c.overdue), Tone.BAD if c.overdue else Tone.PLAIN), Cell(pct(c.closure_rate)), Cell(pct(c.on_time_rate)))


def _ranking(v: RollupView, say: _Say) -> Table:
    rows = []
    for line in v.ranking:
        m = line.member
        name = say(words.STALE(name=clean(m.name, 100))) if m.stale else clean(m.name, 100)
        rows.append((Cell(str(line.rank) if line.rank is not None else "—"), Cell(name, Tone.WARN if m.stale else Tone.PLAIN),
                     Cell(say(Text.of(m.kind))), Cell(say(Text.of(m.as_of))), *_counts(m.problems),
                     Cell(str(line.on_time_rank) if line.on_time_rank is not None else "—")))
    rows.append((Cell(""), Cell(say(words.TOTAL), Tone.STRONG), Cell(""), Cell(""), *_counts(v.totals), Cell("")))
    return Table(tuple(say(c) for c in words.RANKING_COLUMNS), tuple(rows), numeric=(0, 4, 5, 6, 7, 8, 9, 10, 11),
                 terminal=(0, 1, 3, 4, 5, 8, 9, 10))


def _members(v: RollupView, say: _Say) -> Table:
    rows = tuple((Cell(clean(m.name, 100)), Cell(m.campaign_title), Cell(str(m.topics_total)), Cell(str(m.topics_behind_total)),
                  Cell(f"{m.solutions_done}/{m.solutions_total}"), Cell(str(m.institutions_issued)), Cell(version_text(m)))
                 for m in v.members)
    return Table(tuple(say(c) for c in words.MEMBER_COLUMNS), rows, numeric=(2, 3, 4, 5))


def _cut(blocks: tuple[Block, ...], short: int | None, hint: str) -> tuple[Block, ...]:
    return tuple(dataclasses.replace(b, short=short, hint=hint) if isinstance(b, Items) else b for b in blocks)


def _overdue(v: RollupView, say: _Say, short: int | None = None, hint: str = "") -> tuple[Block, ...]:
    blocks: list[Block] = []
    late = [m for m in v.members if m.overdue_total]
    for m in late[:short] if short is not None else late:
        rows = tuple((Cell(f"{clean(o.id, 64)} {o.title}"), Cell(clean(o.owner_unit or "—", 100)), Cell(say(Text.of(o.due))),
                      Cell(str(o.days_overdue), Tone.BAD)) for o in m.overdue[:MAX_ITEMS])
        blocks += [Heading(say(words.OVERDUE_OF(name=clean(m.name, 100), n=m.overdue_total))),
                   Table(tuple(say(c) for c in words.OVERDUE_COLUMNS), rows, numeric=(3,))]
        if m.overdue_total > MAX_ITEMS:
            blocks.append(Paragraph((Line(say(words.MORE(n=m.overdue_total - min(MAX_ITEMS, len(m.overdue)))), Tone.DIM),)))
    if short is not None and len(late) > short:
        blocks.append(Paragraph((Line(say(words.MORE_MEMBERS(n=len(late) - short, hint=hint)), Tone.DIM),)))
    return tuple(blocks)


def _topics(v: RollupView, say: _Say) -> tuple[Block, ...]:
    lines = []
    for m in v.members:
        if not m.topics_behind:
            continue
        shown = m.topics_behind[:MAX_ITEMS]
        items = join([words.TOPIC(id=clean(t.id, 64), title=t.title, leader=clean(t.leader or "—", 100), stage=_stage(t.stage),
                                  expected=_stage(t.expected)) for t in shown], "；", "; ")
        hidden = m.topics_behind_total - len(shown)
        more = words.MORE_AFTER(more=words.MORE(n=hidden)) if hidden > 0 else Text("", "")
        lines.append(Line(say(words.TOPICS_OF(n=m.topics_behind_total, items=items, more=more)), Tone.WARN, lead=clean(m.name, 100)))
    return (Items(tuple(lines)),) if lines else ()


def _leaders(v: RollupView, say: _Say) -> tuple[Block, ...]:
    lines = []
    for m in v.members:
        if not m.leaders_below:
            continue
        month = m.leaders_month or ""
        label = words.MONTH(month=int(month[5:]), year=int(month[:4])) if month else Text("", "")
        people = join([words.LEADER(name=clean(b.name, 100), title=b.title or "—", days=b.days, required=b.required) for b in m.leaders_below])
        lines.append(Line(say(words.LEADERS_OF(month=label, people=people)), lead=clean(m.name, 100)))
    return (Items(tuple(lines)),) if lines else ()


def _behind(v: RollupView, say: _Say) -> tuple[Block, ...]:
    lines = []
    for m in v.members:
        parts = []
        if m.behind.milestones:
            parts.append(words.MILESTONES_OVERDUE(items=join(m.behind.milestones, "；", "; ")))
        if m.behind.submissions:
            parts.append(words.SUBMISSIONS_MISSED(items=join(m.behind.submissions, "；", "; ")))
        if parts:
            lines.append(Line(say(words.BEHIND_OF(parts=join(parts, "。", " · "))), lead=clean(m.name, 100)))
    return (Items(tuple(lines)),) if lines else ()


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else str(n)


def _changes(changes: RollupChanges, say: _Say) -> Block:
    lines = []
    for m in changes.members:
        rank = words.RANK_CHANGE(before=m.rank_before or "—", after=m.rank_after or "—") if m.rank_before != m.rank_after else Text("", "")
        lines.append(Line(say(words.CHANGE(name=clean(m.name, 100), found=_signed(m.found), closed=_signed(m.closed), overdue=_signed(m.overdue),
                                           before=pct(m.rate_before), after=pct(m.rate_after), rank=rank, newly=m.newly_overdue,
                                           cleared=m.no_longer_overdue))))
    for label, names in ((words.JOINED, changes.joined), (words.NOT_COMBINED_NOW, changes.failing_now), (words.COMBINED_AGAIN, changes.recovered)):
        if names:
            lines.append(Line(say(words.MEMBERS_LINE(label=label, names=join([clean(n, 100) for n in names])))))
    if not lines:
        from dytool.core.catalogue.changes import NO_CHANGES

        return Paragraph((Line(say(NO_CHANGES)),))
    return Items(tuple(lines))
