"""The terminal and the Markdown briefing carry the same facts, worded the same way: every
line, list item and table cell of one appears in the other (the terminal's long lists are
not cut here; cutting is the only thing a terminal may do differently)."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from rich.console import Console
from statuskit import EXAMPLE

from dytool.checks import SUITE
from dytool.core.messages import Lang
from dytool.engine.load import load_repository
from dytool.present.briefing import briefing_page
from dytool.present.page_md import page_markdown
from dytool.present.page_text import page_renderables
from dytool.status import compute_status

_SPACE = re.compile(r"\s+")
_ESCAPE = re.compile(r"\\(.)")
_BAR = re.compile(r"^[█░\s-]+$")


def squeeze(text: str) -> str:
    return _SPACE.sub("", text)


def markdown_facts(markdown: str) -> list[str]:
    facts = []
    for raw in markdown.splitlines():
        line = raw.strip()
        if not line or re.fullmatch(r"\|[-:|]+\|", line):
            continue
        if line.startswith("|"):
            facts += [cell for cell in re.split(r"(?<!\\)\|", line.strip("|")) if cell.strip()]
        else:
            facts.append(re.sub(r"^(#+|-)\s+", "", line))
    return [squeeze(_ESCAPE.sub(r"\1", fact)) for fact in facts]


def text_facts(text: str) -> list[str]:
    facts = []
    for line in text.splitlines():
        if not line.strip() or _BAR.match(line) or set(line.strip()) <= {"─"}:
            continue
        facts += [re.sub(r"^[█░]+\s*", "", cell) for cell in re.split(r"\s{2,}", line.strip()) if cell]
    return [squeeze(fact) for fact in facts if squeeze(fact)]


@pytest.mark.parametrize("lang", [Lang.ZH, Lang.EN])
@pytest.mark.parametrize("day", ["2023-04-10", "2023-09-15", "2024-01-05"])
def test_text_and_markdown_say_the_same(day: str, lang: Lang) -> None:
    loaded = load_repository(EXAMPLE, SUITE)
    assert loaded.repo.campaign is not None
    page = briefing_page(compute_status(loaded.repo, loaded.repo.campaign, dt.date.fromisoformat(day)), lang)
    buffer = io.StringIO()
    console = Console(file=buffer, width=2000, no_color=True, highlight=False, emoji=False, markup=False)
    for item in page_renderables(page, cut=False):
        console.print(item)
    text, markdown = squeeze(buffer.getvalue()), squeeze(page_markdown(page))
    missing_in_text = [fact for fact in markdown_facts(page_markdown(page)) if fact not in text]
    missing_in_markdown = [fact for fact in text_facts(buffer.getvalue()) if fact not in markdown]
    assert missing_in_text == [], "in the Markdown only"
    assert missing_in_markdown == [], "on the terminal only"
