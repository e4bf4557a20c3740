"""The meeting briefing as display data: computed once, worded from the catalogue, shown by
every renderer (terminal, Markdown, Word) alike.

Sections in the order of cli.md, each left out when empty: campaign and date, milestones,
recurring obligations, topics, leaders, the three lists, burden, and (with ``--since``) what
changed.  The JSON of ``status --format json`` is not made from here: it is the machine form
of :mod:`dytool.status.model` (:func:`dytool.present.briefing_json.briefing_json`).
"""

from __future__ import annotations

from dytool.core.catalogue import briefing as words
from dytool.core.catalogue.changes import NO_CHANGES
from dytool.core.messages import Lang, Text, join, per_lang
from dytool.dates import Status
from dytool.facts.periods import period_label
from dytool.facts.topics import TopicStage
from dytool.models.nouns import kind_noun
from dytool.present.changes import change_blocks
from dytool.present.display import Block, Cell, Gauge, Heading, Items, Line, Page, Paragraph, Section, Table, Tone
from dytool.status.changes import Changes
from dytool.status.model import Briefing, LeaderLine, MilestoneLine, Occurrence, RecurringLine, TopicBehind

__all__ = ["MAX_ROWS", "STATUS_TONES", "briefing_page", "ratio"]

MAX_ROWS = 10
"""Rows of a long block a terminal shows (leaders: twice as many)."""

STATUS_TONES = {Status.OVERDUE: Tone.BAD, Status.DUE_SOON: Tone.WARN, Status.PENDING: Tone.PLAIN, Status.DONE: Tone.GOOD,
                Status.DONE_LATE: Tone.GOOD, Status.ONGOING: Tone.DIM}


def ratio(part: int, whole: int) -> str:
    """A percentage from the counts themselves (4 of 21 is 19.0%, not the 19.1% of a rate
    already rounded to 0.1905)."""
    return f"{part * 100 / whole:.1f}%" if whole else "—"


def briefing_page(b: Briefing, lang: Lang, *, changes: Changes | None = None, since: str | None = None) -> Page:
    say = _Say(lang)
    head = [Line(say(words.AS_OF(day=b.as_of)), Tone.DIM)]
    if b.filters:
        head.append(Line(say(words.FILTERED(filters=join([f"{k}={v}" for k, v in b.filters.items()]))), Tone.DIM))
    sections = [
        ("campaign", _campaign(b, say)),
        ("milestones", _milestones(b, say)),
        ("recurring", _recurring(b, say)),
        ("topics", _topics(b, say)),
        ("leaders", _leaders(b, say)),
        ("lists", _lists(b, say)),
        ("burden", _burden(b, say)),
    ]
    shown = [Section(key, say(words.SECTION_TITLES[key]), blocks) for key, blocks in sections if blocks]
    if changes is not None:
        shown.append(Section("changes", say(words.SINCE(since=since or "")), _since(changes, lang)))
    return Page(b.campaign.title, lang, tuple(head), tuple(shown))


class _Say:
    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def __call__(self, text: Text) -> str:
        return text.text(self.lang)


def _campaign(b: Briefing, say: _Say) -> tuple[Block, ...]:
    lines = [Line(say(words.STAGE(title=s.title, start=s.start, end=s.end, day=s.elapsed_days, days=s.total_days,
                                  percent=s.progress * 100, left=s.days_left)), gauge=Gauge(s.progress, 1.0))
             for s in b.stages]
    if b.next_stage is not None:
        n = b.next_stage
        lines.append(Line(say(words.NEXT_STAGE(title=n.title, start=n.start, n=n.days_until))))
    start, end = b.campaign.period_start, b.campaign.period_end
    if not lines and start <= b.as_of <= end:  # no stage now nor later (a plan that 不划阶段): the period itself
        days, day = (end - start).days + 1, (b.as_of - start).days + 1
        lines.append(Line(say(words.PERIOD(start=start, end=end, day=day, days=days, percent=day / days * 100,
                                           left=(end - b.as_of).days)), gauge=Gauge(day / days, 1.0)))
    if not lines:
        lines.append(Line(say(words.NO_STAGE)))
    return (Items(tuple(lines)),)


def _due(m: MilestoneLine) -> Text:
    """A milestone's due day, with the phrase as written when it says more; none for 常态化."""
    if m.due is None:
        return Text("—", "—")
    if m.due_text and m.due_text != m.due.isoformat():
        return words.DUE_AS_WRITTEN(day=m.due, text=m.due_text)
    return Text.of(m.due)


