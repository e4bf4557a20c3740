"""Links committed to a repository never redirect what dytool writes or deletes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dytool.cli.main import run
from util import example_with_user_cache


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return example_with_user_cache(tmp_path, monkeypatch)


def _elsewhere(tmp_path: Path) -> Path:
    outside = tmp_path / "other-project"
    outside.mkdir()
    (outside / "precious.bin").write_bytes(b"keep me")
    (outside / "cache").mkdir()
    (outside / "cache" / "precious.bin").write_bytes(b"keep me too")
    return outside


@pytest.mark.parametrize("link", [".dytool", ".dytool/cache"])
def test_a_linked_cache_folder_turns_the_cache_off_and_touches_nothing_there(repo: Path, tmp_path: Path, link: str,
                                                                            capsys: pytest.CaptureFixture[str]) -> None:
    outside = _elsewhere(tmp_path)
    before = sorted(p.relative_to(outside) for p in outside.rglob("*"))
    target = repo / link
    target.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(outside if link == ".dytool" else outside / "cache", target)
    for _ in range(2):
        assert run(["check", "-C", str(repo), "--as-of", "2023-09-15"]) in (0, 1)
        assert run(["status", "-C", str(repo), "--as-of", "2023-09-15", "--format", "json"]) == 0
    err = capsys.readouterr().err
    assert "缓存" in err
    assert sorted(p.relative_to(outside) for p in outside.rglob("*")) == before
    assert (outside / "precious.bin").read_bytes() == b"keep me"


def test_a_linked_build_folder_is_refused(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    outside = _elsewhere(tmp_path)
    os.symlink(outside, repo / "build")
    monkeypatch.chdir(repo)
    assert run(["compile", "--as-of", "2023-09-15", "--format", "md"]) == 2
    assert "链接" in capsys.readouterr().err
    assert sorted(p.name for p in outside.iterdir()) == ["cache", "precious.bin"]


@pytest.mark.parametrize(("command", "output"), [(["compile"], None), (["bulletin", "--month", "2023-06"], None),
                                               (["compile"], "out"), (["bulletin", "--month", "2023-06"], "out")])
def test_a_linked_charts_folder_inside_the_output_is_refused(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            command: list[str], output: str | None) -> None:
    """``build`` a real folder, ``build/charts`` a committed link: the charts went through it."""
    outside = _elsewhere(tmp_path)
    folder = repo / (output or "build")
    folder.mkdir()
    os.symlink(outside, folder / "charts")
    extra = ["-o", str(folder)] if output else []
    assert run([*command, "-C", str(repo), "--as-of", "2023-09-15", "--format", "md", *extra]) == 2
    assert f"{folder.name}/charts" in capsys.readouterr().err
    assert sorted(p.name for p in outside.iterdir()) == ["cache", "precious.bin"]


def test_compile_with_dash_c_writes_into_that_folder(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert run(["compile", "-C", str(repo), "--as-of", "2023-09-15", "--format", "md"]) == 0
    assert not (elsewhere / "build").exists()
    assert list((repo / "build").glob("*.md"))
    assert run(["status", "-C", str(repo), "--as-of", "2023-09-15", "--format", "md", "-o", "briefing.md"]) == 0
    assert (repo / "briefing.md").is_file() and not (elsewhere / "briefing.md").exists()


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null on this system")
def test_output_onto_a_device_or_a_link_to_one_is_written_in_place(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "-C", str(repo), "--as-of", "2023-09-15", "--format", "json", "-o", "/dev/null"]) in (0, 1)
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")
    link = tmp_path / "to-null"
    os.symlink("/dev/null", link)
    assert run(["status", "-C", str(repo), "--as-of", "2023-09-15", "--format", "md", "-o", str(link)]) == 0
    assert link.is_symlink()
    regular = tmp_path / "file.md"
    regular.write_text("mine", encoding="utf-8")
    to_file = tmp_path / "to-file"
    os.symlink(regular, to_file)
    assert run(["status", "-C", str(repo), "--as-of", "2023-09-15", "--format", "md", "-o", str(to_file)]) == 2
    assert regular.read_text(encoding="utf-8") == "mine"


def test_an_unwritable_output_is_a_usage_error(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "-C", str(repo), "--as-of", "2023-09-15", "-o", str(tmp_path / "no" / "such" / "\0bad")]) == 2
    folder = tmp_path / "a-folder"
    folder.mkdir()
    assert run(["check", "-C", str(repo), "--as-of", "2023-09-15", "--format", "json", "-o", str(folder)]) == 2
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize(("args", "written"), [
    (["site"], "build/site/index.html"),
    (["export", "--unit", "fgw"], "台账-2023-09-15.xlsx"),
    (["export", "--per-unit", "per-unit"], "per-unit"),
    (["export", "--format", "csv", "-o", "csv"], "csv/problems.csv"),
    (["publish", "-o", "summary.json"], "summary.json"),
])
def test_every_command_with_dash_c_writes_into_that_folder(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str], args: list[str], written: str) -> None:
    """-C DIR means "as if started in DIR" for the default outputs and relative -o of every
    command (site, export and publish wrote into the caller's folder)."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert run(["-C", str(repo), "--as-of", "2023-09-15", *args]) in (0, 1), capsys.readouterr().err
    assert list(elsewhere.iterdir()) == []
    assert (repo / written).exists()


def test_import_with_dash_c_reads_the_ledger_named_relative_to_that_folder(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert run(["-C", str(repo), "--as-of", "2023-09-15", "export", "--unit", "fgw", "-o", "fgw.xlsx"]) == 0
    assert (repo / "fgw.xlsx").is_file()
    assert run(["-C", str(repo), "--as-of", "2023-09-15", "import", "fgw.xlsx", "--dry-run"]) == 0, capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["text", "json", "junit"])
@pytest.mark.parametrize("command", ["check", "status"])
def test_an_output_the_os_refuses_is_a_usage_error_said_in_chinese(repo: Path, command: str, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``-o`` below a file (ENOTDIR) or onto a full device (ENOSPC): exit 2 with the reason in
    the user's language, never an internal error (exit 3) and never the OS's English in Chinese."""
    if command == "status" and fmt == "junit":
        fmt = "md"
    for target, zh, en in (("/proc/version/out.txt", "路径中有一级不是文件夹", "Not a directory"), ("/dev/full", "磁盘空间不足", "No space left")):
        if not Path(target).parent.exists():
            continue
        assert run([command, "-C", str(repo), "--as-of", "2023-09-15", "--format", fmt, "-o", target]) == 2
        err = capsys.readouterr().err
        assert zh in err and en not in err, err
        assert run([command, "-C", str(repo), "--as-of", "2023-09-15", "--format", fmt, "-o", target, "--lang", "en"]) == 2
        assert en in capsys.readouterr().err
