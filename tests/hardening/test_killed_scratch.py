"""A command killed while it uses a temporary folder (``check --changed-since``, ``diff``,
``status --since``, a LibreOffice run) leaves it behind; the next command that makes one removes
it, and never the folder of a command that is still running.

Each command runs in a real process with the temporary directory in ``tmp_path``; it is
stopped right after it has filled its folder (the step after is made to sleep) and killed with
SIGKILL, which no clean-up survives.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from util import EXAMPLE

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")

SRC = Path(__file__).resolve().parents[2] / "src"

STALL_AFTER_EXPORT = """
import runpy, sys, time
from dytool.source import git
real = git.export_tree
def stalled(*args, **kwargs):
    done = real(*args, **kwargs)
    sys.stderr.write("STALLED\\n")
    sys.stderr.flush()
    time.sleep(600)
    return done
git.export_tree = stalled
sys.argv = ["dytool", *sys.argv[1:]]
runpy.run_module("dytool", run_name="__main__")
"""

STALL_IN_OFFICE = """
import sys, time
from dytool.source import office
def stalled(command, env):
    sys.stderr.write("STALLED\\n")
    sys.stderr.flush()
    time.sleep(600)
office._run = stalled
office.export(office.Office("soffice", None), [(b"PK not really a docx", True)], {})
"""

COMMANDS = {
    "since": ["check", "--changed-since", "HEAD~1"],
    "diff": ["diff", "HEAD~1"],
    "status": ["status", "--since", "HEAD~1"],
}


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=root, check=True, capture_output=True)


@pytest.fixture
def history(tmp_path: Path) -> Path:
    root = tmp_path / "campaign"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".dytool"))
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "start")
    with (root / "preface.md").open("a", encoding="utf-8") as preface:
        preface.write("\n补充说明。\n")
    _git(root, "commit", "-q", "-am", "more")
    return root


@pytest.fixture
def temp(tmp_path: Path) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    return folder


def _env(tmp_path: Path, temp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DYTOOL_")}
    env.update({"HOME": str(tmp_path / "home"), "XDG_CACHE_HOME": str(tmp_path / "cache"), "DYTOOL_TODAY": "2023-09-15",
                "TMPDIR": str(temp), "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))})
    return env


def _stalled(script: str, args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    """A dytool process that has filled its temporary folder and now sleeps."""
    child = subprocess.Popen([sys.executable, "-c", script, *args], env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert child.stderr is not None
    line = child.stderr.readline()
    assert line == "STALLED\n", line + child.stderr.read()
    return child


def _kill(child: subprocess.Popen[str]) -> None:
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=60)
    if child.stderr is not None:
        child.stderr.close()


def _dytool(root: Path, args: list[str], env: dict[str, str]) -> None:
    done = subprocess.run([sys.executable, "-m", "dytool", "-C", str(root), *args], env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode in (0, 1), done.stderr


def _scratch(temp: Path) -> list[str]:
    return sorted(p.name for p in temp.iterdir() if p.name.startswith("dytool-"))


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_the_folder_of_a_killed_command_is_removed_by_the_next_run(history: Path, temp: Path, tmp_path: Path, command: str) -> None:
    env = _env(tmp_path, temp)
    child = _stalled(STALL_AFTER_EXPORT, ["-C", str(history), *COMMANDS[command]], env)
    _kill(child)
    left = _scratch(temp)
    assert len(left) == 1 and (temp / left[0] / "in-use.lock").read_text(encoding="ascii").startswith(f"pid {child.pid} ")
    assert any((temp / left[0]).iterdir())  # the revision it had written out
    _dytool(history, COMMANDS[command], env)
    assert _scratch(temp) == []


def test_the_folder_of_a_killed_office_run_is_removed_by_any_run_that_makes_one(history: Path, temp: Path, tmp_path: Path) -> None:
    env = _env(tmp_path, temp)
    _kill(_stalled(STALL_IN_OFFICE, [], env))
    left = _scratch(temp)
    assert len(left) == 1 and left[0].startswith("dytool-office-") and (temp / left[0] / "document-0.docx").is_file()
    _dytool(history, COMMANDS["diff"], env)
    assert _scratch(temp) == []


def test_the_folder_of_a_running_command_is_kept(history: Path, temp: Path, tmp_path: Path) -> None:
    env = _env(tmp_path, temp)
    running = _stalled(STALL_AFTER_EXPORT, ["-C", str(history), *COMMANDS["since"]], env)
    office = _stalled(STALL_IN_OFFICE, [], env)
    try:
        live = _scratch(temp)
        assert [name.split("-")[1] for name in live] == ["office", "since"]
        for command in sorted(COMMANDS):
            _dytool(history, COMMANDS[command], env)
        assert _scratch(temp) == live
        assert all(any((temp / name).iterdir()) for name in live)  # nothing removed inside either
    finally:
        _kill(running)
        _kill(office)
    _dytool(history, COMMANDS["status"], env)
    assert _scratch(temp) == []
