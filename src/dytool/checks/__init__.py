"""Checks: small pure functions that never raise on bad data and never stop the others.

Three kinds (:mod:`dytool.engine.suite`).  *Text* checks read a file's text; *local* checks
read one file's records and the campaign, nothing else; both run when a file is loaded, and
their findings are cached with it.  *Cross-file* checks look at the whole repository (the
summaries of every file, the few small kinds whole) and the as-of day; each is registered
below with what it reads, which decides when it runs again after an edit
(tests/architecture/test_check_reads.py fails when a check reads more than it declares).
:data:`SUITE` is what every command hands the engine.
"""

from __future__ import annotations

from dytool.checks.content import check_content, check_stages, local_content
from dytool.checks.fields import check_campaign_fields, empty_file, local_fields
from dytool.checks.ids import check_duplicates, check_references
from dytool.checks.images import check_images
from dytool.checks.paths import check_paths, check_reports
from dytool.checks.personal import scan_personal
from dytool.checks.rules import check_recurring, check_rules, local_rules
from dytool.checks.textchars import scan_controls, unportable_file
from dytool.engine.suite import Cross, Suite

__all__ = ["SUITE"]


def _reads(*names: str) -> frozenset[str]:
    return frozenset(names)


SUITE = Suite(
    text=(scan_personal, empty_file, scan_controls, unportable_file),
    local=(local_content, local_rules, local_fields),
    cross=(
        Cross(check_duplicates, _reads("ids", "places", "campaign")),
        Cross(check_references, _reads("refs", "ids", "campaign", "invalid", "unreadable")),
        Cross(check_paths, _reads("paths", "topics", "campaign")),
        Cross(check_reports, _reads("topics", "reports")),
        Cross(check_images, _reads("reports", "paths")),
        Cross(check_content, _reads("campaign", "latest_done", "systemic", "instituted", "problems", "solutions", "institutions")),
        Cross(check_stages, _reads("campaign", "topics", "visit_topics", "problem_topics", "solved", "reports", "solutions",
                                   "institutions")),
        Cross(check_campaign_fields, _reads("campaign", "people", "units")),
        Cross(check_recurring, _reads("campaign", "people", "units", "unreadable")),
        Cross(check_rules, _reads("campaign", "visits", "closures", "people", "units", "topics", "reports")),
    ),
)
