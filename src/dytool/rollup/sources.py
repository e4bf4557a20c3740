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

from dytool.core.codes import CODES
from dytool.core.errors import UserError
from dytool.core.findings import Finding, Severity
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
    return CODES[code].at(member.pos, f"成员“{member.name}”（{member.source_text}）：{zh}", f"member {member.name!r} ({member.source_text}): {en}",
                          severity=severity)


@dataclass
class _Context:
    root: Path
    as_of: dt.date
    suite: Suite
    options: LoadOptions
    trees_used: set[str]


def _summarise(folder: Path, ctx: _Context, commit: str | None) -> tuple[PublishedSummary, int]:
    if not (folder / CAMPAIGN_FILE).is_file():
        raise _Problem("member-unavailable", "目录中没有 campaign.yaml（子模块未检出？运行 git submodule update --init）",
                       "the folder has no campaign.yaml (a submodule not checked out? run 'git submodule update --init')")
    loaded = load_repository(folder, ctx.suite, ctx.options)
    campaign = loaded.repo.campaign
    if campaign is None:
        raise _Problem("member-invalid", "成员仓库的 campaign.yaml 有错误，无法计算汇总数据", "the member's campaign.yaml has errors; no summary can be computed")
    return publish_summary(loaded.repo, campaign, ctx.as_of, source_state(loaded, commit)), loaded.errors


def _from_path(member: Member, ctx: _Context) -> tuple[PublishedSummary, int]:
    text = member.spec.path or ""
    folder = Path(text) if Path(text).is_absolute() else ctx.root / text
    if folder.suffix.lower() == ".json" or folder.is_file():
        raise _Problem("member-unavailable", "path 应为成员的活动仓库目录；已发布的 JSON 文件请写在 summary 中",
                       "path must be the member's repository folder; write a published JSON file under summary")
    if not folder.is_dir():
        raise _Problem("member-unavailable", "目录不存在", "the folder does not exist")
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
        raise _Problem("member-unavailable", "subdir 不能含 .. 或以 / 开头", "subdir cannot contain '..' or start with '/'")
    url = _git_url(url, ctx.root)
    cache = ctx.root / CACHE_FOLDER
    store = cache / "git" / hashlib.sha256(url.encode("utf-8")).hexdigest()[:20]
    try:
        commit = fetch_ref(store, url, ref)
    except UserError as exc:
        raise _Problem("member-unavailable", f"无法取得仓库：{exc.zh}", f"cannot fetch the repository: {exc.en}") from None
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
            raise _Problem("member-unavailable", f"提交 {commit[:10]} 中没有子目录“{clean(subdir, 80)}”", f"commit {commit[:10]} has no folder {clean(subdir, 80)!r}")
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
            raise _Problem("member-invalid", f"{where} 的问题数字对不上（已销号、按时、逾期、未销号之和应与总数相符）",
                           f"the problem counts of {where} do not add up (closed, on time, late and open must match the total)")


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
            shown = clean(summary.campaign.id, 64)
            raise _Problem("member-campaign", f"数据是活动“{shown}”的，不是 rollup.yaml 指定的“{clean(expected, 64)}”",
                           f"the data is of campaign {shown!r}, not {clean(expected, 64)!r} as rollup.yaml says")
        _consistent(summary)
    except _Problem as problem:
        return Outcome(member, None, (_finding(member, problem.code, problem.zh, problem.en),), refusal=(problem.code, problem.zh, problem.en))
    age = (ctx.as_of - summary.as_of).days
    stale = age > stale_days
    if stale:
        findings.append(_finding(member, "member-stale", f"数据截至 {summary.as_of.isoformat()}，已 {age} 天未更新（上限 {stale_days} 天）",
                                 f"the data is as of {summary.as_of.isoformat()}, {age} days old (limit {stale_days})"))
    elif age < 0:
        findings.append(_finding(member, "member-future", f"数据截至 {summary.as_of.isoformat()}，晚于统计日期 {ctx.as_of.isoformat()}",
                                 f"the data is as of {summary.as_of.isoformat()}, after the as-of day {ctx.as_of.isoformat()}"))
    if errors:
        findings.append(_finding(member, "member-errors", f"成员仓库有 {errors} 个错误，有错的记录未计入", f"the member's repository has {errors} error(s); invalid records are not counted"))
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
            extra = _finding(outcome.member, "member-duplicate", f"与成员“{seen[ident]}”的数据来自同一活动“{clean(ident, 64)}”",
                             f"publishes the same campaign {clean(ident, 64)!r} as member {seen[ident]!r}")
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
