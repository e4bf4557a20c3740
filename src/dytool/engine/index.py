"""One pass over the file summaries that every check and the status engine share.

Checks must stay linear in the number of records: anything that would otherwise scan all
visits or problems per record is looked up here instead.  Built from summaries
(:mod:`dytool.engine.summary`), not records, so that a check after one changed file needs no
other file's records.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dytool.engine.repository import ReportEntry

if TYPE_CHECKING:
    from dytool.engine.repository import Repository

__all__ = ["RepoIndex", "build_index"]


@dataclass(frozen=True)
class RepoIndex:
    ids: dict[str, dict[str, str]]
    """kind → id → the file of the first record with that id."""
    campaign_ids: dict[str, set[str]]
    """theme / activity / stage / milestone / recurring → ids declared in campaign.yaml."""
    visit_days_by_topic: dict[str, list[dt.date]] = field(default_factory=dict)
    """topic → the first day of each visit that names it."""
    problems_by_topic: dict[str, list[tuple[str, dt.date | None]]] = field(default_factory=dict)
    """topic → (problem, day found) of each problem that names it."""
    instituted: frozenset[str] = frozenset()
    """Problems that an institution names."""
    solved: frozenset[str] = frozenset()
    """Problems that a solution names."""
    reports_by_file: dict[str, ReportEntry] = field(default_factory=dict)
    reports_by_topic: dict[str, list[ReportEntry]] = field(default_factory=dict)

    def kind_of(self, ident: str) -> list[str]:
        """Every kind that has a record with this id (for "wrong kind" messages)."""
        kinds = [kind for kind, ids in self.ids.items() if ident in ids]
        kinds += [kind for kind, ids in self.campaign_ids.items() if ident in ids]
        return kinds


def build_index(view: Repository) -> RepoIndex:
    from dytool.models import KINDS

    ids: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    visit_days: dict[str, list[dt.date]] = defaultdict(list)
    problems_by_topic: dict[str, list[tuple[str, dt.date | None]]] = defaultdict(list)
    instituted: set[str] = set()
    solved: set[str] = set()
    for rel, (kind, summary) in view.summaries.items():
        table = ids.get(kind)
        if table is not None:
            for ident in summary.ids:
                table.setdefault(ident, rel)
        for topic, day in summary.visit_topics:
            visit_days[topic].append(day)
        for topic, problem, found in summary.problem_topics:
            problems_by_topic[topic].append((problem, found))
        instituted.update(summary.instituted)
        solved.update(summary.solved)
    campaign = view.campaign
    campaign_ids: dict[str, set[str]] = {"theme": set(), "activity": set(), "stage": set(), "milestone": set(), "recurring": set()}
    if campaign is not None:
        campaign_ids["theme"] = {t.id for t in campaign.themes}
        campaign_ids["activity"] = {a.id for a in campaign.activities}
        campaign_ids["stage"] = {s.id for s in campaign.stages}
        campaign_ids["milestone"] = {m.id for m in campaign.milestones}
        campaign_ids["recurring"] = {r.id for r in campaign.recurring}
    reports_by_topic: dict[str, list[ReportEntry]] = defaultdict(list)
    for report in view.reports:
        reports_by_topic[report.meta.topic].append(report)
    return RepoIndex(
        ids=ids,
        campaign_ids=campaign_ids,
        visit_days_by_topic=dict(visit_days),
        problems_by_topic=dict(problems_by_topic),
        instituted=frozenset(instituted),
        solved=frozenset(solved),
        reports_by_file={r.source.file: r for r in view.reports},
        reports_by_topic=dict(reports_by_topic),
    )
