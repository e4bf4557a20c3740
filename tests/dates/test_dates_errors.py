"""Errors name the problem, quote the text, stay on one line and show two valid examples."""

from __future__ import annotations

import pickle
import re
from datetime import date

import pytest

from dytool.dates import ERROR_CODES, PhraseError, Span, china_calendar, parse_phrase, resolve

Y2023 = Span(date(2023, 1, 1), date(2023, 12, 31))


def _assert_examples_are_valid(err: PhraseError) -> None:
    assert len(err.examples) == 2
    assert err.examples[0] != err.examples[1]
    for example in err.examples:
        # every example reads; yearless ones resolve in a 2023 campaign, relative ones
        # from an anchor day
        resolve(example, period=Y2023, anchor=date(2023, 5, 4), workdays=china_calendar())


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "unreadable"),
        ("下周", "unreadable"),
        ("9月前后", "unreadable"),
        ("五月的某天", "unreadable"),
        ("2023年前", "unreadable"),
        ("每月5日前", "unreadable"),
        ("若干日内", "unreadable"),
        ("0日内", "unreadable"),
        ("3月内", "unreadable"),
        ("1800年5月", "unreadable"),
        ("2023-02-30", "no_such_day"),
        ("2023-13-01", "no_such_day"),
        ("2023年2月29日", "no_such_day"),
        ("2月30日", "no_such_day"),
        ("4月31日", "no_such_day"),
        ("13月", "no_such_day"),
        ("第五季度", "no_such_day"),
        ("32日前", "no_such_day"),
        ("5月15—10日", "reversed_range"),
        ("2023年5月—2023年3月", "reversed_range"),
    ],
)
def test_parse_errors(text: str, code: str) -> None:
    with pytest.raises(PhraseError) as info:
        parse_phrase(text)
    err = info.value
    assert err.code == code
    assert err.code in ERROR_CODES
    assert err.text == text
    assert f"「{text}」" in err.message_zh
    assert f'"{text}"' in err.message_en
    assert "\n" not in err.message_zh and "\n" not in err.message_en
    assert str(err) == err.message_en
    assert isinstance(err, ValueError)
    _assert_examples_are_valid(err)


def test_no_such_day_says_which_day() -> None:
    with pytest.raises(PhraseError) as info:
        resolve("2023-02-30", period=None)
    assert "2023年2月没有30日" in info.value.message_zh
    assert "February 2023 has no day 30" in info.value.message_en
    assert info.value.examples == ("2023年2月28日", "2023年2月底")


def test_messages_about_context() -> None:
    cases = [
        ("10月", {"period": None}, "no_year"),
        ("3月", {"period": Span(date(2023, 4, 1), date(2023, 12, 31))}, "no_year"),
        ("3月", {"period": Span(date(2023, 1, 1), date(2024, 6, 30))}, "ambiguous_year"),
        ("15日前", {"period": Y2023}, "ambiguous_month"),
        ("7日内", {"period": Y2023}, "needs_anchor"),
        ("30个工作日内", {"period": Y2023, "anchor": date(2023, 9, 28)}, "needs_calendar"),
    ]
    for text, kwargs, code in cases:
        with pytest.raises(PhraseError) as info:
            resolve(text, **kwargs)  # type: ignore[arg-type]
        err = info.value
        assert err.code == code, text
        assert f"「{text}」" in err.message_zh and f'"{text}"' in err.message_en
        _assert_examples_are_valid(err)


def test_recurring_rule_in_a_date_field_gets_a_pointed_hint() -> None:
    with pytest.raises(PhraseError) as info:
        parse_phrase("每月5日前")
    assert "recurring" in info.value.message_en and "recurring" in info.value.message_zh


def test_hints_and_pickling() -> None:
    with pytest.raises(PhraseError) as info:
        parse_phrase("下周")
    err = info.value
    assert err.hint_zh == "可写成「2023-05-10」或「4月底前」"
    assert err.hint_en == 'write it like "2023-05-10" or "4月底前"'
    clone = pickle.loads(pickle.dumps(err))
    assert (clone.code, clone.text, clone.message_zh) == (err.code, err.text, err.message_zh)


def test_long_text_is_quoted_on_one_shortened_line() -> None:
    text = "这是一段很长的说明文字\n" * 20
    with pytest.raises(PhraseError) as info:
        parse_phrase(text)
    assert "\n" not in info.value.message_zh
    assert len(info.value.message_zh) < 120
    assert info.value.text == text


def test_non_text_values_are_refused_as_unreadable() -> None:
    with pytest.raises(PhraseError) as info:
        resolve(20230510, period=None)  # type: ignore[arg-type]
    assert info.value.code == "unreadable" and "20230510" in info.value.message_zh


@pytest.mark.parametrize("rule", ["RRULE:FREQ=MONTHLY;BYSETPOS=-400", "RRULE:FREQ=MONTHLY;WKST=XX", "RRULE:FREQ=WEEKLY;BYWEEKNO=3",
                                  "RRULE:FREQ=MONTHLY\nRRULE:FREQ=YEARLY"])
def test_a_rule_the_rule_library_refuses_is_said_in_chinese_without_its_english(rule: str) -> None:
    """dateutil explains a refused RRULE in English ("bysetpos must be between…"); the Chinese
    message says what to look at in Chinese, and the English one keeps dateutil's words."""
    from dytool.dates import occurrences, parse_recurring

    with pytest.raises(PhraseError) as caught:
        list(occurrences(parse_recurring(rule), Span(date(2023, 1, 1), date(2023, 12, 31))))
    outside_the_rule = caught.value.message_zh.replace(rule, "")
    assert not re.search(r"\b(?!RRULE|FREQ|BY[A-Z]+|YEARLY|MONTHLY|WEEKLY|DAILY)[A-Za-z]{3,}\b", outside_the_rule), caught.value.message_zh
    assert not re.search(r"[\u4e00-\u9fff]", caught.value.message_en), caught.value.message_en
