"""Where a campaign repository's files are: the root, the record folders, the reports.

Listing is deterministic (sorted), skips names starting with ``.`` or ``_``, and refuses
folders that are links instead of following them out of the repository.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path as FsPath

from dytool.core.catalogue import files
from dytool.core.catalogue import files as files_words
from dytool.core.codes import CODES, Pos
from dytool.core.findings import Finding
from dytool.source.readfile import PRIVATE, inside, read_guarded

__all__ = [
    "CAMPAIGN_FILE",
    "RECORD_FOLDERS",
    "REPORT_FOLDER",
    "ROOT_FILES",
    "KnownDigest",
    "NoRepository",
    "Snapshot",
    "find_root",
    "kind_of_path",
    "repository_files",
    "take_snapshot",
]

CAMPAIGN_FILE = "campaign.yaml"
ROOT_FILES = {"person": "people", "unit": "units"}
RECORD_FOLDERS = {
    "topic": "topics",
    "visit": "visits",
    "problem": "problems",
    "solution": "solutions",
    "institution": "institutions",
}
REPORT_FOLDER = "reports"
YAML_SUFFIXES = (".yaml", ".yml")


class NoRepository(Exception):
    """No ``campaign.yaml`` in the folder or above it."""


def find_root(start: FsPath) -> FsPath:
    """The nearest folder at or above ``start`` holding ``campaign.yaml``, as git finds ``.git``."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / CAMPAIGN_FILE).is_file():
            return folder
    raise NoRepository(str(start))


def _walk(root: FsPath, folder: str, suffixes: tuple[str, ...], findings: list[Finding], links: list[str] | None = None) -> list[str]:
    """Record files under ``folder``, sorted, skipping names that start with ``.`` or ``_``.
    Folders that are links are refused, not followed (one scan per folder: this listing runs
    on every check, replayed ones too)."""
    base = os.path.join(root, folder)
    if not os.path.isdir(base):
        return []
    if os.path.islink(base):
        target, real_root = FsPath(base).resolve(), root.resolve()
        if not inside(target, real_root) or any(part.casefold().rstrip(". ") in PRIVATE for part in target.relative_to(real_root).parts):
            findings.append(_link_outside(folder))
            return []
    found: list[str] = []
    pending = [folder]
    while pending:
        here = pending.pop()
        try:
            with os.scandir(os.path.join(root, here)) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError:
            continue  # an unreadable folder holds nothing we can check
        subfolders = []
        for entry in entries:
            name = entry.name
            if name.startswith((".", "_")):
                continue
            rel = f"{here}/{name}"
            if _is_folder(entry):
                if entry.is_symlink():
                    findings.append(CODES["path-outside"].at(Pos(rel), files.FOLDER_LINK_SKIPPED, hint=files.FOLDER_LINK_HINT))
                else:
                    subfolders.append(rel)
            elif name.endswith(suffixes):
                found.append(rel)
                if links is not None and entry.is_symlink():
                    links.append(rel)
        pending.extend(reversed(subfolders))
    return sorted(found)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a link loop: not a folder; reading it as a file reports the loop
        return False


def _link_outside(rel: str) -> Finding:
    return CODES["path-outside"].at(Pos(rel), files.FOLDER_LINK_OUTSIDE, hint=files.REMOVE_LINK_HINT)


def _root_file(root: FsPath, stem: str) -> str | None:
    for suffix in YAML_SUFFIXES:
        if (root / f"{stem}{suffix}").exists():
            return f"{stem}{suffix}"
    return None


@dataclass(frozen=True)
class Snapshot:
    """Every file a load reads, listed, read and hashed once: a check that may be replayed
    (:mod:`dytool.engine.memo`) hashes everything anyway, and the loader then looks up the cache
    by these digests instead of reading every file a second time."""

    files: list[tuple[str, str]]
    """``(kind, path)`` of every record file and report, in load order."""
    listing: list[Finding]
    """What listing the folders found (links leading outside, ...)."""
    contents: dict[str, tuple[str | None, int, list[Finding]]]
    """Path → (content digest, size, why it cannot be read), campaign.yaml included."""


KnownDigest = Callable[[str, os.stat_result], "str | None"]
"""The content digest of a file whose ``lstat`` is this, when it is known without reading it."""


def take_snapshot(root: FsPath, known: KnownDigest | None = None, learn: Callable[[str, os.stat_result, str], None] | None = None) -> Snapshot:
    """List every file the load reads and take each one's content digest: from ``known`` when
    its ``lstat`` says it has not changed since it was hashed, else by reading it (``learn`` is
    told what was read)."""
    from dytool.source.readfile import content_digest

    listing: list[Finding] = []
    files = repository_files(root, listing)
    contents: dict[str, tuple[str | None, int, list[Finding]]] = {}
    for rel in (CAMPAIGN_FILE, *(rel for _, rel in files)):
        info = _lstat(root, rel) if known is not None else None
        digest = known(rel, info) if known is not None and info is not None else None
        if digest is not None and info is not None:
            contents[rel] = (digest, info.st_size, [])
            continue
        data, problems = read_guarded(root, rel)
        if data is None:
            contents[rel] = (None, 0, problems)
            continue
        digest = content_digest(data)
        contents[rel] = (digest, len(data), [])
        if learn is not None and info is not None:
            learn(rel, info, digest)
    return Snapshot(files, listing, contents)


def _lstat(root: FsPath, rel: str) -> os.stat_result | None:
    try:
        return os.lstat(os.path.join(root, rel))
    except (OSError, ValueError):
        return None


def repository_files(root: FsPath, findings: list[Finding]) -> list[tuple[str, str]]:
    """``(kind, path)`` of every record file and report (kind ``report``), in load order.  A file
    that is a link to what git ignores is left out with a finding: not the repository's content
    (a file CI wrote into the checkout, say), it is never read as records."""
    files: list[tuple[str, str]] = []
    links: list[str] = []
    for kind, stem in ROOT_FILES.items():
        rel = _root_file(root, stem)
        if rel is not None:
            files.append((kind, rel))
            if os.path.islink(os.path.join(root, rel)):
                links.append(rel)
    for kind, folder in RECORD_FOLDERS.items():
        files.extend((kind, rel) for rel in _walk(root, folder, YAML_SUFFIXES, findings, links))
    files.extend(("report", rel) for rel in _walk(root, REPORT_FOLDER, (".md",), findings, links))
    if not links:
        return files
    from dytool.source.git import ignored_paths

    refused = ignored_paths(root, links)
    findings.extend(CODES["path-outside"].at(Pos(rel), files_words.LINK_TO_IGNORED, hint=files_words.REMOVE_LINK_HINT) for rel in sorted(refused))
    return [(kind, rel) for kind, rel in files if rel not in refused]


def kind_of_path(rel: str) -> str | None:
    """The kind of record a repository-relative path would hold, or None (how a file that an
    edit is about to create is loaded with the rest)."""
    parts = rel.split("/")
    if len(parts) == 1:
        stem, _, suffix = rel.rpartition(".")
        return next((kind for kind, name in ROOT_FILES.items() if name == stem and f".{suffix}" in YAML_SUFFIXES), None)
    if any(part.startswith((".", "_")) for part in parts):
        return None
    if parts[0] == REPORT_FOLDER:
        return "report" if rel.endswith(".md") else None
    kind = next((kind for kind, folder in RECORD_FOLDERS.items() if folder == parts[0]), None)
    return kind if kind is not None and rel.endswith(YAML_SUFFIXES) else None
