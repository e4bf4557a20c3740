"""Recurring obligations: occurrences in the period, windows, matching submissions."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest

from dytool.dates import (
    Frequency,
    PhraseError,
    Span,
    Status,
    Submission,
    current_occurrence,
    deadline_status,
    match_submissions,
    occurrences,
    parse_recurring,
    unmatched_submissions,
)

D = date
H2_2023 = Span(D(2023, 7, 1), D(2023, 12, 31))
Y2023 = Span(D(2023, 1, 1), D(2023, 12, 31))


@pytest.mark.parametrize(
    ("rule", "count", "first_dues", "first_keys"),
    [
        ("每月", 6, [D(2023, 7, 31), D(2023, 8, 31)], ["2023-07", "2023-08"]),
        ("每个月", 6, [D(2023, 7, 31)], ["2023-07"]),
        ("每月底", 6, [D(2023, 7, 31)], ["2023-07"]),
        ("每月5日前", 6, [D(2023, 7, 5), D(2023, 8, 5)], ["2023-07", "2023-08"]),
        ("每月10日前", 6, [D(2023, 7, 10), D(2023, 8, 10)], ["2023-07", "2023-08"]),
        ("每月10日前报送", 6, [D(2023, 7, 10)], ["2023-07"]),
        ("每月下旬", 6, [D(2023, 7, 31)], ["2023-07"]),
        ("每季度", 2, [D(2023, 9, 30), D(2023, 12, 31)], ["2023-Q3", "2023-Q4"]),
        ("每季度末", 2, [D(2023, 9, 30), D(2023, 12, 31)], ["2023-Q3", "2023-Q4"]),
        ("每个季度第1个月20日前", 2, [D(2023, 7, 20), D(2023, 10, 20)], ["2023-Q3", "2023-Q4"]),
        ("每个季度第一个月20日前", 2, [D(2023, 7, 20)], ["2023-Q3"]),
        ("每半月", 12, [D(2023, 7, 15), D(2023, 7, 31)], ["2023-07-15", "2023-07-31"]),
        ("每旬", 18, [D(2023, 7, 10), D(2023, 7, 20), D(2023, 7, 31)], ["2023-07-10"]),
        # 2023-07-01 is a Saturday: the first week's Sunday is Jul 2 (ISO week 26)
        ("每周", 27, [D(2023, 7, 2), D(2023, 7, 9)], ["2023-W26", "2023-W27"]),
        ("每周五前", 26, [D(2023, 7, 7), D(2023, 7, 14)], ["2023-W27", "2023-W28"]),
        ("每星期一", 26, [D(2023, 7, 3)], ["2023-W27"]),
        ("每两周", 13, [D(2023, 7, 9), D(2023, 7, 23)], ["2023-W27", "2023-W29"]),
        ("每半年", 1, [D(2023, 12, 31)], ["2023-H2"]),
        ("每年", 1, [D(2023, 12, 31)], ["2023"]),
        ("RRULE:FREQ=MONTHLY;BYMONTHDAY=5", 6, [D(2023, 7, 5)], ["2023-07-05"]),
        ("FREQ=WEEKLY;BYDAY=MO,TH", 52, [D(2023, 7, 3), D(2023, 7, 6)], ["2023-07-03"]),
    ],
)
def test_occurrences(rule: str, count: int, first_dues: list[date], first_keys: list[str]) -> None:
    occs = occurrences(rule, H2_2023)
    assert len(occs) == count
    assert [o.due for o in occs[: len(first_dues)]] == first_dues
    assert [o.key for o in occs[: len(first_keys)]] == first_keys
    assert occs[0].window.first == H2_2023.first
    for prev, occ in pairwise(occs):
        assert occ.window.first == prev.due + timedelta(days=1)
        assert occ.window.last == occ.due
    assert all(H2_2023.contains(o.due) for o in occs)


def test_quarter_first_month_rule_over_a_year() -> None:
    occs = occurrences("每个季度第1个月20日前", Y2023)
    assert [(o.key, o.due) for o in occs] == [
        ("2023-Q1", D(2023, 1, 20)),
        ("2023-Q2", D(2023, 4, 20)),
        ("2023-Q3", D(2023, 7, 20)),
        ("2023-Q4", D(2023, 10, 20)),
    ]


def test_day_31_means_the_last_day_of_short_months() -> None:
    dues = [o.due for o in occurrences("每月31日前", Span(D(2024, 1, 1), D(2024, 4, 30)))]
    assert dues == [D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 31), D(2024, 4, 30)]


def test_period_starting_mid_month() -> None:
    occs = occurrences("每月", Span(D(2023, 4, 15), D(2023, 6, 20)))
    assert [(o.key, str(o.window)) for o in occs] == [
        ("2023-04", "2023-04-15..2023-04-30"),
        ("2023-05", "2023-05-01..2023-05-31"),
        ("2023-06", "2023-06-01..2023-06-30"),
    ]  # the period ends in June: June's report is still owed, due on its usual day


def test_an_occurrence_the_period_ends_in_is_owed_and_no_later_one() -> None:
    seed_004 = Span(D(2023, 4, 1), D(2023, 8, 31))
    assert [(o.key, o.due) for o in occurrences("每季度", seed_004)] == [("2023-Q2", D(2023, 6, 30)), ("2023-Q3", D(2023, 9, 30))]
    # due on the 5th of the following month: the period does not reach that month
    assert [o.key for o in occurrences("每月5日前", seed_004)][-1] == "2023-08"
    assert occurrences("每月", Span(D(2023, 4, 1), D(2023, 12, 31)))[-1].due == D(2023, 12, 31)


def test_parse_recurring() -> None:
    rec = parse_recurring("每个季度第1个月20日前")
    assert (rec.frequency, rec.month_in_quarter, rec.day) == (Frequency.QUARTERLY, 1, 20)
    assert parse_recurring("每周五前").weekday == 4
    assert parse_recurring("每周日").weekday == 6
    assert parse_recurring("RRULE:FREQ=MONTHLY;BYMONTHDAY=5").frequency is Frequency.RRULE


@pytest.mark.parametrize("rule", ["每逢佳节", "每月32日", "5月", "RRULE:FREQ=HOURLY", "RRULE:FREQ=MONTHLY;BYDAY=XX", ""])
def test_bad_rules(rule: str) -> None:
    with pytest.raises(PhraseError) as info:
        parse_recurring(rule)
    err = info.value
    assert err.code == "unreadable"
    assert f"「{rule}」" in err.message_zh
    for example in err.examples:
        parse_recurring(example)


def test_a_late_july_report_stays_julys() -> None:
    occs = occurrences("每月", H2_2023)
    matched = dict((o.key, done) for o, done in match_submissions(occs, [("2023-07", D(2023, 8, 3)), D(2023, 8, 20)]))
    assert matched["2023-07"] == D(2023, 8, 3)
    assert matched["2023-08"] == D(2023, 8, 20)
    assert matched["2023-09"] is None
    as_of = D(2023, 10, 5)
    july = next(o for o in occs if o.key == "2023-07")
    assert deadline_status(july.due, matched["2023-07"], as_of) is Status.DONE_LATE
    sept = next(o for o in occs if o.key == "2023-09")
    assert deadline_status(sept.due, matched["2023-09"], as_of) is Status.OVERDUE


def test_plain_day_counts_for_the_window_containing_it() -> None:
    occs = occurrences("每月5日前", H2_2023)
    # Aug 3 lies in (Jul 5, Aug 5]: it is the occurrence due Aug 5
    (pair,) = [p for p in match_submissions(occs, [D(2023, 8, 3)]) if p[1] is not None]
    assert pair[0].due == D(2023, 8, 5)
    # a plain day after the due day counts for the next occurrence
    (pair,) = [p for p in match_submissions(occs, [D(2023, 8, 6)]) if p[1] is not None]
    assert pair[0].due == D(2023, 9, 5)


def test_keys_can_be_written_several_ways_and_earliest_wins() -> None:
    occs = occurrences("每月", H2_2023)
    subs: list[Submission] = [
        ("2023-7", D(2023, 8, 9)),
        ("2023-07-31", D(2023, 8, 1)),
        (D(2023, 8, 31), D(2023, 9, 2)),
        (" 2023-09 ", D(2023, 9, 30)),
    ]
    done = {o.key: d for o, d in match_submissions(occs, subs)}
    assert done["2023-07"] == D(2023, 8, 1)
    assert done["2023-08"] == D(2023, 9, 2)
    assert done["2023-09"] == D(2023, 9, 30)
    weekly = occurrences("每周", H2_2023)
    done_w = {o.key: d for o, d in match_submissions(weekly, [("2023-w27", D(2023, 7, 9))])}
    assert done_w["2023-W27"] == D(2023, 7, 9)
    quarterly = occurrences("每季度", H2_2023)
    done_q = {o.key: d for o, d in match_submissions(quarterly, [("2023-q3", D(2023, 10, 9))])}
    assert done_q["2023-Q3"] == D(2023, 10, 9)


def test_unmatched_submissions_are_reported_by_position() -> None:
    occs = occurrences("每月", H2_2023)
    subs: list[Submission] = [("2023-07", D(2023, 8, 3)), ("2023-13", D(2023, 9, 1)), D(2024, 1, 5), D(2023, 9, 1)]
    assert unmatched_submissions(occs, subs) == [1, 2]


def test_current_occurrence() -> None:
    occs = occurrences("每月5日前", H2_2023)
    current = current_occurrence(occs, D(2023, 8, 20))
    assert current is not None and current.due == D(2023, 9, 5)
    assert current_occurrence(occs, D(2023, 12, 20)) is None
    assert current_occurrence(occs, D(2023, 6, 20)) is None
