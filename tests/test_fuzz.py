"""Fuzzing, with a fixed seed and a time budget: nothing a repository holds makes a command crash
or hang.

Three rounds:

* mutated copies of the example (bytes flipped, lines deleted, indented, made full-width);
* repositories built from generated records of every kind (campaign, people, units, topics,
  visits, problems, solutions, institutions, reports), their fields drawn from realistic and
  hostile values: date phrases of the grammar, campaign words, huge numbers, control
  characters, empty and very long text, references that exist or do not;
* the date-phrase and recurring-rule grammar on its own, against random periods and anchors.

Each round stops drawing new examples when its budget is spent.  CI runs the defaults (.ci/run);
a longer run is one command:

    DYTOOL_FUZZ_EXAMPLES=2000 DYTOOL_FUZZ_SECONDS=1800 python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from dytool.cli.main import run
from dytool.dates import PhraseError, Span, occurrences, parse_phrase, parse_recurring, resolve
from util import EXAMPLE

EXAMPLES = int(os.environ.get("DYTOOL_FUZZ_EXAMPLES", "12"))
BUDGET = float(os.environ.get("DYTOOL_FUZZ_SECONDS", "40"))
"""Seconds each round may spend; past it, the remaining examples pass at once."""
SEED = int(os.environ.get("DYTOOL_FUZZ_SEED", "20240115"))
TIME_BOUND = 30.0
"""The longest one command may take on a fuzzed repository (they take well under a second)."""
FILES = sorted(str(p.relative_to(EXAMPLE)) for p in EXAMPLE.rglob("*") if p.suffix in (".yaml", ".md") and ".dytool" not in p.parts)
FULL_WIDTH = str.maketrans({":": "：", ",": "，", "-": "－", " ": "\u3000", "[": "【", "]": "】", "'": "’", '"': "”"})


class Budget:
    """A round's clock: started at its first example."""

    def __init__(self) -> None:
        self.started: float | None = None

    def spent(self) -> bool:
        now = time.monotonic()
        if self.started is None:
            self.started = now
        return now - self.started > BUDGET


def _flip(data: bytes, draw: st.DataObject) -> bytes:
    if not data:
        return data
    at = draw.draw(st.integers(0, len(data) - 1))
    return data[:at] + bytes([data[at] ^ draw.draw(st.integers(1, 255))]) + data[at + 1 :]


def _lines(data: bytes, draw: st.DataObject) -> bytes:
    lines = data.split(b"\n")
    at = draw.draw(st.integers(0, max(0, len(lines) - 1)))
    how = draw.draw(st.sampled_from(["delete", "duplicate", "indent", "dedent", "fullwidth", "insert"]))
    line = lines[at] if lines else b""
    if how == "delete":
        del lines[at]
    elif how == "duplicate":
        lines.insert(at, line)
    elif how == "indent":
        lines[at] = draw.draw(st.sampled_from([b" ", b"\t", "\u3000".encode(), "\u00a0".encode(), b"    "])) + line
    elif how == "dedent":
        lines[at] = line.lstrip()
    elif how == "fullwidth":
        lines[at] = line.decode("utf-8", "replace").translate(FULL_WIDTH).encode()
    else:
        noise = draw.draw(st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40))
        lines.insert(at, noise.encode())
    return b"\n".join(lines)


def _truncate(data: bytes, draw: st.DataObject) -> bytes:
    return data[: draw.draw(st.integers(0, len(data)))]


MUTATIONS = [_flip, _lines, _truncate]


def _run(args: list[str], capsys: pytest.CaptureFixture[str], codes: tuple[int, ...] = (0, 1)) -> None:
    started = time.monotonic()
    code = run(args)
    out, err = capsys.readouterr()
    assert code in codes, f"{args[0]} exited {code}: {err[-2000:]}"
    assert "Traceback" not in out + err
    assert time.monotonic() - started < TIME_BOUND, f"{args[0]} took {time.monotonic() - started:.1f} s"


def _commands(root: Path, out: Path, capsys: pytest.CaptureFixture[str], as_of: str = "2023-09-15") -> None:
    common = ["-C", str(root), "--as-of", as_of, "--no-cache"]
    _run(["check", *common, "--format", "json"], capsys)
    _run(["status", *common, "--format", "json"], capsys)  # refuses (1) only when campaign.yaml cannot be read
    _run(["status", *common], capsys)
    _run(["compile", *common, "--format", "md", "-o", str(out / "compile")], capsys)
    _run(["bulletin", *common, "--month", "2023-06", "--format", "md", "-o", str(out / "bulletin")], capsys, (0, 1, 2))


