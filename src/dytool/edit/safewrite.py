"""Safe writes: check the repository as it would be, then replace files atomically.

Every command that changes a campaign repository holds :func:`editing` (the repository's
write lock, :mod:`dytool.source.lock`) from the moment it reads what it will change, builds a
:class:`Plan` (file → new bytes, and the digest of what each file held when it was read) and
calls :func:`commit` (or :func:`check_plan` then :func:`write_plan`).  The plan is first
checked as if written: its files laid over the repository (the engine reads only them and
reruns only the cross-file checks they concern), or, when it writes more than record files,
on a scratch copy of the repository (hard links where possible, in a temporary folder).  If
that adds an error the repository did not already have, nothing is written and
:class:`RefusedWrite` says why.  Otherwise every file is compared with
what the command read (an editor may have saved it meanwhile: then nothing is written) and
replaced atomically.  No file is written through a link (:func:`dytool.source.atomic.repository_path`).

Scratch folders are named ``dytool-check-*`` (:mod:`dytool.source.scratch`): one left behind
by a killed command is removed by the next check.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from glob import escape as glob_escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dytool.checks import SUITE
from dytool.core.catalogue import edits as words
from dytool.core.catalogue import files
from dytool.core.catalogue.system import os_reason
from dytool.core.errors import EXIT_FINDINGS, UserError
from dytool.core.findings import Finding, Severity, cap_findings, sort_findings
from dytool.core.messages import Text
from dytool.source.atomic import ChangedMeanwhile, digest, file_digest, repository_path, write_atomic
from dytool.source.discover import CAMPAIGN_FILE, kind_of_path
from dytool.source.lock import repository_lock
from dytool.source.scratch import scratch_folder as _scratch_folder
from dytool.source.scratch import sweep

if TYPE_CHECKING:
    from dytool.engine.options import LoadOptions

__all__ = [
    "ChangedMeanwhile", "Plan", "RefusedWrite", "check_plan", "commit", "editing", "new_errors", "scratch_folder", "sweep_scratch",
    "write_atomic", "write_plan",
]

_UNSET: Any = object()

_SKIP = {".git", ".dytool", "__pycache__", "node_modules", ".venv"}
_POSITION = re.compile(r":\d+(?::\d+)?")


class RefusedWrite(UserError):
    """The change would make the repository invalid; ``findings`` are the errors it would add."""

    def __init__(self, findings: list[Finding], batch: Any = None) -> None:
        first = findings[0]
        message = Text.plain(first.message_zh, first.message_en)
        super().__init__(words.REFUSED(n=len(findings), where=first.where, message=message), exit_code=EXIT_FINDINGS, hint=words.REFUSED_HINT)
        self.findings = findings
        self.batch = batch
        """What the caller was adding, to tell which of its records the errors are in."""


@contextmanager
def editing(root: Path) -> Iterator[None]:
    """Hold the repository's write lock: read, plan, check and write inside it."""
    with repository_lock(root):
        yield


@dataclass
class Plan:
    """New contents by repository-relative POSIX path, and what each file held when read.

    ``bases[rel]`` is the :func:`~dytool.source.atomic.digest` of the bytes the change was
    computed from (``"absent"`` for a new file); :func:`write_plan` writes nothing when a file
    no longer holds them."""

    files: dict[str, bytes] = field(default_factory=dict)
    bases: dict[str, str] = field(default_factory=dict)

    def put(self, rel: str, data: bytes, base: bytes | None = _UNSET, *, root: Path | None = None) -> None:
        """Plan ``rel`` to become ``data``; ``base`` is what it held when read (None: absent).
        Without ``base`` the file is read now from ``root`` (or its digest left unchecked)."""
        self.files[rel] = data
        if base is not _UNSET:
            self.bases[rel] = digest(base)
        elif root is not None:
            self.bases[rel] = file_digest(root / rel)


def _key(finding: Finding) -> tuple[str, str, str]:
    return finding.code, finding.file, _POSITION.sub("", finding.message_en)


def new_errors(before: Iterable[Finding], after: Iterable[Finding]) -> list[Finding]:
    """Errors in ``after`` that ``before`` did not have (positions ignored: lines move)."""
    seen = Counter(_key(f) for f in before if f.severity is Severity.ERROR)
    added = []
    for finding in after:
        if finding.severity is not Severity.ERROR:
            continue
        key = _key(finding)
        if seen[key] > 0:
            seen[key] -= 1
        else:
            added.append(finding)
    return added


