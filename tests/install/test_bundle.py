"""The offline bundle: wheels for every target, and an install that reaches no index."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from install_helpers import EXAMPLE, fresh_venv, hermetic_env

from dytool import __version__
from dytool.cli.bundle import SYSTEMS, Target, download_command, missing_for, targets


def test_the_bundle_says_how_to_install_it_and_is_intact(bundle: Path) -> None:
    text = (bundle / "INSTALL.txt").read_text(encoding="utf-8")
    assert f"python -m pip install --no-index --find-links {bundle.name} dytool" in text.splitlines()
    assert (bundle / f"dytool-{__version__}-py3-none-any.whl").is_file()
    sums = dict(reversed(line.split("  ", 1)) for line in (bundle / "SHA256SUMS").read_text(encoding="utf-8").splitlines())
    assert set(sums) == {p.name for p in bundle.iterdir()} - {"SHA256SUMS"}
    for name, digest in sums.items():
        assert hashlib.sha256((bundle / name).read_bytes()).hexdigest() == digest, name
    with zipfile.ZipFile(bundle.with_name(bundle.name + ".zip")) as archive:
        assert sorted(archive.namelist()) == sorted(f"{bundle.name}/{p.name}" for p in bundle.iterdir())


@pytest.mark.parametrize("target", targets(), ids=str)
def test_every_target_resolves_from_the_bundle_alone(bundle: Path, target: Target, tmp_path: Path) -> None:
    # pip resolves dytool for that platform and Python from the bundle only (no index).
    command = download_command([sys.executable, "-m", "pip"], ["dytool"], target, tmp_path / "got")
    command[4:4] = ["--no-index", "--find-links", str(bundle)]
    done = subprocess.run(command, capture_output=True, text=True, env=hermetic_env(tmp_path / "home"), timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    got = {p.name.split("-")[0].lower() for p in (tmp_path / "got").iterdir()}
    assert {"dytool", "pydantic_core", "lxml", "pyyaml", "markupsafe", "typer"} <= got
    binary = [p.name for p in (tmp_path / "got").iterdir() if not p.name.endswith("-none-any.whl")]
    tag = "win_amd64" if target.system == "windows" else "manylinux"
    assert binary and all(tag in name for name in binary), binary
    assert set(SYSTEMS) == {"linux", "windows"}
    # pip judged markers on this machine: what the target alone needs must be there too
    assert missing_for(bundle, target) == []
    if target.system == "windows":
        assert any(p.name.startswith("colorama-") for p in bundle.iterdir())  # typer's, on Windows only


def test_the_bundle_installs_with_no_index_and_runs_the_example(bundle: Path, tmp_path: Path) -> None:
    bin_dir = fresh_venv(tmp_path / "venv")
    env = hermetic_env(tmp_path / "home")
    started = time.monotonic()
    done = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--no-index", "--find-links", str(bundle), "dytool"],
                          capture_output=True, text=True, env=env, timeout=600, check=False)
    seconds = time.monotonic() - started
    assert done.returncode == 0, done.stdout + done.stderr
    campaign = shutil.copytree(EXAMPLE, tmp_path / "campaign", ignore=shutil.ignore_patterns(".*"))
    status = subprocess.run([str(bin_dir / "dytool"), "status", "-C", str(campaign), "--as-of", "2023-09-15"],
                            capture_output=True, text=True, env=env, timeout=300, check=False)
    assert status.returncode == 0, status.stdout + status.stderr
    assert "青川市2023年大兴调查研究活动" in status.stdout and "Traceback" not in status.stderr
    report = f"offline install into a fresh venv: {seconds:.1f} s"
    print(f"\n{report}", file=sys.stderr)
    with (bundle.parent / "measurements.txt").open("a", encoding="utf-8") as out:
        out.write(report + "\n")
