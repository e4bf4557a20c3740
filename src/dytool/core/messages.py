"""Words for people, in Chinese and in English: the type of every entry of the catalogue.

A :class:`Text` is a pair of templates and the parameters that fill them.  The wording lives
in :mod:`dytool.core.catalogue` (one module per area); a call site only fills it in
(``BRIEFING.days_left(n=3)``) and a renderer shows it in one language (``.text(lang)``).
Parameters are shown the way each language writes them (:func:`shown`): a day as
``2023年9月15日`` or ``2023-09-15``, a list joined with ``、`` or ``, ``, a status by its label,
another :class:`Text` in the same language.  So no call site ever chooses a language itself.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterable, Mapping
from enum import Enum, StrEnum
from typing import Any

__all__ = ["Joined", "Lang", "Text", "chinese_date", "join", "per_lang", "shown"]


class Lang(StrEnum):
    ZH = "zh"
    EN = "en"


def chinese_date(day: dt.date, *, with_day: bool = True) -> str:
    """2023-09-15 → 2023年9月15日 (the form used in the body of official documents)."""
    return f"{day.year}年{day.month}月{day.day}日" if with_day else f"{day.year}年{day.month}月"


class Joined:
    """Items shown one after another, with each language's separator (``、`` and ``, ``
    unless given), cut after ``limit`` items with an ellipsis."""

    __slots__ = ("en", "items", "limit", "zh")

    def __init__(self, items: Iterable[object], zh: str = "、", en: str = ", ", *, limit: int | None = None) -> None:
        self.items = tuple(items)
        self.zh = zh
        self.en = en
        self.limit = limit

    def text(self, lang: Lang) -> str:
        items = self.items if self.limit is None else self.items[: self.limit]
        out = (self.en if lang is Lang.EN else self.zh).join(str(shown(item, lang)) for item in items)
        if self.limit is not None and len(self.items) > self.limit:
            out += "..." if lang is Lang.EN else "…"
        return out

    def __bool__(self) -> bool:
        return bool(self.items)


def join(items: Iterable[object], zh: str = "、", en: str = ", ", *, limit: int | None = None) -> Joined:
    return Joined(items, zh, en, limit=limit)


def shown(value: object, lang: Lang) -> object:
    """``value`` as a parameter of a message in ``lang``; numbers stay numbers (for ``{n:.1f}``)."""
    if isinstance(value, Text | Joined):
        return value.text(lang)
    if isinstance(value, Enum):
        if lang is Lang.ZH and hasattr(value, "label_zh"):
            return str(value.label_zh)
        return str(getattr(value, "label_en", None) or str(value.value).replace("_", " "))
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return value
    if isinstance(value, str):
        return value
    if value is None:
        return "—"
    if isinstance(value, dt.date):
        return value.isoformat() if lang is Lang.EN else chinese_date(value)
    if isinstance(value, list | tuple):
        return Joined(value).text(lang)
    return str(value)


_FORMATTER = string.Formatter()


class Text:
    """A message in Chinese and English: two templates (``str.format`` fields) and the values
    of their fields.  Calling a text fills in (more of) its fields: ``DAYS_LEFT(n=3)``."""

    __slots__ = ("_en", "_params", "_zh")

    def __init__(self, zh: str, en: str, params: Mapping[str, Any] | None = None) -> None:
        self._zh = zh
        self._en = en
        self._params: Mapping[str, Any] = params or {}

    def __call__(self, **params: Any) -> Text:
        return Text(self._zh, self._en, {**self._params, **params})

    @classmethod
    def plain(cls, zh: str, en: str) -> Text:
        """Words already written (no fields: braces are shown as they are)."""
        return cls(zh.replace("{", "{{").replace("}", "}}"), en.replace("{", "{{").replace("}", "}}"))

    @property
    def pair(self) -> tuple[str, str]:
        """(Chinese, English), for the values that keep both (findings, notes)."""
        return self.zh, self.en

    @classmethod
    def of(cls, value: object) -> Text:
        """A value as each language shows it (a day, a status, a list)."""
        return cls("{v}", "{v}", {"v": value})

    def text(self, lang: Lang) -> str:
        template = self._en if lang is Lang.EN else self._zh
        if not self._params and "{" not in template and "}" not in template:
            return template
        return _FORMATTER.vformat(template, (), {name: shown(value, lang) for name, value in self._params.items()})

    @property
    def zh(self) -> str:
        return self.text(Lang.ZH)

    @property
    def en(self) -> str:
        return self.text(Lang.EN)

    @property
    def fields(self) -> frozenset[str]:
        """The names of the fields of both templates (the catalogue's tests check they agree)."""
        return frozenset(name for template in (self._zh, self._en)
                         for _, name, _, _ in _FORMATTER.parse(template) if name)

    @property
    def templates(self) -> tuple[str, str]:
        return self._zh, self._en

    def template(self, lang: Lang) -> str:
        """The template of ``lang`` as written, fields unfilled (for templates of templates)."""
        return self._en if lang is Lang.EN else self._zh

    def __repr__(self) -> str:
        return f"Text({self.zh!r}, {self.en!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and (self.zh, self.en) == (other.zh, other.en)

    def __hash__(self) -> int:
        return hash((self.zh, self.en))

    def __add__(self, other: Text) -> Text:
        """Two messages one after the other (each language with its own)."""
        return Text("{a}{b}", "{a}{b}", {"a": self, "b": other})


def per_lang(zh: object, en: object) -> Text:
    """One value for Chinese output and another for English (names, and ids in English)."""
    return Text("{zh}", "{en}", {"zh": zh, "en": en})
