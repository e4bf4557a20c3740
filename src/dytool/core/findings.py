"""Findings: what ``dytool check`` reports, as plain values.

A finding is never raised; it is collected.  Each one knows where it is (``file:line:column``,
1-based, ``line == 0`` meaning "the whole file"), what it is (a stable code from
:mod:`dytool.core.codes`), how bad it is, and what to do about it, in Chinese and in English.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from dytool.core.catalogue.check import MORE_OF_CODE, MORE_OF_CODE_HINT
from dytool.core.messages import Lang

__all__ = ["PER_FILE_AND_CODE", "Finding", "FindingCounts", "Lang", "Severity", "cap_findings", "sort_findings"]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def label_zh(self) -> str:
        return "错误" if self is Severity.ERROR else "警告"


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    file: str
    line: int
    column: int
    message_zh: str
    message_en: str
    hint_zh: str = ""
    hint_en: str = ""
    related: tuple[str, ...] = ()
    """Other files the finding was derived from (a duplicate's first occurrence): when one of
    them changes, the finding may change too."""
    count: int = 1
    """How many findings this one stands for: more than one for the line that says how many
    more of a kind a file has (:func:`cap_findings`)."""

    def message(self, lang: Lang) -> str:
        return self.message_en if lang is Lang.EN else self.message_zh

    def hint(self, lang: Lang) -> str:
        return self.hint_en if lang is Lang.EN else self.hint_zh

    @property
    def where(self) -> str:
        """``file:line:column`` the way editors and CI annotations expect it."""
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class FindingCounts:
    """``errors``, ``warnings`` and ``failed`` for anything that holds ``findings``."""

    findings: list[Finding]

    @property
    def errors(self) -> int:
        return sum(f.count for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(f.count for f in self.findings if f.severity is Severity.WARNING)

    def failed(self, *, strict: bool = False) -> bool:
        """Whether the check fails: any error, or with ``strict`` any warning."""
        return self.errors > 0 or (strict and self.warnings > 0)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """File order, then position, then code: the same order on every run and machine."""
    return sorted(findings, key=lambda f: (f.file, f.line, f.column, f.code, f.message_en))


PER_FILE_AND_CODE = 200
"""How many findings of one code in one file are kept and shown; the rest are counted."""


def cap_findings(findings: list[Finding], per: int = PER_FILE_AND_CODE) -> list[Finding]:
    """``findings`` (sorted) with at most ``per`` of each code in each file, and for each cut
    a finding that says how many more there are, standing for them in the counts.  A file
    with a million bad lines stays readable, and so does the memory of the check.

    Capping what was capped already changes nothing: a line that says how many more there
    are is not one of the ``per`` shown; its count is added to the new one's."""
    seen: dict[tuple[str, str], int] = {}
    hidden: dict[tuple[str, str], int] = {}
    first: dict[tuple[str, str], Finding] = {}
    kept: list[Finding] = []
    for finding in findings:
        key = (finding.file, finding.code)
        if _says_how_many_more(finding):
            hidden[key] = hidden.get(key, 0) + finding.count
            first.setdefault(key, finding)
            continue
        number = seen.get(key, 0) + finding.count
        seen[key] = number
        if number <= per:
            kept.append(finding)
        else:
            first.setdefault(key, finding)
    for key, finding in first.items():
        more = max(seen.get(key, 0) - per, 0) + hidden.get(key, 0)
        message = MORE_OF_CODE(n=more, code=finding.code)
        kept.append(Finding(finding.code, finding.severity, finding.file, 0, 0, *message.pair, *MORE_OF_CODE_HINT.pair, count=more))
    return sort_findings(kept) if first else kept


def _says_how_many_more(finding: Finding) -> bool:
    return finding.line == 0 and finding.message_en == MORE_OF_CODE(n=finding.count, code=finding.code).pair[1]
