"""Helpers of the editing tests: an inline campaign, the CLI in-process, git in a subprocess."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from dytool.checks import SUITE
from dytool.core.findings import Finding
from dytool.engine.check import check_repository

AS_OF = "2023-09-15"
AS_OF_DAY = dt.date(2023, 9, 15)
PROJECT = Path(__file__).resolve().parents[2]
from util import EXAMPLE  # noqa: E402, F401 - re-exported: the session's copy (tests/conftest.py)

FILES: dict[str, str] = {
    "campaign.yaml": """\
# 测试活动
id: test-2023
title: 2023年大兴调查研究活动
period:
  start: 2023-04-01
  end: 2023-12-31
milestones:
  - id: outline-due
    title: 提纲报送
    due: 2023-04-30
recurring:
  - id: monthly
    title: 工作动态
    rule: 每月
    submissions:
      - 2023-04-28   # 4月
""",
    "people.yaml": """\
- id: lin
  name: 林海峰
  rank: 1
  roles: [city_leader]
- id: sun
  name: 孙丽娟
""",
    "units.yaml": """\
- id: fgw
  name: 市发展改革委
- id: jyj
  name: 市教育局
""",
    "topics/topics.yaml": """\
# 课题
- id: T-001
  title: 两湾产业融合
  leader: lin
""",
    "problems/fgw.yaml": """\
# yaml-language-server: $schema=../schemas/problem.schema.json
# ===== 市发展改革委 问题清单 =====

- id: P-001
  title: 项目库更新滞后   # 调研中发现
  owner_unit: fgw
  due: 2023-06-30
  # 进展每月更新
  progress:
    - on: 2023-05-26
      text: 完成甄别。
  closed_on: 2023-06-28
  evidence: 项目库已印发。

- id: P-002
  title: 审批环节多
  owner_unit: fgw
  due: 2023-12-31  # 年底前

# ===== 待认领 =====
""",
    "solutions/solutions.yaml": """\
- id: S-001
  title: 建立项目库动态管理机制
  problems: [P-001]
  due: 2023-10-31
""",
    "institutions/institutions.yaml": """\
- id: I-001
  title: 招商引资项目管理办法
  kind: new
  problems: [P-002]
  status: 起草中
""",
}


def make_campaign(root: Path, extra: dict[str, str] | None = None) -> Path:
    for rel, text in {**FILES, **(extra or {})}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return root


def errors(root: Path, as_of: dt.date = AS_OF_DAY) -> list[Finding]:
    return [f for f in check_repository(root, SUITE, as_of).findings if f.is_error]


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str


def dy(capsys: pytest.CaptureFixture[str], root: Path | None, *args: str, as_of: str = AS_OF, lang: str = "zh") -> Ran:
    """``dytool`` in-process through its error boundary."""
    from dytool.cli.main import run

    capsys.readouterr()
    where = ["-C", str(root)] if root is not None else []
    code = run([*where, "--as-of", as_of, "--lang", lang, *args])
    captured = capsys.readouterr()
    return Ran(code, captured.out, captured.err)


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    return done.stdout


def git_repo(root: Path) -> Path:
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "起始")
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file() and ".git" not in p.parts and ".dytool" not in p.parts}
