"""Changing one record of a text leaves every other byte alone."""

from __future__ import annotations

import datetime as dt

import pytest
from edit_helpers import EXAMPLE, FILES

from dytool.core.errors import UserError
from dytool.edit.splice import FieldChange, append_records, change_fields, comments_of

PROBLEM_ORDER = ["id", "title", "owner_unit", "due", "progress", "closed_on", "closed_by", "evidence", "note"]


def test_append_after_a_trailing_section_comment_goes_below_it() -> None:
    text = FILES["problems/fgw.yaml"]
    new, count = append_records(text, [{"id": "P-003", "title": "新问题"}], "p.yaml")
    assert count == 2
    assert new == text + "- id: P-003\n  title: 新问题\n"  # under "# ===== 待认领 =====", as a person would


def test_append_keeps_the_blank_line_between_records_when_the_file_has_them() -> None:
    text = "- id: a\n  title: A\n\n- id: b\n  title: B\n"
    new, _ = append_records(text, [{"id": "c", "title": "C"}, {"id": "d", "title": "D"}], "x.yaml")
    assert new == text + "\n- id: c\n  title: C\n\n- id: d\n  title: D\n"
    dense = "- id: a\n  title: A\n- id: b\n  title: B\n"
    assert append_records(dense, [{"id": "c", "title": "C"}], "x.yaml")[0] == dense + "- id: c\n  title: C\n"


def test_append_to_an_indented_list_uses_its_indentation() -> None:
    text = "  - id: a\n    title: A\n  - id: b\n    title: B\n"
    assert append_records(text, [{"id": "c", "title": "C"}], "x.yaml")[0] == text + "  - id: c\n    title: C\n"


def test_append_fills_an_empty_list_and_keeps_its_comments() -> None:
    text = "# 已报送，未发现问题\n[]  # 空\n"
    new, count = append_records(text, [{"id": "P-1", "title": "t"}], "x.yaml")
    assert count == 0
    assert new == "# 已报送，未发现问题\n# 空\n- id: P-1\n  title: t\n"


def test_append_to_a_file_of_comments_only() -> None:
    assert append_records("# 本月暂无\n", [{"id": "V-1", "date": dt.date(2023, 5, 1)}], "x.yaml")[0] == "# 本月暂无\n- id: V-1\n  date: 2023-05-01\n"


def test_appending_to_a_single_record_file_is_refused() -> None:
    with pytest.raises(UserError, match="single record"):
        append_records("id: T-1\ntitle: t\n", [{"id": "T-2", "title": "u"}], "topics/T-1.yaml")


def test_closing_touches_only_the_record_and_keeps_every_comment() -> None:
    text = FILES["problems/fgw.yaml"]
    change = FieldChange((1,), {"closed_on": dt.date(2023, 9, 15), "evidence": "已完成"}, order=PROBLEM_ORDER)
    new = change_fields(text, change, "p.yaml")
    assert new == text.replace("  due: 2023-12-31  # 年底前\n", "  due: 2023-12-31  # 年底前\n  closed_on: 2023-09-15\n  evidence: 已完成\n")
    assert comments_of(new) == comments_of(text)


def test_new_keys_go_where_the_model_puts_them_and_lists_grow_in_place() -> None:
    text = "- id: P-1\n  title: t\n  due: 2023-06-30\n  progress:\n    - on: 2023-05-01\n      text: a   # 第一次\n  note: n\n"
    change = FieldChange((0,), {"owner_unit": "fgw"}, {"progress": [{"on": dt.date(2023, 6, 1), "text": "b"}]}, order=PROBLEM_ORDER)
    new = change_fields(text, change, "x.yaml")
    assert new == ("- id: P-1\n  title: t\n  owner_unit: fgw\n  due: 2023-06-30\n  progress:\n    - on: 2023-05-01\n      text: a   # 第一次\n"
                   "    - on: 2023-06-01\n      text: b\n  note: n\n")


