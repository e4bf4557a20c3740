"""The offline bundle holds what a dependency needs only on the target system.

pip judges environment markers on the machine that downloads, not on ``--platform``: built on
Linux, the bundle lacked typer's ``colorama; platform_system == "Windows"``, and a Windows
machine with no index could not install dytool.  These tests need no network: pip is replaced
by a runner that writes the wheels it is asked for.
"""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

from dytool.cli.bundle import Target, build_bundle, missing_for

REQUIRES = {
    "typer": ["shellingham>=1.3.0", 'colorama; platform_system == "Windows"', "rich>=13.8.0"],
    "colorama": [],
    "shellingham": [],
    "rich": ["pygments", 'colorama>=0.4.6; extra == "windows-terminal"'],
    "pygments": [],
    "oldpy": ['backport-thing; python_version < "3.12"'],
    "backport-thing": [],
}


def _wheel(folder: Path, name: str) -> None:
    dist = name.replace("-", "_")
    lines = [f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", *(f"Requires-Dist: {req}\n" for req in REQUIRES[name])]
    with zipfile.ZipFile(folder / f"{dist}-1.0-py3-none-any.whl", "w") as archive:
        archive.writestr(f"{dist}-1.0.dist-info/METADATA", "".join(lines) + "\nThe description.\nRequires-Dist: not-a-header\n")


class FakePip:
    """``pip download`` as a Linux machine runs it: markers judged on Linux, CPython 3.11."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, list[str]]] = []

    def __call__(self, command: list[str]) -> subprocess.CompletedProcess[str]:
        dest = Path(command[command.index("--dest") + 1])
        platform = command[command.index("--platform") + 1]
        asked = [arg for arg in command[command.index("--dest") + 2:] if arg != "setuptools"]
        self.calls.append((platform, asked))
        asked = ["typer" if arg.endswith(".whl") else arg for arg in asked]  # dytool's wheel needs typer
        todo = [a.split(";")[0].split(">")[0].split("=")[0].strip() for a in asked]
        while todo:
            name = todo.pop()
            if (dest / f"{name.replace('-', '_')}-1.0-py3-none-any.whl").exists():
                continue
            _wheel(dest, name)
            todo += [r.split(";")[0].split(">")[0].strip() for r in REQUIRES[name] if ";" not in r]  # Linux: no marker holds
        return subprocess.CompletedProcess(command, 0, "", "")


def test_a_windows_only_dependency_is_downloaded_for_windows(tmp_path: Path) -> None:
    pip = FakePip()
    out = tmp_path / "bundle"
    result = build_bundle(out, "dytool-0.1.0-py3-none-any.whl", b"", "0.1.0", pip=["pip"], run=pip,
                          chosen=[Target("linux", "3.12"), Target("windows", "3.12")])
    assert not result.failed
    # Linux: one download, nothing missing; Windows: the same, then colorama on its own
    assert [(platform, [a for a in asked if not a.endswith(".whl")]) for platform, asked in pip.calls] == [
        ("manylinux_2_28_x86_64", []), ("win_amd64", []), ("win_amd64", ["colorama"])]
    assert "colorama-1.0-py3-none-any.whl" in result.files
    assert "colorama-1.0-py3-none-any.whl" in (out / "SHA256SUMS").read_text(encoding="utf-8")
    assert missing_for(out, Target("windows", "3.11")) == [] and missing_for(out, Target("linux", "3.13")) == []


def test_markers_are_judged_for_the_targets_python_and_extras_are_not_taken(tmp_path: Path) -> None:
    tmp_path.joinpath("b").mkdir()
    folder = tmp_path / "b"
    for name in ("oldpy", "rich", "pygments"):
        _wheel(folder, name)
    assert missing_for(folder, Target("linux", "3.11")) == ["backport-thing"]
    assert missing_for(folder, Target("windows", "3.12")) == []  # rich's colorama is for an extra only
