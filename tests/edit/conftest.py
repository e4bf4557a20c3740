"""Fixtures of the editing tests: small campaign repositories, in temporary git repositories."""

from __future__ import annotations

from pathlib import Path

import pytest
from edit_helpers import make_campaign


def _register() -> None:
    """The edit commands on the app (app.py calls ``register`` once; tests must not depend on it)."""
    from dytool.cli.app import app
    from dytool.cli.app_edit import register

    if not any(c.name == "new" for c in app.registered_commands):
        register(app)


_register()


@pytest.fixture(autouse=True)
def _git_identity(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Commits in tests never read the user's git configuration."""
    home = tmp_path_factory.mktemp("home")
    for name, value in {
        "GIT_AUTHOR_NAME": "秘书", "GIT_AUTHOR_EMAIL": "office@example.org",
        "GIT_COMMITTER_NAME": "秘书", "GIT_COMMITTER_EMAIL": "office@example.org",
        "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(home), "XDG_CONFIG_HOME": str(home),
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("DYTOOL_TODAY", raising=False)
    monkeypatch.delenv("DYTOOL_LANG", raising=False)


@pytest.fixture
def campaign(tmp_path: Path) -> Path:
    """A small valid campaign (people, units, a topic, problems with comments), not in git."""
    return make_campaign(tmp_path / "campaign")
