"""User errors: expected failures that end a command with a message, never a traceback."""

from __future__ import annotations

from dytool.core.messages import Lang, Text

__all__ = ["EXIT_BUG", "EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "UserError"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_BUG = 3


class UserError(Exception):
    """Show the message (in the user's language) and exit with ``exit_code``.

    The message is a :class:`~dytool.core.messages.Text` from the catalogue
    (``UserError(usage.NO_SUCH_FILE(path=p), hint=…)``), or the older pair of strings
    ``UserError(zh, en, hint_zh=…, hint_en=…)``."""

    def __init__(self, zh: str | Text, en: str | None = None, *, exit_code: int = EXIT_USAGE, hint_zh: str = "", hint_en: str = "",
                 hint: Text | None = None, detail: str = "") -> None:
        message = zh if isinstance(zh, Text) else Text.plain(zh, en if en is not None else zh)
        if hint is None and (hint_zh or hint_en):
            hint = Text.plain(hint_zh, hint_en or hint_zh)
        super().__init__(message.en)
        self.message = message
        self.hint = hint
        self.exit_code = exit_code
        self.detail = detail
        """What another program said (git's error), shown with ``--debug`` in any language."""

    @property
    def zh(self) -> str:
        return self.message.zh

    @property
    def en(self) -> str:
        return self.message.en

    @property
    def hint_zh(self) -> str:
        return self.hint.zh if self.hint is not None else ""

    @property
    def hint_en(self) -> str:
        return self.hint.en if self.hint is not None else ""

    def text(self, lang: Lang) -> str:
        return self.message.text(lang)

    def hint_text(self, lang: Lang) -> str:
        return self.hint.text(lang) if self.hint is not None else ""
