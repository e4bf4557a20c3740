"""The campaign's own quantified rules (量化要求) as findings, at the level each rule sets.

Rules about time look only at what had happened by the as-of day: a month's visit days are
judged once the month is over, a year's resolved problems once the year (or the campaign) is.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from dytool.core.codes import CODES, Pos
from dytool.core.findings import Finding, Severity
from dytool.dates import PhraseError, Span, occurrences, parse_recurring, unmatched_submissions
from dytool.engine.index import RepoIndex
from dytool.engine.repository import Repository
from dytool.engine.summary import FileSummary, TopicRow, VisitRow
from dytool.facts.members import is_group, members, unit_matches
from dytool.facts.periods import period_key, period_label, rule_periods
from dytool.facts.records import name_of
from dytool.facts.scope import leaders_in_scope
from dytool.facts.stages import campaign_span, months_of, rule_spans
from dytool.facts.visits import host_burden, leader_days
from dytool.models import Campaign, Person, StrictModel, Unit, Visit
from dytool.models.campaign import MaxRule, RangeRule, Rules, Submission, Switch
from dytool.models.enums import Method, RuleLevel
from dytool.models.words import category
from dytool.source.locate import Locator, Source

__all__ = ["check_recurring", "check_rules", "local_rules"]


At = Callable[..., Pos]
"""Finds a record by kind and id: ``at("person", "lin-haifeng", ("id",))``."""


def _severity(level: RuleLevel) -> Severity:
    return Severity.ERROR if level is RuleLevel.error else Severity.WARNING


def _range_text(low: int | None, high: int | None) -> tuple[str, str]:
    if low is not None and high is not None:
        return f"{low}—{high}", f"{low}-{high}"
    if low is not None:
        return f"不少于 {low}", f"at least {low}"
    return f"不超过 {high}", f"at most {high}"


def local_rules(records: Sequence[tuple[StrictModel, Source]], summary: FileSummary, campaign: Campaign | None, loc: Locator) -> Iterator[Finding]:
    """The rules about a single visit (squat length, accompanying people, a topic named)."""
    rules = campaign.rules if campaign is not None else None
    if rules is None:
        return
    squat = rules.squat_days
    accompanying = _max(rules.max_accompanying) if rules.max_accompanying is not None else None
    required = rules.topic_required
    need_topic = required is True or (isinstance(required, Switch) and required.enabled)
    topic_level = _severity(required.level) if isinstance(required, Switch) else Severity.WARNING
    declared = campaign.vocabulary.methods if campaign is not None and campaign.vocabulary is not None else None
    for visit, source in records:
        if not isinstance(visit, Visit):
            continue
        if squat is not None and any(category(m, declared, Method) is Method.squat for m in visit.methods):
            length = (visit.last_day - visit.first_day).days + 1
            if (squat.min is not None and length < squat.min) or (squat.max is not None and length > squat.max):
                zh_range, en_range = _range_text(squat.min, squat.max)
                yield CODES["squat-days"].at(loc.pos(source, ("start" if visit.start else "date",)),
                                             f"蹲点调研 {visit.id} 为 {length} 天，要求{zh_range}天",
                                             f"squat {visit.id} lasts {length} day(s); the rule asks for {en_range}", severity=_severity(squat.level))
        if accompanying is not None and visit.accompanying is not None and visit.accompanying > accompanying[0]:
            yield CODES["accompanying"].at(loc.pos(source, ("accompanying",)),
                                           f"调研 {visit.id} 陪同 {visit.accompanying} 人，超过上限 {accompanying[0]} 人",
                                           f"visit {visit.id} had {visit.accompanying} accompanying, over the limit of {accompanying[0]}",
                                           severity=accompanying[1])
        if need_topic and not visit.topics:
            yield CODES["topic-required"].at(loc.pos(source, ("id",)), f"调研 {visit.id} 没有注明所属课题（禁止无课题调研）",
                                             f"visit {visit.id} names no topic (research without a topic is not allowed)",
                                             hint_zh="在 topics 中写上课题编号", hint_en="add the topic id under topics", severity=topic_level)


@dataclass(frozen=True)
class _Scene:
    """What the campaign-wide rules look at: the people, units and topics whole, the visits
    and closed problems as rows of their files' summaries."""

    campaign: Campaign
    rules: Rules
    period: Span
    people: dict[str, Person]
    units: dict[str, Unit]
    topics: list[TopicRow]
    visits: list[VisitRow]
    closures: list[tuple[str, dt.date]]
    at: At

    def name_of(self, ident: str) -> str | None:
        return name_of(ident, self.people, self.units)


