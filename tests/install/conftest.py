"""Fixtures of the installation tests: the offline bundle, built once per session with pip
downloading from the package index (the one place the tests use the network)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``python3 -m dytool.bundle`` run once: the folder, holding wheels for every target.

    pip's cache goes to DYTOOL_TEST_WHEELHOUSE when set (.ci/run sets it, so the second test
    pass of one CI run downloads nothing again), else to this session's temporary folder."""
    wheelhouse = Path(os.environ.get("DYTOOL_TEST_WHEELHOUSE") or tmp_path_factory.mktemp("wheelhouse"))
    out = tmp_path_factory.mktemp("bundle") / "dytool-offline"
    env = {k: v for k, v in os.environ.items() if k not in ("PIP_NO_INDEX", "PIP_CACHE_DIR")}
    env.update(HOME=str(tmp_path_factory.mktemp("home")), PIP_CACHE_DIR=str(wheelhouse / "pip-cache"))
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "dytool.bundle", "-o", str(out), "--archive"], capture_output=True, text=True,
                          env=env, timeout=1200, check=False)
    assert done.returncode == 0, f"building the bundle failed (it downloads wheels: is the package index reachable?)\n{done.stdout}\n{done.stderr}"
    size = sum(p.stat().st_size for p in out.iterdir())
    report = f"offline bundle: {len(list(out.glob('*.whl')))} wheels, {size / 1_048_576:.1f} MiB, built in {time.monotonic() - started:.0f} s"
    print(f"\n{report}", file=sys.stderr)
    (out.parent / "measurements.txt").write_text(report + "\n", encoding="utf-8")
    return out
