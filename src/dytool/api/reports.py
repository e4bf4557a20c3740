"""Reading a campaign: ``check``, ``status`` and ``diff``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from dytool.core.catalogue import briefing as briefing_words
from dytool.core.catalogue import usage
from dytool.core.errors import EXIT_FINDINGS, UserError
from dytool.engine.options import LoadOptions

if TYPE_CHECKING:
    from dytool.engine.memo import CheckSummary
    from dytool.status.changes import Changes
    from dytool.status.model import StatusReport

__all__ = ["check", "diff", "status"]


def check(root: Path, *, as_of: dt.date, changed_since: str | None = None, load: LoadOptions | None = None) -> CheckSummary:
    """Every finding of the repository at ``root`` on ``as_of`` (``dytool check``); with
    ``changed_since`` (a git revision) only those a change since then brought."""
    options = load or LoadOptions(cache=False)
    seen = None
    if changed_since is None and options.cached:
        from dytool.engine.replay import look

        seen = look(root, as_of, options)
        if seen.remembered is not None:
            return seen.remembered  # nothing changed: the checks, the models and the loader are not even imported
    from dytool.checks import SUITE
    from dytool.engine.check import check as check_all
    from dytool.engine.check import check_since

    if changed_since is not None:
        return check_since(root, SUITE, as_of, options, changed_since)
    return check_all(root, SUITE, as_of, options, seen=seen)


def status(root: Path, *, as_of: dt.date, leader: str | None = None, unit: str | None = None, since: str | None = None,
           load: LoadOptions | None = None) -> StatusReport:
    """The meeting briefing (``dytool status``), for one leader or unit when asked, with what
    changed since a revision or day (``since``)."""
    from dytool.checks import SUITE
    from dytool.engine.load import load_repository
    from dytool.status import compute_status
    from dytool.status.model import StatusReport

    loaded = load_repository(root, SUITE, load or LoadOptions(cache=False), keep_records=False)
    repo, campaign = loaded.repo, loaded.repo.campaign
    if campaign is None:
        raise UserError(briefing_words.NO_CAMPAIGN, exit_code=EXIT_FINDINGS)
    for option, kind, value in (("--leader", "person", leader), ("--unit", "unit", unit)):
        if value is not None and not any(e.record.id == value for e in repo.entries(kind)):
            raise UserError(usage.NO_SUCH_ID(option=option, kind=kind, id=value))
    briefing = compute_status(repo, campaign, as_of, leader=leader, unit=unit)
    changes = None
    if since is not None:
        from dytool.status.changes import changes_since

        changes = changes_since(root, since, as_of, load)
    return StatusReport(briefing, campaign, changes, since, loaded.errors)


def diff(root: Path, ref: str, ref2: str | None = None, *, as_of: dt.date, load: LoadOptions | None = None) -> Changes:
    """What changed between the revisions ``ref`` and ``ref2`` (default: the working tree),
    in campaign terms (``dytool diff``)."""
    from dytool.status.changes import diff_refs

    return diff_refs(root, ref, ref2, as_of, load)