def _scratch_copy(root: Path, dest: Path) -> None:
    """A copy of the repository: hard links for files (never written to), links kept as links."""
    real_root = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        rel_dir = here.relative_to(root)
        (dest / rel_dir).mkdir(parents=True, exist_ok=True)
        links = [d for d in dirnames if (here / d).is_symlink()]
        dirnames[:] = [d for d in dirnames if d not in _SKIP and d not in links]
        for name in [*filenames, *links]:
            src = here / name
            target = dest / rel_dir / name
            if src.is_symlink():
                _copy_link(src, target, real_root)
                continue
            try:
                os.link(src, target)
            except OSError:
                shutil.copy2(src, target)


def _copy_link(src: Path, target: Path, real_root: Path) -> None:
    """A link inside the repository stays relative; one leading out keeps pointing there."""
    text = os.readlink(src)
    try:
        resolved = src.resolve(strict=True)
    except (OSError, RuntimeError):
        target.symlink_to(text)
        return
    inside = resolved == real_root or real_root in resolved.parents
    target.symlink_to(text if inside and not os.path.isabs(text) else resolved)


def sweep_scratch(base: Path | None = None) -> list[Path]:
    """Remove scratch folders left by killed commands (of every kind); the ones removed."""
    return sweep(base)


def scratch_folder() -> AbstractContextManager[Path]:
    """A private temporary folder that the next command removes if this one is killed."""
    return _scratch_folder("check")


def check_plan(root: Path, plan: Plan, as_of: dt.date, before: list[Finding], load: LoadOptions | None = None) -> list[Finding]:
    """The errors ``plan`` would add to the repository at ``root``.

    A plan that writes only record files is checked by the engine with the plan's files laid
    over the repository (:func:`dytool.engine.check.check_overlay`: from the last check's state
    and the cache, reading only the plan's files).  A plan that writes anything else (a report,
    its images) changes what checks read straight from the disk, so it is checked on a scratch
    copy with the plan written into it."""
    from dytool.engine.check import check_overlay, check_repository
    from dytool.engine.options import LoadOptions

    for rel in plan.files:
        repository_path(root, rel)  # no link on the way, even for a dry run
    if all(rel == CAMPAIGN_FILE or kind_of_path(rel) not in (None, "report") for rel in plan.files):
        sweep_scratch()  # what a killed command left, whichever way this one checks
        after = check_overlay(root, SUITE, as_of, load or LoadOptions(cache=False), plan.files).findings
        return new_errors(cap_findings(sort_findings(before)), after)
    with scratch_folder() as tmp:
        scratch = tmp / "repo"
        _scratch_copy(root, scratch)
        for rel, data in plan.files.items():
            target = repository_path(scratch, rel)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                if target.exists():
                    target.unlink()  # a hard link: never write through it
                target.write_bytes(data)
            except OSError as exc:
                raise UserError(files.CANNOT_WRITE_UNCHANGED(path=rel, reason=os_reason(exc)), exit_code=EXIT_FINDINGS,
                                hint=files.NAME_TOO_LONG_HINT) from None
        after = check_repository(scratch, SUITE, as_of).findings
    return new_errors(before, after)


def commit(root: Path, plan: Plan, as_of: dt.date, before: list[Finding], load: LoadOptions | None = None) -> None:
    """Check ``plan`` against the repository, then write it; refuse when it adds errors."""
    added = check_plan(root, plan, as_of, before, load)
    if added:
        raise RefusedWrite(added)
    write_plan(root, plan)


def write_plan(root: Path, plan: Plan) -> None:
    """Write every file of an already checked plan; a file that cannot be written (a full
    disk, a read-only folder) is left as it was and the user is told why.  A file that no
    longer holds what the plan was made from is never overwritten (:class:`ChangedMeanwhile`),
    and then no file is written at all when that is seen before the first write."""
    targets = {rel: repository_path(root, rel) for rel in plan.files}
    with repository_lock(root):
        for rel, expected in plan.bases.items():
            if file_digest(targets[rel]) != expected:
                raise ChangedMeanwhile(rel)
        for rel, data in plan.files.items():
            _remove_stale_temporaries(targets[rel])
            _write_one(targets[rel], rel, data, plan.bases.get(rel))


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary copies (``.name.xxxx.tmp``) a killed command left beside ``path``.  Only writes
    of repository files make them, all under the lock this caller holds: none is in use."""
    try:
        stale = [p for p in path.parent.glob(f".{glob_escape(path.name[:64])}.*.tmp") if p.is_file() and not p.is_symlink()]
    except OSError:
        return
    for leftover in stale:
        leftover.unlink(missing_ok=True)


def _write_one(path: Path, rel: str, data: bytes, expect: str | None) -> None:
    try:
        write_atomic(path, data, expect=expect, rel=rel)
    except OSError as exc:
        raise UserError(files.CANNOT_WRITE_UNCHANGED(path=rel, reason=os_reason(exc)), exit_code=EXIT_FINDINGS, hint=files.SPACE_HINT) from None
