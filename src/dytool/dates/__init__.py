"""Dates of a campaign: date phrases, working days, recurring obligations, deadline status.

A pure library: nothing here prints, reads files or looks at the clock; the as-of day, the
campaign period and the anchor day are always parameters.  ``dates.md`` is the specification.

Typical use::

    phrase = parse_phrase("9月前")                     # syntax only; PhraseError if unreadable
    r = resolve(phrase, period=Span(date(2018, 9, 1), date(2019, 8, 31)))
    r.due                                               # date(2019, 8, 31)
    deadline_status(r.due, done=None, as_of=date(2019, 8, 28))   # Status.DUE_SOON

Importing this package does not import ``chinese_calendar`` or ``dateutil``; they are loaded
when working days or raw ``RRULE`` rules are first needed.
"""

from __future__ import annotations

from dytool.dates.errors import ERROR_CODES, PhraseError
from dytool.dates.normalize import explicit_day, normalize
from dytool.dates.phrases import Phrase, parse_phrase
from dytool.dates.recurring import (
    Frequency,
    Occurrence,
    Recurrence,
    Submission,
    current_occurrence,
    match_submissions,
    occurrences,
    parse_recurring,
    unmatched_submissions,
)
from dytool.dates.resolve import Resolved, resolve
from dytool.dates.span import Span, add_days
from dytool.dates.status import (
    DEFAULT_DUE_SOON_DAYS,
    Status,
    days_left,
    days_overdue,
    deadline_status,
)
from dytool.dates.workdays import (
    ChinaCalendar,
    WorkCalendar,
    china_calendar,
    is_non_working,
)

__all__ = [
    "DEFAULT_DUE_SOON_DAYS",
    "ERROR_CODES",
    "ChinaCalendar",
    "Frequency",
    "Occurrence",
    "Phrase",
    "PhraseError",
    "Recurrence",
    "Resolved",
    "Span",
    "Status",
    "Submission",
    "WorkCalendar",
    "add_days",
    "china_calendar",
    "current_occurrence",
    "days_left",
    "days_overdue",
    "deadline_status",
    "explicit_day",
    "is_non_working",
    "match_submissions",
    "normalize",
    "occurrences",
    "parse_phrase",
    "parse_recurring",
    "resolve",
    "unmatched_submissions",
]
