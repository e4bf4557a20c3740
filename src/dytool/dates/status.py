"""The status of anything with a deadline (``dates.md``, "Status of anything with a deadline").

For due day ``D``, done day ``C`` (may be absent) and the as-of day ``T``, with the
campaign's ``due_soon_days`` window ``W``:

=============  ==========  =====================================
``done``       已完成      ``C`` present and ``C <= D``
``done_late``  逾期完成    ``C`` present and ``C > D``
``overdue``    已逾期      no ``C``, ``T > D``
``due_soon``   即将到期    no ``C``, ``0 <= D - T <= W``
``pending``    未到期      no ``C``, ``D - T > W``
=============  ==========  =====================================

A done day later than ``T`` counts as not yet done: the status as of ``T`` never depends on
the future.  Days left and days overdue are calendar days; working days are
``WorkCalendar.workdays_between(T, D)``.  The as-of day is always a parameter.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Final

__all__ = ["DEFAULT_DUE_SOON_DAYS", "Status", "days_left", "days_overdue", "deadline_status"]

DEFAULT_DUE_SOON_DAYS: Final = 7


class Status(StrEnum):
    """Machine values as in ``dates.md``; ``label_zh`` for output."""

    DONE = "done"
    DONE_LATE = "done_late"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    PENDING = "pending"
    ONGOING = "ongoing"
    """No due day: a standing requirement (常态化), never overdue."""

    @property
    def label_zh(self) -> str:
        """已完成 / 逾期完成 / 已逾期 / 即将到期 / 未到期."""
        return _LABELS_ZH[self]

    @property
    def label_en(self) -> str:
        """done / done late / overdue / due soon / pending."""
        return self.value.replace("_", " ")

    @property
    def is_done(self) -> bool:
        """``done`` or ``done_late``."""
        return self in (Status.DONE, Status.DONE_LATE)


_LABELS_ZH: Final[dict[Status, str]] = {
    Status.DONE: "已完成",
    Status.DONE_LATE: "逾期完成",
    Status.OVERDUE: "已逾期",
    Status.DUE_SOON: "即将到期",
    Status.PENDING: "未到期",
    Status.ONGOING: "常态化",
}


def deadline_status(
    due: date,
    done: date | None,
    as_of: date,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
) -> Status:
    """Status of an item due on ``due``, done on ``done`` (or not), seen on ``as_of``."""
    if due_soon_days < 0:
        raise ValueError(f"due_soon_days must not be negative: {due_soon_days}")
    if done is not None and done <= as_of:
        return Status.DONE if done <= due else Status.DONE_LATE
    remaining = (due - as_of).days
    if remaining < 0:
        return Status.OVERDUE
    if remaining <= due_soon_days:
        return Status.DUE_SOON
    return Status.PENDING


def days_left(due: date, as_of: date) -> int:
    """Calendar days from ``as_of`` to ``due`` (0 on the due day and after it)."""
    return max(0, (due - as_of).days)


def days_overdue(due: date, as_of: date) -> int:
    """Calendar days ``as_of`` lies after ``due`` (0 until the day after the due day)."""
    return max(0, (as_of - due).days)
