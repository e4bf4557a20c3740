"""Reading a published file from where an office puts it: a path (a mounted share), a
``file://`` URL, or an ``http(s)://`` URL on the intranet.

Bounded in size (the caller's limit) and, for HTTP, in time; redirects stay on http(s); only
regular files are read (a pipe or a device is refused, never waited on).  The standard library
only: no network is used unless the office configured such a URL.
"""

from __future__ import annotations

import os
import stat
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from dytool.core.catalogue import files
from dytool.core.catalogue.system import os_reason

__all__ = ["FetchError", "fetch", "is_url"]

TIMEOUT = 15.0
"""Seconds an HTTP server may take to answer (each read, too)."""


class FetchError(Exception):
    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


def is_url(text: str) -> bool:
    return urllib.parse.urlsplit(text).scheme.lower() in ("file", "http", "https")


class _SameSchemes(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise FetchError(*files.REDIRECTED.pair)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _read_file(path: Path, limit: int) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FetchError(*files.NO_SUCH_FILE.pair) from None
    except OSError as exc:
        raise FetchError(*files.FILE_UNREADABLE(reason=os_reason(exc)).pair) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise FetchError(*files.NOT_A_REGULAR_FILE.pair)
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise FetchError(*files.FILE_UNREADABLE(reason=os_reason(exc)).pair) from None
    finally:
        os.close(fd)


def _read_http(url: str, limit: int, timeout: float) -> bytes:
    opener = urllib.request.build_opener(_SameSchemes())
    request = urllib.request.Request(url, headers={"User-Agent": "dytool", "Accept": "application/json"})  # noqa: S310 - http(s) only
    try:
        with opener.open(request, timeout=timeout) as response:
            return bytes(response.read(limit + 1))
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            raise FetchError(*files.REDIRECTED.pair) from None
        raise FetchError(*files.SERVER_ANSWERED(code=exc.code).pair) from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise FetchError(*files.CANNOT_CONNECT(reason=str(reason)).pair) from None


def fetch(where: str, base: Path, limit: int, timeout: float | None = None) -> bytes:
    """The bytes at ``where`` (a path relative to ``base``, or absolute; or a URL), at most
    ``limit + 1`` of them, so the caller can tell a file over the limit."""
    parts = urllib.parse.urlsplit(where)
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        return _read_http(where, limit, TIMEOUT if timeout is None else timeout)
    if scheme == "file":
        if parts.netloc not in ("", "localhost"):
            return _read_file(Path(urllib.request.url2pathname(f"//{parts.netloc}{parts.path}")), limit)
        return _read_file(Path(urllib.request.url2pathname(parts.path)), limit)
    if scheme and len(scheme) > 1:
        raise FetchError(*files.UNSUPPORTED_SCHEME(scheme=scheme).pair)
    path = Path(where)
    return _read_file(path if path.is_absolute() else base / path, limit)
