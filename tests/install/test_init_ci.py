"""A repository made by ``dytool init`` passes its own CI on the first run.

The CI files are read as CI would read them and their shell lines run literally, in a fresh
virtual environment whose pip reaches no index: the dytool wheel comes from the repository's
vendor/dytool/, the dependencies from the offline bundle (standing in for the office's
package index), or from vendor/dytool/ alone after ``init --bundle``.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from install_helpers import fresh_venv, hermetic_env, with_path

from dytool import __version__
from dytool.cli.main import run

FLAGS = ("--title", "2024年大兴调查研究活动", "--start", "2024-03-01", "--end", "2024-12-31", "--no-git", "--no-input")
GITHUB_VARS = re.compile(r"\$\{\{\s*vars\.(\w+)\s*\|\|\s*'([^']*)'\s*\}\}")


def github_env(value: str) -> str:
    """A workflow env value as GitHub evaluates it when the office set no variable."""
    return GITHUB_VARS.sub(lambda m: m.group(2), value)


def github_steps(root: Path) -> tuple[dict[str, str], list[str]]:
    workflow: Any = yaml.safe_load((root / ".github/workflows/dytool.yml").read_text(encoding="utf-8"))
    env = {key: github_env(str(value)) for key, value in (workflow.get("env") or {}).items()}
    steps = [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]
    return env, steps


def gitlab_steps(root: Path) -> tuple[dict[str, str], list[str]]:
    pipeline: Any = yaml.safe_load((root / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    return {k: str(v) for k, v in pipeline["variables"].items()}, list(pipeline["dytool-check"]["script"])


def run_steps(root: Path, variables: dict[str, str], steps: list[str], env: dict[str, str]) -> list[subprocess.CompletedProcess[str]]:
    results = []
    for line in steps:
        done = subprocess.run(["bash", "-e", "-c", line], cwd=root, capture_output=True, text=True, env={**env, **variables},
                              timeout=600, check=False)
        results.append(done)
        if done.returncode != 0:
            break
    return results


def init(capsys: pytest.CaptureFixture[str], root: Path, *extra: str) -> None:
    assert run(["init", str(root), *FLAGS, *extra]) == 0, capsys.readouterr().err
    capsys.readouterr()


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_the_ci_steps_install_the_committed_wheel_and_pass(ci: str, bundle: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "repo"
    init(capsys, root)
    variables, steps = github_steps(root) if ci == "github" else gitlab_steps(root)
    assert variables == {"DYTOOL_SPEC": f"vendor/dytool/dytool-{__version__}-py3-none-any.whl"}
    assert steps[0] == 'python -m pip install --find-links vendor/dytool "$DYTOOL_SPEC"'
    env = with_path(hermetic_env(tmp_path / "home", DYTOOL_TODAY="2024-03-05", PIP_FIND_LINKS=str(bundle)), fresh_venv(tmp_path / "venv"))
    results = run_steps(root, variables, steps, env)
    assert [r.returncode for r in results] == [0] * len(steps), results[-1].stdout + results[-1].stderr
    assert "Successfully installed" in results[0].stdout and f"dytool-{__version__}" in results[0].stdout
    # the same steps on a broken record: the check step fails, and says where
    (root / "problems" / "bad.yaml").write_text("- id: P-1\n  title: 缺少单位\n  owner_unit: nosuch\n  due: 2024-06-30\n", encoding="utf-8")
    broken = run_steps(root, variables, steps[1:], env)
    assert broken[-1].returncode == 1
    assert "nosuch" in (broken[-1].stdout + (root / "gl-code-quality-report.json").read_text(encoding="utf-8") if ci == "gitlab" else broken[-1].stdout)


def test_with_the_bundle_committed_ci_installs_with_no_index(bundle: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "repo"
    init(capsys, root, "--bundle", str(bundle))
    vendored = {p.name for p in (root / "vendor" / "dytool").iterdir()}
    assert {p.name for p in bundle.iterdir()} <= vendored
    variables, steps = github_steps(root)
    assert steps[0] == 'python -m pip install --no-index --find-links vendor/dytool "$DYTOOL_SPEC"'
    env = with_path(hermetic_env(tmp_path / "home", DYTOOL_TODAY="2024-03-05"), fresh_venv(tmp_path / "venv"))  # no PIP_FIND_LINKS
    results = run_steps(root, variables, steps, env)
    assert [r.returncode for r in results] == [0] * len(steps), results[-1].stdout + results[-1].stderr


def test_the_office_sets_one_variable_to_install_from_elsewhere(bundle: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "repo"
    init(capsys, root)
    _, steps = github_steps(root)
    env = with_path(hermetic_env(tmp_path / "home", PIP_FIND_LINKS=str(bundle)), fresh_venv(tmp_path / "venv"))
    # e.g. a version on the office's mirror (here the bundle stands in for the mirror)
    results = run_steps(root, {"DYTOOL_SPEC": f"dytool=={__version__}"}, steps[:1], env)
    assert results[0].returncode == 0, results[0].stderr
    results = run_steps(root, {"DYTOOL_SPEC": "dytool==999"}, steps[:1], env)
    assert results[0].returncode != 0 and "dytool==999" in results[0].stderr


def test_a_bundle_of_another_dytool_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "bundle"
    other.mkdir()
    (other / "dytool-0.0.1-py3-none-any.whl").write_bytes(b"")
    assert run(["init", str(tmp_path / "repo"), *FLAGS, "--bundle", str(other)]) == 2
    assert "dytool-0.0.1-py3-none-any.whl" in capsys.readouterr().err
    assert not (tmp_path / "repo").exists()
