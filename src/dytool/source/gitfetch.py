"""git for the roll-up: the commit a folder is at, and a member's repository fetched by URL.

Runs git through :mod:`dytool.source.git`'s runner (fixed executable, no shell, a time limit,
no terminal prompts).  A member's URL and ref come from the roll-up's ``rollup.yaml``: a URL or
ref that starts with ``-`` is refused, git's ``ext::`` transport is disabled, and a fetched
tree is written out only inside the destination folder.
"""

from __future__ import annotations

import io
import re
import tarfile
from pathlib import Path, PurePosixPath

from dytool.core.catalogue import git as words
from dytool.core.errors import UserError
from dytool.source.git import _run, is_repository

__all__ = ["export_commit", "fetch_ref", "head_commit"]

_COMMIT = re.compile(r"[0-9a-f]{40}([0-9a-f]{24})?")
_SAFE = ("-c", "protocol.ext.allow=never", "-c", "protocol.file.allow=always")
MAX_TREE_BYTES = 1 << 30
"""A fetched member's tree larger than this is refused (a campaign is tens of megabytes)."""


def head_commit(root: Path) -> str | None:
    """The commit checked out in ``root``, or None outside git (or without git)."""
    if not is_repository(root):
        return None
    done = _run(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}", check=False)
    text = done.stdout.decode("ascii", "replace").strip()
    return text if done.returncode == 0 and _COMMIT.fullmatch(text) else None


def fetch_ref(store: Path, url: str, ref: str) -> str:
    """Fetch ``ref`` of ``url`` into the bare repository ``store`` (made on first use); the
    commit it names.  Raises :class:`UserError` with git's last line when that fails."""
    for value, what in ((url, "URL"), (ref, "ref")):
        if not value or value.startswith("-") or "\n" in value:
            raise UserError(words.NOT_ALLOWED(what=what, value=value))
    store.mkdir(parents=True, exist_ok=True)
    if not (store / "HEAD").is_file():
        _run(store, "init", "-q", "--bare")
    done = _run(store, *_SAFE, "fetch", "-q", "--no-tags", "--depth", "1", "--end-of-options", url, f"+{ref}:refs/dytool/member", check=False)
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").splitlines()
        said = next((line for line in lines if line.startswith(("fatal:", "error:"))), lines[0] if lines else "")
        raise UserError(words.CANNOT_FETCH(ref=ref, detail=said.strip()[:200]), detail="\n".join(lines))
    done = _run(store, "rev-parse", "--verify", "--quiet", "refs/dytool/member^{commit}")
    return done.stdout.decode("ascii").strip()


def export_commit(store: Path, commit: str, subdir: str, dest: Path) -> bool:
    """Write ``subdir`` of ``commit`` (``''`` for the whole tree) into ``dest``; False when the
    commit has no such folder.  Links and anything leading outside ``dest`` are left out."""
    if not _COMMIT.fullmatch(commit):
        raise UserError(words.COMMIT_NOT_ALLOWED(commit=commit))
    tree = f"{commit}:{subdir.strip('/')}" if subdir.strip("/") else commit
    if _run(store, "cat-file", "-e", tree, check=False).returncode != 0:
        return False
    data = _run(store, "archive", "--format=tar", tree).stdout
    if len(data) > MAX_TREE_BYTES:
        raise UserError(words.TOO_LARGE)
    dest.mkdir(parents=True, exist_ok=True)
    real = dest.resolve()
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        for member in archive.getmembers():
            parts = PurePosixPath(member.name).parts
            if not (member.isfile() or member.isdir()) or ".." in parts or member.name.startswith("/"):
                continue
            target = (dest / member.name).resolve()
            if target != real and real not in target.parents:
                continue
            if member.isdir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            handle = archive.extractfile(member)
            if handle is not None:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(handle.read())
    return True
