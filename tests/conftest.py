"""Every test runs away from the checkout and from the user's home.

* HOME, XDG_CACHE_HOME and XDG_CONFIG_HOME point into a temporary folder for the whole session
  (the cache's signing key, git's and LibreOffice's settings never touch the real ones), and
  git reads no system or user configuration.
* The example campaign is copied once to a temporary folder; :data:`util.EXAMPLE` is that copy,
  so a command run on it (which writes its cache beside it) never writes into the checkout.
  Tests that change the example copy it again into their own ``tmp_path``.
* At the end of the session, a file that appeared in ``examples/`` fails the run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_SESSION = Path(tempfile.mkdtemp(prefix="dytool-tests-"))
_HOME = _SESSION / "home"
_HOME.mkdir()
os.environ.update({
    "HOME": str(_HOME), "XDG_CACHE_HOME": str(_HOME / ".cache"), "XDG_CONFIG_HOME": str(_HOME / ".config"),
    "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
})
os.environ.pop("DYTOOL_TODAY", None)
os.environ.pop("DYTOOL_LANG", None)
os.environ.pop("DYTOOL_JOBS", None)
os.environ.pop("DYTOOL_NO_CACHE", None)
os.environ["DYTOOL_TEST_EXAMPLE"] = str(_SESSION / "campaign-2023")
shutil.copytree(ROOT / "examples" / "campaign-2023", _SESSION / "campaign-2023", ignore=shutil.ignore_patterns(".dytool"))


def _stray_files() -> list[str]:
    try:
        done = subprocess.run(["git", "status", "--porcelain", "--ignored", "--untracked-files=all", "--", "examples"],
                              cwd=ROOT, capture_output=True, text=True, check=False, timeout=60)
    except OSError:
        return []
    return [line for line in done.stdout.splitlines() if line.strip()] if done.returncode == 0 else []


_BEFORE = set(_stray_files())


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    stray = sorted(set(_stray_files()) - _BEFORE)
    if stray:
        print("\ntests wrote into the checkout's examples/ folder:\n  " + "\n  ".join(stray))
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    shutil.rmtree(_SESSION, ignore_errors=True)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from goldens import REGENERATED

    for text in REGENERATED:
        terminalreporter.write_line(text)
