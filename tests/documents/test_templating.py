"""Campaign templates are untrusted: sandboxed, strict, time- and size-limited, link-proof."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dytool.documents import templating
from dytool.documents.templating import TemplateProblem, Templates


def campaign_with(tmp_path: Path, name: str, source: str) -> Templates:
    path = tmp_path / "templates" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")
    return Templates(tmp_path)


def test_packaged_templates_render_in_process(tmp_path: Path) -> None:
    text = Templates(tmp_path).render("compilation/ledger.md.j2", {"title": "附件1", "note": "截至2023年9月15日",
                                                                     "header": ["序号", "问题"], "rows": [["1", "a|b\nc<d"]]})
    assert "| 1 | a\\|b c&lt;d |" in text


def test_a_campaign_template_overrides_the_default(tmp_path: Path) -> None:
    templates = campaign_with(tmp_path, "compilation/report.md.j2", "自定义：{{ title }}\n")
    assert templates.render("compilation/report.md.j2", {"title": "报告"}) == "自定义：报告\n"


@pytest.mark.parametrize(
    "payload",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ joiner.__init__.__globals__ }}",
        "{{ lipsum.__globals__['os'] }}",
        "{% set x = [] %}{{ x.append(1) }}",
        "{{ namespace.__init__.__globals__ }}",
    ],
)
def test_known_escape_payloads_fail(tmp_path: Path, payload: str) -> None:
    templates = campaign_with(tmp_path, "compilation/report.md.j2", payload)
    with pytest.raises(TemplateProblem) as info:
        templates.render("compilation/report.md.j2", {"title": "x"})
    assert info.value.en


def test_an_undefined_variable_names_the_template_file_and_line(tmp_path: Path) -> None:
    templates = campaign_with(tmp_path, "compilation/report.md.j2", "第一行\n{{ title }}\n{{ nonexistent }}\n")
    with pytest.raises(TemplateProblem) as info:
        templates.render("compilation/report.md.j2", {"title": "x"})
    assert info.value.file.endswith("report.md.j2")
    assert info.value.line == 3
    assert "nonexistent" in info.value.en


def test_a_template_that_runs_forever_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(templating, "TIME_LIMIT", 1.0)
    templates = campaign_with(tmp_path, "compilation/report.md.j2",
                              "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    with pytest.raises(TemplateProblem) as info:
        templates.render("compilation/report.md.j2", {})
    assert "1 s" in info.value.en or "1 秒" in info.value.zh


def test_a_template_that_prints_too_much_is_cut_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(templating, "MAX_OUTPUT", 10_000)
    templates = campaign_with(tmp_path, "compilation/report.md.j2", "{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}")
    with pytest.raises(TemplateProblem) as info:
        templates.render("compilation/report.md.j2", {})
    assert "output limit" in info.value.en


def test_a_linked_template_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "templates" / "compilation"
    folder.mkdir(parents=True)
    os.symlink("/etc/passwd", folder / "report.md.j2")
    with pytest.raises(TemplateProblem) as info:
        Templates(tmp_path).render("compilation/report.md.j2", {})
    assert "link" in info.value.en


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", "compilation/../../x"])
def test_template_names_cannot_leave_the_folder(tmp_path: Path, name: str) -> None:
    with pytest.raises(TemplateProblem):
        campaign_with(tmp_path, "x.j2", "x").render(name, {})


def test_a_template_set_cannot_leave_the_folder(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    with pytest.raises(TemplateProblem):
        Templates(tmp_path, "../..").render("compilation/report.md.j2", {"title": "x", "byline": "", "abstract": "", "body": ""})
