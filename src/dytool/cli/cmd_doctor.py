"""``dytool doctor`` and ``dytool --version --verbose``: the facts of this machine, read here
and reported by :mod:`dytool.present.doctor`."""

from __future__ import annotations

import os
import platform
import re
import shutil
import sys
from importlib import metadata
from pathlib import Path

from dytool import __version__
from dytool.core.errors import EXIT_OK
from dytool.core.findings import Lang
from dytool.present.doctor import Facts

__all__ = ["gather_facts", "run_doctor"]

_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _libraries() -> tuple[tuple[str, str | None], ...]:
    try:
        requires = metadata.requires("dytool") or []
    except metadata.PackageNotFoundError:
        requires = []
    names = [m.group(1) for r in requires if "extra ==" not in r and (m := _NAME.match(r))]
    if "pydantic" in names:
        names.insert(names.index("pydantic") + 1, "pydantic-core")
    return tuple((name, _version(name)) for name in names)


def _libreoffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for base in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)")):
        if base and (Path(base) / "LibreOffice" / "program" / "soffice.exe").is_file():
            return str(Path(base) / "LibreOffice" / "program" / "soffice.exe")
    return None


def _holidays() -> tuple[str, int, int] | None:
    try:
        from dytool.dates.workdays import china_calendar

        first, last = china_calendar().years
    except Exception:  # noqa: BLE001 - a broken calendar package is what the report is for
        return None
    return _version("chinesecalendar") or "?", first, last


def _repository_cache(start: Path) -> str | None:
    from dytool.engine.cache import CACHE_DIR
    from dytool.source.discover import NoRepository, find_root

    try:
        return str(find_root(start) / CACHE_DIR)
    except (NoRepository, OSError):
        return None


def gather_facts(start: Path) -> Facts:
    from dytool.cli.settings import user_cache_folder
    from dytool.source.yamlerrors import libyaml_version

    libyaml = libyaml_version()
    return Facts(
        dytool=__version__,
        python=platform.python_version(),
        implementation=platform.python_implementation(),
        executable=sys.executable,
        system=platform.platform(),
        libraries=_libraries(),
        libyaml=".".join(map(str, libyaml)) if libyaml else None,
        libreoffice=_libreoffice(),
        user_cache=str(user_cache_folder()),
        repository_cache=_repository_cache(start),
        holidays=_holidays(),
        console_encoding=getattr(sys.stdout, "encoding", None) or "?",
    )


def run_doctor(start: Path, lang: Lang, output_format: str = "text") -> int:
    from dytool.present.formats import DOCTOR

    sys.stdout.write(DOCTOR[output_format](gather_facts(start), lang))
    return EXIT_OK
