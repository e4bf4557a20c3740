"""The fixed choices of the command line, as enumerations typer shows and checks.

Each ``--format`` lists the renderers registered for what the command shows
(:mod:`dytool.present.formats`; a test keeps the two the same).  Kept apart from the
renderers so that ``dytool --help`` imports nothing heavy.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "GLOBAL_EPILOG", "CheckFormat", "CloseKind", "DiffFormat", "DoctorFormat", "ExportFormat", "Lang", "LedgerKind",
    "Only", "RollupBulletinFormat", "RollupFormat", "StatusFormat",
]


GLOBAL_EPILOG = (
    "全局选项（写在命令名之前或之后均可）/ Global options, before or after the command name:\n\n"
    "-C DIR · --as-of DATE · --lang zh|en · --no-color · --debug · --no-cache"
)
"""Ends every command's help, so ``dytool status --help`` shows the options it also takes."""


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    gitlab = "gitlab"
    junit = "junit"


class StatusFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"
    docx = "docx"
    pdf = "pdf"


class DiffFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"


class RollupFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"
    docx = "docx"


class DoctorFormat(StrEnum):
    text = "text"
    json = "json"



class RollupBulletinFormat(StrEnum):
    md = "md"
    docx = "docx"
    all = "all"


class ExportFormat(StrEnum):
    xlsx = "xlsx"
    csv = "csv"
    json = "json"


class Only(StrEnum):
    excellent = "excellent"
    evaluated = "evaluated"
    all = "all"


class LedgerKind(StrEnum):
    """A list of ``export`` and ``import`` (the singular is accepted too)."""

    problems = "problems"
    solutions = "solutions"
    institutions = "institutions"
    topics = "topics"
    visits = "visits"
    problem = "problem"
    solution = "solution"
    institution = "institution"
    topic = "topic"
    visit = "visit"


class CloseKind(StrEnum):
    problem = "problem"
    solution = "solution"
    institution = "institution"
    milestone = "milestone"
    recurring = "recurring"





class Lang(StrEnum):
    zh = "zh"
    en = "en"
