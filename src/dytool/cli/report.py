"""The one way a command shows or writes what it produced.

:func:`emit` takes what a renderer returned (:mod:`dytool.present.formats`): text goes to
standard output or, with ``-o``, into the file; rich renderables are printed on the terminal
(in colour unless ``--no-color``) or written without colour.  Files are always written by
:func:`dytool.source.output.write_output` (atomic, never through a link, OS errors as clear
usage errors).  :func:`say` prints one message of the catalogue in the user's language.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dytool.core.messages import Lang, Text

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["console", "emit", "say", "warn"]


def console(*, color: bool, file: Any = None, soft_wrap: bool = False) -> Console:
    from rich.console import Console

    return Console(file=file, no_color=not color, highlight=False, emoji=False, markup=False, soft_wrap=soft_wrap)


def emit(rendered: str | bytes | Sequence[Any], *, output: Path | None, color: bool, soft_wrap: bool = False) -> Path | None:
    """Show ``rendered`` on standard output, or write it to ``output``; the path written."""
    from dytool.source.output import write_output

    if isinstance(rendered, bytes):
        if output is None:
            sys.stdout.buffer.write(rendered)
            sys.stdout.flush()
            return None
        return write_output(output, rendered)
    if isinstance(rendered, str):
        if output is None:
            sys.stdout.write(rendered)
            sys.stdout.flush()
            return None
        return write_output(output, rendered.encode("utf-8"))
    if output is None:
        screen = console(color=color, soft_wrap=soft_wrap)
        for item in rendered:
            screen.print(item)
        return None
    buffer = io.StringIO()
    paper = console(color=False, file=buffer, soft_wrap=soft_wrap)
    for item in rendered:
        paper.print(item)
    return write_output(output, buffer.getvalue().encode("utf-8"))


def say(message: Text, lang: Lang, *, error: bool = False) -> None:
    """One message of the catalogue, in ``lang``, on standard output (or standard error)."""
    print(message.text(lang), file=sys.stderr if error else sys.stdout)


def warn(message: Text, lang: Lang) -> None:
    """``dytool: message`` on standard error."""
    print(f"dytool: {message.text(lang)}", file=sys.stderr)