_MUTATED = Budget()


@seed(SEED)
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(data=st.data())
def test_mutated_example_never_crashes(data: st.DataObject, capsys: pytest.CaptureFixture[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "campaign"
        shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".dytool"))
        for _ in range(data.draw(st.integers(1, 3))):
            target = root / data.draw(st.sampled_from(FILES))
            if target.exists():
                mutate = data.draw(st.sampled_from(MUTATIONS))
                target.write_bytes(mutate(target.read_bytes(), data))
        # The budget is looked at only after every draw: an example run again (as hypothesis does
        # to confirm one) must draw what it drew the first time, whatever the clock says.
        if not _MUTATED.spent():
            _commands(root, Path(tmp) / "out", capsys)


# ----------------------------------------------------------------------------- generated records

_MONTH_PHRASES = ["{m}月", "{m}月底前", "{m}月上旬", "{m}月中旬前", "{m}月下旬", "{m}月前", "{m}月初", "{m}月{d}日", "{m}月底", "{m}月{d}日前"]
_OTHER_PHRASES = ["年底前", "年内", "上半年", "下半年", "第{q}季度", "{q}季度末", "{n}日内", "{n}个工作日内", "{n}天内", "{m}—{m2}月",
                  "{y}年{m}月", "{y}年{m}月{d}日", "{y}年{m}月至{y2}年{m2}月", "会后{n}日内", "每月", "下个月吧", ""]


@st.composite
def phrases(draw: st.DrawFn) -> str:
    """Date phrases of the grammar, some broken on purpose."""
    values = {"m": draw(st.integers(0, 13)), "m2": draw(st.integers(1, 12)), "d": draw(st.integers(0, 32)), "q": draw(st.integers(0, 5)),
              "n": draw(st.integers(0, 2000)), "y": draw(st.integers(1899, 2102)), "y2": draw(st.integers(1899, 2102))}
    text: str = draw(st.sampled_from(_MONTH_PHRASES + _OTHER_PHRASES)).format(**values)
    how = draw(st.sampled_from(["plain", "plain", "fullwidth", "noise", "long"]))
    if how == "fullwidth":
        text = text.translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))
    elif how == "noise":
        text += draw(st.text(max_size=6))
    elif how == "long":
        text = text * draw(st.integers(10, 3000))
    return text


def _dates() -> st.SearchStrategy[Any]:
    return st.one_of(phrases(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
                     st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2024, 12, 31)).map(str),
                     st.sampled_from(["2023-02-30", "2023-13-01", 20230915, None, True, [], {}]))


_HOSTILE_TEXT = ["", "   ", "\u3000", "x" * 5000, "\x0b标题", "\x1b[31m红\x1b[0m", "\ufffe", "行一\n行二", "a\x00b", "**区人民政府", "'", "{{ x }}",
                 "<script>", "=HYPERLINK(\"x\")", "13812345678"]


def _text() -> st.SearchStrategy[Any]:
    return st.one_of(st.sampled_from(_HOSTILE_TEXT), st.text(max_size=30), st.integers(-10, 10**30), st.none())


_IDS = ["a", "b", "c", "P-1", "T-1", "V-1", "S-1", "I-1", "lin", "fgw", "x y", "9" * 100, ""]
_WORDS = ["座谈会", "symposium", "实地走访", "现场走访", "实地调研", "走访调研", "other", "external", "外地单位", "处室", "district",
          "回头看", "research", "季度务虚会", "seminar", "决策参考", "document", "问", ""]


def _ref() -> st.SearchStrategy[Any]:
    return st.one_of(st.sampled_from(_IDS), st.lists(st.sampled_from(_IDS), max_size=3))


def _fields(draw: st.DrawFn, names: dict[str, st.SearchStrategy[Any]]) -> dict[str, Any]:
    chosen = draw(st.lists(st.sampled_from(sorted(names)), unique=True, max_size=len(names)))
    return {name: draw(names[name]) for name in chosen}


