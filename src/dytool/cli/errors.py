"""Usage errors of the command-line parser, worded from the catalogue.

The parser (typer's click) words its errors in English; Chinese output says the same in
Chinese: which option is unknown, which value is not allowed and what is, which argument is
missing.  English output keeps the parser's own message with its usage line.
"""

from __future__ import annotations

import re
from typing import Any

from dytool.core.catalogue import usage
from dytool.core.messages import Text, join

__all__ = ["usage_text"]

_COMMAND = re.compile(r"No such command '(.+?)'")
_EXTRA = re.compile(r"unexpected extra argument(?:s|\(s\))? \((.*)\)")
_REQUIRES = re.compile(r"Option '(.+?)' requires")


def _hint(param: Any, ctx: Any) -> str:
    """``--format / -f`` for an option, ``ID`` for an argument."""
    try:
        if getattr(param, "param_type_name", "") == "argument":
            return str(param.human_readable_name).strip("{}")
        return " / ".join(getattr(param, "opts", None) or [getattr(param, "name", "")])
    except Exception:  # noqa: BLE001 - a name is only a courtesy
        return ""


def usage_text(exc: Exception) -> Text:
    """What ``exc`` (a usage error of the parser) says, in both languages."""
    from typer._click import exceptions as errors

    message = getattr(exc, "message", "") or str(exc)
    if isinstance(exc, errors.NoSuchOption):
        close = sorted(exc.possibilities or ())
        return usage.NO_SUCH_OPTION_CLOSE(option=exc.option_name, close=join(close, "、", ", ")) if close else \
            usage.NO_SUCH_OPTION(option=exc.option_name)
    if isinstance(exc, errors.MissingParameter):
        return usage.MISSING_ARGUMENT(argument=_hint(exc.param, exc.ctx) or "?")
    if isinstance(exc, errors.BadParameter):
        param = exc.param
        choices = getattr(getattr(param, "type", None), "choices", None)
        option = _hint(param, exc.ctx) if param is not None else ""
        if choices:
            return usage.CHOICES(option=option, choices="|".join(str(c) for c in choices))
        return usage.BAD_VALUE_PLAIN(option=option or "?")
    if (found := _REQUIRES.search(message)) is not None:
        return usage.MISSING_VALUE(option=found.group(1))
    if (found := _COMMAND.search(message)) is not None:
        return usage.NO_SUCH_COMMAND(command=found.group(1))
    if (found := _EXTRA.search(message)) is not None:
        return usage.EXTRA_ARGUMENTS(arguments=found.group(1))
    return Text.plain(usage.USAGE_ERROR.zh, message)
