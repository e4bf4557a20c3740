"""Helpers of the site tests: the example and a hostile campaign in git, built into a site."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dytool.cli.main import run

AS_OF = "2023-09-15"
AS_OF_DAY = dt.date(2023, 9, 15)
PROJECT = Path(__file__).resolve().parents[2]
EXAMPLE = PROJECT / "examples" / "campaign-2023"

GIT_ENV = {
    "GIT_AUTHOR_NAME": "秘书", "GIT_AUTHOR_EMAIL": "office@example.org",
    "GIT_COMMITTER_NAME": "秘书", "GIT_COMMITTER_EMAIL": "office@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
}


@contextmanager
def quiet_home(base: Path) -> Iterator[None]:
    """HOME, the user's cache and git's identity in ``base`` for the time of a build."""
    values = {**GIT_ENV, "HOME": str(base / "home"), "XDG_CACHE_HOME": str(base / "cache"), "XDG_CONFIG_HOME": str(base / "home")}
    saved = {name: os.environ.get(name) for name in [*values, "DYTOOL_TODAY", "DYTOOL_LANG", "CI_COMMIT_SHA", "GITHUB_SHA"]}
    os.environ.update(values)
    for name in ("DYTOOL_TODAY", "DYTOOL_LANG", "CI_COMMIT_SHA", "GITHUB_SHA"):
        os.environ.pop(name, None)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def git(root: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV, "HOME": str(root.parent)}
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True, timeout=60).stdout.strip()


def committed(root: Path) -> str:
    """``root`` as a git repository with one commit; the commit's id."""
    git(root, "init", "-q")
    (root / ".gitignore").write_text(".dytool/\n", encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "记录")
    return git(root, "rev-parse", "HEAD")


def example_copy(dest: Path) -> Path:
    shutil.copytree(EXAMPLE, dest)
    return dest


def build(repo: Path, out: Path, *extra: str, as_of: str = AS_OF) -> int:
    return run(["site", "-C", str(repo), "--as-of", as_of, "-o", str(out), *extra])


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def visible_text(html: str) -> str:
    """The page's text without tags (enough to look for a figure or a phrase)."""
    return re.sub(r"<[^>]+>", " ", html)


HOSTILE = "<script>window.__pwned=1</script>"

HOSTILE_FILES: dict[str, str] = {
    "campaign.yaml": """\
        id: hostile-2023
        title: 活动<script>window.__pwned='title'</script>
        issuer: <img src=x onerror="window.__pwned='issuer'">
        period: {start: 2023-04-01, end: 2023-12-31}
        stages:
          - {id: s1, title: '阶段<svg onload="window.__pwned=1">', start: 2023-04-01, end: 2023-12-31}
        milestones:
          - {id: m1, title: '节点<script>window.__pwned=2</script>', due: 2023-06-30}
        """,
    "people.yaml": """\
        - id: evil
          name: <img src=x onerror="window.__pwned='person'">
          rank: 1
        """,
    "units.yaml": """\
        - id: bad-unit
          name: </script><script>window.__pwned='unit'</script>
        """,
    "topics/topics.yaml": """\
        - id: T-001
          title: 课题<svg onload="window.__pwned='topic'"></svg>
          leader: evil
          lead_unit: bad-unit
          questions: ['<iframe src="javascript:window.__pwned=3"></iframe>']
          report: reports/T-001.md
        """,
    "visits/2023-05.yaml": """\
        - id: V-001
          date: 2023-05-10
          leaders: [evil]
          topics: [T-001]
          hosts: [bad-unit, '<b onmouseover="window.__pwned=4">农户</b>']
        """,
    "problems/bad-unit.yaml": """\
        - id: P-001
          title: <script>window.__pwned='problem'</script>
          found_on: 2023-05-10
          owner_unit: bad-unit
          topic: T-001
          due: 2023-06-30
        - id: P-002
          title: 问题" onmouseover="window.__pwned=5
          found_on: 2023-05-11
          owner_unit: bad-unit
          due: 2023-12-30
        """,
    "reports/T-001.md": """\
        ---
        topic: T-001
        title: 报告<script>window.__pwned='report title'</script>
        authors: [evil]
        date: 2023-06-01
        abstract: <img src=x onerror="window.__pwned='abstract'">
        ---

        # 报告

        正文<script>window.__pwned='body'</script>

        [点我](javascript:window.__pwned='link') [再点](JaVaScRiPt:window.__pwned='case')
        [实体](javascript&#58;window.__pwned='entity') [数据](data:text/html,<script>window.__pwned='data'</script>)
        [好链接](https://example.org/ok)

        ![图](data:image/png;base64,iVBORw0KGgo=) ![远程](https://example.org/x.png) ![外面](../../etc/passwd.png)

        <iframe src="javascript:window.__pwned='iframe'"></iframe>
        <a href="javascript:window.__pwned='raw'">raw</a>

        | 列<script>x</script> | b |
        |---|--:|
        | <img src=x onerror=alert(1)> | 2 |
        """,
}


def hostile_repo(root: Path) -> Path:
    for name, text in HOSTILE_FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root
