"""Hard links are an optimisation, never a need: FAT and exFAT sticks, network shares and some
Windows folders refuse them (``os.link`` raises OSError), and every command still works.

Two places link: the scratch copy on which a change that writes reports is checked
(edit/safewrite.py), and the website's rebuild, which links unchanged files from the last site
(source/folder.py).  Each falls back to copying or writing.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
from pathlib import Path

import pytest

from dytool.cli.main import run
from util import example_with_user_cache

AS_OF = "2023-09-15"


@pytest.fixture
def no_links(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """``os.link`` refuses, as on a FAT drive or a network share; the links asked for."""
    asked: list[tuple[str, str]] = []

    def refuse(src: object, dst: object, *args: object, **kwargs: object) -> None:
        asked.append((str(src), str(dst)))
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", refuse)
    return asked


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return example_with_user_cache(tmp_path, monkeypatch)


def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_change_checked_on_a_scratch_copy_needs_no_hard_links(repo: Path, no_links: list[tuple[str, str]]) -> None:
    """A change that writes a report is checked on a scratch copy of the repository (checks
    read reports and their images from disk); without hard links the copy is made by copying."""
    import datetime as dt

    from dytool.checks import SUITE
    from dytool.edit.safewrite import Plan, check_plan
    from dytool.engine.check import check_repository

    day = dt.date.fromisoformat(AS_OF)
    before = check_repository(repo, SUITE, day).findings
    files = _tree(repo)
    good = Plan()
    report = repo / "reports" / "T-001.md"
    good.put("reports/T-001.md", report.read_bytes() + "\n无硬链接时补充的一段。\n".encode(), report.read_bytes())
    assert check_plan(repo, good, day, before) == []
    assert no_links, "the scratch copy did not try to link"
    bad = Plan()
    bad.put("reports/坏.md", "---\ntopic: T-999\ntitle: 坏报告\n---\n\n# 坏报告\n".encode(), None)
    added = check_plan(repo, bad, day, before)
    assert added and any("T-999" in f.message_en for f in added)
    assert _tree(repo) == files  # a check writes nothing


def test_the_site_rebuilds_by_writing_when_it_cannot_link(repo: Path, tmp_path: Path, no_links: list[tuple[str, str]],
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    build = ["site", "-C", str(repo), "--as-of", AS_OF, "-o", str(site)]
    assert run(build) == 0, capsys.readouterr().err
    first = _tree(site)
    topic = repo / "topics" / "topics.yaml"
    topic.write_text(topic.read_text(encoding="utf-8").replace("title:", "title: 改 ", 1), encoding="utf-8")
    assert run(build) == 0, capsys.readouterr().err  # unchanged files would be linked from the first site
    assert no_links, "the rebuild did not try to link"
    second = _tree(site)
    assert second.keys() == first.keys() and second != first
    shutil.rmtree(repo / ".dytool", ignore_errors=True)
    fresh = tmp_path / "fresh"
    assert run(["site", "-C", str(repo), "--as-of", AS_OF, "-o", str(fresh)]) == 0
    manifest = ".dytool-files.json"
    assert {k: v for k, v in _tree(fresh).items() if k != manifest} == {k: v for k, v in second.items() if k != manifest}


def test_a_document_open_in_word_is_a_clear_refusal(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Windows will not replace a file another program holds open (WinError 5, access denied)."""
    out = tmp_path / "build"
    out.mkdir()
    target = out / "青川市2023年大兴调查研究成果汇编.docx"
    target.write_bytes(b"the version open in Word")

    def held_open(src: object, dst: object) -> None:
        raise PermissionError(13, "拒绝访问。")

    monkeypatch.setattr(os, "replace", held_open)
    assert run(["compile", "-C", str(repo), "--as-of", AS_OF, "--format", "docx", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert target.name in err and "WPS" in err and "Traceback" not in err
    assert target.read_bytes() == b"the version open in Word"
    assert [p.name for p in out.iterdir()] == [target.name]  # no temporary copy left beside it
