"""Stages on the as-of day (dates.md, "Stages"): current ones with progress and days left,
overlaps, gaps, and the next stage when none is current."""

from __future__ import annotations

from pathlib import Path

from statuskit import D, brief, make_repo

STAGES = """\
stages:
  - {id: s1, title: 动员部署, start: 2023-04-01, end: 2023-04-30}
  - {id: s2, title: 调研破题, start: 2023-05-01, end: 2023-10-31}
  - {id: s3, title: 交流结题, start: 2023-07-01, end: 2023-11-30}
  - {id: s4, title: 总结提升, start: 2023-12-10, end: 2023-12-31}
"""


def test_one_current_stage_with_progress_and_days_left(tmp_path: Path) -> None:
    b = brief(make_repo(tmp_path, STAGES), "2023-04-10")
    assert [s.id for s in b.stages] == ["s1"]
    s = b.stages[0]
    assert (s.start, s.end) == (D("2023-04-01"), D("2023-04-30"))
    assert (s.elapsed_days, s.total_days, s.days_left) == (10, 30, 20)
    assert s.progress == round(10 / 30, 4)
    # the next stage is still named, with the days until it starts
    assert b.next_stage is not None
    assert (b.next_stage.id, b.next_stage.start, b.next_stage.days_until) == ("s2", D("2023-05-01"), 21)


def test_first_and_last_day_of_a_stage(tmp_path: Path) -> None:
    root = make_repo(tmp_path, STAGES)
    first = brief(root, "2023-04-01").stages[0]
    assert (first.elapsed_days, first.days_left) == (1, 29)
    last = brief(root, "2023-04-30").stages[0]
    assert (last.elapsed_days, last.days_left, last.progress) == (30, 0, 1.0)


def test_overlapping_stages_are_all_current(tmp_path: Path) -> None:
    b = brief(make_repo(tmp_path, STAGES), "2023-09-15")
    assert [s.id for s in b.stages] == ["s2", "s3"]
    research, exchange = b.stages
    assert (research.elapsed_days, research.total_days, research.days_left) == (138, 184, 46)
    assert (exchange.elapsed_days, exchange.total_days, exchange.days_left) == (77, 153, 76)
    assert b.next_stage is not None and b.next_stage.id == "s4"


def test_gap_between_stages_shows_the_next_stage(tmp_path: Path) -> None:
    b = brief(make_repo(tmp_path, STAGES), "2023-12-05")  # s3 ended Nov 30, s4 starts Dec 10
    assert b.stages == ()
    assert b.next_stage is not None
    assert (b.next_stage.id, b.next_stage.title, b.next_stage.days_until) == ("s4", "总结提升", 5)


def test_as_of_before_the_period(tmp_path: Path) -> None:
    b = brief(make_repo(tmp_path, STAGES), "2023-03-20")
    assert b.stages == ()
    assert b.next_stage is not None
    assert (b.next_stage.id, b.next_stage.start, b.next_stage.days_until) == ("s1", D("2023-04-01"), 12)


def test_as_of_after_every_stage(tmp_path: Path) -> None:
    b = brief(make_repo(tmp_path, STAGES), "2024-01-05")
    assert b.stages == ()
    assert b.next_stage is None


def test_stage_dates_written_as_phrases(tmp_path: Path) -> None:
    campaign = """\
    stages:
      - {id: a, title: 动员, start: 4月, end: 4月中旬}
      - {id: b, title: 调研, start: 5月, end: 9月底前}
    """
    b = brief(make_repo(tmp_path, campaign), "2023-04-20")
    assert [(s.id, s.start, s.end, s.days_left) for s in b.stages] == [("a", D("2023-04-01"), D("2023-04-20"), 0)]
    later = brief(tmp_path, "2023-09-30")
    assert [(s.id, s.end) for s in later.stages] == [("b", D("2023-09-30"))]


def test_no_stages_at_all(tmp_path: Path) -> None:
    b = brief(make_repo(tmp_path), "2023-06-01")
    assert b.stages == ()
    assert b.next_stage is None
