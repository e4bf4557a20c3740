"""Deadlines and periods as the campaign's documents write them.

A deadline phrase names a span (``6月上旬`` is June 1–10, ``10个工作日内`` the working days
after the problem was found); what counts is the day after which the item is overdue, the
span's last day (:attr:`When.due`, working days counted with the campaign's calendar when the
record was read).  The briefing, the bulletin and the ledgers all take it from here.
"""

from __future__ import annotations

import datetime as dt
import re

from dytool.models import When

__all__ = ["chinese_day", "deadline_day", "deadline_text", "period_text"]

_NUMERALS = "〇一二三四"


def deadline_day(when: When | None) -> dt.date | None:
    """The day after which something due ``when`` is overdue (None: no deadline)."""
    return None if when is None else when.due


def chinese_day(day: dt.date) -> str:
    """2023-06-10 → 2023年6月10日."""
    return f"{day.year}年{day.month}月{day.day}日"


def deadline_text(when: When | None) -> str:
    """The deadline for a ledger: its day, with the phrase on the next line where it says
    more (``2023年6月10日`` / ``（6月上旬）``); an ISO day alone as ``2023年6月10日``."""
    day = deadline_day(when)
    if when is None or day is None:
        return ""
    text = when.text.strip()
    shown = chinese_day(day)
    if not text or text == day.isoformat() or text == shown:
        return shown
    return f"{shown}\n（{text}）"


_PERIOD = re.compile(r"^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|H([12])|W(\d{2})))?$")


def period_text(key: str) -> str:
    """A recurring obligation's period key in Chinese: ``2024-03`` → 2024年3月, ``2024-Q1`` →
    2024年第一季度, ``2024-H2`` → 2024年下半年, ``2024-W05`` → 2024年第5周; others unchanged."""
    match = _PERIOD.match(key.strip())
    if match is None:
        return key
    year, month, day, quarter, half, week = match.groups()
    if day:
        return f"{year}年{int(month)}月{int(day)}日"
    if month:
        return f"{year}年{int(month)}月"
    if quarter:
        return f"{year}年第{_NUMERALS[int(quarter)]}季度"
    if half:
        return f"{year}年{'上' if half == '1' else '下'}半年"
    if week:
        return f"{year}年第{int(week)}周"
    return f"{year}年"
