"""The Pages jobs ``dytool init`` writes: valid YAML, on the main branch only, and their
``dytool site`` commands build the site where the job publishes it from."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

import pytest

from dytool.cli.main import run
from dytool.source.yamlread import parse_text


def _yaml(path: Path) -> Any:
    parsed = parse_text(path.read_text(encoding="utf-8"), path.name)
    assert parsed.ok, parsed.findings
    return parsed.value


def _site_commands(steps: list[Any]) -> list[str]:
    lines = [s["run"] if isinstance(s, dict) else s for s in steps if isinstance(s, str) or "run" in s]
    return [line for line in lines if line.startswith("dytool site")]


def test_init_writes_pages_jobs_whose_commands_build_the_site(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "campaign"
    assert run(["init", str(root), "--example", "--no-git"]) == 0
    github = _yaml(root / ".github" / "workflows" / "dytool-site.yml")
    assert github["on"]["push"]["branches"] == ["main"]
    assert github["permissions"]["pages"] == "write"
    build, deploy = github["jobs"]["site"], github["jobs"]["deploy"]
    [github_command] = _site_commands(build["steps"])
    upload = next(s for s in build["steps"] if str(s.get("uses", "")).startswith("actions/upload-pages-artifact"))
    assert deploy["needs"] == "site" and deploy["steps"][0]["uses"].startswith("actions/deploy-pages")
    gitlab = _yaml(root / ".gitlab-ci.yml")
    assert "dytool-check" in gitlab, "the check job stays"
    pages = gitlab["pages"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    [gitlab_command] = _site_commands(pages["script"])
    monkeypatch.chdir(root)  # CI runs them at the top of the checkout
    monkeypatch.setenv("DYTOOL_TODAY", "2023-09-15")
    for line, published in ((github_command, upload["with"]["path"]), (gitlab_command, pages["artifacts"]["paths"][0])):
        args = shlex.split(line)
        assert run(args[1:]) == 0, line
        assert (root / published / "index.html").is_file(), line
        assert (root / published / "problems.html").is_file(), line
    capsys.readouterr()
