"""Each member's summary, from wherever its source says, or the located reason it is missing.

* ``summary:`` a published JSON (``dytool publish``) on a share or an intranet server: read
  (bounded) and validated (:mod:`dytool.rollup.read`);
* ``path:`` the member's repository in a folder of the roll-up (a git submodule) and
  ``git:`` a repository fetched with git into ``.dytool/rollup/`` of the roll-up: loaded and
  summarised here, exactly as the member's own ``dytool publish`` would.

Whatever goes wrong with one member is a finding at its entry in rollup.yaml (member, source,
reason), and the others are still read.  A summary older than ``stale_days`` is used but
flagged; one later than the as-of day too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dytool.core.catalogue import rollup as words
from dytool.core.codes import CODES
from dytool.core.errors import UserError
from dytool.core.findings import Finding, Severity
from dytool.core.messages import Text
from dytool.engine.load import LoadOptions, load_repository
from dytool.engine.suite import Suite
from dytool.rollup.config import Member
from dytool.rollup.publish import publish_summary, source_state
from dytool.rollup.published import CAPS, PublishedSummary
from dytool.rollup.read import Refusal, read_summary
from dytool.rollup.textsafe import clean
from dytool.source.discover import CAMPAIGN_FILE
from dytool.source.fetchurl import FetchError, fetch
from dytool.source.gitfetch import export_commit, fetch_ref, head_commit

__all__ = ["CACHE_FOLDER", "Outcome", "gather_members"]

CACHE_FOLDER = Path(".dytool") / "rollup"


@dataclass(frozen=True)
class Outcome:
    """One member after reading: its summary (None when it could not be used) and findings."""

    member: Member
    summary: PublishedSummary | None
    findings: tuple[Finding, ...]
    stale: bool = False
    refusal: tuple[str, str, str] | None = None
    """Why the member is not combined: the finding's code name and the reason in zh and en."""

    @property
    def failed(self) -> bool:
        return self.summary is None


class _Problem(Exception):
    def __init__(self, code: str, zh: str, en: str) -> None:
        super().__init__(en)
        self.code, self.zh, self.en = code, zh, en


def _finding(member: Member, code: str, zh: str, en: str, severity: Severity | None = None) -> Finding:
    return CODES[code].at(member.pos, words.MEMBER(name=member.name, source=member.source_text, why=Text.plain(zh, en)), severity=severity)


def _problem(code: str, why: Text) -> _Problem:
    return _Problem(code, *why.pair)


@dataclass
class _Context:
    root: Path
    as_of: dt.date
    suite: Suite
    options: LoadOptions
    trees_used: set[str]


def _summarise(folder: Path, ctx: _Context, commit: str | None) -> tuple[PublishedSummary, int]:
    if not (folder / CAMPAIGN_FILE).is_file():
        raise _problem("member-unavailable", words.NO_CAMPAIGN_IN_FOLDER)
    loaded = load_repository(folder, ctx.suite, ctx.options)
    campaign = loaded.repo.campaign
    if campaign is None:
        raise _problem("member-invalid", words.MEMBER_CAMPAIGN_ERRORS)
    return publish_summary(loaded.repo, campaign, ctx.as_of, source_state(loaded, commit)), loaded.errors


def _from_path(member: Member, ctx: _Context) -> tuple[PublishedSummary, int]:
    text = member.spec.path or ""
    folder = Path(text) if Path(text).is_absolute() else ctx.root / text
    if folder.suffix.lower() == ".json" or folder.is_file():
        raise _problem("member-unavailable", words.PATH_IS_A_FILE)
    if not folder.is_dir():
        raise _problem("member-unavailable", words.NO_FOLDER)
    return _summarise(folder, ctx, head_commit(folder))


def _git_url(url: str, root: Path) -> str:
    """A URL as written, or a relative folder path (``../members/nanxi``) made absolute against
    the roll-up's root (git would read it against its own working folder)."""
    if "://" in url or Path(url).is_absolute() or re.match(r"[^/\\]+:", url):
        return url
    return str((root / url).resolve())


