"""Paths that records name stay inside the repository's content: never git's own files (its
config holds CI credentials), dytool's cache, what git ignores, or anything but a regular file."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from dytool.cli.main import run
from util import CAMPAIGN, check_json, write_repo

SECRET = "ghp_THISISASECRETTOKEN"


def _repo(root: Path, preface: str, *, git: bool = False) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    write_repo(root, {"preface.md": "# 前言\n\n正文。\n"}, campaign=CAMPAIGN + f"compilation:\n  preface: '{preface}'\n")
    if git:
        subprocess.run(["git", "init", "-q"], cwd=root, check=True)
        (root / ".git" / "config").write_text(f'[remote "origin"]\n\turl = https://x-access-token:{SECRET}@example.com/r.git\n',
                                              encoding="utf-8")
    return root


@pytest.mark.parametrize("preface", [".git/config", "./.git/config", ".GIT/config", ".dytool/cache/key", "sub/../.git/config"])
def test_a_preface_in_gits_or_dytools_folders_is_an_error_and_never_compiled(tmp_path: Path, preface: str,
                                                                             capsys: pytest.CaptureFixture[str]) -> None:
    root = _repo(tmp_path / "repo", preface, git=True)
    (root / ".dytool" / "cache").mkdir(parents=True)
    (root / ".dytool" / "cache" / "key").write_text(SECRET, encoding="utf-8")
    code, findings = check_json(capsys, root)
    assert code == 1
    assert code == 1
    assert any(f["code"] == "DY206" and f["file"] == "campaign.yaml" and f["line"] > 0 for f in findings), findings
    out = tmp_path / "out"
    run(["compile", "-C", str(root), "--as-of", "2023-09-15", "--format", "md", "-o", str(out)])
    capsys.readouterr()
    for produced in out.rglob("*"):
        if produced.is_file():
            assert SECRET.encode() not in produced.read_bytes()


def test_a_link_inside_the_repository_into_git_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _repo(tmp_path / "repo", "docs/preface.md", git=True)
    (root / "docs").mkdir()
    os.symlink("../.git/config", root / "docs" / "preface.md")
    code, findings = check_json(capsys, root)
    assert code == 1
    assert any(f["code"] == "DY206" and f["file"] == "campaign.yaml" for f in findings), findings


def test_a_file_git_ignores_is_not_repository_content(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _repo(tmp_path / "repo", "notes/secret.md", git=True)
    (root / ".gitignore").write_text("notes/\n", encoding="utf-8")
    (root / "notes").mkdir()
    (root / "notes" / "secret.md").write_text(SECRET, encoding="utf-8")
    code, findings = check_json(capsys, root, "--lang", "en")
    assert code == 1
    assert any(f["code"] == "DY206" and "ignore" in f["message"] for f in findings), findings


def test_a_folder_or_a_device_is_not_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _repo(tmp_path / "repo", "reports")
    (root / "reports").mkdir()
    code, findings = check_json(capsys, root, "--lang", "en")
    assert code == 1
    assert any(f["code"] == "DY206" and "regular file" in f["message"] for f in findings), findings
    if os.path.exists("/dev/zero"):
        os.symlink("/dev/zero", root / "zero.md")
        root.joinpath("campaign.yaml").write_text(CAMPAIGN + "compilation:\n  preface: zero.md\n", encoding="utf-8")
        code, findings = check_json(capsys, root)
        assert code == 1
        assert any(f["code"] == "DY206" for f in findings), findings


@pytest.mark.parametrize("preface", ["linked-secret.md", "linked-notes/secret.md"])
def test_a_committed_link_to_what_git_ignores_is_refused_by_check_and_compile(tmp_path: Path, preface: str,
                                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """A CI job leaves a credentials file in the checkout (git ignores it); a pull request adds a
    link to it, or a link to its folder, and names the link as the preface."""
    root = _repo(tmp_path / "repo", preface, git=True)
    (root / ".gitignore").write_text("notes/\n", encoding="utf-8")
    (root / "notes").mkdir()
    (root / "notes" / "secret.md").write_text(SECRET, encoding="utf-8")
    os.symlink("notes/secret.md", root / "linked-secret.md")
    os.symlink("notes", root / "linked-notes")
    code, findings = check_json(capsys, root, "--lang", "en")
    assert code == 1
    assert any(f["code"] == "DY206" and f["file"] == "campaign.yaml" and "ignore" in f["message"] for f in findings), findings
    out = tmp_path / "out"
    run(["compile", "-C", str(root), "--as-of", "2023-09-15", "--format", "md", "-o", str(out)])
    capsys.readouterr()
    assert not any(SECRET.encode() in produced.read_bytes() for produced in out.rglob("*") if produced.is_file())


@pytest.mark.parametrize("odd", ["../elsewhere.md", ":(foo)x.md", "linked-notes/other.md"])
def test_an_odd_path_elsewhere_does_not_unignore_the_preface(tmp_path: Path, odd: str, capsys: pytest.CaptureFixture[str]) -> None:
    """git refused the whole batch of paths for one it could not take (a path beyond a link, one
    outside, pathspec magic), and every path of the batch then passed as not ignored."""
    root = _repo(tmp_path / "repo", "notes/secret.md", git=True)
    (root / ".gitignore").write_text("notes/\n", encoding="utf-8")
    (root / "notes").mkdir()
    (root / "notes" / "secret.md").write_text(SECRET, encoding="utf-8")
    os.symlink("notes", root / "linked-notes")
    write_repo(root, {"topics/t.yaml": f"- {{id: T-1, title: 课题, outline: {{file: '{odd}'}}}}\n"},
               campaign=CAMPAIGN + "compilation:\n  preface: notes/secret.md\n")
    code, findings = check_json(capsys, root, "--lang", "en")
    assert code == 1
    assert any(f["code"] == "DY206" and f["file"] == "campaign.yaml" and "ignore" in f["message"] for f in findings), findings
