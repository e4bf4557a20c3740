"""The version and environment report (``dytool doctor``, ``dytool --version --verbose``):
one block of text an office can send when it asks for help.

The facts come in as a :class:`Facts` value; the CLI reads them from the machine
(:mod:`dytool.cli.cmd_doctor`), so this module reads nothing itself.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from dytool.core.findings import Lang

__all__ = ["Facts", "report_data", "report_lines"]


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
    en = lang is Lang.EN
    missing = "not installed" if en else "未安装"
    lines = [
        f"dytool {facts.dytool}",
        f"Python {facts.python} ({facts.implementation}) {facts.executable}",
        f"{'system' if en else '系统'}: {facts.system}",
        f"{'libraries' if en else '依赖库'}:",
    ]
    for name, version in facts.libraries:
        extra = ""
        if name.lower() == "pyyaml":
            extra = f" (libyaml {facts.libyaml})" if facts.libyaml else (" (no libyaml: slow pure-Python parser)" if en else "（无 libyaml：纯 Python 解析，较慢）")
        lines.append(f"  {name} {version or missing}{extra}")
    if facts.libreoffice:
        lines.append(f"LibreOffice: {facts.libreoffice}")
    else:
        lines.append("LibreOffice: not found (needed only to turn the Word files into PDF)" if en
                     else "LibreOffice：未找到（仅在把 Word 文件转成 PDF 时需要）")
    lines.append(f"{'cache' if en else '缓存'}: {facts.user_cache} ({'signing key' if en else '签名密钥'})")
    if facts.repository_cache:
        lines.append(f"{'cache of this repository' if en else '本仓库缓存'}: {facts.repository_cache}")
    else:
        lines.append("not inside a campaign repository" if en else "当前目录不在调研活动仓库中")
    if facts.holidays:
        version, first, last = facts.holidays
        lines.append(f"{'holiday calendar' if en else '节假日数据'}: chinesecalendar {version}, {first}–{last}")
    else:
        lines.append("holiday calendar: not available" if en else "节假日数据：不可用")
    lines.append(f"{'console encoding' if en else '终端编码'}: {facts.console_encoding}")
    return lines
