"""``dytool init --rollup`` and the CI pieces: a member publishes on its default branch, the
roll-up runs on every push and every morning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from dytool.cli.main import run
from dytool.edit.scaffold_rollup import PUBLISH_COMMAND, PUBLISH_FILE, ROLLUP_COMMANDS
from dytool.rollup.config import read_config


def test_init_rollup_writes_a_repository_that_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dest = tmp_path / "汇总"
    assert run(["init", "--rollup", str(dest), "--title", "青川市大兴调查研究活动汇总", "--issuer", "市调研办", "--level", "市级", "--no-git"]) == 0
    files = sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file())
    vendored = [f for f in files if f.startswith("vendor/dytool/")]  # dytool's own wheel, which CI installs (issue 11)
    assert any(f.endswith(".whl") for f in vendored) and "vendor/dytool/README.md" in vendored
    assert [f for f in files if f not in vendored] == [
        ".github/workflows/dytool-rollup.yml", ".gitignore", ".gitlab-ci.yml", ".vscode/settings.json", "README.md",
        "members/.gitkeep", "rollup.yaml", "schemas/publish.schema.json", "schemas/rollup.schema.json"]
    read = read_config(dest)
    assert (read.config.title, read.config.issuer, read.config.level, read.members, read.findings) == (
        "青川市大兴调查研究活动汇总", "市调研办", "city", [], [])
    capsys.readouterr()
    assert run(["rollup", "status", "-C", str(dest)]) == 0
    assert "rollup.yaml 中还没有成员" in capsys.readouterr().out
    # The commented examples are members once uncommented.
    text = (dest / "rollup.yaml").read_text(encoding="utf-8")
    (dest / "rollup.yaml").write_text(text.replace("  # - {", "  - {"), encoding="utf-8")
    read = read_config(dest)
    assert [(m.spec.name, m.spec.kind.value) for m in read.members] == [("西陵县", "county"), ("东湖区", "district"), ("市发改委", "department")]
    assert run(["init", "--rollup", str(dest), "--title", "x", "--no-git"]) == 1
    assert "已经是汇总仓库" in capsys.readouterr().err


def test_init_rollup_needs_a_title(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["init", "--rollup", str(tmp_path / "r"), "--no-input", "--no-git"]) == 2
    assert "--title" in capsys.readouterr().err


def test_the_roll_up_pipelines(tmp_path: Path) -> None:
    assert run(["init", "--rollup", str(tmp_path), "--title", "汇总", "--no-git"]) == 0
    github = yaml.safe_load((tmp_path / ".github" / "workflows" / "dytool-rollup.yml").read_text(encoding="utf-8"))
    on = github[True]  # YAML 1.1 reads the key "on" as true
    assert "schedule" in on and "push" in on
    steps = github["jobs"]["rollup"]["steps"]
    assert steps[0]["with"]["submodules"] == "recursive"
    assert [s["run"] for s in steps if str(s.get("run", "")).startswith("dytool rollup")] == list(ROLLUP_COMMANDS)
    assert steps[-1]["if"] == "always()" and steps[-1]["with"]["path"] == "build/"
    gitlab = yaml.safe_load((tmp_path / ".gitlab-ci.yml").read_text(encoding="utf-8"))["dytool-rollup"]
    assert gitlab["variables"]["GIT_SUBMODULE_STRATEGY"] == "recursive"
    assert gitlab["script"][-1] == ROLLUP_COMMANDS[0] and gitlab["after_script"] == [ROLLUP_COMMANDS[1]]
    assert gitlab["artifacts"] == {"when": "always", "paths": ["build/"]}
    settings = json.loads((tmp_path / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {"schemas/rollup.schema.json": "rollup.yaml"}


def test_a_member_campaign_publishes_on_its_default_branch(tmp_path: Path) -> None:
    assert run(["init", str(tmp_path), "--title", "西岭县2024年大兴调查研究活动", "--start", "2024-03-01", "--end", "2024-12-31", "--no-git"]) == 0
    github = yaml.safe_load((tmp_path / ".github" / "workflows" / "dytool-publish.yml").read_text(encoding="utf-8"))
    job = github["jobs"]["publish"]
    assert job["if"] == "github.ref_name == github.event.repository.default_branch"
    assert [s["run"] for s in job["steps"] if "publish" in s.get("name", "")] == [PUBLISH_COMMAND]
    assert job["steps"][-1]["with"] == {"name": "dytool-summary", "path": PUBLISH_FILE}
    gitlab = yaml.safe_load((tmp_path / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert set(gitlab) == {"variables", "dytool-check", "dytool-publish", "pages"}  # variables: where CI installs dytool from; pages: the site
    publish = gitlab["dytool-publish"]
    assert publish["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert publish["script"][-1] == PUBLISH_COMMAND and publish["artifacts"]["paths"] == [PUBLISH_FILE]
