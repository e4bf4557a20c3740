"""The repository lock on Windows (``msvcrt.locking``) and between real processes (``flock``).

Windows cannot be run here, so :class:`~dytool.source.lock.MsvcrtLocking` runs against a
stand-in ``msvcrt`` that behaves as Windows documents: ``locking`` works from the file's
current position, ``LK_NBLCK`` raises OSError at once when another handle holds the bytes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dytool.source import lock
from dytool.source.lock import LockBusy, MsvcrtLocking, held_lock, repository_lock, try_lock, unlock
from util import EXAMPLE


class FakeMsvcrt:
    """Windows' byte-range locks, kept per file, with every call recorded."""

    LK_UNLCK, LK_LOCK, LK_NBLCK = 0, 1, 2

    def __init__(self, refuse: int = 0) -> None:
        self.calls: list[tuple[str, int, int, int]] = []  # (what, fd, position, nbytes)
        self.held: dict[tuple[int, int], int] = {}  # (device, inode) → fd that holds byte 0
        self.refuse = refuse  # refuse this many more attempts, as if another process held the lock

    def locking(self, fd: int, mode: int, nbytes: int, /) -> None:
        position = os.lseek(fd, 0, os.SEEK_CUR)
        info = os.fstat(fd)
        key = (info.st_dev, info.st_ino)
        if mode == self.LK_UNLCK:
            self.calls.append(("unlock", fd, position, nbytes))
            if self.held.get(key) != fd:
                raise PermissionError(13, "Permission denied")
            del self.held[key]
            return
        assert mode == self.LK_NBLCK, "dytool never blocks inside msvcrt (LK_LOCK gives up after 10 s)"
        self.calls.append(("lock", fd, position, nbytes))
        if self.refuse > 0 or key in self.held:
            self.refuse = max(0, self.refuse - 1)
            raise OSError(36, "Resource deadlock avoided")
        self.held[key] = fd


@pytest.fixture
def msvcrt(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    fake = FakeMsvcrt()
    monkeypatch.setattr(lock, "_LOCKING", MsvcrtLocking(fake))
    return fake


def test_windows_locks_the_first_byte_whatever_the_position_and_unlocks_it(tmp_path: Path, msvcrt: FakeMsvcrt) -> None:
    path = tmp_path / "write.lock"
    fd = try_lock(path)
    assert fd is not None
    assert msvcrt.calls == [("lock", fd, 0, 1)]
    assert try_lock(path) is None  # another handle (as another process) is refused at once
    os.write(fd, b"moved")  # the position moves; unlocking must still name byte 0
    unlock(fd)
    assert msvcrt.calls[-1] == ("unlock", fd, 0, 1) and msvcrt.held == {}
    again = try_lock(path)
    assert again is not None
    unlock(again)


def test_windows_waits_for_the_lock_then_takes_it(tmp_path: Path, msvcrt: FakeMsvcrt) -> None:
    msvcrt.refuse = 3
    with held_lock(tmp_path / "write.lock", timeout=30, busy=LockBusy(tmp_path, 30)):
        assert [c[0] for c in msvcrt.calls] == ["lock"] * 4
        assert len(msvcrt.held) == 1
        with repository_lock(tmp_path), held_lock(tmp_path / "write.lock", timeout=0, busy=LockBusy(tmp_path, 0)):
            pass  # re-entrant in one process: no second lock taken on the same file
    assert msvcrt.held == {}
    assert [c[0] for c in msvcrt.calls].count("unlock") == 2  # write.lock and .dytool/write.lock


def test_windows_gives_up_after_the_timeout_and_leaks_nothing(tmp_path: Path, msvcrt: FakeMsvcrt) -> None:
    msvcrt.refuse = 10**9
    started = time.monotonic()
    with pytest.raises(LockBusy), repository_lock(tmp_path, timeout=0.3):
        pass
    assert time.monotonic() - started >= 0.3
    attempts = [fd for what, fd, _, _ in msvcrt.calls if what == "lock"]
    assert len(attempts) > 2 and len(set(attempts)) == 1
    with pytest.raises(OSError):
        os.fstat(attempts[0])  # the file was closed
    assert msvcrt.held == {}


def test_a_command_takes_and_releases_the_windows_lock(tmp_path: Path, msvcrt: FakeMsvcrt, capsys: pytest.CaptureFixture[str]) -> None:
    from dytool.cli.main import run

    root = tmp_path / "campaign"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".dytool"))
    assert run(["-C", str(root), "--as-of", "2023-09-15", "new", "problem", "--owner-unit", "fgw", "--title", "加锁写入"]) == 0, capsys.readouterr()
    assert "加锁写入" in (root / "problems" / "fgw.yaml").read_text(encoding="utf-8")
    assert ("lock", msvcrt.calls[0][1], 0, 1) in msvcrt.calls and msvcrt.calls[-1][0] == "unlock"
    assert msvcrt.held == {}


_HOLDER = """
import sys
from pathlib import Path
from dytool.source.lock import repository_lock
with repository_lock(Path(sys.argv[1])):
    print("held", flush=True)
    sys.stdin.readline()
"""


def test_another_process_holding_the_lock_makes_a_command_wait_then_give_up(tmp_path: Path) -> None:
    """Real processes, real ``flock``: a second one waits for the first, and gives up with a
    clear message at its timeout; a holder that dies (killed) releases the lock."""
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(tmp_path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(LockBusy) as busy, repository_lock(tmp_path, timeout=0.3):
            pass
        assert "另一个 dytool 命令" in busy.value.zh
        holder.kill()
        holder.wait(timeout=30)
        with repository_lock(tmp_path, timeout=10):
            pass
    finally:
        holder.kill()
        holder.wait(timeout=30)


def test_a_waiting_process_gets_the_lock_when_the_holder_finishes(tmp_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(tmp_path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    waiter = subprocess.Popen([sys.executable, "-c", "import sys; from pathlib import Path; from dytool.source.lock import repository_lock\n"
                               "with repository_lock(Path(sys.argv[1]), timeout=60): print('got it')", str(tmp_path)],
                              stdout=subprocess.PIPE, text=True)
    time.sleep(0.5)
    assert waiter.poll() is None  # still waiting
    assert holder.stdin is not None
    holder.stdin.write("\n")
    holder.stdin.close()
    assert holder.wait(timeout=30) == 0
    out, _ = waiter.communicate(timeout=60)
    assert waiter.returncode == 0 and out.strip() == "got it"


def test_windows_keeps_a_scratch_folder_in_use_and_sweeps_a_dead_one(tmp_path: Path, msvcrt: FakeMsvcrt) -> None:
    from dytool.source.scratch import scratch_folder, sweep

    dead = tmp_path / "dytool-office-dead"
    (dead / "profile").mkdir(parents=True)
    (dead / "in-use.lock").write_bytes(b"pid 1 since 0\n")
    with scratch_folder("since", base=tmp_path) as live:
        (live / "base").mkdir()
        assert sorted(p.name for p in tmp_path.iterdir()) == [live.name]  # the dead one went first
        assert sweep(tmp_path) == [] and (live / "base").is_dir()  # its byte is locked: the owner is alive
        assert (live / "in-use.lock").read_bytes().startswith(f"pid {os.getpid()} ".encode())
    assert list(tmp_path.iterdir()) == [] and msvcrt.held == {}
    assert all(position == 0 and nbytes == 1 for _, _, position, nbytes in msvcrt.calls)
