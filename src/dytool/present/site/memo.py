"""What the site keeps between builds: the compiled templates, the reports' HTML and the pages.

Rebuilding a site after a few records changed should not parse every report's Markdown
again, nor render the pages whose values did not change.  Both are kept in the campaign's
``.dytool/cache/`` like the engine's entries: signed with the key in the user's own cache
folder (:func:`dytool.engine.cache.user_key`), so HTML planted by a pull request or copied
from elsewhere fails the signature and is made afresh.  Entries are keyed by dytool's code
and templates and by everything the report or page is made from; a report with images is
never kept (its images are files of their own).  The compiled templates go to the user's
cache folder.  Nothing fails when a folder cannot be written: the cache is then simply off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from markupsafe import Markup

from dytool.engine.cache import fingerprint, save_entry, signed_dump, signed_load, user_key
from dytool.present.site.markdown import RenderedMarkdown
from dytool.source.folders import read_own

__all__ = ["Kept", "ReportMemo"]

T = TypeVar("T")


def _stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """What changes when a template is edited (the code's fingerprint covers Python files only)."""
    return tuple(sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir() if p.is_file()))


class Kept(Generic[T]):
    """Values from the last build by digest, and those this build used or made (the next build's)."""

    def __init__(self, cache_dir: Path | None, key: bytes | None, name: str, context: tuple[object, ...]) -> None:
        self.cache_dir = cache_dir if key is not None else None
        self.key = key
        self.name = name
        self.context = fingerprint(context)
        self.known: dict[str, T] = {}
        if self.key is not None and self.cache_dir is not None:
            try:
                loaded = signed_load(self.key, read_own(self.cache_dir / name) or b"")
            except OSError:
                loaded = None
            if isinstance(loaded, dict):
                self.known = loaded
        self.used: dict[str, T] = {}

    @property
    def on(self) -> bool:
        return self.cache_dir is not None

    def digest(self, identity: object) -> str:
        """A digest of ``identity``: plain values (str, numbers, lists, dicts), read by the C encoder of json."""
        text = json.dumps(identity, ensure_ascii=False, check_circular=False, separators=(",", ":"), default=repr)
        return hashlib.blake2b(f"{self.context}\0{text}".encode(), digest_size=20).hexdigest()

    def get(self, digest: str) -> T | None:
        found = self.known.get(digest)
        if found is not None:
            self.used[digest] = found
        return found

    def put(self, digest: str, value: T) -> None:
        self.used[digest] = value

    def save(self) -> None:
        """Keep the entries this build used (older ones go)."""
        if self.key is None or self.cache_dir is None or self.used == self.known:
            return
        with contextlib.suppress(OSError):
            save_entry(self.cache_dir.parents[1], Path(self.cache_dir.parent.name) / self.cache_dir.name, self.name,
                       signed_dump(self.key, self.used))


class ReportMemo:
    """Reports' HTML and whole pages from the last build."""

    def __init__(self, cache_dir: Path | None, key_folder: Path | None, context: tuple[object, ...], templates: Path) -> None:
        key = user_key(key_folder) if cache_dir is not None and key_folder is not None else None
        self.reports: Kept[str] = Kept(cache_dir, key, "site-reports", context)
        self.pages: Kept[bytes] = Kept(cache_dir, key, "site-pages", (*context, _stamp(templates)) if key is not None else context)

    def render(self, identity: tuple[object, ...], make: Callable[[], RenderedMarkdown]) -> RenderedMarkdown:
        """The kept HTML for ``identity`` (the report's file, text and display), else ``make()``."""
        if not self.reports.on:
            return make()
        digest = self.reports.digest(identity)
        kept = self.reports.get(digest)
        if kept is not None:
            return RenderedMarkdown(Markup(kept))  # noqa: S704 - signed with our key: HTML we made
        rendered = make()
        if not rendered.images and not rendered.problems:
            self.reports.put(digest, str(rendered.html))
        return rendered

    def page(self, identity: object, make: Callable[[], bytes]) -> bytes:
        """The kept bytes of a page made from ``identity``, else ``make()``."""
        if not self.pages.on:
            return make()
        digest = self.pages.digest(identity)
        kept = self.pages.get(digest)
        if kept is None:
            kept = make()
            self.pages.put(digest, kept)
        return kept

    def save(self) -> None:
        self.reports.save()
        self.pages.save()
