"""``python3 -m dytool.bundle``: the offline bundle, for machines that reach no package index.

A folder (and, with ``--archive``, a zip of it) holding dytool's wheel and the wheels of all
its dependencies for Linux x86_64 (glibc 2.28 or newer) and Windows amd64, CPython 3.11, 3.12
and 3.13, with ``INSTALL.txt`` (the two lines that install it) and ``SHA256SUMS``::

    python3 -m pip install --no-index --find-links dytool-0.1.0-offline dytool
    dytool --version --verbose

Building it is an administrator's step, on a machine that reaches PyPI or the office's
mirror: pip downloads the wheels (with pip's own settings, so a configured mirror is used).
dytool itself never touches the network.  The dytool wheel is the running installation's
(:mod:`dytool.source.selfwheel`), or the one given with ``--wheel``.  setuptools is added because
pre-commit builds a placeholder package with it when it installs a ``language: python`` hook;
``--with-pre-commit`` adds pre-commit itself.  A target for which some dependency has no
wheel is named with pip's reason, the others are still downloaded, and the exit code is 1.

pip evaluates environment markers against the machine it runs on, not the ``--platform`` it
downloads for, so a dependency only another system needs (typer's ``colorama;
platform_system == "Windows"``) is not downloaded on Linux.  After each target's download the
bundle's wheels are read, their requirements evaluated for that target, and what is missing
is downloaded too, until nothing is.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["PYTHONS", "SYSTEMS", "BundleResult", "Target", "build_bundle", "download_command", "install_text", "main", "marker_environment",
           "missing_for", "targets"]

PYTHONS = ("3.11", "3.12", "3.13")
GLIBC_MINOR = 28
"""The oldest glibc the Linux wheels may need: 2.28 (Kylin V10, UOS 20, RHEL 8, Debian 10,
Ubuntu 20.04).  lxml's current wheels need 2.26; older lxml would be chosen below that."""
SYSTEMS: dict[str, tuple[str, ...]] = {
    "linux": (*(f"manylinux_2_{minor}_x86_64" for minor in range(GLIBC_MINOR, 16, -1)), "manylinux2014_x86_64"),
    "windows": ("win_amd64",),
}
EXTRAS = ("setuptools",)
PRE_COMMIT = ("pre-commit",)

Runner = Callable[[list[str]], subprocess.CompletedProcess[str]]


@dataclass(frozen=True)
class Target:
    system: str
    python: str

    @property
    def abi(self) -> str:
        return "cp" + self.python.replace(".", "")

    def __str__(self) -> str:
        return f"{self.system} CPython {self.python}"


@dataclass(frozen=True)
class BundleResult:
    folder: Path
    files: tuple[str, ...]
    failed: tuple[tuple[Target, str], ...]
    archive: Path | None = None


def targets(systems: Sequence[str] = tuple(SYSTEMS), pythons: Sequence[str] = PYTHONS) -> list[Target]:
    return [Target(system, python) for system in systems for python in pythons]


def download_command(pip: Sequence[str], requirements: Sequence[str], target: Target, dest: Path) -> list[str]:
    """pip's command that downloads binary wheels of ``requirements`` for ``target`` into ``dest``."""
    platforms = [arg for tag in SYSTEMS[target.system] for arg in ("--platform", tag)]
    return [*pip, "download", "--disable-pip-version-check", "--progress-bar", "off", "--only-binary=:all:",
            *platforms, "--python-version", target.python, "--implementation", "cp", "--abi", target.abi,
            "--dest", str(dest), *requirements]


_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def marker_environment(target: Target) -> dict[str, str]:
    """The values of PEP 508 environment markers on ``target``."""
    windows = target.system == "windows"
    return {
        "os_name": "nt" if windows else "posix", "sys_platform": "win32" if windows else "linux",
        "platform_system": "Windows" if windows else "Linux", "platform_machine": "AMD64" if windows else "x86_64",
        "platform_release": "", "platform_version": "", "implementation_name": "cpython",
        "platform_python_implementation": "CPython", "implementation_version": f"{target.python}.0",
        "python_version": target.python, "python_full_version": f"{target.python}.0", "extra": "",
    }


def _marker_holds(marker: str, environment: dict[str, str]) -> bool:
    try:
        from packaging.markers import Marker  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # pip carries its own copy; the bundle is built where pip runs
        from pip._vendor.packaging.markers import Marker  # type: ignore[import-untyped,no-redef,assignment,unused-ignore]
    return bool(Marker(marker).evaluate(environment))


def missing_for(folder: Path, target: Target) -> list[str]:
    """Requirements of the wheels in ``folder`` that hold on ``target`` only by a marker and
    whose distribution has no wheel in ``folder`` (pip judged the marker on this machine)."""
    present = {_normal(p.name.split("-")[0]) for p in folder.glob("*.whl")}
    environment = marker_environment(target)
    wanted: dict[str, str] = {}
    for wheel in sorted(folder.glob("*.whl")):
        try:
            with zipfile.ZipFile(wheel) as archive:
                meta = next((n for n in archive.namelist() if n.endswith(".dist-info/METADATA") and n.count("/") == 1), None)
                text = archive.read(meta).decode("utf-8", "replace") if meta else ""
        except (OSError, zipfile.BadZipFile):
            continue
        for line in text.split("\n\n", 1)[0].splitlines():
            if not line.startswith("Requires-Dist:") or ";" not in line:
                continue
            requirement, marker = (part.strip() for part in line.removeprefix("Requires-Dist:").split(";", 1))
            name = _NAME.match(requirement)
            if name is None or _normal(name.group(1)) in present or not _marker_holds(marker, environment):
                continue
            wanted.setdefault(_normal(name.group(1)), requirement)
    return sorted(wanted.values())


