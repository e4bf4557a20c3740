"""One pass over the file summaries that every check and the status engine share.

Checks must stay linear in the number of records: anything that would otherwise scan all
visits or problems per record is looked up here instead.  Built from summaries
(:mod:`dytool.engine.summary`), not records, so that a check after one changed file needs no
other file's records.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from typing import TYPE_CHECKING

from dytool.engine.repository import ReportEntry

if TYPE_CHECKING:
    from dytool.engine.repository import Repository

__all__ = ["RepoIndex", "build_index"]


class RepoIndex:
    """The lookups, each built on first use from the summaries: the checks use them all, a
    briefing only a topic's visit days, its problems and the reports (not 200,000 ids)."""

    def __init__(self, view: Repository) -> None:
        self._view = view

    @functools.cached_property
    def ids(self) -> dict[str, dict[str, str]]:
        """kind → id → the file of the first record with that id."""
        from dytool.models import KINDS

        ids: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
        for rel, (kind, summary) in self._view.summaries.items():
            table = ids.get(kind)
            if table is not None:
                for ident in summary.ids:
                    table.setdefault(ident, rel)
        return ids

    @functools.cached_property
    def campaign_ids(self) -> dict[str, set[str]]:
        """theme / activity / stage / milestone / recurring → ids declared in campaign.yaml."""
        campaign = self._view.campaign
        found: dict[str, set[str]] = {"theme": set(), "activity": set(), "stage": set(), "milestone": set(), "recurring": set()}
        if campaign is not None:
            found["theme"] = {t.id for t in campaign.themes}
            found["activity"] = {a.id for a in campaign.activities}
            found["stage"] = {s.id for s in campaign.stages}
            found["milestone"] = {m.id for m in campaign.milestones}
            found["recurring"] = {r.id for r in campaign.recurring}
        return found

    @functools.cached_property
    def visit_days_by_topic(self) -> dict[str, list[dt.date]]:
        """topic → the first day of each visit that names it."""
        days: dict[str, list[dt.date]] = defaultdict(list)
        for _, summary in self._view.summaries.values():
            for topic, day in summary.visit_topics:
                days[topic].append(day)
        return dict(days)

    @functools.cached_property
    def problems_by_topic(self) -> dict[str, list[tuple[str, dt.date | None]]]:
        """topic → (problem, day found) of each problem that names it."""
        found: dict[str, list[tuple[str, dt.date | None]]] = defaultdict(list)
        for _, summary in self._view.summaries.values():
            for topic, problem, day in summary.problem_topics:
                found[topic].append((problem, day))
        return dict(found)

    @functools.cached_property
    def instituted(self) -> frozenset[str]:
        """Problems that an institution names."""
        return frozenset(p for _, summary in self._view.summaries.values() for p in summary.instituted)

    @functools.cached_property
    def solved(self) -> frozenset[str]:
        """Problems that a solution names."""
        return frozenset(p for _, summary in self._view.summaries.values() for p in summary.solved)

    @functools.cached_property
    def reports_by_file(self) -> dict[str, ReportEntry]:
        return {r.source.file: r for r in self._view.reports}

    @functools.cached_property
    def reports_by_topic(self) -> dict[str, list[ReportEntry]]:
        found: dict[str, list[ReportEntry]] = defaultdict(list)
        for report in self._view.reports:
            found[report.meta.topic].append(report)
        return dict(found)

    def kind_of(self, ident: str) -> list[str]:
        """Every kind that has a record with this id (for "wrong kind" messages)."""
        kinds = [kind for kind, ids in self.ids.items() if ident in ids]
        kinds += [kind for kind, ids in self.campaign_ids.items() if ident in ids]
        return kinds


def build_index(view: Repository) -> RepoIndex:
    return RepoIndex(view)
