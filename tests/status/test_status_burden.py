"""Burden 基层负担: hosts that received more than ``host_burden.max_visits`` research groups
within a window of ``window_days`` days (同一周内不得超过2个批次到同一县)."""

from __future__ import annotations

from pathlib import Path

from statuskit import D, brief, make_repo

RULE = "rules:\n  host_burden: {window_days: 7, max_visits: 2}\n"


def visits(*days: str, host: str = "xiling") -> str:
    return "".join(f"- {{id: V-{i}, date: {day}, leaders: [lin], hosts: [{host}]}}\n" for i, day in enumerate(days, 1))


def test_exactly_max_visits_in_a_window_is_fine(tmp_path: Path) -> None:
    root = make_repo(tmp_path, RULE, {"visits/v.yaml": visits("2023-06-05", "2023-06-11", "2023-06-20")})
    assert brief(root, "2023-09-15").burden == ()


def test_one_more_than_max_in_the_window_is_reported(tmp_path: Path) -> None:
    root = make_repo(tmp_path, RULE, {"visits/v.yaml": visits("2023-06-05", "2023-06-07", "2023-06-11")})
    (item,) = brief(root, "2023-09-15").burden
    assert (item.host, item.host_name, item.window_start, item.window_end) == ("xiling", "西岭县", D("2023-06-05"), D("2023-06-11"))
    assert (item.visits, item.max_visits, item.visit_ids) == (3, 2, ("V-1", "V-2", "V-3"))


def test_visits_outside_the_window_are_not_counted(tmp_path: Path) -> None:
    # 06-12 is the eighth day counted from 06-05: outside a seven-day window starting there
    root = make_repo(tmp_path, RULE, {"visits/v.yaml": visits("2023-06-05", "2023-06-07", "2023-06-12", "2023-06-30")})
    assert brief(root, "2023-09-15").burden == ()


def test_visits_after_the_as_of_day_are_not_counted(tmp_path: Path) -> None:
    root = make_repo(tmp_path, RULE, {"visits/v.yaml": visits("2023-06-05", "2023-06-07", "2023-06-11")})
    assert brief(root, "2023-06-10").burden == ()
    assert len(brief(root, "2023-06-11").burden) == 1


def test_a_host_named_twice_on_one_visit_counts_once(tmp_path: Path) -> None:
    text = "- {id: V-1, date: 2023-06-05, leaders: [lin], hosts: [gxj, gxj]}\n" + visits("2023-06-06", host="gxj").replace("V-1", "V-2")
    root = make_repo(tmp_path, RULE, {"visits/v.yaml": text})
    assert brief(root, "2023-09-15").burden == ()


def test_each_host_is_judged_on_its_own(tmp_path: Path) -> None:
    text = """\
    - {id: V-1, date: 2023-06-05, leaders: [lin], hosts: [xiling, gxj]}
    - {id: V-2, date: 2023-06-06, leaders: [zhou], hosts: [xiling]}
    - {id: V-3, date: 2023-06-07, leaders: [lin], hosts: [xiling, 某企业]}
    - {id: V-4, date: 2023-06-08, leaders: [lin], hosts: [gxj]}
    """
    root = make_repo(tmp_path, RULE, {"visits/v.yaml": text})
    assert [(b.host, b.visits, b.visit_ids) for b in brief(root, "2023-09-15").burden] == [("xiling", 3, ("V-1", "V-2", "V-3"))]


def test_no_rule_no_burden_section(tmp_path: Path) -> None:
    root = make_repo(tmp_path, "", {"visits/v.yaml": visits("2023-06-05", "2023-06-06", "2023-06-07", "2023-06-08")})
    assert brief(root, "2023-09-15").burden == ()
