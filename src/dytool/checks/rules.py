"""The campaign's own quantified rules (量化要求) as findings, at the level each rule sets.

Rules about time look only at what had happened by the as-of day: a month's visit days are
judged once the month is over, a year's resolved problems once the year (or the campaign) is.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from dytool.core.catalogue import findings as words
from dytool.core.codes import CODES, Pos
from dytool.core.findings import Finding, Severity
from dytool.core.messages import Text, join
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


def _range_text(low: int | None, high: int | None) -> Text:
    if low is not None and high is not None:
        return words.RANGE(low=low, high=high)
    if low is not None:
        return words.AT_LEAST(low=low)
    return words.AT_MOST(high=high)


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
                yield CODES["squat-days"].at(loc.pos(source, ("start" if visit.start else "date",)),
                                             words.SQUAT_DAYS(id=visit.id, days=length, range=_range_text(squat.min, squat.max)),
                                             severity=_severity(squat.level))
        if accompanying is not None and visit.accompanying is not None and visit.accompanying > accompanying[0]:
            yield CODES["accompanying"].at(loc.pos(source, ("accompanying",)),
                                           words.ACCOMPANYING(id=visit.id, n=visit.accompanying, limit=accompanying[0]), severity=accompanying[1])
        if need_topic and not visit.topics:
            yield CODES["topic-required"].at(loc.pos(source, ("id",)), words.TOPIC_REQUIRED(id=visit.id), hint=words.TOPIC_REQUIRED_HINT,
                                             severity=topic_level)


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
                yield CODES["dangling-ref"].at(view.locator.pos(view.campaign_source, ("rules", field, "stage", i)), words.NO_STAGE(name=name),
                                               hint=words.NO_STAGE_HINT)


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
        wanted = _range_text(rule.min, rule.max)
        led_by_leader = Counter(topic.leader for topic in scene.topics if topic.leader)
        for person in leaders_in_scope(scene.people.values(), rule.roles):
            led = led_by_leader.get(person.id, 0)
            if (rule.min is not None and led < rule.min) or (rule.max is not None and led > rule.max):
                yield CODES["leader-topics"].at(at("person", person.id), words.LEADER_TOPICS(name=person.name, n=led, range=wanted),
                                                severity=_severity(rule.level))
    if rules.unit_topics is not None:
        rule = rules.unit_topics
        wanted = _range_text(rule.min, rule.max)
        leaders = rules.leader_topics
        theirs = {p.id for p in leaders_in_scope(scene.people.values(), leaders.roles)} if leaders is not None else set()
        led_by_unit = Counter(topic.lead_unit for topic in scene.topics if topic.lead_unit and topic.leader not in theirs)
        for unit in scene.units.values():
            if rule.unit_types and not unit_matches(unit.type, rule.unit_types, campaign):
                continue
            count = led_by_unit.get(unit.id, 0)
            if (rule.min is not None and count < rule.min) or (rule.max is not None and count > rule.max):
                own = words.WITHOUT_LEADERS_TOPICS if theirs else Text("", "")
                yield CODES["unit-topics"].at(at("unit", unit.id), words.UNIT_TOPICS(name=unit.name, own=own, n=count, range=wanted),
                                              severity=_severity(rule.level))
    yield from _visit_days(scene, as_of)
    yield from _visits_per_period(scene, as_of)
    yield from _host_burden(scene, as_of)
    yield from _resolved(scene, as_of)
    if rules.report_max_chars is not None:
        limit, level = _max(rules.report_max_chars)
        for report in view.reports:
            length = len("".join(report.body.split()))
            if length > limit:
                yield CODES["report-length"].at(loc.pos(report.source, ("title",)), words.REPORT_LENGTH(n=length, limit=limit), severity=level)


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
            short_months = join([words.VISIT_DAYS_MONTH(year=y, month=m, n=n) for y, m, n in short])
            yield CODES["visit-days"].at(scene.at("person", person.id), words.VISIT_DAYS(name=person.name, min=rule.min, months=short_months),
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
    wanted = _range_text(rule.min, rule.max)
    for person in leaders_in_scope(scene.people.values(), rule.roles):
        counts = led.get(person.id, Counter())
        off = [(key, counts.get(key, 0)) for key in periods
               if (rule.min is not None and counts.get(key, 0) < rule.min) or (rule.max is not None and counts.get(key, 0) > rule.max)]
        if off:
            shown_periods = join([words.VISITS_IN_PERIOD(label=period_label(k), key=k, n=n) for k, n in off])
            yield CODES["visits-per-period"].at(scene.at("person", person.id),
                                                words.VISITS_PER_PERIOD(name=person.name, per=rule.per, range=wanted, periods=shown_periods),
                                                severity=_severity(rule.level))


def _host_burden(scene: _Scene, as_of: dt.date) -> Iterator[Finding]:
    burden = scene.rules.host_burden
    if burden is None:
        return
    for item in host_burden(scene.visits, as_of, burden.window_days, burden.max_visits, scene.name_of):
        first_over = item.visit_ids[burden.max_visits]
        yield CODES["host-burden"].at(
            scene.at("visit", first_over, ("hosts",)),
            words.HOST_BURDEN(host=item.host_name, start=item.window_start.isoformat(), days=burden.window_days, n=item.visits, limit=burden.max_visits,
                              visits=list(item.visit_ids)),
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
                yield CODES["resolved-per-year"].at(scene.at("person", person.id), words.RESOLVED_PER_YEAR(name=person.name, year=year, n=done, min=rule.min),
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
                                            hint=words.BAD_RECURRING_HINT(examples=list(exc.examples)))
            continue
        group = members(item.owner, people, units, campaign) if is_group(item.owner) else ()
        subs = [((s.period, s.on.first) if s.period else s.on.first) if isinstance(s, Submission) else s.first for s in item.submissions]
        stray = set(unmatched_submissions(occs, subs))
        for n, sub in enumerate(item.submissions):
            by = sub.by if isinstance(sub, Submission) else None
            if group and by is None:
                yield CODES["stray-submission"].at(view.locator.pos(source, ("recurring", i, "submissions", n)),
                                                   words.SUBMISSION_WITHOUT_BY(title=item.title, n=n + 1), hint=words.SUBMISSION_WITHOUT_BY_HINT)
            elif group and by not in group and known:
                yield CODES["stray-submission"].at(view.locator.pos(source, ("recurring", i, "submissions", n, "by")),
                                                   words.NOT_A_MEMBER(by=by, title=item.title), hint=words.NOT_A_MEMBER_HINT)
            elif n in stray:
                yield CODES["stray-submission"].at(view.locator.pos(source, ("recurring", i, "submissions", n)),
                                                   words.SUBMISSION_MATCHES_NOTHING(title=item.title, n=n + 1), hint=words.SUBMISSION_MATCHES_NOTHING_HINT)
    for i, milestone in enumerate(campaign.milestones):
        if not is_group(milestone.owner):
            continue
        group = members(milestone.owner, people, units, campaign)
        for n, msub in enumerate(milestone.submissions):
            if msub.by not in group and known:
                yield CODES["stray-submission"].at(view.locator.pos(source, ("milestones", i, "submissions", n, "by")),
                                                   words.NOT_A_MEMBER(by=msub.by, title=milestone.title), hint=words.NOT_A_MEMBER_HINT)
