"""A city and its members, built the way offices build them: real git repositories in a temporary
folder, member campaigns made with ``dytool init --example`` and changed with ``dytool close``
and ``dytool new``, their CI's publish step run literally, and a roll-up repository made with
``dytool init --rollup`` whose members come from a git submodule, a git remote, files on a
share and a ``file://`` URL.

The members (the as-of day of the roll-up is 2023-09-15):

=======  ======  ===================================================  =====================
member   kind    data                                                 source
=======  ======  ===================================================  =====================
西岭县   county  the example as it is                                  git submodule (path)
南溪县   county  the example; P-008 closed 2023-08-25 (on time),       git remote and ref
                 P-016 closed 2023-09-10 (late)
北山区   district the example, published on 2023-09-01 (stale)        file:// URL
市发改委 department the example plus P-047 (found 2023-08-20, due     published file
                 2023-08-25, open)
市教育局 department nothing published                                  missing file
市政府办 department a published file cut in half                       malformed file
=======  ======  ===================================================  =====================
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parents[2]
GOLDEN = PROJECT / "tests" / "golden" / "rollup"
EXAMPLE = PROJECT / "examples" / "campaign-2023"
AS_OF = "2023-09-15"
REGENERATE = "DYTOOL_REGENERATE=1 python -m pytest tests/rollup -rP"


def environment(base: Path) -> dict[str, str]:
    """What every command of the city runs with: its own HOME and caches, a fixed git identity
    and fixed commit dates (so commits are the same on every run), ``dytool`` on the PATH."""
    home = base / "home"
    shim = base / "bin"
    home.mkdir(parents=True, exist_ok=True)
    shim.mkdir(parents=True, exist_ok=True)
    launcher = shim / "dytool"
    launcher.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m dytool "$@"\n', encoding="utf-8")
    launcher.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DYTOOL_", "GIT_")) and k not in ("NO_COLOR",)}
    env.update({
        "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache"), "XDG_CONFIG_HOME": str(home / ".config"),
        "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "秘书", "GIT_AUTHOR_EMAIL": "office@example.org",
        "GIT_COMMITTER_NAME": "秘书", "GIT_COMMITTER_EMAIL": "office@example.org",
        "GIT_AUTHOR_DATE": "2023-09-15T09:00:00+08:00", "GIT_COMMITTER_DATE": "2023-09-15T09:00:00+08:00",
        "PATH": f"{shim}{os.pathsep}{os.environ.get('PATH', '')}", "PYTHONPATH": str(PROJECT / "src"), "LANG": "C.UTF-8",
        "DYTOOL_LANG": "zh",
    })
    return env


def sh(command: str | list[str], cwd: Path, env: dict[str, str], *, today: str = AS_OF, ok: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess[str]:
    """Run a command as CI would (a string goes through the shell, literally)."""
    done = subprocess.run(command, cwd=cwd, env={**env, "DYTOOL_TODAY": today}, shell=isinstance(command, str),
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode in ok, f"{command!r} exited {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done


def git(cwd: Path, env: dict[str, str], *args: str) -> str:
    return sh(["git", "-c", "protocol.file.allow=always", "-c", "init.defaultBranch=main", *args], cwd, env).stdout


def publish_step(repo: Path) -> str:
    """The ``run:`` of the publish step of the member's GitHub workflow, as init wrote it."""
    workflow = yaml.safe_load((repo / ".github" / "workflows" / "dytool-publish.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["publish"]["steps"]
    return next(step["run"] for step in steps if "publish the summary" in step.get("name", ""))


def make_member(base: Path, folder: str, ident: str, title: str, env: dict[str, str], edits: list[str]) -> Path:
    """A member campaign: the example under a campaign id of its own, changed by ``edits``
    (dytool commands), committed on ``main``."""
    sh(["dytool", "init", "--example", folder, "--no-git"], base, env)
    repo = base / folder
    campaign = repo / "campaign.yaml"
    text = campaign.read_text(encoding="utf-8")
    text = text.replace("id: qc-dxdy-2023", f"id: {ident}").replace("title: 青川市2023年大兴调查研究活动", f"title: {title}")
    campaign.write_text(text, encoding="utf-8")
    for command in edits:
        sh(command, repo, env)
    git(repo, env, "init", "-q")
    git(repo, env, "add", "-A")
    git(repo, env, "commit", "-q", "-m", "活动记录")
    return repo


@dataclass(frozen=True)
class City:
    base: Path
    root: Path
    env: dict[str, str]
    members: dict[str, Path]

    def normalize(self, text: str) -> str:
        """Output with the temporary folder and the commits written the same on every machine."""
        text = text.replace(str(self.base), "<tmp>")
        return re.sub(r"\| [0-9a-f]{10} \|$", "| <version> |", text, flags=re.MULTILINE)


ROLLUP_YAML = """\
id: qc-rollup-2023
title: 青川市大兴调查研究活动汇总
issuer: 市大兴调查研究活动领导小组办公室
stale_days: 7
bulletin:
  title: 督查专报
  first_number: 1
  first_month: 2023-04
members:
  - {{name: 西岭县, kind: county, path: members/xiling}}
  - {{name: 南溪县, kind: county, git: ../nanxi, ref: main}}
  - {{name: 北山区, kind: district, summary: "{beishan}"}}
  - {{name: 市发改委, kind: department, summary: ../share/fgw/dytool-summary.json}}
  - {{name: 市教育局, kind: department, summary: ../share/jyj/dytool-summary.json}}
  - {{name: 市政府办, kind: department, summary: ../share/zfb/dytool-summary.json}}
"""


def build_city(base: Path) -> City:
    env = environment(base)
    members = {
        "xiling": make_member(base, "xiling", "xiling-dxdy-2023", "西岭县2023年大兴调查研究活动", env, []),
        "nanxi": make_member(base, "nanxi", "nanxi-dxdy-2023", "南溪县2023年大兴调查研究活动", env, [
            "dytool close P-008 --on 2023-08-25 --evidence 标准厂房已招租",
            "dytool close P-016 --on 2023-09-10 --evidence 已新增学位",
        ]),
        "beishan": make_member(base, "beishan", "beishan-dxdy-2023", "北山区2023年大兴调查研究活动", env, []),
        "fgw": make_member(base, "fgw", "fgw-dxdy-2023", "市发展改革委2023年大兴调查研究活动", env, [
            "dytool new problem --title 市级重大项目审批时限偏长 --owner-unit fgw --found-on 2023-08-20 --due 2023-08-25 --no-input",
        ]),
    }
    share = base / "share"
    for name, today in (("fgw", AS_OF), ("beishan", "2023-09-01")):
        repo = members[name]
        sh(publish_step(repo), repo, env, today=today)  # the CI step, word for word
        (share / name).mkdir(parents=True)
        shutil.copy(repo / "dytool-summary.json", share / name / "dytool-summary.json")
    (share / "zfb").mkdir()
    whole = (share / "fgw" / "dytool-summary.json").read_bytes()
    (share / "zfb" / "dytool-summary.json").write_bytes(whole[: len(whole) // 2])
    sh(["dytool", "init", "--rollup", "city", "--title", "青川市大兴调查研究活动汇总", "--issuer", "市大兴调查研究活动领导小组办公室", "--no-git"], base, env)
    root = base / "city"
    (root / "members" / ".gitkeep").unlink()
    beishan = (share / "beishan" / "dytool-summary.json").as_uri()
    (root / "rollup.yaml").write_text(ROLLUP_YAML.format(beishan=beishan), encoding="utf-8")
    git(root, env, "init", "-q")
    git(root, env, "submodule", "add", "-q", str(members["xiling"]), "members/xiling")
    git(root, env, "add", "-A")
    git(root, env, "commit", "-q", "-m", "汇总仓库")
    return City(base, root, env, members)


def check_golden(name: str, actual: str) -> None:
    """Compare with the golden file; with ``DYTOOL_REGENERATE=1`` rewrite it and print the diff
    (run with ``-rP`` to see it)."""
    path = GOLDEN / name
    expected = path.read_text(encoding="utf-8") if path.is_file() else ""
    if os.environ.get("DYTOOL_REGENERATE") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        print("".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), f"a/{name}", f"b/{name}")) or f"{name}: unchanged")
        return
    assert path.is_file(), f"missing golden file {path}; run: {REGENERATE}"
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), f"golden/{name}", "actual"))
        raise AssertionError(f"{name} differs from the golden file; if the change is intended: {REGENERATE}\n{diff}")