def test_a_nested_record_is_changed_in_place() -> None:
    text = (EXAMPLE / "campaign.yaml").read_text(encoding="utf-8")
    new = change_fields(text, FieldChange(("milestones", 7), {"done_on": dt.date(2023, 12, 10)}, order=["id", "title", "due", "done_on"]), "c.yaml")
    before, after = text.splitlines(), new.splitlines()
    assert len(after) == len(before) + 1
    inserted = [line for line in after if line not in before]
    assert inserted == ["    done_on: 2023-12-10"]


def test_a_single_record_file_is_changed_whole() -> None:
    text = "# 单条记录\nid: T-1   # 编号\ntitle: t\n"
    assert change_fields(text, FieldChange((), {"leader": "lin"}, order=["id", "title", "leader"]), "x.yaml") == text + "leader: lin\n"


def test_a_change_that_would_lose_a_comment_is_refused() -> None:
    text = "# 列表\n\n[{id: a, title: x}]  # 尾注\n"
    with pytest.raises(UserError, match=r"comment|注释"):
        change_fields(text, FieldChange((0,), {"title": "y"}), "x.yaml")


def test_a_broken_file_is_not_edited() -> None:
    with pytest.raises(UserError, match="errors"):
        append_records("- id: a\n  title: [\n", [{"id": "b"}], "x.yaml")


# -- many records of one file at once (import) ---------------------------------------------------

MANY = """\
# 问题清单

- id: P-1
  title: 一   # 标题旁的注释
  owner_unit: fgw
  due: 2023-12-31  # 年底前
  progress:
    - on: 2023-05-01
      text: 起步。
    # 六月无进展
  closed_by: lin

- id: P-2
  title: 二
  progress: []
  note: 旧备注
"""


def test_changing_many_records_keeps_every_comment_and_other_line() -> None:
    from dytool.edit.splice import change_records
    from dytool.models import KINDS

    order = list(KINDS["problem"].model_fields)
    changes = [
        FieldChange((0,), {"due": dt.date(2024, 1, 31), "measures": "新措施"}, {"progress": [{"on": dt.date(2023, 9, 1), "text": "推进。"}]}, order),
        FieldChange((1,), {"note": "新备注"}, {"progress": [{"on": dt.date(2023, 9, 2), "text": "开始。"}]}, order),
    ]
    result = change_records(MANY, changes, "problems/x.yaml")
    assert "  due: 2024-01-31  # 年底前\n" in result  # a changed line keeps its comment
    assert "  title: 一   # 标题旁的注释\n" in result and "    # 六月无进展\n" in result
    assert "  measures: 新措施\n  due: 2024-01-31" in result  # a new field goes before the next one in the model's order
    assert result.index("text: 起步。") < result.index("# 六月无进展") < result.index("    - on: 2023-09-01\n      text: 推进。\n  closed_by: lin")
    assert "- id: P-2\n  title: 二\n  progress:\n    - on: 2023-09-02\n      text: 开始。\n  note: 新备注\n" in result
    assert result.startswith("# 问题清单\n\n- id: P-1\n")


def test_changing_many_records_edits_lines_in_place() -> None:
    from dytool.edit.splice_fast import edit_item

    lines = ["- id: P-9", "  title: 九", "  owner: sun", "  progress:", "    - on: 2023-05-01", "      text: 起步。", "  closed_by: lin", ""]
    edited = edit_item(lines[:-1], 0, {"owner": "王五", "evidence": "依据"}, {"progress": [{"on": dt.date(2023, 9, 1), "text": "推进。"}]},
                       ["id", "title", "owner", "progress", "closed_by", "evidence"])
    assert edited == ["- id: P-9", "  title: 九", "  owner: 王五", "  progress:", "    - on: 2023-05-01", "      text: 起步。",
                      "    - on: 2023-09-01", "      text: 推进。", "  closed_by: lin", "  evidence: 依据"]
    assert edit_item(["- {id: P-9, title: 九}"], 0, {"owner": "x"}, {}, []) is None  # not the canonical layout: the round trip does it
