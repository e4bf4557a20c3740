"""The one module that runs git (as a subprocess; nothing else in dytool calls it).

Paths come back relative to the campaign root, which may be a folder inside a larger git
repository.  Every failure is a :class:`~dytool.core.errors.UserError` with exit code 2 that says
what to do: git missing, not a git repository, an unknown revision (often a shallow CI
checkout).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import tarfile
from pathlib import Path, PurePosixPath
from typing import Any

from dytool.core.catalogue import git as words
from dytool.core.catalogue.files import TIMED_OUT
from dytool.core.catalogue.system import os_reason
from dytool.core.errors import EXIT_USAGE, UserError

__all__ = [
    "changed_files", "commit_before", "export_tree", "ignored_paths", "init_repository", "is_repository", "merge_file",
    "register_merge_driver", "resolve", "toplevel",
]

_CHINA = dt.timezone(dt.timedelta(hours=8))


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update({"LC_ALL": "C", "LANG": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"})
    return env


def _run(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    exe = shutil.which("git")
    if exe is None:
        raise UserError(words.MISSING, exit_code=EXIT_USAGE)
    try:
        done = subprocess.run(  # noqa: S603 - fixed executable, arguments never go through a shell
            [exe, "-c", "core.quotepath=off", *args], cwd=root, env=_env(), capture_output=True, check=False, timeout=300,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        reason = os_reason(exc) if isinstance(exc, OSError) else TIMED_OUT
        raise UserError(words.CANNOT_RUN(reason=reason), exit_code=EXIT_USAGE, detail=str(exc)) from None
    if check and done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip()
        last = said.splitlines()[-1] if said else str(done.returncode)
        raise UserError(words.FAILED(command=args[0], code=done.returncode, detail=last), exit_code=EXIT_USAGE, hint=words.DEBUG_HINT, detail=said)
    return done


def is_repository(root: Path) -> bool:
    return shutil.which("git") is not None and _run(root, "rev-parse", "--is-inside-work-tree", check=False).returncode == 0


def _require(root: Path) -> None:
    if not is_repository(root):
        raise UserError(words.NOT_A_REPOSITORY(path=str(root)), exit_code=EXIT_USAGE, hint=words.NOT_A_REPOSITORY_HINT)


def toplevel(root: Path) -> Path:
    _require(root)
    return Path(_run(root, "rev-parse", "--show-toplevel").stdout.decode("utf-8").strip())


def _prefix(root: Path) -> str:
    """The campaign root's path inside the git repository (``''`` at the top, else ``'sub/'``)."""
    return _run(root, "rev-parse", "--show-prefix").stdout.decode("utf-8").strip()


def resolve(root: Path, ref: str) -> str:
    """The commit a revision names; a clear error for an unknown one."""
    _require(root)
    if ref.startswith("-"):
        raise UserError(words.DASH_REVISION(ref=ref), exit_code=EXIT_USAGE)
    done = _run(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}", check=False)
    if done.returncode != 0:
        raise UserError(words.UNKNOWN_REVISION(ref=ref), exit_code=EXIT_USAGE, hint=words.UNKNOWN_REVISION_HINT)
    return done.stdout.decode("ascii").strip()


def changed_files(root: Path, ref: str) -> set[str]:
    """Files changed since ``ref`` (committed, staged, unstaged or new), relative to ``root``."""
    commit = resolve(root, ref)
    diff = _run(root, "diff", "--name-only", "-z", "--no-renames", "--relative", commit, "--", ".").stdout
    new = _run(root, "ls-files", "--others", "--exclude-standard", "-z", "--", ".").stdout
    names = {n for n in (diff + new).decode("utf-8", "surrogateescape").split("\0") if n}
    return {PurePosixPath(n).as_posix() for n in names}


def commit_before(root: Path, day: dt.date) -> str | None:
    """The last commit made before ``day`` began (Asia/Shanghai), or None when there is none."""
    _require(root)
    moment = dt.datetime.combine(day, dt.time(), _CHINA).isoformat()
    done = _run(root, "rev-list", "-1", f"--before={moment}", "HEAD", "--", check=False)
    text = done.stdout.decode("ascii").strip()
    return text or None


