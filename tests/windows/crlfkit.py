"""Helpers of the CRLF tests: a campaign as a Windows checkout has it, and commands run in-process."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from dytool.cli.main import run

TEXT_SUFFIXES = (".yaml", ".yml", ".md", ".txt", ".json", ".csv")
"""What git takes for text (no NUL byte) in a campaign: every file but images and Office files."""

GIT_ENV = {"GIT_AUTHOR_NAME": "秘书", "GIT_AUTHOR_EMAIL": "office@example.org", "GIT_COMMITTER_NAME": "秘书",
           "GIT_COMMITTER_EMAIL": "office@example.org", "GIT_CONFIG_NOSYSTEM": "1"}


def to_crlf(root: Path) -> int:
    """Every text file below ``root`` with CRLF line ends, as ``core.autocrlf=true`` checks it out; how many."""
    done = 0
    for path in sorted(root.rglob("*")):
        if path.is_file() and (path.suffix in TEXT_SUFFIXES or path.name.startswith(".git")) and ".dytool" not in path.parts:
            data = path.read_bytes()
            if b"\0" not in data:
                path.write_bytes(data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
                done += 1
    return done


def copy_pair(source: Path, base: Path) -> tuple[Path, Path]:
    """Two copies of ``source`` at the same depth: as it is (LF) and as a Windows checkout (CRLF)."""
    pair = []
    for name in ("lf", "crlf"):
        root = base / name / source.name
        shutil.copytree(source, root, ignore=shutil.ignore_patterns(".dytool", "EXPECTED.md"))
        pair.append(root)
    assert to_crlf(pair[1]) > 10
    return pair[0], pair[1]


def not_crlf(root: Path) -> list[str]:
    """Text files below ``root`` with a line not ended by CRLF."""
    bad = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in TEXT_SUFFIXES and ".dytool" not in path.parts and ".git" not in path.parts:
            data = path.read_bytes()
            if data.count(b"\n") != data.count(b"\r\n"):
                bad.append(path.relative_to(root).as_posix())
    return bad


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str


def dy(root: Path, *args: str, as_of: str = "2023-09-15") -> Ran:
    """``dytool -C ROOT --as-of DAY ARGS`` in this process; ROOT in an argument is the repository."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(["-C", str(root), "--as-of", as_of, *(arg.replace("ROOT", str(root)) for arg in args)])
    return Ran(code, out.getvalue().replace(str(root), "ROOT"), err.getvalue().replace(str(root), "ROOT"))


def git(root: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV}
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True, timeout=60).stdout


def tree(folder: Path, suffix: str = "") -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob(f"*{suffix}")) if p.is_file()}
