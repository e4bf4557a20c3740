"""Helpers for the ``dytool status`` tests: tiny repositories written inline, the engine and the CLI.

Every test writes the few records it needs into ``tmp_path`` (a campaign from 2023-04-01 to
2023-12-31 unless it says otherwise), loads it the way the CLI does and reads the briefing as
of a named day, so nothing depends on the day the tests run.  Loading must not report an
error: a typo in a test's YAML would otherwise drop a record silently and prove nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path
from typing import Any

import pytest

from dytool.checks import SUITE
from dytool.core.findings import Severity
from dytool.engine.load import load_repository
from dytool.status import Briefing, compute_status

PROJECT = Path(__file__).resolve().parents[2]
from util import EXAMPLE  # noqa: E402, F401 - re-exported: the session's copy (tests/conftest.py)

CAMPAIGN_HEAD = """\
id: t-2023
title: 测试活动
period:
  start: 2023-04-01
  end: 2023-12-31
"""

PEOPLE = """\
- {id: lin, name: 林海峰, title: 市委书记, rank: 1, roles: [city_leader]}
- {id: zhou, name: 周启明, title: 市长, rank: 2, roles: [city_leader]}
- {id: sun, name: 孙丽娟, title: 发改委主任, unit: fgw, roles: [dept_head]}
"""

UNITS = """\
- {id: fgw, name: 青川市发展和改革委员会, short_name: 市发展改革委, type: department}
- {id: gxj, name: 青川市工业和信息化局, short_name: 市工信局, type: department}
- {id: xiling, name: 西岭县, type: county}
- {id: shimen, name: 石门镇, type: township, parent: xiling}
"""


def D(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def make_repo(root: Path, campaign: str = "", files: dict[str, str] | None = None, *, head: str = CAMPAIGN_HEAD) -> Path:
    """A repository at ``root``: ``head`` plus ``campaign`` (more campaign.yaml keys), the
    default people and units, and ``files`` (path → text, dedented; may replace the defaults)."""
    contents = {"campaign.yaml": head + textwrap.dedent(campaign), "people.yaml": PEOPLE, "units.yaml": UNITS}
    contents.update({path: textwrap.dedent(text) for path, text in (files or {}).items()})
    root.mkdir(parents=True, exist_ok=True)
    for rel, text in contents.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def brief(root: Path, as_of: str, *, leader: str | None = None, unit: str | None = None) -> Briefing:
    """The briefing as of ``as_of``; fails the test when the repository has errors."""
    loaded = load_repository(root, SUITE)
    errors = [f"{f.where} {f.code} {f.message_en}" for f in loaded.findings if f.severity is Severity.ERROR]
    assert not errors, "the test repository has errors:\n" + "\n".join(errors)
    assert loaded.repo.campaign is not None
    return compute_status(loaded.repo, loaded.repo.campaign, D(as_of), leader=leader, unit=unit)


def cli(capsys: pytest.CaptureFixture[str], root: Path, as_of: str, *args: str) -> tuple[int, str, str]:
    """``dytool status -C root --as-of as_of ARGS`` in-process: exit code, stdout, stderr."""
    from dytool.cli.main import run

    capsys.readouterr()
    code = run(["status", "-C", str(root), "--as-of", as_of, "--no-color", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def cli_json(capsys: pytest.CaptureFixture[str], root: Path, as_of: str, *args: str) -> dict[str, Any]:
    code, out, err = cli(capsys, root, as_of, "--format", "json", *args)
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def milestone(b: Briefing, ident: str) -> Any:
    return next(m for m in b.milestones if m.id == ident)


def recurring(b: Briefing, ident: str) -> Any:
    return next(r for r in b.recurring if r.id == ident)


def leader(b: Briefing, ident: str) -> Any:
    return next(line for line in b.leaders if line.id == ident)