def export_tree(root: Path, ref: str, dest: Path) -> bool:
    """Write the campaign folder as it was at ``ref`` into ``dest``; False if it did not exist."""
    commit = resolve(root, ref)
    prefix = _prefix(root)
    if _run(root, "cat-file", "-e", f"{commit}:{prefix}", check=False).returncode != 0:
        return False
    data = _run(toplevel(root), "archive", "--format=tar", f"{commit}:{prefix}").stdout  # from the top: a tree path is absolute
    dest.mkdir(parents=True, exist_ok=True)
    real = dest.resolve()
    safe: dict[str, Any] = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        for member in archive.getmembers():
            target = (dest / member.name).resolve()
            if not (target == real or real in target.parents) or member.isdev():
                continue
            if member.issym() and (os.path.isabs(member.linkname) or ".." in PurePosixPath(member.linkname).parts):
                continue  # a link out of the tree: the loader would refuse it anyway
            archive.extract(member, dest, set_attrs=False, **safe)
    return True


def init_repository(path: Path) -> bool:
    """``git init`` in ``path`` unless it is already inside a repository; False without git."""
    if shutil.which("git") is None or is_repository(path):
        return False
    _run(path, "init", "-q")
    return True


def ignored_paths(root: Path, paths: list[str]) -> frozenset[str]:
    """Which of ``paths`` (relative to ``root``) git ignores; none outside a git repository or
    without git (then there is nothing that could be ignored).  One ``git check-ignore`` for all.

    git is asked about where each path really leads (links on the way resolved: a committed link
    to an ignored file is that file, and git refuses a path beyond a link), each name behind
    ``./`` (so that ``:(…)`` is no pathspec magic); a path that leads outside the repository is
    left to the callers' own refusal.  A failure of git over the batch is retried path by path,
    so that one odd name cannot make git answer "nothing ignored" for all."""
    exe = shutil.which("git")
    real: dict[str, list[str]] = {}
    for path in paths:
        name = path.replace("\\", "/")
        where = _real_relative(root, name) if "\0" not in name and "\n" not in name else None
        if where is not None:
            real.setdefault(where, []).append(PurePosixPath(name).as_posix())
    if not real or exe is None:
        return frozenset()
    names = sorted(real)
    found = _check_ignore(exe, root, names)
    if found is None:
        found = set()
        for name in names if len(names) > 1 else ():
            found |= _check_ignore(exe, root, [name]) or set()
    return frozenset(original for where in found for original in real.get(where, ()))


def _real_relative(root: Path, name: str) -> str | None:
    """Where ``name`` leads, relative to the real ``root``; None when it leaves it."""
    try:
        base = root.resolve()
        where = (base / name).resolve().relative_to(base).as_posix()
    except (OSError, RuntimeError, ValueError):
        return None
    return None if where == "." else where


def _check_ignore(exe: str, root: Path, names: list[str]) -> set[str] | None:
    """The ignored ones of ``names`` (real paths relative to ``root``); None when git failed."""
    try:
        done = subprocess.run(  # noqa: S603 - fixed executable, arguments never go through a shell
            [exe, "-c", "core.quotepath=off", "check-ignore", "-z", "--stdin"], cwd=root, env=_env(),
            input="\0".join("./" + n for n in names).encode("utf-8", "surrogateescape") + b"\0", capture_output=True, check=False,
            timeout=120,
        )
    except (OSError, subprocess.TimeoutExpired):
        return set()
    if done.returncode not in (0, 1):
        return set() if b"not a git repository" in done.stderr else None
    return {PurePosixPath(n).as_posix() for n in done.stdout.decode("utf-8", "surrogateescape").split("\0") if n}


def merge_file(ours: Path, base: Path, theirs: Path, label: str) -> int:
    """git's own line merge of three versions, written into ``ours``; the number of conflicts."""
    done = _run(ours.parent, "merge-file", "-L", f"ours:{label}", "-L", "base", "-L", "theirs", "--", str(ours), str(base), str(theirs),
                check=False)
    if done.returncode < 0 or done.returncode > 127:
        said = done.stderr.decode("utf-8", "replace").strip()
        raise UserError(words.MERGE_FILE_FAILED(code=done.returncode, detail=said), exit_code=EXIT_USAGE, detail=said)
    return done.returncode


def register_merge_driver(root: Path, name: str, title: str, command: str) -> bool:
    """Define merge driver ``name`` in the repository's own configuration; False outside git."""
    if not is_repository(root):
        return False
    _run(root, "config", f"merge.{name}.name", title)
    _run(root, "config", f"merge.{name}.driver", command)
    return True