_NUMBER = st.one_of(st.integers(-5, 10), st.integers(10**12, 10**40), st.floats(allow_nan=True, allow_infinity=True), st.sampled_from(["3", "五"]))
_CAMPAIGN = {
    "stages": st.lists(st.fixed_dictionaries({"id": st.sampled_from(_IDS), "title": _text()}, optional={"start": _dates(), "end": _dates()}), max_size=3),
    "milestones": st.lists(st.fixed_dictionaries({"id": st.sampled_from(_IDS), "title": _text()}, optional={
        "due": _dates(), "done_on": _dates(), "owner": st.one_of(_ref(), st.fixed_dictionaries({}, optional={
            "unit_types": st.lists(st.sampled_from(_WORDS), max_size=2), "roles": st.lists(st.sampled_from(["leader", "x"]), max_size=2),
            "units": _ref()})),
        "submissions": st.lists(st.fixed_dictionaries({"by": st.sampled_from(_IDS), "on": _dates()}), max_size=3),
        "requires": st.sampled_from(["topic_outline", "topic_report", "leader_topics", "problem_lists", "x"])}), max_size=3),
    "recurring": st.lists(st.fixed_dictionaries({"id": st.sampled_from(_IDS), "title": _text(), "rule": st.one_of(
        st.sampled_from(["每月", "每季度", "每周五前", "每半月", "每两周", "每月5日前", "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
                         "RRULE:FREQ=MONTHLY;BYMONTHDAY=15,-1", "RRULE:FREQ=HOURLY", "每" + "月" * 500]), phrases())},
        optional={"owner": _ref(), "submissions": st.lists(st.one_of(_dates(), st.fixed_dictionaries(
            {"on": _dates()}, optional={"period": st.sampled_from(["2023-07", "2023-Q3", "x"]), "by": st.sampled_from(_IDS)})), max_size=4)}), max_size=2),
    "rules": st.fixed_dictionaries({}, optional={
        "visit_days_per_month": st.fixed_dictionaries({}, optional={"min": _NUMBER, "stage": _ref(), "during": _dates(), "roles": _ref()}),
        "visits_per_period": st.fixed_dictionaries({"per": st.sampled_from(["month", "quarter", "year", "day"])}, optional={"min": _NUMBER}),
        "unit_topics": st.fixed_dictionaries({}, optional={"min": _NUMBER, "max": _NUMBER, "unit_types": st.lists(st.sampled_from(_WORDS), max_size=2)}),
        "host_burden": st.fixed_dictionaries({"window_days": _NUMBER, "max_visits": _NUMBER}),
        "squat_days": st.fixed_dictionaries({}, optional={"min": _NUMBER, "max": _NUMBER}),
        "resolved_per_year": st.fixed_dictionaries({}, optional={"min": _NUMBER})}),
    "topic_stages": st.lists(st.sampled_from(["领题", "调研", "结题", "转化", "评审", "x"]), max_size=4),
    "vocabulary": st.fixed_dictionaries({}, optional={
        "methods": st.dictionaries(st.sampled_from(_WORDS), st.sampled_from(["field_visit", "squat", "x"]), max_size=3),
        "unit_types": st.dictionaries(st.sampled_from(_WORDS), st.sampled_from(["district", "other"]), max_size=2)}),
    "due_soon_days": _NUMBER, "stale_days": _NUMBER, "calendar": st.sampled_from(["cn", "none", "x"]),
}
_KINDS: dict[str, dict[str, st.SearchStrategy[Any]]] = {
    "people.yaml": {"name": _text(), "rank": _NUMBER, "roles": st.lists(st.sampled_from(["leader", "x"]), max_size=2), "unit": _ref()},
    "units.yaml": {"name": _text(), "type": st.sampled_from(_WORDS), "parent": _ref()},
    "topics/t.yaml": {"title": _text(), "leader": _ref(), "lead_unit": _ref(), "report": _ref(), "methods": st.lists(st.sampled_from(_WORDS)),
                      "outline": st.fixed_dictionaries({}, optional={"submitted_on": _dates()}),
                      "evaluation": st.fixed_dictionaries({}, optional={"score": _NUMBER, "awarded_on": _dates()}),
                      "outcomes": st.lists(st.fixed_dictionaries({}, optional={"on": _dates(), "form": st.sampled_from(_WORDS)}), max_size=2)},
    "visits/v.yaml": {"date": _dates(), "start": _dates(), "end": _dates(), "leaders": _ref(), "hosts": _ref(), "topics": _ref(),
                      "methods": st.lists(st.sampled_from(_WORDS)), "meeting": st.sampled_from(_WORDS), "accompanying": _NUMBER, "summary": _text()},
    "problems/p.yaml": {"title": _text(), "found_on": _dates(), "due": _dates(), "closed_on": _dates(), "owner_unit": _ref(), "topic": _ref(),
                        "source": st.sampled_from(_WORDS), "handling": st.sampled_from(["escalated", "long_term", "x"]), "scope": st.sampled_from(["systemic", "x"]),
                        "progress": st.lists(st.fixed_dictionaries({"on": _dates(), "text": _text()}), max_size=2), "evidence": _text(), "extra": st.dictionaries(st.text(max_size=4), _text(), max_size=2)},
    "solutions/s.yaml": {"title": _text(), "problems": _ref(), "due": _dates(), "done_on": _dates(), "owner_unit": _ref()},
    "institutions/i.yaml": {"title": _text(), "kind": st.sampled_from(["new", "x"]), "problems": _ref(), "due": _dates(), "issued_on": _dates(),
                            "status": st.sampled_from(["drafting", "issued", "x"]), "drafting_unit": _ref()},
}