def _rule_stages(view: Repository, campaign: Campaign, rules: Rules) -> Iterator[Finding]:
    """A rule's ``stage`` names a stage of campaign.yaml, by its id or its title."""
    names = {s.id for s in campaign.stages} | {s.title.strip() for s in campaign.stages}
    for field in type(rules).model_fields:
        rule = getattr(rules, field)
        for i, name in enumerate(getattr(rule, "stage", None) or ()):
            if name not in names:
                yield CODES["dangling-ref"].at(view.locator.pos(view.campaign_source, ("rules", field, "stage", i)),
                                               f"找不到阶段“{name}”", f"no stage with id {name!r}",
                                               hint_zh="写 stages 中的阶段编号（或阶段名称）", hint_en="write a stage id (or title) of stages")


def check_rules(view: Repository, index: RepoIndex, as_of: dt.date) -> Iterator[Finding]:
    campaign = view.campaign
    if campaign is None or campaign.rules is None:
        return
    yield from _rule_stages(view, campaign, campaign.rules)
    rows = [s for _, s in view.summaries.values()]
    visits = [visit for summary in rows for visit in summary.visits]
    places: dict[str, dict[str, Source | VisitRow]] = {
        "person": {e.record.id: e.source for e in view.people},
        "unit": {e.record.id: e.source for e in view.units},
        "visit": {visit.id: visit for visit in visits},
    }
    loc = view.locator

    def at(kind: str, ident: str, sub: tuple[str | int, ...] = ("id",)) -> Pos:
        found = places[kind].get(ident)
        if found is None:
            return Pos(view.campaign_source.file)
        return loc.pos(found.source if isinstance(found, VisitRow) else found, sub)

    rules = campaign.rules
    scene = _Scene(
        campaign, rules, campaign_span(campaign),
        {e.record.id: e.record for e in view.people}, {e.record.id: e.record for e in view.units},
        [row for summary in rows for row in summary.topics], visits, [c for summary in rows for c in summary.closures], at,
    )
    if rules.leader_topics is not None:
        rule = rules.leader_topics
        zh_range, en_range = _range_text(rule.min, rule.max)
        led_by_leader = Counter(topic.leader for topic in scene.topics if topic.leader)
        for person in leaders_in_scope(scene.people.values(), rule.roles):
            led = led_by_leader.get(person.id, 0)
            if (rule.min is not None and led < rule.min) or (rule.max is not None and led > rule.max):
                yield CODES["leader-topics"].at(at("person", person.id), f"{person.name}领题 {led} 个，要求{zh_range}个",
                                                f"{person.name} leads {led} topic(s); the rule asks for {en_range}", severity=_severity(rule.level))
    if rules.unit_topics is not None:
        rule = rules.unit_topics
        zh_range, en_range = _range_text(rule.min, rule.max)
        leaders = rules.leader_topics
        theirs = {p.id for p in leaders_in_scope(scene.people.values(), leaders.roles)} if leaders is not None else set()
        led_by_unit = Counter(topic.lead_unit for topic in scene.topics if topic.lead_unit and topic.leader not in theirs)
        for unit in scene.units.values():
            if rule.unit_types and not unit_matches(unit.type, rule.unit_types, campaign):
                continue
            count = led_by_unit.get(unit.id, 0)
            if (rule.min is not None and count < rule.min) or (rule.max is not None and count > rule.max):
                own = "（不含领导领题）" if theirs else ""
                yield CODES["unit-topics"].at(at("unit", unit.id), f"{unit.name}牵头课题{own} {count} 个，要求{zh_range}个",
                                              f"{unit.name} leads {count} topic(s) of its own; the rule asks for {en_range}", severity=_severity(rule.level))
    yield from _visit_days(scene, as_of)
    yield from _visits_per_period(scene, as_of)
    yield from _host_burden(scene, as_of)
    yield from _resolved(scene, as_of)
    if rules.report_max_chars is not None:
        limit, level = _max(rules.report_max_chars)
        for report in view.reports:
            length = len("".join(report.body.split()))
            if length > limit:
                yield CODES["report-length"].at(loc.pos(report.source, ("title",)), f"报告正文 {length} 字，超过上限 {limit} 字",
                                                f"the report body has {length} characters, over the limit of {limit}", severity=level)