def install_text(folder_name: str, version: str) -> str:
    return (
        f"dytool {version} 离线安装包 / offline bundle: Linux x86_64 (glibc >= 2.{GLIBC_MINOR}), Windows amd64; "
        f"CPython {PYTHONS[0]}-{PYTHONS[-1]}\n"
        "在本文件夹所在的目录中运行（建议先建虚拟环境）/ run these beside this folder (in a virtual environment):\n"
        "\n"
        f"python -m pip install --no-index --find-links {folder_name} dytool\n"
        "dytool --version --verbose\n"
        "\n"
        "Linux 上 python 可能叫 python3；Windows 上也可用 py。/ python may be python3 on Linux, or py on Windows.\n"
    )


def _pip_reason(output: str) -> str:
    lines = [line.strip() for line in output.splitlines() if line.strip() and not line.startswith("WARNING: Location")]
    wanted = [line for line in lines if line.startswith("ERROR:") or "No matching distribution" in line or "Could not find" in line]
    return "\n".join((wanted or lines)[-3:]) or "pip failed"


def _sha256sums(folder: Path, names: Sequence[str]) -> str:
    return "".join(f"{hashlib.sha256((folder / name).read_bytes()).hexdigest()}  {name}\n" for name in names)


def _zip_folder(folder: Path, archive: Path) -> None:
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as out:  # wheels are compressed already
        for path in sorted(folder.iterdir()):
            out.write(path, f"{folder.name}/{path.name}")


def build_bundle(out: Path, wheel_name: str, wheel_data: bytes, version: str, *, pip: Sequence[str], run: Runner,
                 chosen: Sequence[Target] | None = None, with_pre_commit: bool = False, archive: bool = False) -> BundleResult:
    """Write the bundle folder ``out``: the dytool wheel, every target's dependency wheels,
    INSTALL.txt and SHA256SUMS.  ``run`` runs one pip command (the caller's subprocess)."""
    out.mkdir(parents=True, exist_ok=True)
    wheel = out / wheel_name
    wheel.write_bytes(wheel_data)
    requirements = [str(wheel), *EXTRAS, *(PRE_COMMIT if with_pre_commit else ())]
    failed: list[tuple[Target, str]] = []
    for target in chosen if chosen is not None else targets():
        done = run(download_command(pip, requirements, target, out))
        for _ in range(5):  # each round may bring wheels with marker-only requirements of their own
            missing = missing_for(out, target) if done.returncode == 0 else []
            if not missing:
                break
            done = run(download_command(pip, missing, target, out))
        if done.returncode != 0:
            failed.append((target, _pip_reason(done.stdout + "\n" + done.stderr)))
    (out / "INSTALL.txt").write_text(install_text(out.name, version), encoding="utf-8", newline="\r\n")
    names = sorted(p.name for p in out.iterdir() if p.is_file() and p.name != "SHA256SUMS")
    (out / "SHA256SUMS").write_text(_sha256sums(out, names), encoding="utf-8")
    zipped = None
    if archive:
        zipped = out.with_name(out.name + ".zip")
        _zip_folder(out, zipped)
    return BundleResult(out, (*names, "SHA256SUMS"), tuple(failed), zipped)


def _own_wheel() -> tuple[str, bytes, str]:
    import importlib.metadata

    import dytool
    from dytool.source.selfwheel import wheel_bytes, wheel_name, wheel_source

    source = wheel_source(importlib.metadata.distribution("dytool"), Path(dytool.__file__).resolve().parent)
    return wheel_name(source.name, source.version), wheel_bytes(source), source.version


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 - pip, with our arguments


def _size(path: Path) -> str:
    total = sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size
    return f"{total / 1_048_576:.1f} MiB"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m dytool.bundle", description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("-o", "--output", type=Path, help="the bundle folder (default: ./dytool-VERSION-offline)")
    parser.add_argument("--wheel", type=Path, help="this dytool wheel instead of the running installation's")
    parser.add_argument("--python", action="append", choices=PYTHONS, help="only this CPython (repeatable; default: all)")
    parser.add_argument("--system", action="append", choices=tuple(SYSTEMS), help="only this system (repeatable; default: all)")
    parser.add_argument("--with-pre-commit", action="store_true", help="add pre-commit and its dependencies")
    parser.add_argument("--archive", action="store_true", help="also write FOLDER.zip")
    args = parser.parse_args(argv)
    if args.wheel is not None:
        name, data = args.wheel.name, args.wheel.read_bytes()
        version = name.split("-")[1] if name.count("-") >= 4 else "?"
    else:
        name, data, version = _own_wheel()
    out = args.output or Path(f"dytool-{version}-offline")
    if out.exists() and any(out.iterdir()):
        print(f"dytool.bundle: {out} exists and is not empty; choose another folder with -o", file=sys.stderr)
        return 2
    chosen = targets(args.system or tuple(SYSTEMS), args.python or PYTHONS)
    print(f"downloading wheels for {len(chosen)} targets into {out} ...", file=sys.stderr)
    result = build_bundle(out, name, data, version, pip=[sys.executable, "-m", "pip"], run=_run, chosen=chosen,
                          with_pre_commit=args.with_pre_commit, archive=args.archive)
    wheels = [f for f in result.files if f.endswith(".whl")]
    print(f"{out}: {len(wheels)} wheels, {_size(out)}" + (f"; {result.archive}: {_size(result.archive)}" if result.archive else ""))
    print((out / "INSTALL.txt").read_text(encoding="utf-8"))
    for target, reason in result.failed:
        print(f"NOT AVAILABLE for {target}: some dependency has no wheel there; pip said:\n  {reason.replace(chr(10), chr(10) + '  ')}",
              file=sys.stderr)
    return 1 if result.failed else 0


if __name__ == "__main__":
    sys.exit(main())
