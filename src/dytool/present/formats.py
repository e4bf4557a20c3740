"""Every output format, registered by name for each thing dytool shows.

=================  ========================================================
``BRIEFING``       ``dytool status --format``: text, md, json, docx, pdf
``FINDINGS``       ``dytool check --format``: text, json, github, gitlab, junit
``CHANGES``        ``dytool diff --format``: text, md, json
``ROLLUP``         ``dytool rollup status --format``: text, md, json, docx
``DOCTOR``         ``dytool doctor --format``: text, json
=================  ========================================================

A renderer returns text (a file's content), a list of rich renderables (for a terminal: the
command prints them, or writes them without colour to ``-o``), or a
:class:`~dytool.documents.model.Document` for Word and PDF.  Entries name their function as
``module:function`` and are imported only when used, so the command line's ``--help`` (which
lists the names) stays quick.  The command line's choices are tested against these names.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

__all__ = ["BRIEFING", "CHANGES", "DOCTOR", "FINDINGS", "ROLLUP", "Registry"]

F = TypeVar("F", bound=Callable[..., Any])


class Registry(Generic[F]):
    """Renderers by format name, each imported when first asked for."""

    def __init__(self, what: str, entries: Mapping[str, str]) -> None:
        self.what = what
        self._entries = dict(entries)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._entries)

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __getitem__(self, name: str) -> F:
        module, _, function = self._entries[name].partition(":")
        found: F = getattr(importlib.import_module(module), function)
        return found


BRIEFING: Registry[Callable[..., Any]] = Registry("status", {
    "text": "dytool.present.briefing_render:text",
    "md": "dytool.present.briefing_render:markdown",
    "json": "dytool.present.briefing_render:json_text",
    "docx": "dytool.present.briefing_render:document",
    "pdf": "dytool.present.briefing_render:document",
})

FINDINGS: Registry[Callable[..., Any]] = Registry("check", {
    "text": "dytool.present.findings_text:findings_text",
    "json": "dytool.present.findings:json_report",
    "github": "dytool.present.findings:github",
    "gitlab": "dytool.present.findings:gitlab",
    "junit": "dytool.present.findings:junit",
})

CHANGES: Registry[Callable[..., Any]] = Registry("diff", {
    "text": "dytool.present.changes_render:text",
    "md": "dytool.present.changes_render:markdown",
    "json": "dytool.present.changes_render:json_text",
})

ROLLUP: Registry[Callable[..., Any]] = Registry("rollup status", {
    "text": "dytool.present.rollup_render:text",
    "md": "dytool.present.rollup_render:markdown",
    "json": "dytool.present.rollup_render:json_text",
    "docx": "dytool.present.rollup_render:document",
})

DOCTOR: Registry[Callable[..., Any]] = Registry("doctor", {
    "text": "dytool.present.doctor:text",
    "json": "dytool.present.doctor:json_text",
})
