"""A record file, report or record folder that is a link into ``.git`` or ``.dytool`` is never
read: the checkout's credentials live in ``.git/config``, and whatever a check reads there can
come out in its messages, the ledgers and the site."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from dytool.cli.main import run
from util import write_repo

SECRET = "- {id: P-9, title: SECRET-TOKEN-42, owner_unit: fgw, due: 2023-12-01, found_on: 2023-05-01}\n"


def _repo(root: Path) -> Path:
    root.mkdir()
    write_repo(root, {"units.yaml": "- {id: fgw, name: 发改委}\n", "topics/t.yaml": "- {id: T-1, title: 课题, lead_unit: fgw}\n"})
    for private in (".git", ".dytool"):
        (root / private).mkdir()
        (root / private / "config").write_text(SECRET, encoding="utf-8")
        (root / private / "t.md").write_text("---\ntopic: T-1\ntitle: SECRET-TOKEN-42\n---\nSECRET-TOKEN-42\n", encoding="utf-8")
    return root


@pytest.mark.parametrize(("link", "target"), [
    ("problems/leak.yaml", "../.git/config"), ("problems/leak.yaml", "../.dytool/config"),
    ("problems/leak.yaml", "../.git/../.git/config"), ("solutions/leak.yml", "../.git/config"),
    ("reports/leak.md", "../.git/t.md"), ("problems", ".git"), ("problems/sub/x.yaml", "../../.git/config"),
])
def test_a_link_into_gits_or_dytools_folder_is_refused_and_nothing_of_it_comes_out(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], link: str, target: str) -> None:
    root = _repo(tmp_path / "repo")
    (root / link).parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, root / link)
    assert run(["--no-cache", "check", "-C", str(root), "--as-of", "2023-09-15", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert any(f["code"] == "DY206" and link.startswith(f["file"]) for f in report["findings"]), report["findings"]
    for args in (["status", "--format", "json"], ["export", "--format", "json", "-o", str(tmp_path / "out.json")]):
        run([*args, "-C", str(root), "--as-of", "2023-09-15"])
        assert "SECRET-TOKEN-42" not in capsys.readouterr().out
    assert "SECRET-TOKEN-42" not in (tmp_path / "out.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("link", ["problems/leak.yaml", "units.yaml", "reports/leak.md"])
def test_a_committed_link_to_a_file_git_ignores_is_refused_and_never_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], link: str) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    write_repo(root, {"topics/t.yaml": "- {id: T-1, title: 课题, lead_unit: fgw}\n", ".gitignore": "ci-wrote/\n"})
    if link != "units.yaml":
        (root / "units.yaml").write_text("- {id: fgw, name: 发改委}\n", encoding="utf-8")
    (root / "ci-wrote").mkdir()
    content = SECRET if link.endswith(".yaml") else "---\ntopic: T-1\ntitle: SECRET-TOKEN-42\n---\nSECRET-TOKEN-42\n"
    if link == "units.yaml":
        content = "- {id: fgw, name: SECRET-TOKEN-42}\n"
    (root / "ci-wrote" / "secret").write_text(content, encoding="utf-8")
    (root / link).parent.mkdir(parents=True, exist_ok=True)
    os.symlink(os.path.relpath(root / "ci-wrote" / "secret", (root / link).parent), root / link)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    assert run(["--no-cache", "check", "-C", str(root), "--as-of", "2023-09-15", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert any(f["code"] == "DY206" and f["file"] == link for f in report["findings"]), report["findings"]
    for args in (["status", "--format", "json"], ["export", "--format", "json", "-o", str(tmp_path / "out.json")]):
        run([*args, "-C", str(root), "--as-of", "2023-09-15"])
        assert "SECRET-TOKEN-42" not in capsys.readouterr().out
    assert "SECRET-TOKEN-42" not in (tmp_path / "out.json").read_text(encoding="utf-8")
