"""What every page of the site reads: the briefing, the facts, the words, the page names.

Figures come from :func:`dytool.status.compute_status` and the status module's functions over
:class:`dytool.facts.records.Facts`; this module only looks things up and names pages.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from markupsafe import Markup

from dytool.core.findings import Lang
from dytool.engine.summary import InstitutionRow, ProblemRow, SolutionRow, VisitRow
from dytool.facts.records import Facts
from dytool.facts.topics import TopicLike, TopicStage, topic_progress
from dytool.models import Topic
from dytool.present.site.labels import Words
from dytool.present.site.memo import ReportMemo
from dytool.present.site.tables import link
from dytool.status.ledger import LedgerRow, problem_state
from dytool.status.model import Briefing

__all__ = ["SiteContext", "SiteOptions", "page_names"]

_PLAIN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]{0,63}(\.[A-Za-z0-9_\-]+)*")
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
"""Names Windows keeps for devices, whatever their extension (a site may live on a file share)."""


@dataclass(frozen=True)
class SiteOptions:
    lang: Lang = Lang.ZH
    public: bool = True
    """Leave out classified records (the default: a site is read by many)."""
    anonymize: bool = False
    """No names of people or units anywhere; no page per leader or unit."""
    commit: str | None = None
    """The commit the repository was at (None outside version control)."""
    dirty: bool = False
    """Files differed from the commit when the site was built."""
    version: str = ""
    cache_dir: Path | None = None
    """The campaign's cache folder (``.dytool/cache``): reports' HTML from the last build."""
    key_folder: Path | None = None
    """The user's cache folder: the signing key, the compiled templates."""


