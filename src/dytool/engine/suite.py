"""The checks a load runs, handed to the engine by the layer above: the engine never imports them.

Three kinds, by what they read.  *Text* checks read a file's decoded text (personal data in
free text, comments included).  *Local* checks read one file's valid records and the campaign.
Both run where the file is loaded, and their findings are cached with it, so a suite's
:attr:`Suite.identity` is part of every cache key.  *Cross-file* checks read the whole
repository through its :class:`dytool.engine.repository.Repository` and the as-of day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dytool.core.findings import Finding

if TYPE_CHECKING:
    from dytool.engine.index import RepoIndex
    from dytool.engine.repository import Repository
    from dytool.engine.summary import FileSummary
    from dytool.models import Campaign, StrictModel
    from dytool.source.locate import Locator, Source

__all__ = ["CrossCheck", "LocalCheck", "Suite", "TextCheck"]

TextCheck = Callable[[str, str, int, "Locator | None"], Iterable[Finding]]
"""(text, file, line offset of the text in the file, a locator when the text is YAML) → findings."""
LocalCheck = Callable[["Sequence[tuple[StrictModel, Source]]", "FileSummary", "Campaign | None", "Locator"], Iterable[Finding]]
CrossCheck = Callable[["Repository", "RepoIndex", dt.date], Iterable[Finding]]


@dataclass(frozen=True)
class Suite:
    text: tuple[TextCheck, ...] = ()
    local: tuple[LocalCheck, ...] = ()
    cross: tuple[CrossCheck, ...] = ()

    @property
    def identity(self) -> str:
        """Names the checks, for cache keys: results made by another suite are never reused."""
        return ",".join(f"{check.__module__}.{check.__qualname__}" for check in (*self.text, *self.local, *self.cross))

    def run_text(self, text: str, file: str, line_offset: int, locator: Locator | None) -> list[Finding]:
        return [finding for check in self.text for finding in check(text, file, line_offset, locator)]

    def run_local(self, records: Sequence[tuple[StrictModel, Source]], summary: FileSummary, campaign: Campaign | None,
                  locator: Locator) -> list[Finding]:
        return [finding for check in self.local for finding in check(records, summary, campaign, locator)]

    def run_cross(self, view: Repository, as_of: dt.date) -> list[Finding]:
        from dytool.engine.index import build_index

        index = build_index(view)
        return [finding for check in self.cross for finding in check(view, index, as_of)]
