"""Headless Chromium for the site tests: Debian's chromium, driven by Playwright, never downloaded.

CI (``.ci/run``) installs Debian's ``chromium`` and Playwright for Python and sets
``DYTOOL_REQUIRE_BROWSER=1``, so that there a missing browser fails the tests instead of
skipping them.  The browser runs with the flags this closed network needs, a fresh profile
and no request leaving the machine: every request that is not a ``file:`` URL is recorded
and refused.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("DYTOOL_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
VIEWPORT = {"width": 1366, "height": 768}


def require_browser() -> None:
    """Skip the module without a browser, or fail under ``DYTOOL_REQUIRE_BROWSER=1`` (CI)."""
    missing = []
    if not Path(CHROMIUM).is_file():
        missing.append("chromium (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("Playwright for Python (pip install '.[browser]')")
    if missing:
        if os.environ.get("DYTOOL_REQUIRE_BROWSER") == "1":
            raise RuntimeError(f"DYTOOL_REQUIRE_BROWSER=1 but missing: {', '.join(missing)}")
        pytest.skip(f"missing: {', '.join(missing)}", allow_module_level=True)


@dataclass
class Visit:
    """What one page did while it loaded: console errors, script errors, requests refused."""

    errors: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


class Browser:
    def __init__(self, browser: Any) -> None:
        self._browser = browser
        self.context = browser.new_context(viewport=VIEWPORT, locale="zh-CN", service_workers="block")
        self.visit = Visit()
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.visit.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.visit.errors.append(f"pageerror: {e}"))
        self.page.on("dialog", self._dialog)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith("file:"):
            route.continue_()
        else:
            self.visit.refused.append(url)
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.visit.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: Path, fragment: str = "") -> Visit:
        self.visit = Visit()
        self.page.goto(path.resolve().as_uri() + fragment)
        self.page.wait_for_load_state("load")
        return self.visit


@contextmanager
def chromium() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            yield Browser(browser)
        finally:
            browser.close()


def artifacts(default: Path) -> Path:
    """Where screenshots go: ``DYTOOL_ARTIFACTS`` (CI keeps them), else the test's own folder."""
    folder = Path(os.environ["DYTOOL_ARTIFACTS"]) if os.environ.get("DYTOOL_ARTIFACTS") else default
    folder.mkdir(parents=True, exist_ok=True)
    return folder
