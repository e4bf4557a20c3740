"""The command line documents itself: docs/cli.md is generated from --help, every command's
help names the global options, and every --format offers exactly the registered renderers."""

from __future__ import annotations

from pathlib import Path

import pytest

from dytool.cli import choices
from dytool.cli.reference import reference
from dytool.present import formats

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def test_the_reference_in_docs_is_what_help_says() -> None:
    assert DOC.read_text(encoding="utf-8") == reference(), "docs/cli.md is stale: run python -m dytool.cli.reference docs/cli.md"


@pytest.mark.parametrize("command", [["check"], ["status"], ["compile"], ["new"], ["close"], ["export"], ["diff"], ["rollup", "status"], ["publish"]])
def test_the_help_of_a_command_lists_the_global_options(command: list[str], capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from dytool.cli.main import run

    monkeypatch.setenv("COLUMNS", "200")
    assert run([*command, "--help"]) == 0
    shown = capsys.readouterr().out
    for option in ("-C DIR", "--as-of DATE", "--lang zh|en", "--no-color", "--debug", "--no-cache"):
        assert option in shown, (command, option)


@pytest.mark.parametrize(("choice", "registry"), [
    (choices.CheckFormat, formats.FINDINGS), (choices.StatusFormat, formats.BRIEFING), (choices.DiffFormat, formats.CHANGES),
    (choices.RollupFormat, formats.ROLLUP), (choices.DoctorFormat, formats.DOCTOR),
])
def test_each_format_choice_is_a_registered_renderer(choice: type, registry: formats.Registry) -> None:  # type: ignore[type-arg]
    assert [c.value for c in choice] == list(registry.names)  # type: ignore[attr-defined]
    for name in registry.names:
        assert callable(registry[name])


def test_a_format_outside_the_choices_is_a_usage_error_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    from dytool.cli.main import run

    assert run(["status", "--format", "html"]) == 2
    err = capsys.readouterr().err
    assert "只能是 text|md|json|docx|pdf" in err and "Invalid" not in err
    assert run(["status", "--format", "html", "--lang", "en"]) == 2
    assert "html" in capsys.readouterr().err
