"""The Jinja2 environment of the site's templates, loaded only when a page must be rendered
(a rebuild whose pages all come from the cache does not import Jinja at all)."""

from __future__ import annotations

import contextlib
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from dytool.core.text import printable
from dytool.present.site.tables import problem_items, problems_table, visit_items, visits_table

__all__ = ["TEMPLATES", "environment"]

TEMPLATES = Path(__file__).resolve().parent / "templates"


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):  # a read-only cache folder: compile next time too
            super().dump_bytecode(bucket)


def _template_cache(key_folder: Path | None) -> jinja2.BytecodeCache | None:
    """Compiled templates in the user's cache folder (Jinja checks each against its source)."""
    if key_folder is None:
        return None
    folder = key_folder / "site-templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _BytecodeCache(str(folder))


class _Environment(jinja2.Environment):
    """Looks a name up in a dict first: the pages' values are dicts, and Jinja's default
    tries an attribute first and pays for the exception on every ``{{ row.title }}``."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


def _shown(value: Any) -> Any:
    """Every value a page shows, with control characters and bidirectional overrides made
    visible as escapes (:func:`dytool.core.text.printable`), as the terminal and the documents
    do: a unit's name must not reorder a page or carry escape sequences into it."""
    if isinstance(value, Markup):
        return Markup(printable(str(value)))  # noqa: S704 - markup already; printable adds only backslash escapes
    return printable(value) if isinstance(value, str) else value


@cache
def environment(key_folder: Path | None = None) -> jinja2.Environment:
    """dytool's own templates (a campaign cannot replace them), every value escaped."""
    env = _Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                       undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                       bytecode_cache=_template_cache(key_folder), finalize=_shown)
    env.globals.update(problems_table=problems_table, visits_table=visits_table, problem_items=problem_items, visit_items=visit_items)
    return env


