"""Hostile input to the rules, dates and figures (issue 10): each gives a located finding or a
clean usage error, never a crash (exit 3), and none makes a command search through millennia.

One regression test per class of attack; a different set of the same classes is run against
the result, so each test names the class it guards, not only the one input that showed it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers_repo import AS_OF, CAMPAIGN_YAML, make_repo, run_check, run_cli


def campaign(extra: str = "", period: str = "{start: 2023-04-01, end: 2023-12-31}") -> str:
    return f"id: test-2023\ntitle: 测试活动\nperiod: {period}\n{extra}"


def commands(capsys: pytest.CaptureFixture[str], repo: Path, as_of: str = AS_OF) -> dict[str, int]:
    """The exit code of every command that reads the whole repository."""
    out = repo.parent / f"{repo.name}-out"
    codes = {}
    for name, args in {
        "check": ["check"],
        "status": ["status", "--format", "json"],
        "status-text": ["status"],
        "compile": ["compile", "--format", "md", "-o", str(out / "c")],
        "bulletin": ["bulletin", "--month", "2023-06", "--format", "md", "-o", str(out / "b")],
    }.items():
        code, _, err = run_cli(capsys, ["-C", str(repo), "--as-of", as_of, "--no-cache", *args])
        assert "Traceback" not in err and "internal error" not in err, (name, err)
        codes[name] = code
    return codes


# ----------------------------------------------------------------------------- date phrases


@pytest.mark.parametrize("text", ["1-" * 25_000 + "1", "至" * 50_000, "4月" + "底" * 30_000 + "前", "每" + "月" * 40_000])
def test_a_huge_date_phrase_is_one_located_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    """A phrase longer than any date is refused at once (the parser tried every separator: 31 s
    for 50 KB); a recurring rule likewise."""
    files = {"problems/p.yaml": f"- {{id: P-1, title: 问题, found_on: 2023-05-01, owner_unit: fgw, due: '{text}'}}\n",
             "campaign.yaml": campaign(f"recurring:\n  - {{id: r, title: 报送, rule: '{text}'}}\n")}
    outcome = run_check(capsys, make_repo(tmp_path, files))
    assert outcome.code == 1
    assert {"DY105"} <= outcome.codes_at("problems/p.yaml", 1)
    assert "DY311" in outcome.codes_at("campaign.yaml")
    assert all(len(f["message_en"]) < 400 for f in outcome.findings)  # the text is quoted short


@pytest.mark.parametrize("rule", ["RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "RRULE:FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=4",
                                  "FREQ=YEARLY;BYYEARDAY=366;BYMONTH=2"])
def test_a_rule_that_never_matches_has_no_occurrence(tmp_path: Path, capsys: pytest.CaptureFixture[str], rule: str) -> None:
    """dateutil's iterator looked for the next occurrence until the year 9999 on every run."""
    repo = make_repo(tmp_path, {"campaign.yaml": campaign(f"recurring:\n  - {{id: r, title: 报送, rule: '{rule}', owner: fgw}}\n")})
    assert commands(capsys, repo) == {"check": 0, "status": 0, "status-text": 0, "compile": 0, "bulletin": 0}


# ----------------------------------------------------------------------------- numbers


def test_huge_numbers_are_located_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = "9" * 5000
    repo = make_repo(tmp_path, {
        "campaign.yaml": campaign(f"rules:\n  host_burden: {{window_days: 999999999999, max_visits: 1}}\n  leader_topics: {{min: {big}}}\n"),
        "people.yaml": f"- {{id: zhang-wei, name: 张伟, rank: {big}}}\n- {{id: {big}, name: 李四}}\n",
        "topics/t.yaml": f"- {{id: T-1, title: 课题, evaluation: {{score: {big}}}}}\n",
    })
    outcome = run_check(capsys, repo)
    assert outcome.code == 1
    assert outcome.codes_at("campaign.yaml", 5) == {"DY108"}  # window_days
    assert outcome.codes_at("people.yaml", 1) and outcome.codes_at("people.yaml", 2) and outcome.codes_at("topics/t.yaml", 1)
    assert all(len(f["message_en"]) < 400 for f in outcome.findings)


