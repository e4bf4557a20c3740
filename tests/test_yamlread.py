"""The guarded reader: YAML 1.2 meanings, refusals, and where it says the problem is."""

from __future__ import annotations

import codecs

import pytest

from dytool.source.hints import decode
from dytool.source.yamlread import parse_text


def value(text: str) -> object:
    parsed = parse_text(text, "f.yaml")
    assert parsed.ok, parsed.findings
    return parsed.value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: no", {"a": "no"}),           # YAML 1.1 would say False
        ("a: yes", {"a": "yes"}),
        ("a: on", {"a": "on"}),
        ("a: 010", {"a": 10}),            # decimal, not octal; a finding where an id goes
        ("a: 12:30", {"a": "12:30"}),     # not sexagesimal
        ("a: 2023-05-10", {"a": "2023-05-10"}),  # dates stay text: the date type reads them
        ("a: 2023-02-30", {"a": "2023-02-30"}),  # and can say the day does not exist
        ("a: true", {"a": True}),
        ("a: ~", {"a": None}),
        ("a:", {"a": None}),
        ("a: 0x1F", {"a": 31}),
        ("a: 1.5", {"a": 1.5}),
        ("a: '010'", {"a": "010"}),
        ("a: !!str 3", {"a": "3"}),
        ("a: [x, y]", {"a": ["x", "y"]}),
        ("- 1\n- b", [1, "b"]),
        ("", None),
        ("# only a comment\n", None),
        ("\ufeffa: 1", {"a": 1}),
    ],
)
def test_scalars_take_their_yaml_1_2_meaning(text: str, expected: object) -> None:
    assert value(text) == expected


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("a: &x 1\nb: 2\n", "DY004", 1),
        ("a: 1\nb: *x\n", "DY004", 2),
        ("a: !!python/object:os.system x\n", "DY007", 1),
        ("a: !custom x\n", "DY007", 1),
        ("a: !!int abc\n", "DY007", 1),
        ("%YAML 1.1\n---\na: 1\n", "DY008", 1),
        ("%TAG !e! tag:example.com,2000:\n---\na: 1\n", "DY008", 1),
        ("a: 1\n---\nb: 2\n", "DY006", 2),
        ("a: 1\nb: 2\na: 3\n", "DY009", 3),
        ("? [a, b]\n: 1\n", "DY010", 1),
        ("a: [1, 2\n", "DY003", 2),
    ],
)
def test_refusals_are_findings_at_the_right_line(text: str, code: str, line: int) -> None:
    parsed = parse_text(text, "f.yaml")
    assert not parsed.ok
    assert (code, line) in {(f.code, f.line) for f in parsed.findings}


def test_an_alias_bomb_is_refused_at_its_first_anchor() -> None:
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    bomb += "".join(f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    parsed = parse_text(bomb, "bomb.yaml")
    assert [f.code for f in parsed.findings] == ["DY004"]
    assert parsed.findings[0].line == 1


@pytest.mark.parametrize("text", ["[" * 65 + "]" * 65, "".join("  " * i + "k:\n" for i in range(70)) + "  " * 70 + "v\n"])
def test_nesting_deeper_than_64_is_refused(text: str) -> None:
    parsed = parse_text(text, "deep.yaml")
    assert [f.code for f in parsed.findings] == ["DY005"]


def test_very_deep_nesting_neither_recurses_nor_hangs() -> None:
    parsed = parse_text("[" * 100_000, "deep.yaml")
    assert parsed.findings[0].code in {"DY005", "DY003"}


def test_full_width_colon_after_a_key_is_found_even_where_yaml_reads_the_line_as_text() -> None:
    parsed = parse_text("id: x\ntitle：调研课题\n", "f.yaml")
    finding = next(f for f in parsed.findings if f.code == "DY011")
    assert (finding.line, finding.column) == (2, 6)
    assert "title: " in finding.hint_zh


def test_tab_indentation_gets_a_hint() -> None:
    parsed = parse_text("a:\n  b: 1\n\tc: 2\n", "f.yaml")
    finding = parsed.findings[-1]
    assert (finding.code, finding.line) == ("DY003", 3)
    assert "Tab" in finding.hint_zh


@pytest.mark.parametrize(("indent", "word"), [("\u3000", "全角空格"), ("\u00a0", "NBSP"), ("  \u3000", "全角空格")])
def test_full_width_and_no_break_space_indentation_is_found(indent: str, word: str) -> None:
    parsed = parse_text(f"a:\n  b: 1\n{indent}c: 2\n", "f.yaml")
    finding = next(f for f in parsed.findings if f.code == "DY017")
    assert finding.line == 3
    assert word in finding.message_zh


def test_chinese_paragraph_indentation_inside_text_is_fine() -> None:
    parsed = parse_text("summary: |\n  \u3000\u3000今年以来，我市坚持问题导向。\n", "f.yaml")
    assert parsed.ok


def test_gb18030_file_is_named_with_the_way_to_fix_it() -> None:
    data = "id: P-001\ntitle: 农村道路破损\n".encode("gb18030")
    text, finding = decode(data, "problems/p.yaml")
    assert text is None and finding is not None
    assert finding.code == "DY001"
    assert "GB18030" in finding.message_zh
    assert "UTF-8" in finding.hint_zh
    assert finding.line == 2


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_utf16_is_named(bom: bytes) -> None:
    data = bom + "id: x\n".encode("utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be")
    _, finding = decode(data, "f.yaml")
    assert finding is not None and "UTF-16" in finding.message_en


def test_utf16_without_bom_is_named() -> None:
    _, finding = decode("id: x\ntitle: y\n".encode("utf-16-le"), "f.yaml")
    assert finding is not None and "UTF-16" in finding.message_en


def test_utf8_with_bom_reads_cleanly() -> None:
    text, finding = decode(codecs.BOM_UTF8 + "id: 课题\n".encode(), "f.yaml")
    assert finding is None and text == "id: 课题\n"


def test_front_matter_positions_count_from_the_top_of_the_report() -> None:
    parsed = parse_text("topic: T-1\ntitle: [\n", "r.md", line_offset=1)
    assert parsed.findings[0].line >= 3


def test_syntax_errors_are_explained_in_chinese() -> None:
    parsed = parse_text("- id: x\n  title：y\n  owner: z\n", "f.yaml")
    syntax = next(f for f in parsed.findings if f.code == "DY003")
    assert "冒号" in syntax.message_zh and "could not find" in syntax.message_en
