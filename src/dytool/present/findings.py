"""Machine formats of ``check``'s findings: JSON, GitHub annotations, GitLab Code Quality, JUnit.

Each reporter is a pure function from findings to text; the CLI only writes the text out.
The text format for people lives in :mod:`dytool.present.findings_text` (it needs rich).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence

from dytool.core.codes import CODES
from dytool.core.findings import Finding, Lang, Severity
from dytool.core.text import printable, xml_safe

__all__ = ["REPORTERS", "github", "gitlab", "json_report", "junit"]

Display = Callable[[str], str]
"""Maps a repository-relative file to the path shown (relative to where the command runs)."""

_NAMES = {code.code: code.name for code in CODES.values()}


def json_report(findings: Sequence[Finding], lang: Lang, display: Display, summary: dict[str, int]) -> str:
    items = [
        {
            "code": f.code,
            "name": _NAMES.get(f.code, ""),
            "severity": f.severity.value,
            "file": f.file,
            "path": display(f.file),
            "line": f.line,
            "column": f.column,
            "message": f.message(lang),
            "message_zh": f.message_zh,
            "message_en": f.message_en,
            "hint": f.hint(lang),
        }
        for f in findings
    ]
    return json.dumps({"version": 1, "summary": summary, "findings": items}, ensure_ascii=False, indent=2) + "\n"


def _gh_data(text: str) -> str:
    return printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def github(findings: Sequence[Finding], lang: Lang, display: Display, summary: dict[str, int]) -> str:
    """GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=…::message``."""
    lines = []
    for f in findings:
        level = "error" if f.severity is Severity.ERROR else "warning"
        props = [f"file={_gh_prop(display(f.file))}"]
        if f.line > 0:
            props += [f"line={f.line}", f"col={max(f.column, 1)}"]
        props.append(f"title={_gh_prop(f.code)}")
        message = f.message(lang) + (f" ({f.hint(lang)})" if f.hint(lang) else "")
        lines.append(f"::{level} {','.join(props)}::{_gh_data(message)}")
    return "".join(line + "\n" for line in lines)


def gitlab(findings: Sequence[Finding], lang: Lang, display: Display, summary: dict[str, int]) -> str:
    """A GitLab Code Quality report (a JSON array, CodeClimate subset)."""
    items = []
    for f in findings:
        path = display(f.file)
        fingerprint = hashlib.sha256(f"{f.code}|{path}|{f.line}|{f.column}|{f.message_en}".encode()).hexdigest()
        items.append({
            "description": f"{f.code} {f.message(lang)}" + (f" ({f.hint(lang)})" if f.hint(lang) else ""),
            "check_name": f.code,
            "fingerprint": fingerprint,
            "severity": "major" if f.severity is Severity.ERROR else "minor",
            "location": {"path": path, "lines": {"begin": max(f.line, 1)}},
        })
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def junit(findings: Sequence[Finding], lang: Lang, display: Display, summary: dict[str, int]) -> str:
    """JUnit XML: one test case per finding, failing for errors; one passing case when clean."""
    from xml.sax.saxutils import quoteattr as xml_quoteattr  # 15 ms of imports, for this format only

    def quoteattr(text: str) -> str:
        return xml_quoteattr(xml_safe(text))

    cases = []
    for f in findings:
        where = display(f.file) + (f":{f.line}:{f.column}" if f.line else "")
        message = f.message(lang)
        body = f"{where}: {f.code} {message}" + (f"\n{f.hint(lang)}" if f.hint(lang) else "")
        tag = "failure" if f.severity is Severity.ERROR else "system-out"
        inner = (f"<failure message={quoteattr(message)} type={quoteattr(f.code)}>{_xml_text(body)}</failure>"
                 if tag == "failure" else f"<system-out>{_xml_text(body)}</system-out>")
        cases.append(f'    <testcase classname={quoteattr(display(f.file))} name={quoteattr(f"{f.code} {where}")}>{inner}</testcase>')
    if not cases:
        cases.append('    <testcase classname="dytool" name="check"/>')
    failures = sum(1 for f in findings if f.severity is Severity.ERROR)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<testsuites name="dytool check" tests="{len(cases)}" failures="{failures}">\n'
        f'  <testsuite name="dytool check" tests="{len(cases)}" failures="{failures}" errors="0">\n'
        + "\n".join(cases)
        + "\n  </testsuite>\n</testsuites>\n"
    )


def _xml_text(text: str) -> str:
    return xml_safe(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


REPORTERS: dict[str, Callable[[Sequence[Finding], Lang, Display, dict[str, int]], str]] = {
    "json": json_report,
    "github": github,
    "gitlab": gitlab,
    "junit": junit,
}
