"""Writes that must not lose anything: concurrent commands, an editor saving meanwhile, links
on the way, output files that are not files, scratch folders left by killed commands."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from edit_helpers import AS_OF, dy, snapshot

from dytool.checks import SUITE
from dytool.engine.load import load_repository


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DYTOOL_")}
    env.update({"HOME": str(tmp_path / "home"), "XDG_CACHE_HOME": str(tmp_path / "cache"), "DYTOOL_TODAY": AS_OF})
    return env


def _problems(root: Path) -> list[str]:
    return sorted(e.record.id for e in load_repository(root, SUITE).repo.entries("problem"))


@pytest.mark.parametrize("style", ["random", "serial"])
def test_four_concurrent_new_keep_four_records(campaign: Path, tmp_path: Path, style: str) -> None:
    if style == "serial":
        text = (campaign / "campaign.yaml").read_text(encoding="utf-8")
        (campaign / "campaign.yaml").write_text(text.replace("period:", "id_style: serial\nperiod:"), encoding="utf-8")
    env = _env(tmp_path)
    procs = [
        subprocess.Popen([sys.executable, "-m", "dytool", "-C", str(campaign), "new", "problem", "--owner-unit", "fgw", "--title", f"并发问题{i}"],
                         env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for i in range(4)
    ]
    results = [(p.wait(timeout=300), p.stdout.read() if p.stdout else "", p.stderr.read() if p.stderr else "") for p in procs]
    added = [out for code, out, _ in results if code == 0]
    assert all(code == 0 for code, _, _ in results), results  # the lock makes them take turns
    assert len(added) == 4
    ids = _problems(campaign)
    assert len(ids) == 6 and len(set(ids)) == 6
    text = (campaign / "problems" / "fgw.yaml").read_text(encoding="utf-8")
    assert all(f"并发问题{i}" in text for i in range(4))
    if style == "serial":
        assert ids[-4:] == ["P-003", "P-004", "P-005", "P-006"]


def test_a_file_saved_by_an_editor_during_the_check_is_not_overwritten(campaign: Path, capsys: pytest.CaptureFixture[str],
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import dytool.edit.safewrite as close_module

    path = campaign / "problems" / "fgw.yaml"
    real_check = close_module.check_plan

    def check_while_an_editor_saves(*args: object, **kwargs: object) -> object:
        found = real_check(*args, **kwargs)  # type: ignore[arg-type]
        path.write_text(path.read_text(encoding="utf-8") + "# 编辑器里刚加的注释\n", encoding="utf-8")
        return found

    monkeypatch.setattr(close_module, "check_plan", check_while_an_editor_saves)
    ran = dy(capsys, campaign, "close", "P-002", "--evidence", "精简清单已发文", "--on", "2023-09-10")
    assert ran.code == 1 and "problems/fgw.yaml" in ran.err and "被修改" in ran.err
    text = path.read_text(encoding="utf-8")
    assert text.endswith("# 编辑器里刚加的注释\n") and "精简清单已发文" not in text


def test_a_linked_record_folder_is_never_written_through(campaign: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "fgw.yaml").write_text("- id: P-900\n  title: 外面的文件\n", encoding="utf-8")
    before = (outside / "fgw.yaml").read_bytes()
    for name in ("fgw.yaml",):
        (campaign / "problems" / name).unlink()
    (campaign / "problems").rmdir()
    (campaign / "problems").symlink_to(outside, target_is_directory=True)
    for extra in ((), ("--dry-run",)):
        ran = dy(capsys, campaign, "new", "problem", "--owner-unit", "fgw", "--title", "链接", *extra)
        assert ran.code == 1, ran
        assert "链接" in ran.err
        assert (outside / "fgw.yaml").read_bytes() == before


def test_a_linked_record_file_is_refused(campaign: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_bytes((campaign / "topics" / "topics.yaml").read_bytes())
    (campaign / "topics" / "topics.yaml").unlink()
    (campaign / "topics" / "topics.yaml").symlink_to(outside)
    before = outside.read_bytes()
    ran = dy(capsys, campaign, "new", "topic", "--title", "新课题", "--file", "topics/topics.yaml")
    assert ran.code == 1 and outside.read_bytes() == before


def test_output_onto_a_device_or_a_link_to_one_is_written_in_place(campaign: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from dytool.core.errors import UserError
    from dytool.source.output import write_output

    link = tmp_path / "to-null"
    link.symlink_to(os.devnull)
    assert dy(capsys, campaign, "export", "-o", str(link)).code == 0
    assert link.is_symlink() and os.readlink(link) == os.devnull
    write_output(Path(os.devnull), b"x")
    assert Path(os.devnull).is_char_device()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    write_output(fifo, b"through the pipe")
    assert reader.communicate(timeout=30)[0] == b"through the pipe"
    assert fifo.is_fifo()
    regular = tmp_path / "real.xlsx"
    regular.write_bytes(b"old")
    link2 = tmp_path / "link.xlsx"
    link2.symlink_to(regular)
    with pytest.raises(UserError):  # a link to a file is never written through (it could lead anywhere)
        write_output(link2, b"new")
    assert link2.is_symlink() and regular.read_bytes() == b"old"


def test_scratch_folders_of_a_killed_command_are_removed_by_the_next(campaign: Path, capsys: pytest.CaptureFixture[str],
                                                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    stale = temp / "dytool-check-killed"
    (stale / "repo").mkdir(parents=True)
    (stale / "in-use.lock").write_bytes(b"pid 1 since 0\n")  # its owner is gone: nobody holds the lock
    unmarked = temp / "dytool-since-unmarked"  # an empty lock a minute old: an older dytool's, never being taken now
    unmarked.mkdir()
    (unmarked / "in-use.lock").write_bytes(b"")
    os.utime(unmarked / "in-use.lock", (1_600_000_000, 1_600_000_000))
    taking = temp / "dytool-diff-taking"  # its owner has just created the lock file and is about to lock it
    taking.mkdir()
    (taking / "in-use.lock").write_bytes(b"")
    older = temp / "dytool-check-older"  # from a version that had no lock file
    older.mkdir()
    os.utime(older, (1_600_000_000, 1_600_000_000))
    fresh = temp / "dytool-check-fresh"  # made a moment ago by a live command that is about to lock it
    fresh.mkdir()
    ran = dy(capsys, campaign, "new", "topic", "--title", "新课题")
    assert ran.code == 0, ran.err
    assert sorted(p.name for p in temp.iterdir()) == ["dytool-check-fresh", "dytool-diff-taking"]


def test_a_live_scratch_folder_is_left_alone(tmp_path: Path) -> None:
    from dytool.edit.safewrite import sweep_scratch
    from dytool.source.lock import try_lock, unlock

    live = tmp_path / "dytool-check-live"
    live.mkdir()
    fd = try_lock(live / "in-use.lock")
    assert fd is not None
    os.write(fd, b"pid 1 since 0\n")  # as its owner does once it holds the lock
    code = subprocess.run([sys.executable, "-c", f"from dytool.edit.safewrite import sweep_scratch; from pathlib import Path; "
                           f"print(len(sweep_scratch(Path({str(tmp_path)!r}))))"], capture_output=True, text=True, check=True)
    assert code.stdout.strip() == "0" and live.is_dir()
    unlock(fd)
    assert sweep_scratch(tmp_path) == [live] and not live.exists()


def test_a_refused_write_changes_nothing_even_under_the_lock(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(campaign)
    ran = dy(capsys, campaign, "new", "problem", "--owner-unit", "ghost", "--title", "x")
    assert ran.code == 1
    assert snapshot(campaign) == before


def test_temporary_copies_left_by_a_killed_write_are_removed(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    leftover = campaign / "problems" / ".fgw.yaml.k1ll3d.tmp"
    leftover.write_text("half a file", encoding="utf-8")
    assert dy(capsys, campaign, "new", "problem", "--owner-unit", "fgw", "--title", "新问题").code == 0
    assert not leftover.exists()


def test_init_never_writes_through_a_linked_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    dest = tmp_path / "new"
    dest.mkdir()
    (dest / ".github").symlink_to(outside, target_is_directory=True)
    ran = dy(capsys, None, "init", str(dest), "--title", "活动", "--start", "2024-01-01", "--end", "2024-12-31", "--no-input", "--no-git")
    assert ran.code == 1 and ".github" in ran.err
    assert list(outside.iterdir()) == []


def test_a_file_name_too_long_is_a_clear_refusal(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ran = dy(capsys, campaign, "new", "topic", "--title", "课题", "--file", "topics/" + "长" * 3000 + ".yaml")
    assert ran.code == 1 and "内部错误" not in ran.err


def test_the_lock_file_is_never_committed(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from edit_helpers import git, git_repo

    git_repo(campaign)
    assert dy(capsys, campaign, "--no-cache", "new", "topic", "--title", "新课题").code == 0
    assert git(campaign, "status", "--porcelain").split() == ["M", "topics/topics.yaml"]
