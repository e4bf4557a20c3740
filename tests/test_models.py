"""What the record models accept and refuse, as a secretary would write records."""

from __future__ import annotations

from pathlib import Path

import pytest

from util import check_json, codes_at, write_repo


def test_enumerations_accept_the_machine_value_or_the_chinese_label(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_repo(tmp_path, {
        "people.yaml": "- {id: lin, name: 林海峰}\n",
        "visits/v.yaml": "- {id: V-1, date: 2023-05-10, leaders: lin, methods: [symposium, 实地走访, 四不两直]}\n",
    })
    code, findings = check_json(capsys, tmp_path)
    assert (code, findings) == (0, [])


@pytest.mark.parametrize(
    ("record", "code", "word"),
    [
        ("id: '010'\ntitle: x\nkind: 新建\ndoc_number: 010\n", "DY106", "'010'"),   # 文号 must be text
        ("id: 010\ntitle: x\nkind: new\n", "DY106", "'010'"),                        # ids are text
        ("id: I-1\ntitle: x\nkind: 新建2\n", "DY104", "新建"),
        ("id: I-1\ntitle: x\n", "DY102", "kind"),
        ("id: I 1\ntitle: x\nkind: new\n", "DY107", "I 1"),
        ("id: I-1\ntitle: x\nkind: new\nissued_on: 2023-02-30\n", "DY105", "2023-02-30"),
        ("id: I-1\ntitle: x\nkind: new\n制度名称: y\n", "DY101", "title"),
    ],
)
def test_institution_field_mistakes(tmp_path: Path, capsys: pytest.CaptureFixture[str], record: str, code: str, word: str) -> None:
    write_repo(tmp_path, {"institutions/i.yaml": record})
    _, findings = check_json(capsys, tmp_path)
    found = [f for f in findings if f["code"] == code]
    assert found, findings
    assert word in found[0]["message_zh"] + found[0]["hint"]
    assert found[0]["file"] == "institutions/i.yaml"


def test_yes_no_is_not_a_boolean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_repo(tmp_path, {
        "people.yaml": "- {id: lin, name: 林海峰}\n",
        "visits/v.yaml": "id: V-1\ndate: 2023-05-10\nleaders: [lin]\nfiled: no\n",
    })
    _, findings = check_json(capsys, tmp_path)
    assert codes_at(findings) == {("DY103", "visits/v.yaml", 4)}
    assert "true" in findings[0]["hint"]


def test_office_columns_go_under_extra(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_repo(tmp_path, {"problems/p.yaml": "id: P-1\ntitle: x\nowner_unit: u\ndue: 2023-10-31\nextra: {督办编号: DB-7, 是否上会: 是}\n",
                          "units.yaml": "- {id: u, name: 单位}\n"})
    code, findings = check_json(capsys, tmp_path)
    assert (code, findings) == (0, [])


def test_a_visit_needs_a_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_repo(tmp_path, {"people.yaml": "- {id: lin, name: 林海峰}\n", "visits/v.yaml": "- id: V-1\n  leaders: [lin]\n"})
    _, findings = check_json(capsys, tmp_path)
    assert ("DY102", "visits/v.yaml", 1) in codes_at(findings)


def test_nested_errors_point_into_the_nested_value(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_repo(tmp_path, {"topics/t.yaml": "id: T-1\ntitle: x\nevaluation:\n  score: 90\n  grade: 特优\n"})
    _, findings = check_json(capsys, tmp_path)
    assert ("DY104", "topics/t.yaml", 5) in codes_at(findings)


def test_one_record_per_file_or_a_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_repo(tmp_path, {"topics/a.yaml": "id: T-1\ntitle: 一\n", "topics/b.yaml": "- id: T-2\n  title: 二\n- id: T-3\n  title: 三\n",
                          "topics/_draft.yaml": "this is: [ignored\n", "topics/.hidden/x.yaml": "also ignored: [\n"})
    code, findings = check_json(capsys, tmp_path)
    assert (code, findings) == (0, [])


def test_a_list_item_that_is_not_a_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_repo(tmp_path, {"topics/a.yaml": "- id: T-1\n  title: 一\n- 课题二\n"})
    _, findings = check_json(capsys, tmp_path)
    assert ("DY012", "topics/a.yaml", 3) in codes_at(findings)


def test_a_near_miss_choice_gets_a_suggestion(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_repo(tmp_path, {"people.yaml": "- {id: lin, name: 林海峰}\n",
                          "visits/v.yaml": "- {id: V-1, date: 2023-05-10, leaders: lin, methods: [座谈]}\n"})
    _, findings = check_json(capsys, tmp_path)
    assert findings[0]["code"] == "DY104"
    assert "座谈会" in findings[0]["hint"]