def milestone_note(m: MilestoneLine) -> Text:
    """What the briefing says about a milestone besides its status."""
    note: list[Text] = []
    if m.status is Status.OVERDUE:
        note.append(words.OVERDUE_DAYS(n=m.days_overdue))
    elif m.status in (Status.DUE_SOON, Status.PENDING):
        note.append(words.DAYS_LEFT(n=m.days_left) if m.workdays_left is None else words.WORKDAYS_LEFT(n=m.days_left, work=m.workdays_left))
    if m.done_on is not None:
        note.append(words.DONE_ON(day=m.done_on))
    if m.missing:
        note.append(words.MISSING(names=per_lang(join(m.missing_names or m.missing, limit=8), join(m.missing, limit=8))))
    if m.non_working_due and not m.status.is_done and m.due is not None:
        note.append(words.NON_WORKING_DUE)
    return Text.of(join(note, "；", "; "))


def _milestones(b: Briefing, say: _Say) -> tuple[Block, ...]:
    if not b.milestones:
        return ()
    rows = tuple((Cell(m.title), Cell(say(_due(m))), Cell(say(Text.of(m.status)), STATUS_TONES[m.status]),
                  Cell(f"{m.done}/{m.total}" if m.total is not None else ""), Cell(say(milestone_note(m))))
                 for m in b.milestones)
    return (Table(tuple(say(c) for c in words.MILESTONE_COLUMNS), rows, short=MAX_ROWS, hint=say(words.HINT_ALL)),)


def _period(key: str) -> Text:
    """An occurrence's period as the reader's language writes it: 2023年8月 in Chinese, 2023-08 in English."""
    return per_lang(period_label(key), key)


def _occurrence(o: Occurrence) -> Text:
    who = per_lang(o.by_name or o.by, o.by)
    period = _period(o.period)
    return Text("{who} {period}", "{who} {period}", {"who": who, "period": period}) if o.by else period


def recurring_line(r: RecurringLine, say: _Say) -> Line:
    """A recurring obligation's line and its details: who has not handed in the current
    occurrence, what was missed (by whom), what was late."""
    headline = words.RECURRING(title=r.title, rule=r.rule)
    if r.current is not None:
        headline += words.RECURRING_CURRENT(period=_period(r.current.period), due=r.current.due, status=r.current.status)
    headline += (words.RECURRING_MET_MEMBERS if r.members else words.RECURRING_MET)(met=r.met, due=r.due_so_far)
    details = []
    if r.not_submitted and r.current is not None:
        names = per_lang(join(r.not_submitted_names or r.not_submitted), join(r.not_submitted))
        details.append(Line(say(words.NOT_YET_HANDED_IN(period=_period(r.current.period), names=names))))
    if r.missed:
        details.append(Line(say(words.MISSED(items=join([_occurrence(o) for o in r.missed]))), Tone.BAD))
    if r.late:
        late = [words.OCCURRENCE_LATE(occurrence=_occurrence(o), day=o.submitted_on) for o in r.late]
        details.append(Line(say(words.LATE(items=join(late)))))
    tone = STATUS_TONES[r.current.status] if r.current is not None else Tone.PLAIN
    return Line(say(headline), tone, tuple(details))


def _recurring(b: Briefing, say: _Say) -> tuple[Block, ...]:
    return (Items(tuple(recurring_line(r, say) for r in b.recurring)),) if b.recurring else ()


def _topics(b: Briefing, say: _Say) -> tuple[Block, ...]:
    if not b.topics.total:
        return ()
    steps = set(b.topics.steps) or {s.value for s in TopicStage}
    stages = [words.TOPIC_STAGE_COUNT(stage=s, n=b.topics.by_stage.get(s.value, 0))
              for s in TopicStage if s.value in steps or b.topics.by_stage.get(s.value, 0)]
    blocks: list[Block] = [Paragraph((Line(say(words.TOPIC_COUNT(n=b.topics.total, stages=join(stages, " · ", " · ")))),))]
    if b.topics.behind:
        behind = tuple(Line(say(_behind(late)), Tone.WARN) for late in b.topics.behind)
        blocks += [Paragraph((Line(say(words.TOPICS_BEHIND)),)), Items(behind, short=MAX_ROWS, hint=say(words.HINT_LEADER))]
    return tuple(blocks)


