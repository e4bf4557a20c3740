"""The version and environment report (``dytool doctor``, ``dytool --version --verbose``):
one block of text an office can send when it asks for help.

The facts come in as a :class:`Facts` value; the CLI reads them from the machine
(:mod:`dytool.cli.cmd_doctor`), so this module reads nothing itself.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from dytool.core.catalogue import doctor as words
from dytool.core.findings import Lang
from dytool.core.messages import Text

__all__ = ["Facts", "json_text", "report_data", "report_lines", "text"]


@dataclass(frozen=True)
class Facts:
    dytool: str
    python: str
    implementation: str
    executable: str
    system: str
    libraries: tuple[tuple[str, str | None], ...]
    """dytool's dependencies (and pydantic-core), each with its installed version or None."""
    libyaml: str | None
    """The libyaml that PyYAML bundles, or None when PyYAML runs its pure-Python parser."""
    libreoffice: str | None
    user_cache: str
    repository_cache: str | None
    holidays: tuple[str, int, int] | None
    """The holiday calendar package's version and its first and last year."""
    console_encoding: str


def report_data(facts: Facts) -> dict[str, Any]:
    data = asdict(facts)
    data["libraries"] = dict(facts.libraries)
    data["holidays"] = None if facts.holidays is None else dict(zip(("version", "first_year", "last_year"), facts.holidays, strict=True))
    return data


def report_lines(facts: Facts, lang: Lang) -> list[str]:
    def say(text: Text) -> str:
        return text.text(lang)

    lines = [
        f"dytool {facts.dytool}",
        f"Python {facts.python} ({facts.implementation}) {facts.executable}",
        say(words.SYSTEM(system=facts.system)),
        say(words.LIBRARIES),
    ]
    for name, version in facts.libraries:
        extra = ""
        if name.lower() == "pyyaml":
            extra = f" (libyaml {facts.libyaml})" if facts.libyaml else say(words.NO_LIBYAML)
        lines.append(f"  {name} {version or say(words.NOT_INSTALLED)}{extra}")
    lines.append(f"LibreOffice: {facts.libreoffice}" if facts.libreoffice else say(words.LIBREOFFICE_NOT_FOUND))
    lines.append(say(words.CACHE(path=facts.user_cache)))
    lines.append(say(words.REPOSITORY_CACHE(path=facts.repository_cache)) if facts.repository_cache else say(words.NOT_IN_REPOSITORY))
    if facts.holidays:
        version, first, last = facts.holidays
        lines.append(say(words.HOLIDAYS(version=version, first=first, last=last)))
    else:
        lines.append(say(words.NO_HOLIDAYS))
    lines.append(say(words.ENCODING(encoding=facts.console_encoding)))
    return lines


def text(facts: Facts, lang: Lang) -> str:
    """The report for people (``--format text``)."""
    return "\n".join(report_lines(facts, lang)) + "\n"


def json_text(facts: Facts, lang: Lang) -> str:
    """The report for programs (``--format json``)."""
    return json.dumps(report_data(facts), ensure_ascii=False, indent=2) + "\n"
