"""How a campaign repository made by ``dytool init`` installs dytool, in CI and in its hooks.

Offices cannot count on a package index that knows dytool, so the repository carries its own:
``vendor/dytool/`` holds the wheel of the dytool that made it (after ``init --bundle``, the
whole offline bundle: every dependency's wheel too), a README that says how to change it, and
``pre-commit-hook.py``, the launcher of the pre-commit hooks.

* **CI** installs ``$DYTOOL_SPEC`` with ``--find-links vendor/dytool`` (and ``--no-index``
  when the bundle is there).  ``DYTOOL_SPEC`` is the one place an office sets: a GitHub
  repository or organisation variable, a GitLab CI/CD variable; a version on the office's
  mirror (``dytool==0.2.0``), a wheel in the repository, or a ``git+https://`` URL.  Its
  default is the committed wheel.
* **pre-commit** runs ``repo: local`` hooks with ``language: python``: pre-commit makes the
  hook's virtual environment, and the launcher installs dytool into it from
  ``vendor/dytool/`` the first time (and again when the committed wheel's version changes).
  ``additional_dependencies`` cannot name the committed wheel: pre-commit runs pip in its
  own store folder, where a path relative to the repository means nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["HOOK_LAUNCHER", "SPEC_VARIABLE", "VENDOR_DIR", "Install", "vendor_files"]

VENDOR_DIR = "vendor/dytool"
SPEC_VARIABLE = "DYTOOL_SPEC"
HOOK_LAUNCHER = f"{VENDOR_DIR}/pre-commit-hook.py"


@dataclass(frozen=True)
class Install:
    """Where the new repository's CI and hooks get dytool from."""

    version: str
    wheel: str | None = None
    """File name of dytool's wheel in :data:`VENDOR_DIR`; None when none could be made."""
    wheels: dict[str, bytes] = field(default_factory=dict, compare=False, repr=False)
    """File name -> content of every file to put into :data:`VENDOR_DIR` (the wheel, the bundle)."""
    offline: bool = False
    """:data:`VENDOR_DIR` holds every dependency: install with ``--no-index``."""

    @property
    def default_spec(self) -> str:
        return f"{VENDOR_DIR}/{self.wheel}" if self.wheel else f"dytool=={self.version}"

    @property
    def pip_install(self) -> str:
        """The CI's install line (POSIX shell; PowerShell reads ``$env:DYTOOL_SPEC``)."""
        index = "--no-index " if self.offline else ""
        return f'python -m pip install {index}--find-links {VENDOR_DIR} "${SPEC_VARIABLE}"'


_LAUNCHER = '''\
"""pre-commit 的 dytool 钩子（dytool init 生成）：第一次运行时，把 {vendor}/ 中的 dytool
装进 pre-commit 为钩子建的虚拟环境，然后运行 dytool。设置了 DYTOOL_SPEC 时从那里安装。

The dytool hooks' launcher (written by dytool init): on the first run it installs dytool
from {vendor}/ into the virtual environment pre-commit made for the hook (language:
python), then runs dytool.  DYTOOL_SPEC, when set, names another source, as in CI.
"""

import importlib
import os
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

HERE = Path(__file__).resolve().parent
WHEEL = {wheel!r}
VERSION = {version!r}
OFFLINE = {offline!r}


def installed():
    try:
        return version("dytool")
    except PackageNotFoundError:
        return None


def main():
    spec = os.environ.get("DYTOOL_SPEC") or (str(HERE / WHEEL) if WHEEL else "dytool==" + VERSION)
    have = installed()
    if have is None or (not os.environ.get("DYTOOL_SPEC") and have != VERSION):
        command = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--find-links", str(HERE)]
        if OFFLINE:
            command.append("--no-index")
        print("安装 dytool / installing dytool: " + spec, file=sys.stderr)
        if subprocess.call([*command, spec]) != 0:
            return 3
        importlib.invalidate_caches()
    from dytool.cli.main import main as dytool

    dytool(sys.argv[1:])
    return 0


if __name__ == "__main__":
    sys.exit(main())
'''

_README = """\
# vendor/dytool

dytool init 放在这里的 dytool 安装包（{what}）。CI 和 pre-commit 钩子从这里安装 dytool，
不需要能访问软件源上的 dytool。

- 升级：用新版 dytool 运行 `python3 -m dytool.bundle`（或取得新版 wheel），把新 wheel 放进来、
  删去旧的，并把 `.github/workflows/dytool.yml`、`.gitlab-ci.yml` 和 `pre-commit-hook.py`
  中的文件名改成新的；
- 改用单位软件源或 git 地址：设置 CI 变量 `DYTOOL_SPEC`（GitHub：Settings → Secrets and
  variables → Actions → Variables；GitLab：Settings → CI/CD → Variables），例如
  `dytool==0.2.0`、`git+https://…/dytool.source.git@v0.2.0`。

The dytool that `dytool init` put here ({what_en}). CI and the pre-commit hooks install dytool
from this folder, so no package index has to know dytool. To upgrade, put the new wheel here,
delete the old one and change the file name in the two CI files and in `pre-commit-hook.py`;
to install from the office's mirror or a git URL instead, set the CI variable `DYTOOL_SPEC`.
"""


def vendor_files(install: Install) -> dict[str, str | bytes]:
    """Repository path -> content of everything under :data:`VENDOR_DIR`."""
    what = "离线安装包：dytool 及其全部依赖的 wheel" if install.offline else "dytool 的 wheel；依赖从软件源安装"
    what_en = "the offline bundle: dytool and every dependency's wheel" if install.offline else "dytool's wheel; its dependencies come from the package index"
    files: dict[str, str | bytes] = {f"{VENDOR_DIR}/{name}": data for name, data in sorted(install.wheels.items())}
    files[f"{VENDOR_DIR}/README.md"] = _README.format(what=what, what_en=what_en)
    files[HOOK_LAUNCHER] = _LAUNCHER.format(vendor=VENDOR_DIR, wheel=install.wheel, version=install.version, offline=install.offline)
    return files
