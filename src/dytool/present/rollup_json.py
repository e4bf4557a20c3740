"""The roll-up's briefing as JSON: complete, machine values (``rollup status --format json``)."""

from __future__ import annotations

from typing import Any

from dytool.core.findings import Finding, Lang
from dytool.core.messages import Text
from dytool.rollup.changes import RollupChanges
from dytool.rollup.model import Counts, MemberFigures, RollupView

__all__ = ["changes_json", "rollup_json", "rounded"]


def rounded(value: float | None) -> float | None:
    """A rate in JSON: four decimals, as ``dytool status --format json`` writes them."""
    return None if value is None else round(value, 4)


def _counts_json(c: Counts) -> dict[str, Any]:
    return {"found": c.found, "closed": c.closed, "closed_on_time": c.closed_on_time, "closed_late": c.closed_late, "open": c.open,
            "overdue": c.overdue, "closure_rate": rounded(c.closure_rate), "on_time_rate": rounded(c.on_time_rate)}


def _finding_json(f: Finding, lang: Lang) -> dict[str, Any]:
    return {"code": f.code, "severity": f.severity.value, "file": f.file, "line": f.line, "column": f.column, "message": f.message(lang)}


def _member_json(m: MemberFigures) -> dict[str, Any]:
    return {
        "name": m.name, "kind": m.kind.value, "source": m.source, "campaign": {"id": m.campaign_id, "title": m.campaign_title},
        "as_of": m.as_of.isoformat(), "age_days": m.age_days, "stale": m.stale, "commit": m.commit, "digest": m.digest, "errors": m.errors,
        "problems": _counts_json(m.problems), "solutions": {"done": m.solutions_done, "total": m.solutions_total},
        "institutions_issued": m.institutions_issued,
        "topics": {"total": m.topics_total, "behind_total": m.topics_behind_total,
                   "behind": [{"id": t.id, "title": t.title, "leader": t.leader, "stage": t.stage, "expected": t.expected} for t in m.topics_behind]},
        "leaders_below": {"month": m.leaders_month,
                          "leaders": [{"name": b.name, "title": b.title, "days": b.days, "required": b.required} for b in m.leaders_below]},
        "overdue_total": m.overdue_total,
        "overdue": [{"id": o.id, "title": o.title, "owner_unit": o.owner_unit, "due": o.due.isoformat(), "days_overdue": o.days_overdue}
                    for o in m.overdue],
        "milestones_overdue": list(m.behind.milestones), "submissions_missed": list(m.behind.submissions),
    }


def rollup_json(v: RollupView, lang: Lang = Lang.ZH) -> dict[str, Any]:
    return {
        "rollup": {"id": v.id, "title": v.title, "issuer": v.issuer},
        "as_of": v.as_of.isoformat(),
        "stale_days": v.stale_days,
        "members_configured": v.configured,
        "members_combined": len(v.members),
        "totals": _counts_json(v.totals),
        "ranking": [{"rank": line.rank, "on_time_rank": line.on_time_rank, "name": line.member.name, "kind": line.member.kind.value,
                     "as_of": line.member.as_of.isoformat(), "stale": line.member.stale, **_counts_json(line.member.problems)} for line in v.ranking],
        "members": [_member_json(m) for m in v.members],
        "failed": [{"name": f.name, "kind": f.kind.value if f.kind else None, "source": f.source, "code": f.code,
                    "reason": Text.plain(f.reason_zh, f.reason_en).text(lang), "where": f.where} for f in v.failed],
        "findings": [_finding_json(f, lang) for f in v.findings],
        "changes": None,
    }


def changes_json(changes: RollupChanges) -> dict[str, Any]:
    return {
        "since": changes.since.isoformat(),
        "members": [{"name": m.name, "found": m.found, "closed": m.closed, "overdue": m.overdue, "closure_rate_before": rounded(m.rate_before),
                     "closure_rate_after": rounded(m.rate_after), "rank_before": m.rank_before, "rank_after": m.rank_after,
                     "newly_overdue": m.newly_overdue, "no_longer_overdue": m.no_longer_overdue} for m in changes.members],
        "joined": list(changes.joined), "not_combined_now": list(changes.failing_now), "combined_again": list(changes.recovered),
    }
