"""The words of the site, in Chinese and in English (record values are shown as written)."""

from __future__ import annotations

import datetime as dt

from dytool.core.catalogue import site
from dytool.core.findings import Lang
from dytool.core.messages import Text

__all__ = ["Words", "words_for"]




class Words:
    """``words("key", n=3)``: the phrase in the site's language, with its blanks filled
    (the phrases are :data:`dytool.core.catalogue.site.WORDS`)."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def phrases(self) -> dict[str, str]:
        """Every phrase without blanks, by key (the templates' ``L.key``)."""
        return {key: text.template(self.lang) for key, text in site.WORDS.items()}

    def __call__(self, key: str, **blanks: object) -> str:
        text = site.WORDS[key]
        return text(**blanks).text(self.lang) if blanks else text.template(self.lang)

    def say(self, text: Text) -> str:
        return text.text(self.lang)

    @property
    def colon(self) -> str:
        return site.COLON.text(self.lang)

    @property
    def sep(self) -> str:
        """Between the items of a list."""
        return site.LIST_SEPARATOR.text(self.lang)

    @property
    def semi(self) -> str:
        return site.SEMICOLON.text(self.lang)

    @property
    def comma(self) -> str:
        return site.COMMA.text(self.lang)

    @property
    def html_lang(self) -> str:
        return site.HTML_LANG.text(self.lang)

    def paren(self, text: object) -> str:
        return site.IN_PARENS(text=str(text)).text(self.lang)

    def day(self, day: dt.date | None) -> str:
        return Text.of(day).text(self.lang)

    def short_day(self, day: dt.date | None) -> str:
        if day is None:
            return "—"
        return site.SHORT_DAY(month=day.month, day=day.day, iso=day.isoformat()).text(self.lang)

    def month(self, year: int, month: int) -> str:
        return site.MONTH(year=year, month=month, name=site.MONTH_NAMES[month - 1]).text(self.lang)

    def short_month(self, month: int) -> str:
        return site.SHORT_MONTH(month=month, short=site.MONTH_NAMES[month - 1][:3]).text(self.lang)

    def label(self, value: object) -> str:
        """A labelled enumeration's label (``label_zh``) or its machine value in English."""
        return Text.of(value).text(self.lang)

    def pair(self, zh: str, en: str) -> str:
        """Words that came in both languages (a problem's reason), in the site's."""
        return Text.plain(zh, en).text(self.lang)

    def pct(self, rate: float | None) -> str:
        return "—" if rate is None else f"{rate * 100:.1f}%"


def words_for(lang: Lang) -> Words:
    return Words(lang)