def _from_git(member: Member, ctx: _Context) -> tuple[PublishedSummary, int]:
    spec = member.spec
    url, ref, subdir = spec.git or "", spec.ref or "HEAD", (spec.subdir or "").strip("/")
    if ".." in Path(subdir).parts or Path(subdir).is_absolute():
        raise _problem("member-unavailable", words.BAD_SUBDIR)
    url = _git_url(url, ctx.root)
    cache = ctx.root / CACHE_FOLDER
    store = cache / "git" / hashlib.sha256(url.encode("utf-8")).hexdigest()[:20]
    try:
        commit = fetch_ref(store, url, ref)
    except UserError as exc:
        raise _problem("member-unavailable", words.CANNOT_FETCH(why=exc.message)) from None
    name = hashlib.sha256(f"{commit}\0{subdir}".encode()).hexdigest()[:24]
    tree = cache / "trees" / name
    ctx.trees_used.add(name)
    if not (tree / ".complete").is_file():
        shutil.rmtree(tree, ignore_errors=True)
        partial = tree.with_name(name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        try:
            found = export_commit(store, commit, subdir, partial)
        except UserError as exc:
            raise _Problem("member-unavailable", exc.zh, exc.en) from None
        if not found:
            raise _problem("member-unavailable", words.NO_SUBDIR(commit=commit[:10], subdir=clean(subdir, 80)))
        (partial / ".complete").write_bytes(b"")
        partial.rename(tree)
    return _summarise(tree, ctx, commit)


def _from_summary(member: Member, ctx: _Context) -> PublishedSummary:
    try:
        data = fetch(member.spec.summary or "", ctx.root, CAPS["bytes"])
    except FetchError as exc:
        raise _Problem("member-unavailable", exc.zh, exc.en) from None
    found = read_summary(data)
    if isinstance(found, Refusal):
        raise _Problem(found.code, found.zh, found.en)
    return found


def _consistent(summary: PublishedSummary) -> None:
    """The problem counts must add up, or the ranking would rest on figures nobody can check."""
    for where, p in (("lists.problems", summary.lists.problems), *((f"months.{m.month}", m.problems) for m in summary.months)):
        if not (p.closed <= p.found and p.closed_on_time + p.closed_late == p.closed and p.open == p.found - p.closed and p.overdue <= p.open):
            raise _problem("member-invalid", words.COUNTS_DO_NOT_ADD_UP(where=where))


def _one(member: Member, ctx: _Context, stale_days: int) -> Outcome:
    findings: list[Finding] = []
    errors = 0
    try:
        if member.spec.summary is not None:
            summary = _from_summary(member, ctx)
            errors = summary.source.errors
        elif member.spec.git is not None:
            summary, errors = _from_git(member, ctx)
        else:
            summary, errors = _from_path(member, ctx)
        expected = member.spec.campaign
        if expected is not None and summary.campaign.id != expected:
            raise _problem("member-campaign", words.OTHER_CAMPAIGN(found=clean(summary.campaign.id, 64), expected=clean(expected, 64)))
        _consistent(summary)
    except _Problem as problem:
        return Outcome(member, None, (_finding(member, problem.code, problem.zh, problem.en),), refusal=(problem.code, problem.zh, problem.en))
    age = (ctx.as_of - summary.as_of).days
    stale = age > stale_days
    if stale:
        findings.append(_finding(member, "member-stale", *words.STALE_DATA(as_of=summary.as_of.isoformat(), age=age, limit=stale_days).pair))
    elif age < 0:
        findings.append(_finding(member, "member-future", *words.FUTURE_DATA(as_of=summary.as_of.isoformat(), day=ctx.as_of.isoformat()).pair))
    if errors:
        findings.append(_finding(member, "member-errors", *words.MEMBER_ERRORS(n=errors).pair))
    return Outcome(member, summary, tuple(findings), stale)


def gather_members(root: Path, members: list[Member], as_of: dt.date, *, suite: Suite, options: LoadOptions, stale_days: int) -> list[Outcome]:
    """Every member's outcome, in the order of rollup.yaml; trees of git members no longer used
    are removed from the cache afterwards."""
    ctx = _Context(root, as_of, suite, options, set())
    outcomes = [_one(member, ctx, stale_days) for member in members]
    seen: dict[str, str] = {}
    for i, outcome in enumerate(outcomes):
        if outcome.summary is None:
            continue
        ident = outcome.summary.campaign.id
        if ident in seen:
            extra = _finding(outcome.member, "member-duplicate", *words.SAME_CAMPAIGN(other=seen[ident], campaign=clean(ident, 64)).pair)
            outcomes[i] = Outcome(outcome.member, outcome.summary, (*outcome.findings, extra), outcome.stale)
        else:
            seen[ident] = outcome.member.name
    _sweep(root / CACHE_FOLDER / "trees", ctx.trees_used)
    return outcomes


def _sweep(folder: Path, keep: set[str]) -> None:
    for entry in _entries(folder):
        if entry.name not in keep:
            shutil.rmtree(entry, ignore_errors=True)


def _entries(folder: Path) -> Iterator[Path]:
    try:
        yield from (p for p in folder.iterdir() if p.is_dir() and not p.is_symlink())
    except OSError:
        return