@pytest.mark.parametrize("score", [".nan", ".NaN", ".inf", "-.inf", ".Inf"])
def test_not_a_number_is_not_a_score(tmp_path: Path, capsys: pytest.CaptureFixture[str], score: str) -> None:
    repo = make_repo(tmp_path, {"topics/t.yaml": f"- {{id: T-1, title: 课题, evaluation: {{score: {score}}}}}\n"})
    outcome = run_check(capsys, repo)
    assert outcome.codes_at("topics/t.yaml", 1) & {"DY103", "DY108"}, outcome.describe()


# ----------------------------------------------------------------------------- far dates and the period


def test_dates_at_the_end_of_the_calendar(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A period to 9999-12-31, a problem found on the last day with 30日内, visits there: located
    findings, and the commands count only a sane span of the period."""
    repo = make_repo(tmp_path, {
        "campaign.yaml": campaign("stages:\n  - {id: s, title: 阶段, end: 9999-12-31}\nrecurring:\n  - {id: r, title: 报送, rule: 每周, owner: fgw}\n"
                                  "rules:\n  visit_days_per_month: {min: 5, roles: [leader]}\n  host_burden: {window_days: 30, max_visits: 0}\n",
                                  period="{start: 2023-04-01, end: 9999-12-31}"),
        "problems/p.yaml": "- {id: P-1, title: 问题, found_on: 9999-12-31, due: 30日内, owner_unit: fgw}\n",
        "visits/v.yaml": "- {id: V-1, start: 9999-12-30, end: 9999-12-31, leaders: zhang-wei, hosts: fgw}\n",
    })
    outcome = run_check(capsys, repo)
    assert "DY108" in outcome.codes_at("campaign.yaml", 3)  # the period: longer than ten years
    assert "DY105" in outcome.codes_at("problems/p.yaml", 1)
    for day in (AS_OF, "1900-01-01"):
        codes = commands(capsys, repo, day)
        assert codes["check"] == 1 and codes["status"] in (0, 1)
    codes = commands(capsys, repo, "9999-12-31")  # an as-of day past the years a campaign can have: a usage error
    assert set(codes.values()) == {2}


@pytest.mark.parametrize("month", ["9999-12", "0001-01", "1899-12"])
def test_a_bulletin_outside_the_campaign_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], month: str) -> None:
    code, _, err = run_cli(capsys, ["-C", str(make_repo(tmp_path)), "--no-cache", "bulletin", "--month", month, "-o", str(tmp_path / "b")])
    assert code == 2, err
    assert "不在活动期间" in err or "outside the campaign" in err


def test_a_reversed_period_is_reported_and_the_briefing_still_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path, {
        "campaign.yaml": campaign("stages:\n  - {id: s, title: 阶段, end: 9月底前}\nmilestones:\n  - {id: m, title: 节点, due: 10月}\n"
                                  "recurring:\n  - {id: r, title: 报送, rule: 每月, owner: fgw}\n", period="{start: 2023-12-31, end: 2023-04-01}"),
        "problems/p.yaml": "- {id: P-1, title: 问题, found_on: 2023-05-01, due: 9月底前, owner_unit: fgw}\n",
    })
    outcome = run_check(capsys, repo)
    assert outcome.codes_at("campaign.yaml", 3) == {"DY301"}
    assert not outcome.codes_at("problems/p.yaml")  # the yearless dates are still placed: one finding, not a cascade
    codes = commands(capsys, repo)
    assert codes["status"] == codes["bulletin"] == codes["compile"] == 0


def test_a_yearless_period_end_is_one_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``end: 12月底前`` is read after the start (one warning asking for the year), instead of
    failing every other yearless date of the campaign with it."""
    repo = make_repo(tmp_path, {
        "campaign.yaml": campaign("stages:\n  - {id: s, title: 阶段, end: 9月底前}\nmilestones:\n  - {id: m, title: 节点, due: 10月}\n"
                                  "  - {id: m2, title: 节点二, due: 11月底前}\n", period="{start: 2023-04-01, end: 12月底前}"),
    })
    outcome = run_check(capsys, repo)
    assert [(f["code"], f["line"], f["severity"]) for f in outcome.findings] == [("DY105", 3, "warning")]
    assert "2023年12月底前" in outcome.findings[0]["hint"] or "2023" in outcome.findings[0]["hint"]


# ----------------------------------------------------------------------------- text


@pytest.mark.parametrize(("escaped", "code_point"), [("\\v", "U+000B"), ("\\e", "U+001B"), ("\\uFFFE", "U+FFFE"), ("\\x00", "U+0000"),
                                                     ("\\x85", "U+0085"),
                                                     ("\\u202E", "U+202E"), ("\\u2067", "U+2067")])
def test_control_characters_in_any_text_are_a_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str], escaped: str, code_point: str) -> None:
    repo = make_repo(tmp_path, {
        "problems/p.yaml": f'- id: P-1\n  title: "问题{escaped}标题"\n  extra: {{备注: "x{escaped}"}}\n',
        "campaign.yaml": CAMPAIGN_YAML + f'themes:\n  - {{id: t, title: "主题{escaped}"}}\n',
    })
    outcome = run_check(capsys, repo)
    assert "DY313" in outcome.codes_at("problems/p.yaml", 2)
    assert "DY313" in outcome.codes_at("problems/p.yaml", 3)
    assert "DY313" in outcome.codes_at("campaign.yaml", 7)
    assert all(code_point in f["message_en"] for f in outcome.findings if f["code"] == "DY313")


