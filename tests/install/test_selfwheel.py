"""dytool's own wheel, rebuilt from the running installation."""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata
import io
import zipfile
from pathlib import Path

import dytool
from dytool.source.selfwheel import wheel_bytes, wheel_name, wheel_source


def _wheel() -> tuple[str, bytes]:
    source = wheel_source(importlib.metadata.distribution("dytool"), Path(dytool.__file__).resolve().parent)
    return wheel_name(source.name, source.version), wheel_bytes(source)


def test_the_wheel_is_complete_recorded_and_byte_identical_each_time() -> None:
    name, data = _wheel()
    assert name == f"dytool-{dytool.__version__}-py3-none-any.whl"
    assert _wheel()[1] == data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        record = archive.read(f"dytool-{dytool.__version__}.dist-info/RECORD").decode()
        for line in record.splitlines():
            path, digest, size = line.rsplit(",", 2)
            if path.endswith("RECORD"):
                continue
            content = archive.read(path)
            assert digest == "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(content).digest()).rstrip(b"=").decode(), path
            assert int(size) == len(content)
        entry_points = archive.read(f"dytool-{dytool.__version__}.dist-info/entry_points.txt").decode()
    assert len(record.splitlines()) == len(names)
    assert "dytool = dytool.cli.main:main" in entry_points
    for wanted in ("dytool/__init__.py", "dytool/cli/main.py", "dytool/templates/compilation/report.md.j2",
                   "dytool/schemas/problem.schema.json", "dytool/examples/campaign-2023/campaign.yaml"):
        assert wanted in names, wanted
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc") or "/." in n]
