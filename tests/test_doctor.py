"""``dytool doctor`` / ``dytool --version --verbose``: one block to send when asking for help."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dytool import __version__
from dytool.cli.main import run
from dytool.core.findings import Lang
from dytool.present.doctor import Facts, report_lines
from dytool.source.yamlerrors import libyaml_version
from util import EXAMPLE

FACTS = Facts(
    dytool="9.9", python="3.12.1", implementation="CPython", executable="C:\\dytool\\python.exe", system="Windows-10",
    libraries=(("pydantic", "2.10.0"), ("pyyaml", "6.0.1"), ("lxml", None)), libyaml=None, libreoffice=None,
    user_cache="C:\\Users\\x\\.cache\\dytool", repository_cache=None, holidays=("1.9.0", 2004, 2024), console_encoding="gbk",
)


def test_the_report_says_what_is_missing_in_either_language() -> None:
    zh = "\n".join(report_lines(FACTS, Lang.ZH))
    assert "dytool 9.9" in zh and "Python 3.12.1 (CPython)" in zh
    assert "lxml 未安装" in zh and "无 libyaml" in zh and "LibreOffice：未找到" in zh
    assert "chinesecalendar 1.9.0，2004—2024 年" in zh and "不在调研活动仓库中" in zh and "gbk" in zh
    en = "\n".join(report_lines(FACTS, Lang.EN))
    assert "lxml not installed" in en and "no libyaml" in en and "LibreOffice: not found" in en
    assert "chinesecalendar 1.9.0, 2004-2024" in en


def test_doctor_reports_this_installation(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["doctor", "-C", str(EXAMPLE), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["dytool"] == __version__
    libraries = data["libraries"]
    assert {"pydantic", "pydantic-core", "pyyaml", "jinja2", "lxml", "chinesecalendar"} <= set(libraries)
    assert all(libraries.values())
    assert data["libyaml"] == (".".join(map(str, libyaml_version())) if libyaml_version() else None)
    assert data["holidays"]["first_year"] <= 2023 <= data["holidays"]["last_year"]
    assert Path(data["repository_cache"]) == EXAMPLE / ".dytool" / "cache"


def test_version_verbose_is_the_doctor_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--version"]) == 0
    assert capsys.readouterr().out == f"dytool {__version__}\n"
    assert run(["--version", "--verbose", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"dytool {__version__}\nPython ") and "holiday calendar: chinesecalendar" in out and "pyyaml" in out