def _max(rule: int | MaxRule) -> tuple[int, Severity]:
    return (rule, Severity.WARNING) if isinstance(rule, int) else (rule.max, _severity(rule.level))


def _months(scene: _Scene, rule: RangeRule, as_of: dt.date) -> Iterator[tuple[int, int]]:
    """Months of the period, within the rule's stages or span, that were over by the as-of day."""
    spans = rule_spans(scene.campaign, rule.stage, Span(rule.during.first, rule.during.last) if rule.during else None)
    for year, month in months_of(spans, scene.period):
        if year == dt.MAXYEAR and month == 12:
            return
        if dt.date(year + (month == 12), month % 12 + 1, 1) > as_of:
            return
        yield year, month


def _visit_days(scene: _Scene, as_of: dt.date) -> Iterator[Finding]:
    rule = scene.rules.visit_days_per_month
    if rule is None or rule.min is None:
        return
    leaders = leaders_in_scope(scene.people.values(), rule.roles)
    days = leader_days(scene.visits, as_of)
    months = list(_months(scene, rule, as_of))
    for person in leaders:
        per_month: dict[tuple[int, int], int] = defaultdict(int)
        for day in days.get(person.id, ()):
            per_month[(day.year, day.month)] += 1
        short = [(y, m, per_month.get((y, m), 0)) for y, m in months if per_month.get((y, m), 0) < rule.min]
        if short:
            months_zh = "、".join(f"{y}年{m}月 {n} 天" for y, m, n in short)
            months_en = ", ".join(f"{y}-{m:02d}: {n}" for y, m, n in short)
            yield CODES["visit-days"].at(scene.at("person", person.id), f"{person.name}每月调研应不少于 {rule.min} 天：{months_zh}",
                                         f"{person.name} should research at least {rule.min} days a month: {months_en}",
                                         severity=_severity(rule.level))


def _visits_per_period(scene: _Scene, as_of: dt.date) -> Iterator[Finding]:
    """每季度开展一次…: each person in scope leads at least ``min`` visits in each period
    (month, quarter or year) of the campaign, judged once the period (or the campaign) is over."""
    rule = scene.rules.visits_per_period
    if rule is None or (rule.min is None and rule.max is None):
        return
    periods = rule_periods(scene.campaign, rule, scene.period, as_of)
    if not periods:
        return
    led: dict[str, Counter[str]] = defaultdict(Counter)
    for visit in scene.visits:
        key = period_key(rule.per, visit.first_day)
        for leader in dict.fromkeys(visit.leaders):
            led[leader][key] += 1
    zh_range, en_range = _range_text(rule.min, rule.max)
    for person in leaders_in_scope(scene.people.values(), rule.roles):
        counts = led.get(person.id, Counter())
        off = [(key, counts.get(key, 0)) for key in periods
               if (rule.min is not None and counts.get(key, 0) < rule.min) or (rule.max is not None and counts.get(key, 0) > rule.max)]
        if off:
            yield CODES["visits-per-period"].at(
                scene.at("person", person.id),
                f"{person.name}{rule.per.label_zh}调研应{zh_range}次：" + "、".join(f"{period_label(k)} {n} 次" for k, n in off),
                f"{person.name} should lead {en_range} visit(s) per {rule.per.value}: " + ", ".join(f"{k}: {n}" for k, n in off),
                severity=_severity(rule.level))


def _host_burden(scene: _Scene, as_of: dt.date) -> Iterator[Finding]:
    burden = scene.rules.host_burden
    if burden is None:
        return
    for item in host_burden(scene.visits, as_of, burden.window_days, burden.max_visits, scene.name_of):
        first_over = item.visit_ids[burden.max_visits]
        yield CODES["host-burden"].at(
            scene.at("visit", first_over, ("hosts",)),
            f"{item.host_name}在 {item.window_start.isoformat()} 起 {burden.window_days} 天内接待调研 {item.visits} 批次，上限 {burden.max_visits} 批次（{'、'.join(item.visit_ids)}）",
            f"{item.host_name} received {item.visits} visits within {burden.window_days} days from {item.window_start.isoformat()}; the limit is {burden.max_visits}",
            severity=_severity(burden.level))


