"""File names made from titles, that Windows, macOS and Linux all accept.

Compilations and bulletins are written as ``<title>.md`` / ``<title>.docx``.  Titles are
free text (``青川市……汇编：第2期？``), and Windows refuses ``\\ / : * ? " < > |``, control
characters, a trailing dot or space and the device names (``CON``, ``NUL``, ``COM1`` …), and
a name longer than 255 UTF-16 units; Linux refuses one longer than 255 bytes (85 Chinese
characters in UTF-8).  Each refused character becomes ``_``; full-width punctuation
(``：？``) is kept, being ordinary characters to every file system.  A stem longer than
:data:`MAX_STEM` bytes of UTF-8 is cut, with a digest of the whole title, so two long titles
that differ only at the end still get two files; the extension and the temporary name of an
atomic write (``.NAME.xxxxxxxx.tmp``) still fit.
"""

from __future__ import annotations

import hashlib
import re

__all__ = ["MAX_STEM", "portable_name", "safe_stem"]

MAX_STEM = 200
"""Bytes of a stem in UTF-8 (so at most 200 characters as well)."""

_REFUSED = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
_DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))})


def safe_stem(title: str, *, fallback: str = "document") -> str:
    """A file name stem (no extension) for ``title``."""
    stem = _REFUSED.sub("_", title).strip(" .")
    if not stem:
        return fallback
    if stem.split(".")[0].strip().upper() in _DEVICES:
        stem = "_" + stem
    encoded = stem.encode("utf-8", errors="surrogatepass")
    if len(encoded) > MAX_STEM:
        digest = hashlib.sha256(title.encode("utf-8", errors="surrogatepass")).hexdigest()[:8]
        head = encoded[: MAX_STEM - 9].decode("utf-8", errors="ignore")  # whole characters only
        stem = head.rstrip(" .") + "-" + digest
    return stem


def portable_name(name: str) -> bool:
    """Whether every system accepts ``name`` as one file or folder name as it is: on Windows
    ``problems/con.yaml`` is the console and ``problems/a:b.yaml`` a hidden stream of ``a``,
    so a record written there would be lost to the office's own machines."""
    if not name or _REFUSED.search(name) or name != name.rstrip(" ."):
        return False
    return name.split(".", maxsplit=1)[0].strip().upper() not in _DEVICES
