"""The campaigns written from seeds 001–004 (tests/campaigns/seed-00N): their as-of days, their
planted findings, and how the golden briefings and compilations are made.

Each campaign was written from its seed document alone, phrase for phrase, by someone who read
only the README and docs/; its EXPECTED.md has the figures counted by hand at three days and the
breaches planted on purpose.  Golden files live in tests/golden/campaigns/; rewrite them with

    python tests/campaigns/regen.py

which prints the diff of every file it changes (review it against EXPECTED.md before committing).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
from pathlib import Path
from typing import Any

from dytool.cli.main import run

HERE = Path(__file__).resolve().parent
GOLDEN = HERE.parent / "golden" / "campaigns"

SEEDS: dict[str, dict[str, Any]] = {
    "seed-001": {"days": ["2023-07-17", "2023-09-05", "2024-01-15"], "compile": "2024-01-15"},
    "seed-002": {"days": ["2018-12-26", "2019-06-12", "2019-10-15"], "compile": "2019-10-15"},
    "seed-003": {"days": ["2023-05-22", "2023-08-16", "2024-01-15"], "compile": "2024-01-15"},
    "seed-004": {"days": ["2023-06-16", "2023-07-21", "2023-10-09"], "compile": "2023-10-09"},
}

PLANTED: dict[str, set[tuple[str, str, int]]] = {
    # EXPECTED.md §3: two months under 5 visit days in 落实推进阶段, a 2-day squat, 2 problems resolved in 2023
    "seed-001": {("DY403", "people.yaml", 18), ("DY403", "people.yaml", 24), ("DY404", "visits/2023-06.yaml", 67),
                 ("DY405", "people.yaml", 24)},
    # EXPECTED.md "Planted findings": a city leader without a topic, 江岸区 with 2 own topics, T-15 reported unvisited
    "seed-002": {("DY401", "people.yaml", 30), ("DY402", "units.yaml", 23), ("DY307", "topics/zwb.yaml", 2)},
    # EXPECTED.md §3: 许立新 leads no topic, V-052 names no topic, T-013 without an outline, P-004 systemic alone
    "seed-003": {("DY401", "people.yaml", 36), ("DY408", "visits/2023-10.yaml", 3), ("DY307", "topics/jiaoban.yaml", 2),
                 ("DY306", "problems/tjj.yaml", 12)},
    # EXPECTED.md §8: 韩东升 leads no topic, P-32 without a due, P-31 systemic alone, T-11 researched without an outline
    "seed-004": {("DY401", "people.yaml", 36), ("DY304", "problems/dzc.yaml", 74), ("DY306", "problems/yjzx.yaml", 29),
                 ("DY307", "topics/divisions.yaml", 92)},
}


def copy_seed(name: str, target: Path) -> Path:
    """A copy of the campaign to run commands on (nothing is written into the checkout)."""
    root = target / name
    if not root.exists():
        shutil.copytree(HERE / name, root, ignore=shutil.ignore_patterns("EXPECTED.md"))
    return root


def _run(args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    saved = {k: os.environ.pop(k, None) for k in ("DYTOOL_LANG", "DYTOOL_TODAY")}
    try:
        with contextlib.redirect_stdout(out):
            code = run([*args, "--no-cache"])
    finally:
        for key, value in saved.items():
            if value is not None:
                os.environ[key] = value
    return code, out.getvalue()


def status_json(root: Path, day: str) -> str:
    code, text = _run(["status", "-C", str(root), "--as-of", day, "--lang", "zh", "--no-color", "--format", "json"])
    assert code == 0, text
    return text


def status_data(root: Path, day: str) -> dict[str, Any]:
    data = json.loads(status_json(root, day))
    assert isinstance(data, dict)
    return data


def compile_md(root: Path, day: str, out: Path) -> str:
    code, text = _run(["compile", "-C", str(root), "--as-of", day, "--format", "md", "-o", str(out)])
    assert code == 0, text
    [path] = out.glob("*.md")
    return path.read_text(encoding="utf-8")


def check_findings(root: Path, day: str) -> tuple[int, list[dict[str, Any]]]:
    code, text = _run(["check", "-C", str(root), "--as-of", day, "--format", "json"])
    return code, json.loads(text)["findings"]


def golden_files(work: Path) -> dict[Path, str]:
    """Every golden file with what dytool makes of it now."""
    out: dict[Path, str] = {}
    for name, spec in SEEDS.items():
        root = copy_seed(name, work)
        for day in spec["days"]:
            out[GOLDEN / name / f"status-{day}.json"] = status_json(root, day)
        out[GOLDEN / name / f"compilation-{spec['compile']}.md"] = compile_md(root, spec["compile"], work / f"{name}-out")
    return out
