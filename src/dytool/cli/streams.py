"""Console output that survives a code page: GBK on Chinese Windows, or any other.

Python writes to a pipe or a redirected file in the locale's encoding (cp936, that is GBK,
on Chinese Windows), and a character GBK lacks (an emoji or a ``⸺`` in a record's title, the
``░`` of a progress bar) would stop the command with UnicodeEncodeError halfway through its
output.  The streams are set to replace such characters with ``?`` instead; a UTF-8 console
is left as it is.
"""

from __future__ import annotations

import codecs
from typing import TextIO

__all__ = ["can_encode", "tolerate_code_pages"]


def _is_utf(encoding: str | None) -> bool:
    if not encoding:
        return False
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def can_encode(text: str, encoding: str | None) -> bool:
    """Whether a stream in ``encoding`` can show ``text`` as it is."""
    if not encoding or _is_utf(encoding):
        return True
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def tolerate_code_pages(*streams: TextIO) -> None:
    """Make every stream that is not UTF-8 replace what its encoding cannot show."""
    for stream in streams:
        reconfigure = getattr(stream, "reconfigure", None)
        if callable(reconfigure) and not _is_utf(getattr(stream, "encoding", None)):
            reconfigure(errors="replace")
