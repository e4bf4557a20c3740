"""Helpers of the installation tests: fresh virtual environments, and an environment in which
pip reaches no index."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "campaign-2023"
BIN = "Scripts" if os.name == "nt" else "bin"


def hermetic_env(home: Path, **extra: str) -> dict[str, str]:
    """os.environ without pip's settings or the user's folders: pip reads no configuration,
    reaches no index (PIP_NO_INDEX) and caches nothing outside ``home``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "VIRTUAL_ENV", "PYTHON")) and k != "DYTOOL_TODAY"}
    home.mkdir(parents=True, exist_ok=True)
    env.update(HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"), XDG_CONFIG_HOME=str(home / ".config"),
               PIP_CONFIG_FILE=os.devnull, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1", GIT_CONFIG_NOSYSTEM="1",
               GIT_AUTHOR_NAME="秘书", GIT_AUTHOR_EMAIL="office@example.org", GIT_COMMITTER_NAME="秘书",
               GIT_COMMITTER_EMAIL="office@example.org")
    env.update(extra)
    return env


def fresh_venv(path: Path) -> Path:
    """A new virtual environment (with pip, nothing else); its bin folder."""
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True, capture_output=True, timeout=300)
    return path / BIN


def with_path(env: dict[str, str], bin_dir: Path) -> dict[str, str]:
    return {**env, "PATH": f"{bin_dir}{os.pathsep}{env.get('PATH', '')}", "VIRTUAL_ENV": str(bin_dir.parent)}
