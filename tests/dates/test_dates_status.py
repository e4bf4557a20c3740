"""Deadline status: dates.md's table and its edges."""

from __future__ import annotations

from datetime import date

import pytest

from dytool.dates import Status, days_left, days_overdue, deadline_status

D = date
DUE = D(2023, 5, 10)


@pytest.mark.parametrize(
    ("done", "as_of", "status"),
    [
        (D(2023, 5, 9), D(2023, 5, 20), Status.DONE),
        (D(2023, 5, 10), D(2023, 5, 20), Status.DONE),  # done on the due day is on time
        (D(2023, 5, 11), D(2023, 5, 20), Status.DONE_LATE),
        (None, D(2023, 5, 11), Status.OVERDUE),
        (None, D(2023, 5, 10), Status.DUE_SOON),  # due today
        (None, D(2023, 5, 3), Status.DUE_SOON),  # exactly W = 7 days left
        (None, D(2023, 5, 2), Status.PENDING),  # 8 days left
        (D(2023, 5, 12), D(2023, 5, 11), Status.OVERDUE),  # done after as-of: not yet done
        (D(2023, 5, 5), D(2023, 5, 4), Status.DUE_SOON),  # done tomorrow: not yet done
        (D(2023, 5, 20), D(2023, 4, 1), Status.PENDING),
        (D(2023, 5, 4), D(2023, 5, 4), Status.DONE),  # done on the as-of day counts
    ],
)
def test_status_table(done: date | None, as_of: date, status: Status) -> None:
    assert deadline_status(DUE, done, as_of) is status


def test_due_soon_window() -> None:
    assert deadline_status(DUE, None, D(2023, 5, 10), due_soon_days=0) is Status.DUE_SOON
    assert deadline_status(DUE, None, D(2023, 5, 9), due_soon_days=0) is Status.PENDING
    assert deadline_status(DUE, None, D(2023, 4, 10), due_soon_days=30) is Status.DUE_SOON
    with pytest.raises(ValueError, match="due_soon_days"):
        deadline_status(DUE, None, D(2023, 5, 9), due_soon_days=-1)


def test_labels_and_values() -> None:
    assert [s.value for s in Status] == ["done", "done_late", "overdue", "due_soon", "pending", "ongoing"]
    assert [s.label_zh for s in Status] == ["已完成", "逾期完成", "已逾期", "即将到期", "未到期", "常态化"]
    assert str(Status.DUE_SOON) == "due_soon" and Status.DUE_SOON.label_en == "due soon"
    assert Status.DONE_LATE.is_done and not Status.OVERDUE.is_done


def test_days_left_and_overdue_are_calendar_days() -> None:
    assert days_left(DUE, D(2023, 5, 1)) == 9
    assert days_left(DUE, DUE) == 0
    assert days_left(DUE, D(2023, 5, 12)) == 0
    assert days_overdue(DUE, D(2023, 5, 12)) == 2
    assert days_overdue(DUE, DUE) == 0
    assert days_overdue(DUE, D(2023, 5, 1)) == 0
