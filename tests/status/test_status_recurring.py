"""Recurring obligations 常态化要求 (dates.md, "Recurring obligations"): the current occurrence and
whether it was met, missed and late ones, ``{period, on}`` versus plain days, and submissions
handed in after the as-of day, which the briefing must not see yet."""

from __future__ import annotations

from pathlib import Path

from statuskit import D, brief, make_repo, recurring

from dytool.dates import Status


def repo_with(root: Path, rule: str, submissions: str, owner: str = "gxj") -> Path:
    campaign = f"""\
recurring:
  - id: r
    title: 督查专报报市委
    rule: {rule}
    owner: {owner}
    submissions: {submissions}
"""
    return make_repo(root, campaign)


def test_current_occurrence_met_and_missed(tmp_path: Path) -> None:
    root = repo_with(tmp_path, "每月5日前", "[2023-04-04, 2023-05-05, 2023-06-02]")
    r = recurring(brief(root, "2023-07-10"), "r")
    assert r.current is not None
    assert (r.current.period, r.current.due, r.current.status, r.current.submitted_on) == ("2023-08", D("2023-08-05"), Status.PENDING, None)
    assert [(o.period, o.due, o.status) for o in r.missed] == [("2023-07", D("2023-07-05"), Status.OVERDUE)]
    assert r.late == ()
    assert (r.met, r.due_so_far) == (3, 4)
    assert (r.owner, r.owner_name, r.rule) == ("gxj", "市工信局", "每月5日前")


def test_current_occurrence_already_handed_in(tmp_path: Path) -> None:
    root = repo_with(tmp_path, "每月5日前", "[2023-04-04, 2023-05-03]")
    r = recurring(brief(root, "2023-05-04"), "r")
    assert r.current is not None
    assert (r.current.period, r.current.status, r.current.submitted_on) == ("2023-05", Status.DONE, D("2023-05-03"))
    assert (r.met, r.due_so_far) == (2, 2)  # a met current occurrence counts as due so far


def test_current_occurrence_due_today_is_due_soon(tmp_path: Path) -> None:
    root = repo_with(tmp_path, "每月5日前", "[2023-04-04]")
    r = recurring(brief(root, "2023-05-05"), "r")
    assert r.current is not None
    assert (r.current.period, r.current.status) == ("2023-05", Status.DUE_SOON)
    assert (r.met, r.due_so_far, r.missed) == (1, 1, ())


def test_named_period_keeps_a_late_report_in_its_own_month(tmp_path: Path) -> None:
    root = repo_with(tmp_path, "每月5日前", "[2023-04-04, 2023-05-05, 2023-06-02, {period: '2023-07', on: 2023-08-04}]")
    r = recurring(brief(root, "2023-08-10"), "r")
    assert [(o.period, o.status, o.submitted_on) for o in r.late] == [("2023-07", Status.DONE_LATE, D("2023-08-04"))]
    # August's report was never handed in: the late July one does not count for it
    assert [o.period for o in r.missed] == ["2023-08"]
    assert (r.met, r.due_so_far) == (4, 5)


def test_plain_day_counts_for_the_occurrence_whose_window_holds_it(tmp_path: Path) -> None:
    root = repo_with(tmp_path, "每月5日前", "[2023-04-04, 2023-05-05, 2023-06-02, 2023-08-04]")
    r = recurring(brief(root, "2023-08-10"), "r")
    # 08-04 lies in August's window (07-06..08-05): August is met, July is missed
    assert [o.period for o in r.missed] == ["2023-07"]
    assert r.late == ()
    assert (r.met, r.due_so_far) == (4, 5)


def test_submissions_after_the_as_of_day_are_ignored(tmp_path: Path) -> None:
    root = repo_with(tmp_path, "每月5日前", "[2023-04-04, 2023-05-05, 2023-06-02, {period: '2023-07', on: 2023-08-04}, 2023-08-02]")
    r = recurring(brief(root, "2023-07-20"), "r")
    assert [(o.period, o.status) for o in r.missed] == [("2023-07", Status.OVERDUE)]
    assert r.late == ()
    assert r.current is not None
    assert (r.current.period, r.current.status, r.current.submitted_on) == ("2023-08", Status.PENDING, None)
    assert (r.met, r.due_so_far) == (3, 4)


def test_monthly_without_a_day_is_due_on_the_last_day(tmp_path: Path) -> None:
    root = repo_with(tmp_path, "每月", "[2023-04-28, {period: '2023-05', on: 2023-06-02}]")
    r = recurring(brief(root, "2023-06-15"), "r")
    assert r.current is not None
    assert (r.current.period, r.current.due) == ("2023-06", D("2023-06-30"))
    assert [(o.period, o.due, o.submitted_on) for o in r.late] == [("2023-05", D("2023-05-31"), D("2023-06-02"))]
    assert (r.met, r.due_so_far, r.missed) == (2, 2, ())


def test_quarterly_occurrences(tmp_path: Path) -> None:
    root = repo_with(tmp_path, "每季度", "[2023-06-28]")
    r = recurring(brief(root, "2023-10-08"), "r")
    assert r.current is not None
    assert (r.current.period, r.current.due) == ("2023-Q4", D("2023-12-31"))
    assert [o.period for o in r.missed] == ["2023-Q3"]
    assert (r.met, r.due_so_far) == (1, 2)


def test_as_of_before_the_period(tmp_path: Path) -> None:
    root = repo_with(tmp_path, "每月5日前", "[2023-04-04]")
    r = recurring(brief(root, "2023-03-20"), "r")
    assert (r.current, r.missed, r.late, r.met, r.due_so_far) == (None, (), (), 0, 0)


def test_as_of_after_the_period_has_no_current_occurrence(tmp_path: Path) -> None:
    root = repo_with(tmp_path, "每月5日前", "[2023-04-04, 2023-05-05, 2023-06-05]")
    r = recurring(brief(root, "2024-01-05"), "r")
    assert r.current is None
    assert [o.period for o in r.missed] == [f"2023-{m:02d}" for m in range(7, 13)]
    assert (r.met, r.due_so_far) == (3, 9)


def test_earliest_submission_of_an_occurrence_is_its_done_day(tmp_path: Path) -> None:
    root = repo_with(tmp_path, "每月5日前", "[2023-04-03, {period: '2023-04', on: 2023-04-08}]")
    r = recurring(brief(root, "2023-04-20"), "r")
    assert (r.met, r.due_so_far, r.late, r.missed) == (1, 1, (), ())
