"""The fast loop of the reader (source/yamlfast.py) gives exactly what the original loop gives,
and leaves PyYAML as it found it."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml._yaml
import yaml.events

from dytool.source import yamlfast, yamlread
from dytool.source.yamlread import parse_text

SUITE = Path(__file__).resolve().parents[2] / "shared" / "yaml-test-suite"
CORPUS = Path(__file__).parent / "corpus"
TEXTS = [
    "a: no", "a: 010", "a: 0x1F", "a: -0x1F", "a: 0o17", "a: 1e3", "a: .NaN", "a: -.inf", "a: 12:30", "a: 2023-05-10",
    "a: ~", "a:", "a: ''", "a: '010'", "a: !!str 3", "a: !!int '3'", "a: !!float 1", "a: ! 12", "a: !!null ''", "! a",
    "1: a", "true: x", "~: x", "'1': a\n1: b", "01: a\n1: b", "!!int 1: a", "? a\n? b", "[a, [b, {c: d}]]", "- - - x",
    "a: " + "9" * 4000, "a: " + "9" * 3998, "", "# c\n", "--- \na: 1\n...\n", "\ufeffa: 1", "a: 1\r\nb: |\r\n  x\r\n",
    "a: &x 1", "a: *x", "a: !custom x", "%YAML 1.1\n---\na: 1", "a: 1\n---\nb: 2", "a: 1\na: 2", "? [a]\n: 1", "[" * 65 + "]" * 65,
    "[" * 64 + "]" * 64, "[" * 100_000, "a: [1, 2\n", "a: b\x00", "a:\tb", "id: x\ntitle：调研课题\n", "a:\n  b: 1\n\u3000c: 2\n",
]


def canon(v: Any) -> Any:
    """Equal only for equal values of equal types (True is not 1, 1 is not 1.0), NaN equal to NaN."""
    if isinstance(v, dict):
        return ("d", [(canon(k), canon(x)) for k, x in v.items()])
    if isinstance(v, list):
        return ("l", [canon(x) for x in v])
    if isinstance(v, float) and math.isnan(v):
        return ("nan",)
    return (type(v).__name__, v)


def slow(text: str, monkeypatch: pytest.MonkeyPatch) -> yamlread.Parsed:
    with monkeypatch.context() as m:
        m.setattr(yamlread, "FAST", False)
        return parse_text(text, "f.yaml", line_offset=3)


def cases() -> list[Any]:
    out: list[Any] = [pytest.param(t, id=f"text{i}") for i, t in enumerate(TEXTS)]
    if SUITE.is_dir():
        out += [pytest.param(p.read_text(encoding="utf-8", errors="replace"), id=f"suite-{p.parent.name}-{p.stem}") for p in sorted(SUITE.glob("*/*.yaml"))]
    out += [pytest.param(p.read_text(encoding="utf-8", errors="replace"), id=f"corpus-{p.name}") for p in sorted(CORPUS.glob("*.yaml"))]
    return out


def test_the_fast_loop_is_on() -> None:
    """If a PyYAML release changes how yaml._yaml builds events, the self-test turns the fast
    loop off; this says so instead of letting the reader slow down unnoticed."""
    assert yamlfast.FAST


@pytest.mark.parametrize("text", cases())
def test_fast_and_original_loops_agree(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = parse_text(text, "f.yaml", line_offset=3)
    original = slow(text, monkeypatch)
    assert fast.ok == original.ok
    assert fast.findings == original.findings
    assert canon(fast.value) == canon(original.value)


@pytest.mark.parametrize("text", ["a: [1, {b: c}]\n", "a: [1, 2\n", "a: &x 1\n", "[" * 100_000])
def test_pyyaml_is_left_as_it_was(text: str) -> None:
    parse_text(text, "f.yaml")
    for name in yamlfast._EVENT_NAMES:
        assert getattr(yaml._yaml, name) is getattr(yaml.events, name)


def test_positions_still_come_from_real_events() -> None:
    """locate.py reads marks from make_parser's events: the stand-ins are never left in place."""
    parse_text("a: 1\n", "f.yaml")
    events = []
    parser = yamlread.make_parser("a: [1]\n")
    while (ev := parser.get_event()) is not None:
        events.append(ev)
    assert all(isinstance(ev, yaml.events.Event) for ev in events)
    assert events[3].start_mark.line == 0


def test_the_plain_scalar_memo_stays_small() -> None:
    parse_text("".join(f"- {i}\n" for i in range(10_000)) + "- " + "1" * 100 + "\n", "f.yaml")
    assert len(yamlfast._PLAIN) <= yamlfast._PLAIN_MAX
    assert all(len(k) <= 32 for k in yamlfast._PLAIN)
