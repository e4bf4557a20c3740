"""Console output that survives a code page: GBK on Chinese Windows, or any other.

Python writes to a pipe or a redirected file in the locale's encoding (cp936, that is GBK,
on Chinese Windows), and a character GBK lacks (an emoji or a ``⸺`` in a record's title, the
``░`` of a progress bar) would stop the command with UnicodeEncodeError halfway through its
output.  The streams are set to replace such characters with ``?`` instead; a UTF-8 console
is left as it is.
"""

from __future__ import annotations

from typing import TextIO

from dytool.core.text import is_utf

__all__ = ["tolerate_code_pages"]


def tolerate_code_pages(*streams: TextIO) -> None:
    """Make every stream that is not UTF-8 replace what its encoding cannot show."""
    for stream in streams:
        reconfigure = getattr(stream, "reconfigure", None)
        if callable(reconfigure) and not is_utf(getattr(stream, "encoding", None)):
            reconfigure(errors="replace")
