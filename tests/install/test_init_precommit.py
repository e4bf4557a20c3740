"""The pre-commit hooks that ``dytool init`` writes install dytool themselves and work.

pre-commit makes the hooks' environment (``language: python``) and the launcher installs
dytool into it from vendor/dytool/.  pip reaches no index; the offline bundle on
PIP_FIND_LINKS stands in for it (pre-commit builds its placeholder package with setuptools,
which the bundle carries), as on an office machine set up with ``pip config`` for the bundle.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from install_helpers import hermetic_env

from dytool.cli.main import run


def _git(root: Path, env: dict[str, str], *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env=env, timeout=60)


def _pre_commit(root: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    _git(root, env, "add", "-A")
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=root, capture_output=True, text=True,
                          env=env, timeout=900, check=False)


def test_pre_commit_runs_the_generated_hooks_on_a_clean_and_a_broken_record(bundle: Path, tmp_path: Path,
                                                                             capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "repo"
    assert run(["init", str(root), "--example", "--no-git"]) == 0
    capsys.readouterr()
    env = hermetic_env(tmp_path / "home", PIP_FIND_LINKS=str(bundle), PRE_COMMIT_HOME=str(tmp_path / "pre-commit"),
                       DYTOOL_TODAY="2023-09-15")
    _git(root, env, "init", "-q")
    clean = _pre_commit(root, env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "dytool check" in clean.stdout and "Passed" in clean.stdout
    problems = root / "problems" / "fgw.yaml"
    problems.write_text(problems.read_text(encoding="utf-8").replace("owner_unit: fgw", "owner_unit: no-such-unit", 1), encoding="utf-8")
    broken = _pre_commit(root, env)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "DY202" in broken.stdout and "problems/fgw.yaml" in broken.stdout and "Traceback" not in broken.stdout + broken.stderr
