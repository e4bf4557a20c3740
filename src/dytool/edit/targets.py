"""Which file a new record goes into.

Default files, chosen so that a merge of two branches rarely touches the same lines:

=============  ==========================================================================
kind           default file
=============  ==========================================================================
topic          ``topics/topics.yaml``
visit          ``visits/<YYYY-MM>.yaml``, the month of the visit's first day
problem        ``problems/<owner_unit>.yaml`` when that file exists; else
               ``problems/problems.yaml`` when that exists; else ``problems/<owner_unit>.yaml``
               when the problem names its owner unit; else ``problems/problems.yaml``
solution       ``solutions/solutions.yaml``
institution    ``institutions/institutions.yaml``
person / unit  ``people.yaml`` / ``units.yaml`` (or the ``.yml`` file that exists)
=============  ==========================================================================

``--file`` overrides the default; it must name a ``.yaml``/``.yml`` file in the kind's folder
that dytool reads (not starting with ``.`` or ``_``), by a name every system accepts (not
``con.yaml`` nor ``a:b.yaml``, which Windows takes for the console and a hidden stream).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path, PurePosixPath

from dytool.core.catalogue import edits as words
from dytool.core.errors import EXIT_USAGE, UserError
from dytool.models.nouns import list_title
from dytool.source.discover import RECORD_FOLDERS, ROOT_FILES
from dytool.source.filenames import portable_name

__all__ = ["SCHEMA_FILES", "default_file", "new_file_text", "target_file"]


SCHEMA_FILES = {"person": "people", "unit": "units"}


def _root_file(root: Path, stem: str) -> str:
    for suffix in (".yaml", ".yml"):
        if (root / f"{stem}{suffix}").exists():
            return f"{stem}{suffix}"
    return f"{stem}.yaml"


def default_file(root: Path, kind: str, owner_unit: str | None, first_day: dt.date | None) -> str:
    if kind in ROOT_FILES:
        return _root_file(root, ROOT_FILES[kind])
    folder = RECORD_FOLDERS[kind]
    if kind == "visit" and first_day is not None:
        return f"{folder}/{first_day:%Y-%m}.yaml"
    if kind == "problem":
        own = f"{folder}/{owner_unit}.yaml" if owner_unit and _safe_name(owner_unit) else None
        if own and (root / own).exists():
            return own
        if (root / folder / "problems.yaml").exists() or own is None:
            return f"{folder}/problems.yaml"
        return own
    return f"{folder}/{folder}.yaml"


def _safe_name(name: str) -> bool:
    return not name.startswith((".", "_")) and portable_name(f"{name}.yaml")


def target_file(root: Path, kind: str, given: str) -> str:
    """The repository-relative file ``--file`` names, checked to be one that holds ``kind``
    (``topics\\sub\\x.yaml`` as typed on Windows is ``topics/sub/x.yaml`` everywhere)."""
    path = Path(given.replace("\\", "/"))
    if path.is_absolute():
        try:
            path = path.resolve().relative_to(root.resolve())
        except ValueError:
            raise _wrong(given, kind) from None
    rel = PurePosixPath(os.path.normpath(path.as_posix()).replace(os.sep, "/"))
    parts = rel.parts
    if not parts or ".." in parts or rel.suffix not in (".yaml", ".yml") or any(p.startswith((".", "_")) or not portable_name(p) for p in parts):
        raise _wrong(given, kind)
    if kind in ROOT_FILES:
        if len(parts) != 1 or rel.stem != ROOT_FILES[kind]:
            raise _wrong(given, kind)
    elif len(parts) < 2 or parts[0] != RECORD_FOLDERS[kind]:
        raise _wrong(given, kind)
    return rel.as_posix()


def _wrong(given: str, kind: str) -> UserError:
    where = f"{ROOT_FILES[kind]}.yaml" if kind in ROOT_FILES else f"{RECORD_FOLDERS[kind]}/…yaml"
    return UserError(words.WRONG_FILE(given=given, kinds=list_title(kind), where=where), exit_code=EXIT_USAGE)


def new_file_text(root: Path, kind: str, rel: str) -> str:
    """The first lines of a file ``new`` creates: the editor's schema line and a title."""
    schema = f"{SCHEMA_FILES.get(kind, kind)}.schema.json"
    lines = []
    if (root / "schemas" / schema).is_file():
        depth = len(PurePosixPath(rel).parts) - 1
        lines.append(f"# yaml-language-server: $schema={'../' * depth}schemas/{schema}")
    lines.append(f"# {list_title(kind).zh}")
    return "\n".join(lines) + "\n\n"
