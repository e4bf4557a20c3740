"""The first stage of loading one file: bytes → text → plain values and reading findings.

A pure function of the file's bytes (and, for the rare personal-data hit, its positions), so
it can run in a worker process: the result pickles, and the same bytes give the same result.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dytool.core.catalogue import files
from dytool.core.codes import CODES, Pos
from dytool.core.findings import Finding
from dytool.source.hints import decode
from dytool.source.locate import split_front_matter
from dytool.source.yamlread import parse_text

__all__ = ["ParsedFile", "parse_file"]


@dataclass(frozen=True, slots=True)
class ParsedFile:
    value: Any
    """Plain data: a record, a list of records, or a report's front matter."""
    ok: bool
    """Whether ``value`` can be used (a file with a syntax error cannot)."""
    findings: tuple[Finding, ...]
    body: str | None = None
    """A report's Markdown body, its lines ended by ``\\n`` whatever the file has (a CRLF
    checkout on Windows gives the same documents as any other)."""
    texts: tuple[tuple[str, int, bool], ...] = ()
    """The decoded text, in pieces for the text checks: (text, line offset, whether it is YAML)."""


def parse_file(rel: str, data: bytes, *, report: bool) -> ParsedFile:
    text, problem = decode(data, rel)
    if text is None:
        return ParsedFile(None, False, (problem,) if problem else ())
    findings: list[Finding] = [problem] if problem else []
    if not report:
        parsed = parse_text(text, rel)
        findings.extend(parsed.findings)
        usable = parsed.ok or parsed.value is not None
        return ParsedFile(parsed.value, usable, tuple(findings), texts=((text, 0, True),) if usable else ())
    parts = split_front_matter(text)
    if parts is None:
        findings.append(CODES["front-matter"].at(Pos(rel, 1, 1), files.NO_FRONT_MATTER, hint=files.NO_FRONT_MATTER_HINT))
        return ParsedFile(None, False, tuple(findings))
    front, body, offset = parts
    parsed = parse_text(front, rel, line_offset=offset)
    findings.extend(parsed.findings)
    usable = parsed.ok or parsed.value is not None
    texts: tuple[tuple[str, int, bool], ...] = ((front, offset, True),) if usable else ()
    texts += ((body, text[: len(text) - len(body)].count("\n"), False),)
    return ParsedFile(parsed.value, usable, tuple(findings), body.replace("\r\n", "\n"), texts)
