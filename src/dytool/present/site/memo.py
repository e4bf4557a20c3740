"""What the site keeps between builds: the compiled templates and the reports' HTML.

Rebuilding a site after a few records changed should not parse every report's Markdown
again, nor compile the templates again.  Reports' HTML is kept in the campaign's
``.dytool/cache/`` like the engine's entries: signed with the key in the user's own cache
folder (:func:`dytool.engine.cache.user_key`), so HTML planted by a pull request or copied
from elsewhere fails the signature and is rendered afresh; entries are keyed by dytool's
code, the report's file and text and how it is shown.  A report with images is never kept
(its images are files of their own).  The compiled templates go to the user's cache folder.
Nothing fails when a folder cannot be written: the cache is then simply off.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable
from pathlib import Path

import jinja2
from markupsafe import Markup

from dytool.engine.cache import fingerprint, save_entry, signed_dump, signed_load, user_key
from dytool.present.site.markdown import RenderedMarkdown

__all__ = ["ReportMemo", "template_cache"]

_NAME = "site-reports"


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):  # a read-only cache folder: compile next time too
            super().dump_bytecode(bucket)


def template_cache(key_folder: Path | None) -> jinja2.BytecodeCache | None:
    """Compiled templates in the user's cache folder (Jinja checks each against its source)."""
    if key_folder is None:
        return None
    folder = key_folder / "site-templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _BytecodeCache(str(folder))


class ReportMemo:
    """Reports' HTML from the last build; the entries this build used or made."""

    def __init__(self, cache_dir: Path | None, key_folder: Path | None, context: tuple[object, ...]) -> None:
        self.cache_dir = cache_dir
        self.key = user_key(key_folder) if cache_dir is not None and key_folder is not None else None
        self.context = fingerprint(context)
        self.known: dict[str, str] = {}
        if self.key is not None and cache_dir is not None:
            try:
                loaded = signed_load(self.key, (cache_dir / _NAME).read_bytes())
            except OSError:
                loaded = None
            if isinstance(loaded, dict):
                self.known = loaded
        self.used: dict[str, str] = {}

    def render(self, identity: tuple[object, ...], make: Callable[[], RenderedMarkdown]) -> RenderedMarkdown:
        """The kept HTML for ``identity`` (the report's file, text and display), else ``make()``."""
        if self.key is None:
            return make()
        digest = hashlib.blake2b(repr((self.context, identity)).encode(), digest_size=20).hexdigest()
        kept = self.known.get(digest)
        if kept is not None:
            self.used[digest] = kept
            return RenderedMarkdown(Markup(kept))  # noqa: S704 - signed with our key: HTML we made
        rendered = make()
        if not rendered.images and not rendered.problems:
            self.used[digest] = str(rendered.html)
        return rendered

    def save(self) -> None:
        """Keep the entries this build used (older ones go)."""
        if self.key is None or self.cache_dir is None or self.used == self.known:
            return
        with contextlib.suppress(OSError):
            save_entry(self.cache_dir, _NAME, signed_dump(self.key, self.used))
