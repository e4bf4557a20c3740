"""Normalising date text before it is parsed.

Steps, in order: Unicode NFKC (full-width digits and punctuation become ASCII); every white
space removed; ASCII letters upper-cased (``q2`` = ``Q2``); one pair of surrounding brackets
and trailing punctuation dropped (``（4月中旬前）``); dash variants (``—``, ``–``, ``―``,
``——``, ``−``) become ``—`` and wave dashes (``～``, ``〜``) ``~``; Chinese numerals become
Arabic (``十二月`` → ``12月``, ``二〇二三年`` → ``2023年``, ``三十个工作日`` → ``30个工作日``);
then the synonyms ``号`` → ``日``, ``月份`` → ``月``, ``末`` → ``底``, ``之前``/``以前`` → ``前``,
``以内``/``之内`` → ``内``, ``年度`` → ``年``, ``星期``/``礼拜`` → ``周``.

The result is what parsing sees and what caches are keyed on, so NFKC-equivalent inputs
(full-width digits, ideographic spaces, ``５月１０号``) parse identically.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache
from typing import Final

__all__ = ["chinese_number", "explicit_day", "normalize"]

_DIGITS: Final[dict[str, int]] = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_NUMBER_RE: Final = re.compile("[〇○零一二两三四五六七八九十百]+")
_DASH_RE: Final = re.compile("[—–―‒−]+")
_WAVE_RE: Final = re.compile("[~〜]+")
_WORDS: Final[tuple[tuple[str, str], ...]] = (
    ("号", "日"),
    ("月份", "月"),
    ("末", "底"),
    ("之前", "前"),
    ("以前", "前"),
    ("以内", "内"),
    ("之内", "内"),
    ("年度", "年"),
    ("星期", "周"),
    ("礼拜", "周"),
)
_OPEN: Final = "([【〔"
_CLOSE: Final = ")]】〕"
_TRAILING_PUNCT: Final = "。,;:!、"


def chinese_number(text: str) -> int:
    """Value of a Chinese numeral: ``十二`` → 12, ``三十一`` → 31, ``二〇二三`` → 2023.

    With ``十`` or ``百`` the numeral is positional; without, digit by digit (years).
    """
    if "十" not in text and "百" not in text:
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total = 0
    current = 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _DIGITS[ch]
    return total + current


def _number_sub(match: re.Match[str]) -> str:
    return str(chinese_number(match.group()))


@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """The canonical form of a date text (see the module docstring)."""
    s = unicodedata.normalize("NFKC", text)
    s = "".join(s.split()).upper()
    s = s.rstrip(_TRAILING_PUNCT)
    if len(s) >= 2 and s[0] in _OPEN and s[-1] in _CLOSE:
        s = s[1:-1]
    s = _DASH_RE.sub("—", s)
    s = _WAVE_RE.sub("~", s)
    s = _CN_NUMBER_RE.sub(_number_sub, s)
    for old, new in _WORDS:
        if old in s:
            s = s.replace(old, new)
    return s


_DAY = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*[日号]?\Z")


def explicit_day(text: str) -> dt.date | None:
    """The day of a fully written date (``2023.5.10``, ``2023/5/10``, ``2023年5月10日``), else None."""
    match = _DAY.match(unicodedata.normalize("NFKC", text).strip())
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None