@pytest.mark.parametrize("title", ["''", "'   '", "'\u3000'"])
def test_a_blank_title_is_a_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str], title: str) -> None:
    repo = make_repo(tmp_path, {"problems/p.yaml": f"- {{id: P-1, title: {title}}}\n", "units.yaml": f"- {{id: fgw, name: {title}}}\n"})
    outcome = run_check(capsys, repo)
    assert "DY102" in outcome.codes_at("problems/p.yaml", 1)
    assert "DY102" in outcome.codes_at("units.yaml", 1)


@pytest.mark.parametrize("text", ["", "\n\n", "# 只有注释\n# 还是注释\n", "\ufeff# BOM 和注释\n", "   \n"])
def test_an_empty_record_file_is_a_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    outcome = run_check(capsys, make_repo(tmp_path, {"visits/2023-05.yaml": text, "problems/none.yaml": "[]\n"}))
    assert outcome.codes_at("visits/2023-05.yaml") == {"DY018"}
    assert not outcome.codes_at("problems/none.yaml")  # [] says "nothing here" on purpose


def test_a_duplicate_id_is_reported_at_both_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path, {"problems/a.yaml": "- {id: P-1, title: 甲}\n", "problems/b.yaml": "- {id: X, title: 乙}\n- {id: P-1, title: 丙}\n"})
    outcome = run_check(capsys, repo)
    assert {(f["file"], f["line"]) for f in outcome.findings if f["code"] == "DY201"} == {("problems/a.yaml", 1), ("problems/b.yaml", 2)}
    assert all("problems/" in f["message_en"] for f in outcome.findings if f["code"] == "DY201")


def test_a_value_starting_with_a_star_gets_the_hint_to_quote_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run_check(capsys, make_repo(tmp_path, {"units.yaml": "- id: qu\n  name: **区人民政府\n"}), lang="zh")
    [finding] = outcome.at("units.yaml")
    assert "'**区人民政府'" in finding["hint"]
    assert "did not find" not in finding["message"]  # in Chinese, no stray libyaml English
