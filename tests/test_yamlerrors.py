"""The parser's own errors and limits as findings, whichever libyaml PyYAML bundles.

PyYAML 6.0.3 bundles libyaml 0.2.5, which has no nesting limit of its own; PyYAML 6.0.4
bundles libyaml 0.2.6, which stops at 1,000 levels and, in a flow collection, before the
first event reaches dytool's depth guard.  The tests below say which one they ran against
and assert what that one does; both must end in the same finding.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from dytool.source import yamlread
from dytool.source.yamlerrors import LIBYAML_PROBLEMS_ZH, libyaml_version, problem_zh, reader_finding
from dytool.source.yamlread import MAX_DEPTH, parse_text

LIBYAML = libyaml_version()
NESTING_LIMIT = LIBYAML is not None and LIBYAML >= (0, 2, 6)  # libyaml's own limit, 1,000 levels

# The problems libyaml 0.2.5 and 0.2.6 report from their scanner and parser (the strings of
# scanner.c and parser.c); reader.c's come through reader_finding, emitter.c's never occur.
LIBYAML_PROBLEMS = """\
block sequence entries are not allowed in this context
could not find expected ':'
could not find expected directive name
did not find URI escaped octet
did not find expected '!'
did not find expected ',' or ']'
did not find expected ',' or '}'
did not find expected '-' indicator
did not find expected <document start>
did not find expected <stream-start>
did not find expected alphabetic or numeric character
did not find expected comment or line break
did not find expected digit or '.' character
did not find expected hexdecimal number
did not find expected key
did not find expected node content
did not find expected tag URI
did not find expected version number
did not find expected whitespace
did not find expected whitespace or line break
did not find the expected '>'
exceeded maximum nesting depth
found a tab character that violates indentation
found a tab character where an indentation space is expected
found an incorrect leading UTF-8 octet
found an incorrect trailing UTF-8 octet
found an indentation indicator equal to 0
found character that cannot start any token
found duplicate %TAG directive
found duplicate %YAML directive
found extremely long version number
found incompatible YAML document
found invalid Unicode character escape code
found undefined tag handle
found unexpected ':'
found unexpected document indicator
found unexpected end of stream
found unexpected non-alphabetical character
found unknown directive name
found unknown escape character
mapping keys are not allowed in this context
mapping values are not allowed in this context
""".splitlines()

READER_PROBLEMS = """\
control characters are not allowed
incomplete UTF-16 character
incomplete UTF-16 surrogate pair
incomplete UTF-8 octet sequence
input error
invalid Unicode character
invalid leading UTF-8 octet
invalid length of a UTF-8 sequence
invalid trailing UTF-8 octet
unexpected low surrogate area
""".splitlines()

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def only(text: str) -> yamlread.Finding:
    parsed = parse_text(text, "f.yaml")
    assert not parsed.ok
    assert len(parsed.findings) == 1, parsed.findings
    return parsed.findings[0]


def test_which_libyaml_this_run_has() -> None:
    # Not a skip: the report line says which branch the depth tests below asserted.
    print(f"PyYAML {yaml.__version__}, libyaml {'.'.join(map(str, LIBYAML)) if LIBYAML else 'none (pure-Python parser)'}, "
          f"libyaml's own nesting limit: {'yes' if NESTING_LIMIT else 'no'}")
    assert LIBYAML is None or LIBYAML >= (0, 2, 5)


@pytest.mark.parametrize("width", [MAX_DEPTH + 1, 999, 1000, 1001, 10_000])
def test_deep_flow_nesting_is_too_deep_whoever_notices(width: int) -> None:
    finding = only("a: " + "[" * width + "]" * width)
    assert finding.code == "DY005"
    assert finding.line == 1
    if NESTING_LIMIT and width >= 1000:
        # libyaml's scanner reads the flow collection ahead and stops at its 1,001st level
        # (the mapping of "a:" is the first).
        assert finding.column == len("a: ") + 1000, finding
        assert "YAML 解析库" in finding.message_zh and "own limit" in finding.message_en
    else:
        assert finding.column == len("a: ") + MAX_DEPTH, finding  # dytool's guard, at the 65th '['
    assert f"{MAX_DEPTH}" in finding.message_zh and f"{MAX_DEPTH}" in finding.message_en


def test_deep_block_nesting_is_dytools_own_finding_with_any_libyaml() -> None:
    text = "".join("  " * i + "-\n" for i in range(1200))
    finding = only(text)
    assert (finding.code, finding.line) == ("DY005", MAX_DEPTH + 1)


@pytest.mark.parametrize("problem", LIBYAML_PROBLEMS)
def test_every_libyaml_problem_has_a_chinese_reading(problem: str) -> None:
    zh = problem_zh(problem)
    assert CHINESE.search(zh)
    assert zh != problem_zh("no such problem"), f"no reading of {problem!r}"


def test_an_unknown_problem_is_still_said_in_chinese_without_the_parsers_english() -> None:
    zh = problem_zh("found a problem no libyaml had in 2025")
    assert zh.startswith("无法按 YAML 读懂这里") and "found" not in zh


def test_the_readings_are_all_used() -> None:
    pure_python = ("expected the node content", "hexadecimal numbers", "expected <block end>", "comment or a line break", "expected ' '",
                   "unexpected document separator", "chomping or indentation indicators", "expected URI", "URI escape sequence",
                   "expected nothing after STREAM-END")
    for part, _ in LIBYAML_PROBLEMS_ZH:
        assert part in pure_python or any(part in problem for problem in LIBYAML_PROBLEMS), part


@pytest.mark.parametrize("reason", READER_PROBLEMS)
def test_every_reader_problem_is_a_located_chinese_finding(reason: str) -> None:
    error = yaml.reader.ReaderError("f.yaml", 4, 0x85 if "control" in reason else -1, "utf-8", reason)
    finding = reader_finding(error, "ab\ncd", "f.yaml", 0)
    assert (finding.code, finding.line, finding.column) == ("DY003", 2, 2)
    assert CHINESE.search(finding.message_zh) and finding.message_en


def test_input_too_long_for_libyaml_is_the_file_size_limit() -> None:
    error = yaml.reader.ReaderError("f.yaml", 0, -1, "utf-8", "input is too long")
    finding = reader_finding(error, "a: 1", "f.yaml", 0)
    assert finding.code == "DY002" and CHINESE.search(finding.message_zh)


def test_the_parser_running_out_of_memory_is_a_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    def exhausted(text: str) -> object:
        raise MemoryError

    monkeypatch.setattr(yamlread, "make_parser", exhausted)
    monkeypatch.setattr(yamlread, "FAST", False)  # the fast loop leaves any failure to the original one, which reports it
    finding = only("a: 1\n")
    assert finding.code == "DY002" and CHINESE.search(finding.message_zh)


def test_no_corpus_file_needs_the_fallback_reading() -> None:
    corpus = Path(__file__).parent / "corpus"
    for path in sorted(corpus.glob("*.yaml")):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for finding in parse_text(text, path.name).findings:
            assert problem_zh("no such problem") not in finding.message_zh, (path.name, finding)
