"""Safe writes: check the repository as it would be, then replace files atomically.

Every command that changes a campaign repository builds a :class:`Plan` (file → new bytes) and
calls :func:`commit`.  The plan is first applied to a scratch copy of the repository (hard
links where possible, in a temporary folder) and checked there; if that adds an error the
repository did not already have, nothing is written and :class:`RefusedWrite` says why.
Otherwise each file is replaced atomically: a temporary file in the same folder, fsync,
rename, the original's mode kept.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dytool.checks import SUITE
from dytool.core.errors import EXIT_FINDINGS, UserError
from dytool.core.findings import Finding, Severity
from dytool.source.atomic import write_atomic

__all__ = ["Plan", "RefusedWrite", "check_plan", "commit", "new_errors", "write_atomic", "write_plan"]

_SKIP = {".git", ".dytool", "__pycache__", "node_modules", ".venv"}
_POSITION = re.compile(r":\d+(?::\d+)?")


class RefusedWrite(UserError):
    """The change would make the repository invalid; ``findings`` are the errors it would add."""

    def __init__(self, findings: list[Finding], batch: Any = None) -> None:
        first = findings[0]
        super().__init__(
            f"已拒绝写入：改动后仓库会出现 {len(findings)} 个错误，例如 {first.where} {first.message_zh}",
            f"refused: the change would add {len(findings)} error(s) to the repository, e.g. {first.where} {first.message_en}",
            exit_code=EXIT_FINDINGS,
            hint_zh="改正所给的字段后重试；文件没有改动", hint_en="correct the fields given and try again; no file was changed",
        )
        self.findings = findings
        self.batch = batch
        """What the caller was adding, to tell which of its records the errors are in."""


@dataclass
class Plan:
    """New contents by repository-relative POSIX path (``None`` content is never written)."""

    files: dict[str, bytes] = field(default_factory=dict)

    def put(self, rel: str, data: bytes) -> None:
        self.files[rel] = data


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


def check_plan(root: Path, plan: Plan, as_of: dt.date, before: list[Finding]) -> list[Finding]:
    """The errors ``plan`` would add to the repository at ``root`` (checked on a scratch copy)."""
    from dytool.engine.check import check_repository

    with tempfile.TemporaryDirectory(prefix="dytool-check-") as tmp:
        scratch = Path(tmp) / "repo"
        _scratch_copy(root, scratch)
        for rel, data in plan.files.items():
            target = scratch / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists() or target.is_symlink():
                target.unlink()  # a hard link: never write through it
            target.write_bytes(data)
        after = check_repository(scratch, SUITE, as_of).findings
    return new_errors(before, after)


def commit(root: Path, plan: Plan, as_of: dt.date, before: list[Finding]) -> None:
    """Check ``plan`` against the repository, then write it; refuse when it adds errors."""
    added = check_plan(root, plan, as_of, before)
    if added:
        raise RefusedWrite(added)
    write_plan(root, plan)


def write_plan(root: Path, plan: Plan) -> None:
    """Write every file of an already checked plan; a file that cannot be written (a full
    disk, a read-only folder) is left as it was and the user is told why."""
    for rel, data in plan.files.items():
        try:
            write_atomic(root / rel, data)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise UserError(f"无法写入“{rel}”：{reason}；文件保持原样", f"cannot write {rel!r}: {reason}; the file is unchanged",
                            exit_code=EXIT_FINDINGS, hint_zh="检查磁盘空间和文件夹权限后重试",
                            hint_en="check the free disk space and the folder's permissions, then try again") from None