@st.composite
def repositories(draw: st.DrawFn) -> dict[str, str]:
    """A repository of generated records: every kind, hostile values, references that may dangle."""
    campaign: dict[str, Any] = {"id": "fuzz", "title": "测试活动", "period": draw(st.one_of(
        st.just({"start": "2023-04-01", "end": "2023-12-31"}), st.fixed_dictionaries({"start": _dates(), "end": _dates()})))}
    campaign.update(_fields(draw, _CAMPAIGN))
    files = {"campaign.yaml": yaml.safe_dump(campaign, allow_unicode=True)}
    for path, names in _KINDS.items():
        records = []
        for _ in range(draw(st.integers(0, 3))):
            record = {"id": draw(st.sampled_from(_IDS))}
            record.update(_fields(draw, names))
            records.append(record)
        files[path] = yaml.safe_dump(records, allow_unicode=True) if draw(st.booleans()) or records else draw(st.sampled_from(["", "# 注释\n", "[]\n"]))
    files["reports/r.md"] = "---\n" + yaml.safe_dump({"topic": draw(st.sampled_from(_IDS)), "title": draw(_text()), "date": draw(_dates())},
                                                      allow_unicode=True) + "---\n\n正文。\n"
    return files


_GENERATED = Budget()


@seed(SEED)
@settings(max_examples=max(EXAMPLES, 40), deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(files=repositories(), as_of=st.sampled_from(["2023-09-15", "2024-01-15", "2999-12-31", "1900-01-01"]))
def test_generated_records_of_every_kind_never_crash(files: dict[str, str], as_of: str, capsys: pytest.CaptureFixture[str]) -> None:
    if _GENERATED.spent():
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "campaign"
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        _commands(root, Path(tmp) / "out", capsys, as_of)


# ----------------------------------------------------------------------------- the grammar alone

_GRAMMAR = Budget()
_PERIODS = st.builds(lambda a, n: Span(a, a + dt.timedelta(days=n)), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 1, 1)),
                     st.integers(0, 800))


@seed(SEED)
@settings(max_examples=max(EXAMPLES * 50, 600), deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(text=phrases(), period=st.one_of(st.none(), _PERIODS), anchor=st.one_of(st.none(), st.dates()))
def test_every_phrase_resolves_or_says_why(text: str, period: Span | None, anchor: dt.date | None) -> None:
    if _GRAMMAR.spent():
        return
    started = time.monotonic()
    try:
        r = resolve(parse_phrase(text), period=period, anchor=anchor)
    except PhraseError as err:
        assert err.message_zh and err.message_en and len(err.message_en) < 400
    else:
        assert r.span.first <= r.span.last
        if anchor is not None and not r.is_relative and parse_phrase(text).needs_year:
            assert r.due >= anchor
    with contextlib.suppress(PhraseError):
        occurrences(parse_recurring(text), period or Span(dt.date(2023, 1, 1), dt.date(2023, 12, 31)))
    assert time.monotonic() - started < 2.0
