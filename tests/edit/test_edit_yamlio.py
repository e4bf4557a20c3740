"""The YAML writer: canonical text is a fixed point of load → dump, and reads back as meant."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from edit_helpers import EXAMPLE, PROJECT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dytool.edit.splice import plain
from dytool.edit.yamlio import dump, dump_item, join_text, load, split_text, to_node
from dytool.source.yamlread import parse_text

TRICKY = [*"ab_Z09 :：#-'\"\n\t\u3000\u00a0中文，、[]{}|>!&*%@`?~.", "\x85", "\u2028", "\ufeff", "010", "yes", "null", "1e3", "2023-05-10"]
texts = st.lists(st.sampled_from(TRICKY), max_size=8).map("".join) | st.text(max_size=12)
keys = st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True)
scalars = texts | st.integers(-10**6, 10**6) | st.booleans() | st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31))
values = st.recursive(
    scalars,
    lambda inner: st.lists(scalars | st.dictionaries(keys, inner, min_size=1, max_size=3), max_size=4) | st.dictionaries(keys, inner, min_size=1, max_size=4),
    max_leaves=12,
)
"""Record values as the models have them: text, numbers, days, lists of those or of records, records
(never a list directly inside a list)."""
records = st.lists(st.dictionaries(keys, values, min_size=1, max_size=6), min_size=1, max_size=4)

_SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))


@_SETTINGS
@given(records)
def test_new_text_reads_back_as_the_values_written(data: list[dict[str, object]]) -> None:
    text = dump(to_node(data))
    parsed = parse_text(text, "x.yaml")
    assert parsed.ok, (text, parsed.findings)  # and so: no anchors, aliases or tags
    assert parsed.value == plain(data)


@_SETTINGS
@given(records, st.data())
def test_canonical_text_with_comments_is_a_fixed_point(data: list[dict[str, object]], draw: st.DataObject) -> None:
    text = _with_comments(dump(to_node(data)), draw)
    assert parse_text(text, "x.yaml").value == plain(data)
    assert dump(load(text)) == text


def _with_comments(text: str, draw: st.DataObject) -> str:
    """Comments where people write them: above a record, at the end of a ``key: value`` line."""
    words = st.text(st.sampled_from(list("注释 note：#'\"-中文")), min_size=1, max_size=8)
    out: list[str] = []
    block = -1
    lines = text.splitlines()
    for number, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" "))
        if block >= 0 and indent > block:
            out.append(line)
            continue
        block = -1
        if line.startswith("- ") and draw.draw(st.booleans()):
            out.append(f"# {draw.draw(words)}")
        head = re.match(r"( *)(- )?[a-z_]+: ([|>])?", line)
        key_indent = len(head.group(1)) + (2 if head.group(2) else 0) if head else 0
        follow = next((later for later in lines[number + 1:] if later.strip()), "")
        continued = len(follow) - len(follow.lstrip(" ")) > key_indent  # a quoted scalar folded onto the next line
        if head and head.group(3):
            block = key_indent
        elif head and not continued and line.rstrip()[-1:] not in (":", "-") and draw.draw(st.booleans()):
            out.append(f"{line}  # {draw.draw(words)}")
            continue
        out.append(line)
    if draw.draw(st.booleans()):
        out.insert(0, f"# {draw.draw(words)}\n")
    return "\n".join(out) + "\n"


def _yaml_files() -> list[Path]:
    roots = [EXAMPLE, PROJECT / "tests" / "positive"]
    return sorted(p for root in roots for p in root.rglob("*.y*ml") if not p.name.startswith(("_", ".")) and p.name != "expected.yaml")


@pytest.mark.parametrize("path", _yaml_files(), ids=lambda p: p.relative_to(EXAMPLE.parent).as_posix() if EXAMPLE.parent in p.parents else p.relative_to(PROJECT).as_posix())
def test_hand_written_files_round_trip_byte_for_byte(path: Path) -> None:
    raw = path.read_bytes()
    text, style = split_text(raw, path.name)
    if parse_text(text, path.name).value is None:
        return  # empty or comments only: nothing to dump, never rewritten
    assert join_text(dump(load(text)), style) == raw


def test_ids_and_doc_numbers_stay_text() -> None:
    text = dump_item({"id": "010", "doc_number": "12", "flag": "true", "word": "no", "on": dt.date(2023, 5, 10), "key": "abc：def"})
    assert "id: '010'" in text and "doc_number: '12'" in text and "flag: 'true'" in text
    assert "word: no" in text and "on: 2023-05-10" in text and "key: 'abc：def'" in text
    assert parse_text(text, "x").value == [{"id": "010", "doc_number": "12", "flag": "true", "word": "no", "on": "2023-05-10", "key": "abc：def"}]


def test_a_value_used_twice_is_written_twice_never_as_an_alias() -> None:
    shared = ["fgw", "jyj"]
    text = dump(to_node([{"id": "a", "units": shared}, {"id": "b", "units": shared}]))
    assert "&" not in text and "*" not in text


def test_short_lists_flow_long_text_blocks() -> None:
    text = dump_item({"units": ["fgw", "jyj"], "questions": ["如何破解“签而不落”的问题？" * 3], "summary": "第一行\n第二行"})
    assert "units: [fgw, jyj]\n" in text
    assert "questions:\n    - " in text
    assert "summary: |-\n    第一行\n    第二行\n" in text


@pytest.mark.parametrize(("raw", "crlf", "bom"), [(b"a: 1\n", False, False), (b"a: 1\r\nb: 2\r\n", True, False), (b"\xef\xbb\xbfa: 1\n", False, True)])
def test_line_ends_and_bom_are_kept(raw: bytes, crlf: bool, bom: bool) -> None:
    text, style = split_text(raw, "x")
    assert "\r" not in text and (style.crlf, style.bom) == (crlf, bom)
    assert join_text(text, style) == raw
