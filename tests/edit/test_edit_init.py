"""``dytool init``: a repository that passes ``check``, with CI files whose commands run."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
from edit_helpers import PROJECT, dy, snapshot

from dytool.source.yamlread import parse_text

FLAGS = ("--title", "2024年大兴调查研究活动", "--start", "2024-03-01", "--end", "2024-12-31", "--issuer", "中共某市委办公室",
         "--doc-number", "010", "--level", "市级")


def _yaml(path: Path) -> object:
    parsed = parse_text(path.read_text(encoding="utf-8"), path.name)
    assert parsed.ok, parsed.findings
    return parsed.value


def test_init_output_passes_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "新活动"
    ran = dy(capsys, None, "init", str(root), *FLAGS, as_of="2024-03-05")
    assert ran.code == 0, ran.err
    assert (root / ".git").is_dir()
    campaign = _yaml(root / "campaign.yaml")
    assert isinstance(campaign, dict) and campaign["doc_number"] == "010" and campaign["level"] == "city"
    assert dy(capsys, root, "check", as_of="2024-03-05").code == 0
    assert dy(capsys, root, "fmt", "--check").code == 0
    assert ".dytool/" in (root / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert (root / "campaign.yaml").read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=schemas/campaign.schema.json\n")
    assert (root / "schemas" / "problem.schema.json").is_file()
    settings = json.loads((root / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"]["schemas/problem.schema.json"] == "problems/**/*.yaml"


def _commands(value: object) -> list[str]:
    """Every shell line of a CI file that runs dytool check."""
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("run", "script") and isinstance(item, str | list):
                found += [line for line in ([item] if isinstance(item, str) else item) if "dytool check" in str(line)]
            else:
                found += _commands(item)
    elif isinstance(value, list):
        for item in value:
            found += _commands(item)
    return found


def test_ci_files_are_valid_yaml_and_their_check_commands_run(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "repo"
    assert dy(capsys, None, "init", str(root), *FLAGS, "--no-git").code == 0
    assert not (root / ".git").exists()
    github, gitlab = _yaml(root / ".github" / "workflows" / "dytool.yml"), _yaml(root / ".gitlab-ci.yml")
    assert isinstance(gitlab, dict) and gitlab["dytool-check"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    commands = _commands(github) + _commands(gitlab)
    assert len(commands) == 2
    monkeypatch.chdir(root)  # CI runs them at the top of the checkout
    monkeypatch.setenv("DYTOOL_TODAY", "2024-03-05")
    from dytool.cli.main import run

    for line in commands:
        args = shlex.split(line)
        assert args[0] == "dytool"
        capsys.readouterr()
        assert run(args[1:]) == 0, line
    out = capsys.readouterr().out
    assert out.strip() == "" or "::" not in out  # no annotations for a clean repository
    report = json.loads((root / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert report == []
    hooks = _yaml(root / ".pre-commit-config.yaml")
    assert isinstance(hooks, dict)
    assert {h["entry"] for h in hooks["repos"][0]["hooks"]} == {"python vendor/dytool/pre-commit-hook.py check", "python vendor/dytool/pre-commit-hook.py fmt"}
    assert {h["language"] for h in hooks["repos"][0]["hooks"]} == {"python"}  # pre-commit makes the environment
    assert (root / "vendor" / "dytool" / "dytool-0.1.0-py3-none-any.whl").is_file()


def test_the_project_ships_pre_commit_hooks() -> None:
    hooks = _yaml(PROJECT / ".pre-commit-hooks.yaml")
    assert isinstance(hooks, list)
    assert {h["id"]: h["entry"] for h in hooks} == {"dytool-check": "dytool check", "dytool-fmt": "dytool fmt"}
    assert all(h["language"] == "python" and h["pass_filenames"] is False for h in hooks)


def test_init_example_passes_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "example"
    assert dy(capsys, None, "init", str(root), "--example", "--no-git").code == 0
    ran = dy(capsys, root, "check", "--format", "json", as_of="2023-09-15")
    assert ran.code == 0, ran.out[-2000:]
    assert (root / "problems" / "fgw.yaml").read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schemas/problem.schema.json\n")


def test_init_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    (root / ".gitignore").write_text("mine\n", encoding="utf-8")
    before = snapshot(root)
    ran = dy(capsys, None, "init", str(root), *FLAGS, "--no-git")
    assert ran.code == 1 and ".gitignore" in ran.err
    assert snapshot(root) == before
    (root / ".gitignore").unlink()
    assert dy(capsys, None, "init", str(root), *FLAGS, "--no-git").code == 0
    assert dy(capsys, None, "init", str(root), *FLAGS, "--no-git").code == 1  # already a campaign repository


def test_init_without_answers_off_a_terminal_says_what_to_give(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ran = dy(capsys, None, "init", str(tmp_path / "x"), "--no-input")
    assert ran.code == 2 and "--title" in ran.err and "--start" in ran.err
    ran = dy(capsys, None, "init", str(tmp_path / "x"), *FLAGS[:4], "--end", "2024-01-01", "--no-git")
    assert ran.code == 2 and "早于" in ran.err
