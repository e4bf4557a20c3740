"""The first stage of loading one file: bytes → text → plain values and reading findings.

A pure function of the file's bytes (and, for the rare personal-data hit, its positions), so
it can run in a worker process: the result pickles, and the same bytes give the same result.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dytool.checks.personal import scan_personal
from dytool.codes import CODES, Pos
from dytool.findings import Finding
from dytool.hints import decode
from dytool.repo import Locator, split_front_matter
from dytool.yamlread import parse_text

__all__ = ["ParsedFile", "parse_file"]


@dataclass(frozen=True, slots=True)
class ParsedFile:
    value: Any
    """Plain data: a record, a list of records, or a report's front matter."""
    ok: bool
    """Whether ``value`` can be used (a file with a syntax error cannot)."""
    findings: tuple[Finding, ...]
    body: str | None = None
    """A report's Markdown body."""


def parse_file(root: Path, rel: str, data: bytes, *, report: bool) -> ParsedFile:
    text, problem = decode(data, rel)
    if text is None:
        return ParsedFile(None, False, (problem,) if problem else ())
    findings: list[Finding] = [problem] if problem else []
    locator = Locator(root)
    if not report:
        parsed = parse_text(text, rel)
        findings.extend(parsed.findings)
        usable = parsed.ok or parsed.value is not None
        if usable:
            findings.extend(scan_personal(text, rel, 0, locator))
        return ParsedFile(parsed.value, usable, tuple(findings))
    parts = split_front_matter(text)
    if parts is None:
        findings.append(CODES["front-matter"].at(
            Pos(rel, 1, 1), "报告开头缺少 YAML 头信息（--- 之间的 topic、title 等），或头信息没有以 --- 结束",
            "the report does not start with YAML front matter (topic, title … between --- lines), or it is not closed by ---",
            hint_zh="在文件开头加上：---\\ntopic: T-001\\ntitle: 报告标题\\n---",
            hint_en="start the file with: ---\\ntopic: T-001\\ntitle: Report title\\n---"))
        return ParsedFile(None, False, tuple(findings))
    front, body, offset = parts
    parsed = parse_text(front, rel, line_offset=offset)
    findings.extend(parsed.findings)
    usable = parsed.ok or parsed.value is not None
    if usable:
        findings.extend(scan_personal(front, rel, offset, locator))
    findings.extend(scan_personal(body, rel, text[: len(text) - len(body)].count("\n"), None))
    return ParsedFile(parsed.value, usable, tuple(findings), body)
