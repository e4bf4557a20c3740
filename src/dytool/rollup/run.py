"""The roll-up as one call: read rollup.yaml, obtain every member's summary, combine them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from dytool.core.findings import Finding
from dytool.engine.options import LoadOptions
from dytool.engine.suite import Suite
from dytool.rollup.combine import combine
from dytool.rollup.config import Rejected, RollupConfig, read_config
from dytool.rollup.model import RollupView
from dytool.rollup.sources import Outcome, gather_members

__all__ = ["Rollup", "load_rollup"]


@dataclass(frozen=True)
class Rollup:
    root: Path
    as_of: dt.date
    config: RollupConfig
    outcomes: list[Outcome]
    rejected: list[Rejected]
    config_findings: list[Finding]

    def view(self) -> RollupView:
        return combine(self.config, self.outcomes, self.as_of, self.config_findings, self.rejected)

    @property
    def failed(self) -> int:
        """Members configured but not combined (an entry of rollup.yaml that is wrong included)."""
        return len(self.rejected) + sum(1 for o in self.outcomes if o.summary is None)

    @property
    def errors(self) -> int:
        return sum(1 for f in (*self.config_findings, *(f for o in self.outcomes for f in o.findings)) if f.is_error)


def load_rollup(root: Path, as_of: dt.date, *, suite: Suite, options: LoadOptions) -> Rollup:
    """Everything the roll-up's commands need; every member's problem is a finding, never an exception."""
    read = read_config(root)
    outcomes = gather_members(root, read.members, as_of, suite=suite, options=options, stale_days=read.config.stale_days)
    return Rollup(root, as_of, read.config, outcomes, read.rejected, read.findings)
