"""One pass over the repository that every check and the status engine share.

Checks must stay linear in the number of records: anything that would otherwise scan all
visits or problems per record is looked up here instead.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from dytool.models import Institution, Problem, Record, Solution, Visit
from dytool.repo import Entry, ReportEntry, Repository

__all__ = ["RepoIndex", "build_index"]


@dataclass(frozen=True)
class RepoIndex:
    ids: dict[str, dict[str, Entry[Record]]]
    """kind → id → first entry with that id."""
    campaign_ids: dict[str, set[str]]
    """theme / activity / stage / milestone / recurring → ids declared in campaign.yaml."""
    visits_by_topic: dict[str, list[Entry[Visit]]] = field(default_factory=dict)
    problems_by_topic: dict[str, list[Entry[Problem]]] = field(default_factory=dict)
    institutions_by_problem: dict[str, list[Entry[Institution]]] = field(default_factory=dict)
    solutions_by_problem: dict[str, list[Entry[Solution]]] = field(default_factory=dict)
    reports_by_file: dict[str, ReportEntry] = field(default_factory=dict)
    reports_by_topic: dict[str, list[ReportEntry]] = field(default_factory=dict)

    def kind_of(self, ident: str) -> list[str]:
        """Every kind that has a record with this id (for "wrong kind" messages)."""
        kinds = [kind for kind, ids in self.ids.items() if ident in ids]
        kinds += [kind for kind, ids in self.campaign_ids.items() if ident in ids]
        return kinds


def build_index(repo: Repository) -> RepoIndex:
    ids: dict[str, dict[str, Entry[Record]]] = {}
    for kind, entries in repo.records.items():
        table: dict[str, Entry[Record]] = {}
        for entry in entries:
            table.setdefault(entry.record.id, entry)
        ids[kind] = table
    campaign = repo.campaign
    campaign_ids: dict[str, set[str]] = {"theme": set(), "activity": set(), "stage": set(), "milestone": set(), "recurring": set()}
    if campaign is not None:
        campaign_ids["theme"] = {t.id for t in campaign.themes}
        campaign_ids["activity"] = {a.id for a in campaign.activities}
        campaign_ids["stage"] = {s.id for s in campaign.stages}
        campaign_ids["milestone"] = {m.id for m in campaign.milestones}
        campaign_ids["recurring"] = {r.id for r in campaign.recurring}
    visits_by_topic: dict[str, list[Entry[Visit]]] = defaultdict(list)
    for entry in repo.entries("visit"):
        assert isinstance(entry.record, Visit)
        for topic in entry.record.topics:
            visits_by_topic[topic].append(entry)  # type: ignore[arg-type]
    problems_by_topic: dict[str, list[Entry[Problem]]] = defaultdict(list)
    for entry in repo.entries("problem"):
        assert isinstance(entry.record, Problem)
        if entry.record.topic:
            problems_by_topic[entry.record.topic].append(entry)  # type: ignore[arg-type]
    institutions_by_problem: dict[str, list[Entry[Institution]]] = defaultdict(list)
    for entry in repo.entries("institution"):
        assert isinstance(entry.record, Institution)
        for problem in entry.record.problems:
            institutions_by_problem[problem].append(entry)  # type: ignore[arg-type]
    solutions_by_problem: dict[str, list[Entry[Solution]]] = defaultdict(list)
    for entry in repo.entries("solution"):
        assert isinstance(entry.record, Solution)
        for problem in entry.record.problems:
            solutions_by_problem[problem].append(entry)  # type: ignore[arg-type]
    reports_by_topic: dict[str, list[ReportEntry]] = defaultdict(list)
    for report in repo.reports:
        reports_by_topic[report.meta.topic].append(report)
    return RepoIndex(
        ids=ids,
        campaign_ids=campaign_ids,
        visits_by_topic=dict(visits_by_topic),
        problems_by_topic=dict(problems_by_topic),
        institutions_by_problem=dict(institutions_by_problem),
        solutions_by_problem=dict(solutions_by_problem),
        reports_by_file={r.source.file: r for r in repo.reports},
        reports_by_topic=dict(reports_by_topic),
    )
