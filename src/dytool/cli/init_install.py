"""Where a repository made by ``dytool init`` gets dytool: this installation's wheel, or an
offline bundle.  Reads the running installation and the bundle folder (the CLI's part); what
the repository does with them is :mod:`dytool.edit.vendoring`."""

from __future__ import annotations

from pathlib import Path

from dytool import __version__
from dytool.core.errors import EXIT_USAGE, UserError
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
        raise UserError(f"离线安装包“{folder}”不是目录（先解压）", f"the offline bundle {str(folder)!r} is not a folder (unzip it first)",
                        exit_code=EXIT_USAGE)
    names = sorted(p.name for p in folder.iterdir() if p.is_file() and (p.suffix == ".whl" or p.name in _BUNDLE_TEXTS))
    ours = [name for name in names if name.startswith("dytool-") and name.endswith(".whl")]
    wanted = f"dytool-{__version__}-py3-none-any.whl"
    if wanted not in ours:
        found = "、".join(ours) or "无"
        raise UserError(f"离线安装包“{folder}”中没有 {wanted}（有：{found}）；用本版 dytool 运行 python3 -m dytool.bundle 重新生成",
                        f"the offline bundle {str(folder)!r} has no {wanted} (it has: {', '.join(ours) or 'none'}); "
                        "make one with this dytool: python3 -m dytool.bundle", exit_code=EXIT_USAGE)
    wheels = {name: (folder / name).read_bytes() for name in names if name == wanted or not name.startswith("dytool-")}
    return Install(__version__, wanted, wheels, offline=True)


def install_for_init(bundle: Path | None) -> tuple[Install, tuple[str, str] | None]:
    """The :class:`Install` of the new repository, and a warning (Chinese, English) or None."""
    if bundle is not None:
        return _from_bundle(bundle), None
    try:
        name, data = _own_wheel()
    except (OSError, ValueError, ImportError) as exc:
        return Install(__version__), (
            f"无法取得本机 dytool 的安装包（{exc}）；CI 将安装 dytool=={__version__}，请设置 CI 变量 DYTOOL_SPEC",
            f"could not take this dytool's wheel ({exc}); CI will install dytool=={__version__}: set the CI variable DYTOOL_SPEC",
        )
    return Install(__version__, name, {name: data}), None
