"""Fuzzing: mutated copies of the example never make check, status or compile crash or hang.

CI runs a short round; a longer one is one command:

    DYTOOL_FUZZ_EXAMPLES=2000 python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dytool.cli.main import run
from util import EXAMPLE

EXAMPLES = int(os.environ.get("DYTOOL_FUZZ_EXAMPLES", "12"))
TIME_BOUND = 30.0
FILES = sorted(str(p.relative_to(EXAMPLE)) for p in EXAMPLE.rglob("*") if p.suffix in (".yaml", ".md") and ".dytool" not in p.parts)
FULL_WIDTH = str.maketrans({":": "：", ",": "，", "-": "－", " ": "\u3000", "[": "【", "]": "】", "'": "’", '"': "”"})


def _flip(data: bytes, draw: st.DataObject) -> bytes:
    if not data:
        return data
    at = draw.draw(st.integers(0, len(data) - 1))
    return data[:at] + bytes([data[at] ^ draw.draw(st.integers(1, 255))]) + data[at + 1 :]


def _lines(data: bytes, draw: st.DataObject) -> bytes:
    lines = data.split(b"\n")
    at = draw.draw(st.integers(0, max(0, len(lines) - 1)))
    how = draw.draw(st.sampled_from(["delete", "duplicate", "indent", "dedent", "fullwidth", "insert"]))
    line = lines[at] if lines else b""
    if how == "delete":
        del lines[at]
    elif how == "duplicate":
        lines.insert(at, line)
    elif how == "indent":
        lines[at] = draw.draw(st.sampled_from([b" ", b"\t", "\u3000".encode(), "\u00a0".encode(), b"    "])) + line
    elif how == "dedent":
        lines[at] = line.lstrip()
    elif how == "fullwidth":
        lines[at] = line.decode("utf-8", "replace").translate(FULL_WIDTH).encode()
    else:
        noise = draw.draw(st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40))
        lines.insert(at, noise.encode())
    return b"\n".join(lines)


def _truncate(data: bytes, draw: st.DataObject) -> bytes:
    return data[: draw.draw(st.integers(0, len(data)))]


MUTATIONS = [_flip, _lines, _truncate]


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    started = time.monotonic()
    code = run(args)
    out, err = capsys.readouterr()
    assert code in (0, 1), f"{args[0]} exited {code}: {err[-2000:]}"
    assert "Traceback" not in out + err
    assert time.monotonic() - started < TIME_BOUND


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(data=st.data())
def test_mutated_example_never_crashes(data: st.DataObject, capsys: pytest.CaptureFixture[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "campaign"
        shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".dytool"))
        for _ in range(data.draw(st.integers(1, 3))):
            target = root / data.draw(st.sampled_from(FILES))
            if target.exists():
                mutate = data.draw(st.sampled_from(MUTATIONS))
                target.write_bytes(mutate(target.read_bytes(), data))
        common = ["-C", str(root), "--as-of", "2023-09-15", "--no-cache"]
        _run(["check", *common, "--format", "json"], capsys)
        status = run(["status", *common, "--format", "json"])
        out, err = capsys.readouterr()
        # status refuses (exit 1) only when campaign.yaml itself cannot be read
        assert status in (0, 1) and "Traceback" not in out + err
        _run(["compile", *common, "--format", "md", "-o", str(Path(tmp) / "out")], capsys)