_ORDER = list(TopicStage)


def _behind(late: TopicBehind) -> Text:
    """A topic behind a milestone: the stage it should reach, or, when its stage is already
    past that one (solved while researched: 转化 without a report), what it still lacks."""
    fields = {"id": late.id, "title": late.title, "leader": late.leader_name or "—", "stage": late.stage}
    if _ORDER.index(late.stage) < _ORDER.index(late.expected):
        return words.TOPIC_BEHIND(**fields, expected=late.expected)
    return words.TOPIC_BEHIND_OUTLINE(**fields) if late.expected is TopicStage.planned else words.TOPIC_BEHIND_REPORT(**fields)


def _days(leader: LeaderLine) -> Cell:
    """A leader's visit days against the monthly rule (one block a day, at most ten)."""
    tone = Tone.GOOD if leader.meets else (Tone.WARN if leader.meets is False else Tone.PLAIN)
    if leader.required_days is None or leader.required_days <= 0:
        return Cell(str(leader.visit_days), tone)
    return Cell(f"{leader.visit_days}/{leader.required_days}", tone, Gauge(leader.visit_days, leader.required_days, min(leader.required_days, 10)))


def _leaders(b: Briefing, say: _Say) -> tuple[Block, ...]:
    if not b.leaders:
        return ()
    month = words.MONTH(month=b.as_of.month, year=b.as_of.year)
    columns = tuple(say(c(month=month)) for c in words.LEADER_COLUMNS)
    rows = tuple((Cell(leader.name), Cell(leader.title or ""), Cell(str(leader.topics)), _days(leader),
                  Cell(say(Text.of(leader.last_visit)))) for leader in b.leaders)
    return (Table(columns, rows, short=MAX_ROWS * 2, hint=say(words.HINT_LEADER)),)


def _lists(b: Briefing, say: _Say) -> tuple[Block, ...]:
    lists = b.lists
    if lists.empty:
        return ()
    p, inst = lists.problems, lists.institutions
    counts = (
        words.PROBLEM_COUNTS(found=p.found, closed=p.closed, on_time=p.closed_on_time, open=p.open, overdue=p.overdue, escalated=p.escalated,
                             long_term=p.long_term, rate=ratio(p.closed, p.found), on_time_rate=ratio(p.closed_on_time, p.closed + p.overdue)),
        words.SOLUTION_COUNTS(done=lists.solutions_done, total=lists.solutions_total, overdue=lists.solutions_overdue),
        words.INSTITUTION_COUNTS(issued=inst.get("issued", 0), reviewing=inst.get("reviewing", 0), drafting=inst.get("drafting", 0),
                                 overdue=lists.institutions_overdue),
    )
    blocks: list[Block] = [Items(tuple(Line(say(c)) for c in counts))]
    if lists.overdue:
        rows = tuple((Cell(say(kind_noun(o.kind))), Cell(f"{o.id} {o.title}"), Cell(o.owner_unit_name or "—"),
                      Cell(say(Text.of(o.due))), Cell(str(o.days_overdue), Tone.BAD)) for o in lists.overdue)
        blocks.append(Table(tuple(say(c) for c in words.OVERDUE_COLUMNS), rows, short=MAX_ROWS, hint=say(words.HINT_UNIT)))
    if lists.stale:
        items = join([words.STALE_ITEM(id=s.id, days=s.days) for s in lists.stale])
        blocks.append(Paragraph((Line(say(words.STALE(n=len(lists.stale), items=items)), Tone.DIM),)))
    return tuple(blocks)


def _burden(b: Briefing, say: _Say) -> tuple[Block, ...]:
    if not b.burden:
        return ()
    lines = tuple(Line(say(words.BURDEN(host=busy.host_name, start=busy.window_start, end=busy.window_end, n=busy.visits,
                                        limit=busy.max_visits, visits=join(busy.visit_ids))), Tone.WARN) for busy in b.burden)
    return (Items(lines, short=MAX_ROWS, hint=say(words.HINT_UNIT)),)


def _since(changes: Changes, lang: Lang) -> tuple[Block, ...]:
    blocks: list[Block] = []
    for heading, items in change_blocks(changes, lang):
        blocks += [Heading(heading), items]
    return tuple(blocks) or (Paragraph((Line(NO_CHANGES.text(lang)),)),)
