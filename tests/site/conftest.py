"""Every site test runs with HOME, the user's cache and git's identity in its own folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sitekit import quiet_home


@pytest.fixture(autouse=True)
def _home(tmp_path: Path) -> Iterator[None]:
    with quiet_home(tmp_path):
        yield
