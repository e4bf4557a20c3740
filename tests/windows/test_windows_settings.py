"""What the command line decides for Windows (cli/settings.py): how workers start, how many,
where the user's cache lives."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from dytool.cli import settings


def test_the_command_line_starts_workers_by_fork_where_it_can_else_spawn(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DYTOOL_START_METHOD", raising=False)
    assert settings.start_method() == "fork"
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert settings.start_method() == "spawn"  # Windows: spawn is all there is
    monkeypatch.setenv("DYTOOL_START_METHOD", "fork")
    assert settings.start_method() == "spawn"  # a method the system lacks is not asked for
    monkeypatch.undo()
    monkeypatch.setenv("DYTOOL_START_METHOD", "Spawn")
    assert settings.start_method() == "spawn"
    assert settings.Settings(None, None, None, color=False, debug=False).load_options.start_method == "spawn"


def test_windows_never_gets_more_workers_than_its_process_pool_allows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYTOOL_JOBS", "96")
    assert settings.default_jobs() == 96
    monkeypatch.setattr(settings.sys, "platform", "win32")
    assert settings.default_jobs() == 61


def test_the_users_cache_is_in_localappdata_on_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "AppData" / "Local"))
    assert settings.user_cache_folder() == tmp_path / "home" / ".cache" / "dytool"  # not Windows: LOCALAPPDATA means nothing
    monkeypatch.setattr(settings.sys, "platform", "win32")
    assert settings.user_cache_folder() == tmp_path / "AppData" / "Local" / "dytool"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert settings.user_cache_folder() == tmp_path / "xdg" / "dytool"  # asked for by name: wins everywhere
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.delenv("LOCALAPPDATA")
    assert settings.user_cache_folder() == tmp_path / "home" / ".cache" / "dytool"
