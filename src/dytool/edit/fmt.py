"""``fmt``: every YAML file of the repository in the canonical style, nothing else changed.

The canonical style is :data:`dytool.edit.yamlio.CANONICAL_STYLE` plus: date fields written
as a full date in another form (``2023.5.10``, ``2023/5/10``, ``2023年5月10日``) become ISO
dates; comments, blank lines between records, key order, quoting and flow lists stay as
written; nothing is sorted.  A file dytool cannot read, or cannot put in that style without
changing a value or a comment, is skipped and named with the reason, never touched; it does
not make ``fmt --check`` fail (``check`` reports what is wrong with it), so a hook that runs
``fmt --check`` is never stuck on a file ``fmt`` will not change.
Each result must read back (with dytool's reader) as the same values, and keep every comment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from dytool.checks import SUITE
from dytool.core.catalogue import edits as words
from dytool.core.catalogue import files as file_words
from dytool.core.catalogue.system import os_reason
from dytool.core.errors import UserError
from dytool.dates import explicit_day
from dytool.edit.fields import shapes
from dytool.edit.splice import comments_of, plain
from dytool.edit.yamlio import TextStyle, dump, join_text, load, split_text
from dytool.engine.load import LoadOptions, load_repository
from dytool.models import KINDS, Campaign
from dytool.models.base import StrictModel
from dytool.models.campaign import Submission
from dytool.source.atomic import ChangedMeanwhile, digest, repository_path, write_atomic
from dytool.source.discover import CAMPAIGN_FILE, RECORD_FOLDERS, ROOT_FILES
from dytool.source.lock import repository_lock
from dytool.source.yamlread import parse_text

__all__ = ["FmtResult", "format_file", "format_repository", "model_of"]


@dataclass
class FmtResult:
    changed: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str, str]] = field(default_factory=list)
    """(file, reason in Chinese, reason in English)."""


def model_of(rel: str) -> type[StrictModel] | None:
    """The model of the records a repository file holds (None for other files)."""
    if rel == CAMPAIGN_FILE:
        return Campaign
    path = PurePosixPath(rel)
    for kind, stem in ROOT_FILES.items():
        if len(path.parts) == 1 and path.stem == stem:
            return KINDS[kind]
    for kind, folder in RECORD_FOLDERS.items():
        if path.parts[0] == folder:
            return KINDS[kind]
    return None


def _fix_dates(node: Any, model: type[StrictModel] | None, fixes: list[tuple[Any, Any, dt.date]]) -> None:
    """Find date fields written as full dates in another form; note (container, key, day)."""
    if isinstance(node, list):
        for item in node:
            _fix_dates(item, model, fixes)
        return
    if not isinstance(node, dict) or model is None:
        return
    fields = shapes(model)
    for key, value in node.items():
        shape = fields.get(str(key))
        if shape is None or key == "extra":
            continue
        if shape.kind == "date":
            _note(node, key, value, fixes)
        elif shape.kind == "dates" and isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    _fix_dates(item, Submission, fixes)
                else:
                    _note(value, i, item, fixes)
        elif shape.model is not None:
            _fix_dates(value, shape.model, fixes)


def _note(container: Any, key: Any, value: Any, fixes: list[tuple[Any, Any, dt.date]]) -> None:
    if isinstance(value, str) and not isinstance(value, dt.date):
        day = explicit_day(value)
        if day is not None and value.strip() != day.isoformat():
            fixes.append((container, key, day))


def _trim(text: str) -> str:
    stripped = text.rstrip("\n")
    return stripped + "\n" if stripped else ""


def format_file(text: str, rel: str) -> str:
    """The canonical form of one file's text (LF line ends); UserError when it cannot be made."""
    parsed = parse_text(text, rel)
    if not parsed.ok:
        raise UserError(words.YAML_HAS_ERRORS)
    if parsed.value is None:
        return _trim(text)
    doc = load(text, rel)
    expected = plain(parsed.value)
    model = model_of(rel)
    fixes: list[tuple[Any, Any, dt.date]] = []
    _fix_dates(doc, model, fixes)
    plain_fixes: list[tuple[Any, Any, dt.date]] = []
    _fix_dates(expected, model, plain_fixes)
    for container, key, day in fixes:
        container[key] = day
    for container, key, day in plain_fixes:
        container[key] = day.isoformat()
    result = _trim(dump(doc))
    if parse_text(result, rel).value != expected or comments_of(text) - comments_of(result):
        raise UserError(words.CANNOT_REFORMAT)
    return result


def format_repository(root: Path, *, write: bool, options: LoadOptions | None = None) -> FmtResult:
    """Format every YAML file the loader reads; write them when ``write``."""
    if write:
        with repository_lock(root):
            return _format(root, write=True, options=options)
    return _format(root, write=False, options=options)


def _format(root: Path, *, write: bool, options: LoadOptions | None) -> FmtResult:
    files = [f for f in load_repository(root, SUITE, options).repo.files if f.endswith((".yaml", ".yml"))]
    result = FmtResult()
    for rel in files:
        try:
            path = repository_path(root, rel)
            raw = path.read_bytes()
            text, style = split_text(raw, rel)
            formatted = format_file(text, rel)
        except UserError as exc:
            result.skipped.append((rel, exc.zh, exc.en))
            continue
        except OSError as exc:
            result.skipped.append((rel, *file_words.CANNOT_READ_SHORT(reason=os_reason(exc)).pair))
            continue
        data = join_text(formatted, TextStyle(crlf=style.crlf), keep_bom=False)
        if data != raw:
            if write:
                try:
                    write_atomic(path, data, expect=digest(raw), rel=rel)
                except ChangedMeanwhile as exc:
                    result.skipped.append((rel, exc.zh, exc.en))
                    continue
            result.changed.append(rel)
    return result
