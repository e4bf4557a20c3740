"""The one exception of :mod:`dytool.dates`: a date phrase that cannot be used.

A :class:`PhraseError` is a value the caller turns into a located finding (``DY105``).  It
always quotes the text the user wrote, says what is wrong in Chinese and in English, each on
one line, and offers two phrases that dytool does read.

Codes (stable):

``unreadable``
    not a date phrase dytool knows (``9月前后``, ``下周``).
``no_such_day``
    a day, month or quarter that does not exist (``2023-02-30``, ``13月``, ``第五季度``).
``reversed_range``
    a range whose end comes before its start.
``ambiguous_year`` / ``no_year``
    no year written and two years of the period fit / none does (or there is no period).
``ambiguous_month`` / ``no_month``
    a bare day (``15日前``) that fits several months of the period / none.
``needs_anchor``
    a relative deadline (``7日内``) where the record has no anchor day.
``needs_calendar``
    working days (``30个工作日内``) without ``calendar: cn``.
``calendar_year_unsupported``
    the holiday package has no data for that year.
"""

from __future__ import annotations

from typing import Final

__all__ = ["DEFAULT_EXAMPLES", "ERROR_CODES", "PhraseError", "quote_en", "quote_zh"]

DEFAULT_EXAMPLES: Final[tuple[str, str]] = ("2023-05-10", "4月底前")

ERROR_CODES: Final[frozenset[str]] = frozenset(
    {
        "unreadable",
        "no_such_day",
        "reversed_range",
        "ambiguous_year",
        "no_year",
        "ambiguous_month",
        "no_month",
        "needs_anchor",
        "needs_calendar",
        "calendar_year_unsupported",
    }
)

_MAX_QUOTE: Final = 60


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _short(text: str) -> str:
    flat = _one_line(text)
    return flat if len(flat) <= _MAX_QUOTE else flat[: _MAX_QUOTE - 1] + "…"


def quote_zh(text: str) -> str:
    """``「text」`` on one line, shortened when very long."""
    return f"「{_short(text)}」"


def quote_en(text: str) -> str:
    """``"text"`` on one line, shortened when very long."""
    return f'"{_short(text)}"'


class PhraseError(ValueError):
    """A date phrase that cannot be read or resolved.

    Attributes:
        code: short stable string, one of :data:`ERROR_CODES`.
        text: the text as the user wrote it.
        message_zh, message_en: one line each, quoting ``text``.
        examples: two phrases dytool reads, suited to the problem where possible.
    """

    code: str
    text: str
    message_zh: str
    message_en: str
    examples: tuple[str, str]

    def __init__(
        self,
        code: str,
        text: str,
        message_zh: str,
        message_en: str,
        examples: tuple[str, str] = DEFAULT_EXAMPLES,
    ) -> None:
        self.code = code
        self.text = text
        self.message_zh = _one_line(message_zh)
        self.message_en = _one_line(message_en)
        self.examples = examples
        super().__init__(self.message_en)

    def __repr__(self) -> str:
        return f"PhraseError({self.code!r}, {self.text!r})"

    def __reduce__(self) -> tuple[object, ...]:
        args = (self.code, self.text, self.message_zh, self.message_en, self.examples)
        return (type(self), args)

    @property
    def hint_zh(self) -> str:
        """``可写成「2023-05-10」或「4月底前」``: ready for a finding's hint."""
        a, b = self.examples
        return f"可写成{quote_zh(a)}或{quote_zh(b)}"

    @property
    def hint_en(self) -> str:
        """``write it like "2023-05-10" or "4月底前"``."""
        a, b = self.examples
        return f"write it like {quote_en(a)} or {quote_en(b)}"