def page_names(ids: Iterable[str]) -> dict[str, str]:
    """A file name for each id, safe on every file system: the id itself when it is plain
    ASCII and differs from every other in more than letter case, else a name from its digest."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for ident in ids:
        if ident in names:
            continue
        plain = _PLAIN_ID.fullmatch(ident) and ident.split(".")[0].upper() not in _RESERVED
        name = ident if plain else "id-" + hashlib.sha256(ident.encode()).hexdigest()[:16]
        if name.lower() in taken:
            name = f"{name}-{hashlib.sha256(ident.encode()).hexdigest()[:8]}"
        taken.add(name.lower())
        names[ident] = name + ".html"
    return names


class SiteContext:
    """Lookups built once; every page view reads them."""

    def __init__(self, facts: Facts, briefing: Briefing, as_of: dt.date, options: SiteOptions) -> None:
        self.facts = facts
        self.briefing = briefing
        self.as_of = as_of
        self.options = options
        self.w = Words(options.lang)
        self.hide = _anonymizer(facts) if options.anonymize else _same
        self.topic_pages = page_names(t.id for t in facts.topics)
        self.named = not options.anonymize
        self.unit_pages = page_names(facts.units) if self.named else {}
        self.leader_pages = page_names(line.id for line in briefing.leaders) if self.named else {}
        self.rows: list[LedgerRow] = problem_state(facts.problems, as_of)
        """Every problem found by the as-of day, with its state (the status module's)."""
        self.topics: list[Topic] = [entry.record for entry in facts.repo.topics]
        """The topics whole (their pages show what the briefing's rows leave out: questions, …)."""
        self.topics_by_id: dict[str, Topic] = {t.id: t for t in self.topics}
        self.visits: list[VisitRow] = sorted((v for v in facts.visits if v.first_day <= as_of), key=lambda v: (v.first_day, v.id))
        self.visits_by_topic: dict[str, list[VisitRow]] = defaultdict(list)
        self.visits_by_host: dict[str, list[VisitRow]] = defaultdict(list)
        self.visits_by_leader: dict[str, list[VisitRow]] = defaultdict(list)
        for visit in self.visits:
            for topic in dict.fromkeys(visit.topics):
                self.visits_by_topic[topic].append(visit)
            for host in dict.fromkeys(visit.hosts):
                self.visits_by_host[host].append(visit)
            for leader in dict.fromkeys(visit.leaders):
                self.visits_by_leader[leader].append(visit)
        self.memo = ReportMemo(options.cache_dir, options.key_folder, ("site", options.lang.value, options.anonymize),
                               Path(__file__).resolve().parent / "templates")
        self._by_unit: dict[str, tuple[list[SolutionRow], list[InstitutionRow]]] = defaultdict(lambda: ([], []))
        for solution in facts.solutions:
            if solution.owner_unit:
                self._by_unit[solution.owner_unit][0].append(solution)
        for institution in facts.institutions:
            if institution.drafting_unit:
                self._by_unit[institution.drafting_unit][1].append(institution)
        self._stages: dict[str, TopicStage] = {}
        self._links: dict[tuple[str, str | None, str], Markup] = {}
        self._visit_rows: dict[tuple[str, str, int, str], dict[str, object]] = {}
        self.rows_by_topic: dict[str, list[LedgerRow]] = defaultdict(list)
        self.rows_by_unit: dict[str, list[LedgerRow]] = defaultdict(list)
        for row in self.rows:
            if row.problem.topic:
                self.rows_by_topic[row.problem.topic].append(row)
            if row.problem.owner_unit:
                self.rows_by_unit[row.problem.owner_unit].append(row)
        self._unit_keys: dict[str, str] = {} if self.named else {
            ident: f"u{n}" for n, ident in enumerate(sorted(set(facts.units) | set(self.rows_by_unit)), start=1)}

    def unit_facts(self, unit: str) -> Facts:
        """The facts narrowed to one unit's records, for its lists (:func:`dytool.status.ledger.ledger_lists`
        with ``unit=``, as ``status --unit``): the same figures, without a pass over every record per unit.
        No visits: the unit's page shows no stale items, the one figure that reads them."""
        solutions, institutions = self._by_unit.get(unit, ([], []))
        return dataclasses.replace(self.facts, visits=[], problems=self.facts.problems_by_unit.get(unit, []),
                                   solutions=solutions, institutions=institutions)

    # ---- names and links -------------------------------------------------------------

    def text(self, value: str | None) -> str:
        """A record's text as the site shows it (names hidden with ``--anonymize``)."""
        return self.hide(value) if value else ""

    def name(self, ident: str | None) -> str:
        """The display name of a person or unit id (or free text)."""
        return self.text(self.facts.name_of(ident)) if ident else ""

    def unit_key(self, ident: str) -> str:
        """How a unit is named in the ledger's data and its addresses (``#unit=``): its id, or with
        ``--anonymize`` a number, since an id such as ``xiling-county`` spells the unit's name."""
        return self._unit_keys.get(ident, ident) if not self.named else ident

    def topic_title(self, ident: str | None) -> str:
        topic = self.topics_by_id.get(ident or "")
        return self.text(topic.title) if topic is not None else (ident or "")

    def topic_href(self, ident: str | None, root: str) -> str | None:
        page = self.topic_pages.get(ident or "")
        return f"{root}topics/{quote(page)}" if page else None

    def unit_href(self, ident: str | None, root: str) -> str | None:
        page = self.unit_pages.get(ident or "")
        return f"{root}units/{quote(page)}" if page else None

    def leader_href(self, ident: str | None, root: str) -> str | None:
        page = self.leader_pages.get(ident or "")
        return f"{root}leaders/{quote(page)}" if page else None

    def link(self, kind: str, ident: str | None, root: str) -> Markup:
        """A unit, a leader or a topic by name, linked to its page when it has one (made once)."""
        key = (kind, ident, root)
        found = self._links.get(key)
        if found is None:
            if kind == "unit":
                found = link(self.name(ident) or "—", self.unit_href(ident, root))
            elif kind == "leader":
                found = link(self.name(ident) or "—", self.leader_href(ident, root))
            else:
                found = link(self.topic_title(ident) or "—", self.topic_href(ident, root))
            self._links[key] = found
        return found

    def stage(self, topic: TopicLike) -> TopicStage:
        """The topic's stage as of the day (:func:`dytool.facts.topics.topic_progress`), once per topic."""
        found = self._stages.get(topic.id)
        if found is None:
            found = self._stages[topic.id] = topic_progress(topic, self.facts.topic_facts, self.as_of).stage
        return found

    # ---- one problem or visit as a table row -----------------------------------------

    def problem_state(self, row: LedgerRow) -> tuple[str, str]:
        """(css class, label) of a problem's state as of the day."""
        w = self.w
        if row.closed:
            return "done", w("state_closed")
        if row.overdue:
            return "overdue", w("only_overdue")
        if row.escalated:
            return "escalated", w("escalated")
        if row.long_term:
            return "long-term", w("long_term")
        return "open", w("state_open")

    def problem_row(self, row: LedgerRow, root: str) -> dict[str, object]:
        p: ProblemRow = row.problem
        css, label = self.problem_state(row)
        due = p.due.due if p.due is not None else None
        return {
            "id": p.id, "title": self.text(p.title), "unit": self.link("unit", p.owner_unit, root),
            "topic": self.link("topic", p.topic, root) if p.topic else None,
            "due": self.w.day(due), "closed": self.w.day(p.closed_on.first) if row.closed and p.closed_on else "",
            "state": css, "state_label": label,
            "days_overdue": (self.as_of - due).days if row.overdue and due is not None else None,
        }

    def visit_row(self, visit: VisitRow, root: str) -> dict[str, object]:
        """A visit as a row of a table (made once: a visit shows on its topic's, its hosts' and its leaders' pages)."""
        key = (visit.id, visit.file, visit.place, root)
        found = self._visit_rows.get(key)
        if found is not None:
            return found
        w = self.w
        day = w.day(visit.first_day) + ("" if visit.last_day == visit.first_day else f"—{w.short_day(visit.last_day)}")
        found = self._visit_rows[key] = {
            "id": visit.id, "day": day,
            "leaders": [self.link("leader", leader, root) for leader in visit.leaders],
            "hosts": [self.link("unit", host, root) for host in visit.hosts],
            "methods": w.sep.join(w.label(m) for m in visit.methods),
            "topics": [self.link("topic", t, root) for t in visit.topics],
        }
        return found


def _same(text: str) -> str:
    return text


def _anonymizer(facts: Facts) -> Callable[[str], str]:
    """Every person's and unit's name (two characters or more) becomes ××, as ``compile --anonymize`` does for reports."""
    names = {p.name for p in facts.people.values()}
    for unit in facts.units.values():
        names.add(unit.name)
        if unit.short_name:
            names.add(unit.short_name)
    names = {n for n in names if len(n) >= 2}
    if not names:
        return _same
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    return lambda text: pattern.sub("××", text)
