"""The global options, resolved once into a frozen settings object passed down to commands."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from dytool.core.errors import UserError
from dytool.core.findings import Lang

__all__ = ["Settings", "today_in_china"]

_CHINA = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")


def today_in_china() -> dt.date:
    """Today in Asia/Shanghai (UTC+8 all year): the default as-of day, read only by the CLI."""
    return dt.datetime.now(_CHINA).date()


def _parse_day(text: str, source: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(
            f"{source} 的日期“{text}”无法识别，请写成 2023-09-15",
            f"{source}: {text!r} is not a date; write it as 2023-09-15",
        ) from None


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
        if self.as_of_text:
            return _parse_day(self.as_of_text, "--as-of")
        env = os.environ.get("DYTOOL_TODAY")
        if env:
            return _parse_day(env, "DYTOOL_TODAY")
        return today_in_china()

    def lang(self, campaign_language: str | None = None) -> Lang:
        text = self.lang_text or os.environ.get("DYTOOL_LANG") or campaign_language or "zh"
        return Lang.EN if text.lower().startswith("en") else Lang.ZH

    def root(self) -> Path:
        from dytool.source.discover import NoRepository, find_root

        start = self.directory or Path.cwd()
        if self.directory is not None and not self.directory.is_dir():
            raise UserError(f"目录“{self.directory}”不存在", f"directory {str(self.directory)!r} does not exist")
        try:
            return find_root(start)
        except NoRepository:
            raise UserError(
                f"在“{start}”及其上级目录中找不到 campaign.yaml：这里不是调研活动仓库",
                f"no campaign.yaml in {str(start)!r} or above it: not a campaign repository",
                hint_zh="用 -C 指定仓库目录，或用 dytool init 新建一个",
                hint_en="point to one with -C DIR, or create one with 'dytool init'",
            ) from None
