"""Checks: small pure functions that never raise on bad data and never stop the others.

Three kinds (:mod:`dytool.engine.suite`).  *Text* checks read a file's text; *local* checks
read one file's records and the campaign, nothing else; both run when a file is loaded, and
their findings are cached with it.  *Cross-file* checks look at the whole repository through
its :class:`dytool.engine.repository.Repository` (summaries of every file, the few small kinds
whole) and the as-of day.  The order of the lists is the order of their findings before
sorting.  :data:`SUITE` is what every command hands the engine.
"""

from __future__ import annotations

from dytool.checks.content import check_content, local_content
from dytool.checks.fields import check_campaign_fields, empty_file, local_fields
from dytool.checks.ids import check_duplicates, check_references
from dytool.checks.paths import check_paths, check_reports
from dytool.checks.personal import scan_personal
from dytool.checks.rules import check_recurring, check_rules, local_rules
from dytool.engine.suite import Suite

__all__ = ["SUITE"]

SUITE = Suite(
    text=(scan_personal, empty_file),
    local=(local_content, local_rules, local_fields),
    cross=(check_duplicates, check_references, check_paths, check_reports, check_content, check_campaign_fields, check_recurring,
           check_rules),
)
