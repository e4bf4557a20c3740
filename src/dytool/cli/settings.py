"""The global options, resolved once into a frozen settings object passed down to commands."""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, overload

from dytool.core.catalogue import usage
from dytool.core.errors import UserError
from dytool.core.findings import Lang

if TYPE_CHECKING:
    from dytool.engine.options import LoadOptions

__all__ = ["Settings", "default_jobs", "start_method", "today_in_china", "user_cache_folder"]

_CHINA = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")


def today_in_china() -> dt.date:
    """Today in Asia/Shanghai (UTC+8 all year): the default as-of day, read only by the CLI."""
    return dt.datetime.now(_CHINA).date()


def _parse_day(text: str, source: str) -> dt.date:
    """A day written ``YYYY-MM-DD`` (not ``20230915``, which Python would also read) in a year
    a campaign can have; anything else is a usage error that says how to write it."""
    value = text.strip()
    day: dt.date | None = None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            day = None
    if day is None:
        raise UserError(usage.BAD_DAY(source=source, text=text))
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise UserError(usage.DAY_OUT_OF_RANGE(source=source, day=value, first=MIN_YEAR, last=MAX_YEAR))
    return day


MIN_YEAR, MAX_YEAR = 1900, 2999
"""The years an as-of day may name: far beyond any campaign, and far from the calendar's end."""


@dataclass(frozen=True)
class Settings:
    directory: Path | None
    as_of_text: str | None
    lang_text: str | None
    color: bool
    debug: bool
    cache: bool = True

    @property
    def as_of(self) -> dt.date:
        if self.as_of_text is not None:  # "--as-of ''" (an unset variable in a script) is no day, not today
            return _parse_day(self.as_of_text, "--as-of")
        env = os.environ.get("DYTOOL_TODAY")
        if env:
            return _parse_day(env, "DYTOOL_TODAY")
        return today_in_china()

    @property
    def cwd(self) -> Path:
        """The folder the command runs in: ``-C DIR`` means "as if started in DIR"."""
        return self.directory if self.directory is not None else Path.cwd()

    @overload
    def path(self, given: Path) -> Path: ...
    @overload
    def path(self, given: None) -> None: ...
    @overload
    def path(self, given: Path | None) -> Path | None: ...
    def path(self, given: Path | None) -> Path | None:
        """A path from the command line, relative to :attr:`cwd` (as git reads paths after ``-C``)."""
        return given if given is None or given.is_absolute() else self.cwd / given

    @property
    def load_options(self) -> LoadOptions:
        """How the engine loads: cache on or off, worker processes (``DYTOOL_JOBS``, else the
        cores this process may use), where the cache's signing key lives
        (:func:`user_cache_folder`), and how workers start (:func:`start_method`)."""
        from dytool.engine.options import LoadOptions

        cache = self.cache
        if cache and self.directory_is_repository_with_linked_cache():
            cache = False
        return LoadOptions(cache=cache, jobs=default_jobs(), key_folder=user_cache_folder(),
                           start_method=start_method())

    def directory_is_repository_with_linked_cache(self) -> bool:
        """Whether the repository's ``.dytool/cache`` is reached through a link or something that
        is not a folder: then the cache is off, and the user is told once why."""
        from dytool.source.folders import unsafe_folder

        try:
            root = self.root()
        except UserError:
            return False
        if not unsafe_folder(root, ".dytool", "cache", "memo"):
            return False
        _note_once(str(root), self.lang())
        return True

    def lang(self, campaign_language: str | None = None) -> Lang:
        text = self.lang_text or os.environ.get("DYTOOL_LANG") or campaign_language or "zh"
        return Lang.EN if text.lower().startswith("en") else Lang.ZH

    def root(self) -> Path:
        from dytool.source.discover import NoRepository, find_root

        start = self.directory or Path.cwd()
        if self.directory is not None and not self.directory.is_dir():
            raise UserError(usage.NO_DIRECTORY(path=str(self.directory)))
        try:
            return find_root(start)
        except NoRepository:
            raise UserError(usage.NO_REPOSITORY(path=str(start)), hint=usage.NO_REPOSITORY_HINT) from None


def default_jobs() -> int:
    """Worker processes for a cold load: ``DYTOOL_JOBS``, else the cores this process may use."""
    env = os.environ.get("DYTOOL_JOBS", "").strip()
    if env.isdigit() and int(env) > 0:
        jobs = int(env)
    else:
        try:
            jobs = max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # pragma: no cover - not Linux
            jobs = max(1, os.cpu_count() or 1)
    return min(jobs, _WINDOWS_MAX_WORKERS) if sys.platform == "win32" else jobs


_WINDOWS_MAX_WORKERS = 61
"""A process pool on Windows refuses more workers than this (it waits on at most 63 handles)."""


def start_method() -> str:
    """How the loader's worker processes start: ``fork`` where the system has it, else ``spawn``
    (Windows).  ``DYTOOL_START_METHOD=spawn`` asks for ``spawn`` anyway, so that what Windows
    does can be tried on Linux (the tests do); a method the system lacks is ignored."""
    import multiprocessing

    available = multiprocessing.get_all_start_methods()
    wanted = os.environ.get("DYTOOL_START_METHOD", "").strip().lower()
    if wanted in available:
        return wanted
    return "fork" if "fork" in available else "spawn"


def user_cache_folder() -> Path | None:
    """dytool's folder in the user's cache: where the key that signs the repository caches
    lives, never inside a repository.  ``XDG_CACHE_HOME`` when set; else, on Windows,
    ``%LOCALAPPDATA%\\dytool`` (the folder Windows keeps for a user's local, unroamed data);
    else ``~/.cache``."""
    base = os.environ.get("XDG_CACHE_HOME")
    if base:
        return Path(base) / "dytool"
    local = os.environ.get("LOCALAPPDATA")
    if sys.platform == "win32" and local:
        return Path(local) / "dytool"
    try:
        return Path.home() / ".cache" / "dytool"
    except RuntimeError:  # no home folder: no cache
        return None


@functools.cache
def _note_once(root: str, lang: Lang) -> None:

    print(usage.LINKED_CACHE.text(lang), file=sys.stderr)
