"""dytool's own wheel, rebuilt from the files of the running installation.

``dytool init`` commits this wheel into a new campaign repository, so that the CI and the
pre-commit hook it writes can install the very dytool that made the repository, from the
repository itself, with no package index that knows dytool; the offline bundle
(:mod:`dytool.bundle`) starts from it too.  Nothing is downloaded and nothing is built:

* the package is every file of the importable ``dytool`` folder, plus the files the installed
  distribution's RECORD lists under ``dytool/`` (an editable install keeps its templates,
  schemas and example there, beside a ``.pth`` that points at the source tree);
* the metadata is the installed ``METADATA`` and ``entry_points.txt``; ``WHEEL`` and
  ``RECORD`` are written anew.

Compiled files, ``__pycache__`` and dot-folders (an example's ``.dytool/`` cache) are left
out.  The archive is byte-identical for the same files: sorted, with one fixed timestamp.
"""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.metadata import Distribution
from pathlib import Path, PurePosixPath

__all__ = ["WheelSource", "wheel_bytes", "wheel_name", "wheel_source"]

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_METADATA_FILES = ("METADATA", "entry_points.txt")


@dataclass(frozen=True)
class WheelSource:
    """What goes into the wheel: archive path -> file on disk, and the metadata texts."""

    name: str
    version: str
    files: tuple[tuple[str, Path], ...]
    metadata: tuple[tuple[str, bytes], ...]


def wheel_name(name: str, version: str) -> str:
    return f"{_normalise(name)}-{version}-py3-none-any.whl"


def _normalise(name: str) -> str:
    return name.replace("-", "_").replace(".", "_").lower()


def _wanted(rel: PurePosixPath) -> bool:
    return not any(part.startswith(".") or part == "__pycache__" for part in rel.parts) and rel.suffix not in (".pyc", ".pyo")


def _package_files(package: str, package_dir: Path, recorded: Iterable[tuple[PurePosixPath, Path]]) -> dict[str, Path]:
    files: dict[str, Path] = {}
    for rel, path in recorded:
        if rel.parts[:1] == (package,) and _wanted(rel) and path.is_file():
            files[rel.as_posix()] = path
    for path in sorted(package_dir.rglob("*")):
        rel = PurePosixPath(package, *path.relative_to(package_dir).parts)
        if path.is_file() and not path.is_symlink() and _wanted(rel):
            files[rel.as_posix()] = path
    return files


def wheel_source(dist: Distribution, package_dir: Path) -> WheelSource:
    """The wheel's content from an installed distribution and the folder its package imports from."""
    name, version = dist.metadata["Name"], dist.version
    recorded = [(PurePosixPath(str(f)), Path(str(dist.locate_file(f)))) for f in (dist.files or [])]
    files = _package_files(package_dir.name, package_dir, recorded)
    metadata = []
    for file_name in _METADATA_FILES:
        text = dist.read_text(file_name)
        if text is not None:
            metadata.append((file_name, text.encode("utf-8")))
    if not metadata or metadata[0][0] != "METADATA":
        raise ValueError(f"the installed {name} has no METADATA")
    return WheelSource(name, version, tuple(sorted(files.items())), tuple(metadata))


def _record_line(arcname: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{arcname},sha256={digest},{len(data)}"


def wheel_bytes(source: WheelSource) -> bytes:
    """The wheel archive (a zip with the dist-info last, as the wheel format recommends)."""
    dist_info = f"{_normalise(source.name)}-{source.version}.dist-info"
    entries: list[tuple[str, bytes]] = [(arcname, path.read_bytes()) for arcname, path in source.files]
    wheel = "Wheel-Version: 1.0\nGenerator: dytool.source.selfwheel\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    entries += [(f"{dist_info}/{file_name}", data) for file_name, data in source.metadata]
    entries.append((f"{dist_info}/WHEEL", wheel.encode()))
    record = "".join(_record_line(arcname, data) + "\n" for arcname, data in entries) + f"{dist_info}/RECORD,,\n"
    entries.append((f"{dist_info}/RECORD", record.encode()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for arcname, data in entries:
            info = zipfile.ZipInfo(arcname, _FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
