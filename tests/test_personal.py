"""Personal data in free text: ID numbers with a valid check digit, mobile numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from dytool.checks.personal import id_check_digit_ok
from util import check_json, codes_at, write_repo


def make_id(first17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(d) * w for d, w in zip(first17, weights, strict=True))
    return first17 + "10X98765432"[total % 11]


FAKE_ID = make_id("11010519491231002")  # the worked example of GB 11643, not a person


def test_check_digit() -> None:
    assert FAKE_ID == "11010519491231002X"
    assert id_check_digit_ok(FAKE_ID)
    assert not id_check_digit_ok(FAKE_ID[:-1] + "1")


def test_id_and_mobile_in_free_text_are_warned_but_not_in_contact(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_repo(tmp_path, {
        "people.yaml": f"- id: lin\n  name: 林海峰\n  contact: {{mobile: '13912345678', id: '{FAKE_ID}'}}\n",
        "problems/p.yaml": (
            "- id: P-1\n  title: 群众反映\n  owner_unit: lin\n  due: 2023-10-01\n"
            f"  description: 村民张某（身份证号{FAKE_ID}，电话139-1234-5678）反映道路破损\n"
        ),
    })
    _, findings = check_json(capsys, tmp_path)
    personal = {(c, f, line) for c, f, line in codes_at(findings) if c in {"DY309", "DY310"}}
    assert personal == {("DY309", "problems/p.yaml", 5), ("DY310", "problems/p.yaml", 5)}
    assert all(FAKE_ID not in f["message_zh"] for f in findings)  # never repeated in output


def test_an_id_with_a_wrong_check_digit_is_just_a_number(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_repo(tmp_path, {"problems/p.yaml": f"id: P-1\ntitle: 编号{FAKE_ID[:-1]}1\nowner_unit: u\ndue: 2023-10-01\n",
                          "units.yaml": "- {id: u, name: 单位}\n"})
    code, findings = check_json(capsys, tmp_path)
    assert (code, findings) == (0, [])


def test_personal_data_in_a_report_body(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_repo(tmp_path, {
        "topics/t.yaml": "id: T-1\ntitle: 课题\nreport: reports/t.md\n",
        "reports/t.md": "---\ntopic: T-1\ntitle: 报告\n---\n\n# 一、基本情况\n\n联系人电话 13812345678。\n",
    })
    _, findings = check_json(capsys, tmp_path)
    assert ("DY310", "reports/t.md", 8) in codes_at(findings)


def test_thousands_of_numbers_are_each_placed_at_their_line_and_column() -> None:
    """Each number's line was counted from the start of the text (8,000 numbers in one field:
    19.5 s); counted on from the previous number, every place is still exact."""
    from dytool.checks.personal import scan_personal

    wrong_id = FAKE_ID[:-1] + "1"
    lines = [" ".join(f"13{i % 7 + 3}{i:08d}" if i % 3 else wrong_id for i in range(row * 50, row * 50 + 50)) for row in range(200)]
    lines[7] = ""
    lines[8] = f"身份证{FAKE_ID}"
    text = "\n".join(lines)
    expected = []
    for number, line in enumerate(lines, 1):
        for word in line.replace("身份证", "   ").split(" "):
            if word and word != wrong_id:
                expected.append((number + 4, line.index(word) + 1))
    found = scan_personal(text, "problems/p.yaml", 4, None)
    assert [(f.line, f.column) for f in found] == expected
    assert len(found) > 6000
