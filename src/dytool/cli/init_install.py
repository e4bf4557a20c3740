"""Where a repository made by ``dytool init`` gets dytool: this installation's wheel, or an
offline bundle.  Reads the running installation and the bundle folder (the CLI's part); what
the repository does with them is :mod:`dytool.edit.vendoring`."""

from __future__ import annotations

from pathlib import Path

from dytool import __version__
from dytool.core.catalogue import commands as words
from dytool.core.catalogue.system import os_reason
from dytool.core.errors import EXIT_USAGE, UserError
from dytool.core.messages import Text
from dytool.edit.vendoring import Install

__all__ = ["install_for_init"]

_BUNDLE_TEXTS = ("INSTALL.txt", "SHA256SUMS")



def _own_wheel() -> tuple[str, bytes]:
    import importlib.metadata

    import dytool
    from dytool.source.selfwheel import wheel_bytes, wheel_name, wheel_source

    source = wheel_source(importlib.metadata.distribution("dytool"), Path(dytool.__file__).resolve().parent)
    return wheel_name(source.name, source.version), wheel_bytes(source)


def _from_bundle(folder: Path) -> Install:
    if not folder.is_dir():
        raise UserError(words.BUNDLE_NOT_FOLDER(path=str(folder)), exit_code=EXIT_USAGE)
    names = sorted(p.name for p in folder.iterdir() if p.is_file() and (p.suffix == ".whl" or p.name in _BUNDLE_TEXTS))
    ours = [name for name in names if name.startswith("dytool-") and name.endswith(".whl")]
    wanted = f"dytool-{__version__}-py3-none-any.whl"
    if wanted not in ours:
        raise UserError(words.BUNDLE_WITHOUT(path=str(folder), wanted=wanted, found=ours or words.NONE), exit_code=EXIT_USAGE)
    wheels = {name: (folder / name).read_bytes() for name in names if name == wanted or not name.startswith("dytool-")}
    return Install(__version__, wanted, wheels, offline=True)


def install_for_init(bundle: Path | None) -> tuple[Install, Text | None]:
    """The :class:`Install` of the new repository, and a warning or None."""
    if bundle is not None:
        return _from_bundle(bundle), None
    try:
        name, data = _own_wheel()
    except (OSError, ValueError, ImportError) as exc:
        reason = os_reason(exc) if isinstance(exc, OSError) else Text.plain(type(exc).__name__, f"{type(exc).__name__}: {exc}")
        return Install(__version__), words.NO_WHEEL(reason=reason, version=__version__)
    return Install(__version__, name, {name: data}), None
