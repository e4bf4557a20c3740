"""User errors: expected failures that end a command with a message, never a traceback."""

from __future__ import annotations

__all__ = ["EXIT_BUG", "EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "UserError"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_BUG = 3


class UserError(Exception):
    """Show ``message`` (in the user's language) and exit with ``exit_code``."""

    def __init__(self, zh: str, en: str, *, exit_code: int = EXIT_USAGE, hint_zh: str = "", hint_en: str = "") -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en
        self.exit_code = exit_code
        self.hint_zh = hint_zh
        self.hint_en = hint_en
