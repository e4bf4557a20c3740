"""What changed between two revisions of a campaign repository, in campaign terms.

Both revisions are loaded with the ordinary loader (a past one is exported with ``git archive``
into a temporary folder, :mod:`dytool.source.git`) and compared record by record: new and closed
problems, new visits, topics that moved stage, milestones met, solutions done, institutions
issued, other records added, edited or removed.  :func:`changes_since` serves
``status --since REF|DATE``: a day means the last commit made before that day began.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from dytool.checks import SUITE
from dytool.core.catalogue.changes import NO_CAMPAIGN_AT
from dytool.core.errors import UserError
from dytool.engine.load import LoadOptions, load_repository
from dytool.engine.repository import Repository
from dytool.models import Visit
from dytool.source import git
from dytool.source.scratch import scratch_folder

__all__ = ["Change", "Changes", "changes_json", "changes_since", "compare", "diff_refs"]

_CLOSING = {
    "problem": {"closed_on", "closed_by", "evidence", "note", "owner_unit"},
    "solution": {"done_on", "evidence", "note"},
    "institution": {"issued_on", "status", "doc_number"},
}


@dataclass(frozen=True, slots=True)
class Change:
    kind: str
    id: str
    title: str
    detail: str = ""
    """What happened: the day (closed, done, issued), ``claimed→planned`` (stage), changed fields."""
    file: str = ""


@dataclass(frozen=True)
class Changes:
    base: str
    """The earlier side: a commit, or ``""`` when it had no campaign yet."""
    target: str
    """The later side: a commit, or ``""`` for the working tree."""
    new_problems: tuple[Change, ...] = ()
    closed_problems: tuple[Change, ...] = ()
    reopened_problems: tuple[Change, ...] = ()
    new_visits: tuple[Change, ...] = ()
    topic_stages: tuple[Change, ...] = ()
    milestones_met: tuple[Change, ...] = ()
    solutions_done: tuple[Change, ...] = ()
    institutions_issued: tuple[Change, ...] = ()
    added: tuple[Change, ...] = ()
    edited: tuple[Change, ...] = ()
    removed: tuple[Change, ...] = ()
    base_day: dt.date | None = field(default=None)
    """For ``--since DATE``: the day asked for."""

    @property
    def empty(self) -> bool:
        return not any(getattr(self, name) for name in SECTIONS)


SECTIONS = ("new_problems", "closed_problems", "reopened_problems", "new_visits", "topic_stages", "milestones_met",
            "solutions_done", "institutions_issued", "added", "edited", "removed")


def _title(record: Any) -> str:
    if isinstance(record, Visit):  # visits have no title: the day and where
        where = record.location or "、".join(record.hosts) or "、".join(record.leaders)
        return f"{record.first_day} {where}".strip()
    return str(getattr(record, "title", None) or getattr(record, "name", None) or getattr(record, "id", ""))


def _by_id(repo: Repository | None, kind: str) -> dict[str, tuple[Any, str]]:
    out: dict[str, tuple[Any, str]] = {}
    if repo is not None:
        for entry in repo.entries(kind):
            out.setdefault(entry.record.id, (entry.record, entry.source.file))
    return out


def _stages(repo: Repository | None, as_of: dt.date) -> dict[str, str]:
    if repo is None:
        return {}
    from dytool.engine.index import build_index
    from dytool.facts.topics import topic_facts, topic_progress
    from dytool.models import Topic

    facts = topic_facts(repo, build_index(repo))
    return {e.record.id: topic_progress(e.record, facts, as_of).stage.value for e in repo.entries("topic") if isinstance(e.record, Topic)}


def _milestones_done(repo: Repository | None, as_of: dt.date) -> dict[str, tuple[str, str]]:
    if repo is None or repo.campaign is None:
        return {}
    from dytool.dates import Status
    from dytool.facts.records import gather
    from dytool.status.deadlines import milestone_lines

    lines = milestone_lines(gather(repo, repo.campaign), as_of, None)
    return {m.id: (m.title, str(m.done_on or "")) for m in lines if m.status in (Status.DONE, Status.DONE_LATE)}


def compare(old: Repository | None, new: Repository, as_of: dt.date, *, base: str = "", target: str = "") -> Changes:
    out: dict[str, list[Change]] = {name: [] for name in SECTIONS}
    accounted: dict[tuple[str, str], set[str]] = {}
    for kind in new.records:
        before, after = _by_id(old, kind), _by_id(new, kind)
        for ident, (record, file) in after.items():
            if ident not in before:
                section = {"problem": "new_problems", "visit": "new_visits"}.get(kind, "added")
                out[section].append(Change(kind, ident, _title(record), file=file))
                _closing(kind, None, record, file, out, accounted)
                continue
            previous = before[ident][0]
            if previous != record:
                _closing(kind, previous, record, file, out, accounted)
                changed = sorted(k for k in type(record).model_fields if getattr(previous, k) != getattr(record, k))
                if not set(changed) <= accounted.get((kind, ident), set()):
                    out["edited"].append(Change(kind, ident, _title(record), "、".join(changed), file))
        out["removed"] += [Change(kind, i, _title(r), file=f) for i, (r, f) in before.items() if i not in after]
    old_stages, new_stages = _stages(old, as_of), _stages(new, as_of)
    topics = _by_id(new, "topic")
    for ident, stage in new_stages.items():
        if ident in old_stages and old_stages[ident] != stage:
            out["topic_stages"].append(Change("topic", ident, _title(topics[ident][0]), f"{old_stages[ident]}→{stage}", topics[ident][1]))
    done_before = _milestones_done(old, as_of)
    for ident, (title, day) in _milestones_done(new, as_of).items():
        if ident not in done_before:
            out["milestones_met"].append(Change("milestone", ident, title, day, "campaign.yaml"))
    sections: dict[str, Any] = {name: tuple(items) for name, items in out.items()}
    return Changes(base, target, **sections)


def _closing(kind: str, previous: Any, record: Any, file: str, out: dict[str, list[Change]], accounted: dict[tuple[str, str], set[str]]) -> None:
    def newly(name: str) -> Any:
        value = getattr(record, name, None)
        return value if value is not None and getattr(previous, name, None) is None else None

    section, day = "", None
    if kind == "problem":
        day = newly("closed_on")
        section = "closed_problems"
        if previous is not None and previous.closed_on is not None and record.closed_on is None:
            out["reopened_problems"].append(Change(kind, record.id, _title(record), file=file))
    elif kind == "solution":
        day, section = newly("done_on"), "solutions_done"
    elif kind == "institution":
        day, section = newly("issued_on"), "institutions_issued"
        was = getattr(previous, "status", None)
        if day is None and record.status is not None and record.status.value == "issued" and (was is None or was.value != "issued"):
            day = record.issued_on or ""
    if day is not None and section:
        out[section].append(Change(kind, record.id, _title(record), str(day), file))
        accounted[(kind, record.id)] = _CLOSING.get(kind, set())


def _load_revision(root: Path, ref: str, tmp: Path) -> Repository | None:
    return load_repository(tmp, SUITE).repo if git.export_tree(root, ref, tmp) and (tmp / "campaign.yaml").is_file() else None


def diff_refs(root: Path, ref: str, ref2: str | None, as_of: dt.date, options: LoadOptions | None = None) -> Changes:
    """``ref`` → ``ref2`` (or the working tree when None)."""
    base = git.resolve(root, ref)
    target = git.resolve(root, ref2) if ref2 is not None else ""
    with scratch_folder("diff") as tmp:
        old = _load_revision(root, base, tmp / "old")
        new = _load_revision(root, target, tmp / "new") if target else load_repository(root, SUITE, options).repo
        if new is None:
            raise UserError(NO_CAMPAIGN_AT(ref=ref2))
        return compare(old, new, as_of, base=base, target=target)


def changes_since(root: Path, ref_or_date: str, as_of: dt.date, options: LoadOptions | None = None) -> Changes:
    """What changed in the working tree since a revision, or since the last commit before a day."""
    from dytool.dates import explicit_day

    day = explicit_day(ref_or_date)
    if day is None:
        try:
            return diff_refs(root, ref_or_date, None, as_of, options)
        except UserError:
            day = _phrase_day(root, ref_or_date, options)
            if day is None:
                raise
    commit = git.commit_before(root, day)
    changes = compare(None, load_repository(root, SUITE, options).repo, as_of) if commit is None else diff_refs(root, commit, None, as_of, options)
    return replace(changes, base_day=day)


def _phrase_day(root: Path, text: str, options: LoadOptions | None) -> dt.date | None:
    from dytool.models.when import parse_when

    campaign = load_repository(root, SUITE, options).repo.campaign
    from dytool.facts.stages import campaign_span

    context = {"period": campaign_span(campaign)} if campaign else {}
    try:
        when = parse_when(text, context)
    except Exception:  # noqa: BLE001 - not a date either: the caller reports the unknown revision
        return None
    return when.first


def changes_json(changes: Changes) -> dict[str, Any]:
    """The ``changes`` object of ``status --format json`` and ``diff --format json``."""
    data: dict[str, Any] = {"base": changes.base or None, "target": changes.target or None,
                            "since": changes.base_day.isoformat() if changes.base_day else None}
    for name in SECTIONS:
        data[name] = [asdict(change) for change in getattr(changes, name)]
    return data