def _resolved(scene: _Scene, as_of: dt.date) -> Iterator[Finding]:
    rule = scene.rules.resolved_per_year
    if rule is None or rule.min is None:
        return
    counts: dict[tuple[str, int], int] = defaultdict(int)
    for leader, closed in scene.closures:
        if closed <= as_of:
            counts[(leader, closed.year)] += 1
    period = scene.period
    years = [y for y in range(period.first.year, period.last.year + 1) if min(dt.date(y, 12, 31), period.last) < as_of]
    for person in leaders_in_scope(scene.people.values(), rule.roles):
        for year in years:
            done = counts.get((person.id, year), 0)
            if done < rule.min:
                yield CODES["resolved-per-year"].at(scene.at("person", person.id), f"{person.name}{year}年牵头解决问题 {done} 件，要求不少于 {rule.min} 件",
                                                    f"{person.name} led {done} problem(s) to closure in {year}; the rule asks for {rule.min}",
                                                    severity=_severity(rule.level))


def check_recurring(view: Repository, index: RepoIndex, as_of: dt.date) -> Iterator[Finding]:
    """Recurring rules that cannot be read, and submissions that match no occurrence, or (for
    an obligation of several members) name no member."""
    campaign = view.campaign
    if campaign is None:
        return
    period = campaign_span(campaign)
    source = view.campaign_source
    people = [e.record for e in view.people]
    units = [e.record for e in view.units]
    # who is a member is unknown while people.yaml or units.yaml cannot be read: do not guess
    known = not ({"person", "unit"} & view.unreadable_kinds)
    for i, item in enumerate(campaign.recurring):
        try:
            occs = occurrences(parse_recurring(item.rule), period)
        except PhraseError as exc:
            yield CODES["bad-recurring"].at(view.locator.pos(source, ("recurring", i, "rule")), exc.message_zh, exc.message_en,
                                            hint_zh="可以这样写：" + "、".join(exc.examples), hint_en="valid examples: " + ", ".join(exc.examples))
            continue
        group = members(item.owner, people, units, campaign) if is_group(item.owner) else ()
        subs = [((s.period, s.on.first) if s.period else s.on.first) if isinstance(s, Submission) else s.first for s in item.submissions]
        stray = set(unmatched_submissions(occs, subs))
        for n, sub in enumerate(item.submissions):
            by = sub.by if isinstance(sub, Submission) else None
            if group and by is None:
                yield CODES["stray-submission"].at(view.locator.pos(source, ("recurring", i, "submissions", n)),
                                                   f"“{item.title}”由多个单位或人员报送，第 {n + 1} 条报送记录没有写报送者 by",
                                                   f"{item.title!r} is owed by several members; submission {n + 1} does not say who handed it in (by)",
                                                   hint_zh="写成 {by: 单位编号, period: 2023-07, on: 2023-08-04}",
                                                   hint_en="write {by: unit id, period: 2023-07, on: 2023-08-04}")
            elif group and by not in group and known:
                yield CODES["stray-submission"].at(view.locator.pos(source, ("recurring", i, "submissions", n, "by")),
                                                   f"“{by}”不是“{item.title}”的责任主体之一", f"{by!r} does not owe {item.title!r}",
                                                   hint_zh="检查编号，或把它加进 owner", hint_en="check the id, or add it to the owner")
            elif n in stray:
                yield CODES["stray-submission"].at(view.locator.pos(source, ("recurring", i, "submissions", n)),
                                                   f"“{item.title}”的第 {n + 1} 条报送记录对不上任何期次",
                                                   f"submission {n + 1} of {item.title!r} matches no occurrence",
                                                   hint_zh="写成 {period: 2023-07, on: 2023-08-04}，period 为所属期次",
                                                   hint_en="write {period: 2023-07, on: 2023-08-04}, naming the occurrence")
    for i, milestone in enumerate(campaign.milestones):
        if not is_group(milestone.owner):
            continue
        group = members(milestone.owner, people, units, campaign)
        for n, msub in enumerate(milestone.submissions):
            if msub.by not in group and known:
                yield CODES["stray-submission"].at(view.locator.pos(source, ("milestones", i, "submissions", n, "by")),
                                                   f"“{msub.by}”不是“{milestone.title}”的责任主体之一", f"{msub.by!r} does not owe {milestone.title!r}",
                                                   hint_zh="检查编号，或把它加进 owner", hint_en="check the id, or add it to the owner")
