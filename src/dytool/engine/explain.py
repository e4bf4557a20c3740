"""Turn pydantic validation errors into located, bilingual findings.

pydantic reports *what* is wrong and at which path (``('leaders', 0)``); this module says it
the way a secretary needs it ("字段 leaders（带队领导）…") and asks :mod:`dytool.source.locate` for the
line and column.  Union members add their own names to the path; they are dropped, and one
finding is kept per place.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from dytool.core.codes import CODES, Code, Pos
from dytool.core.findings import PER_FILE_AND_CODE, Finding
from dytool.models.base import nested_model
from dytool.source.locate import Path

__all__ = ["explain"]

Locate = Callable[[Path, bool], Pos]

_CUSTOM_CODES = {
    "bad_choice": "bad-choice",
    "bad_id": "bad-id",
    "missing_date": "missing-field",
    "date_and_start": "bad-value",
    "date_type": "bad-date",
}
_CHINESE_NAMES = {
    "标题": ("title",), "名称": ("title", "name"), "题目": ("title",), "课题名称": ("title",), "编号": ("id",),
    "姓名": ("name",), "职务": ("title",), "日期": ("date", "on"), "时间": ("date", "on"), "地点": ("location",),
    "描述": ("description",), "问题描述": ("description",), "内容": ("text", "description", "summary"),
    "责任单位": ("owner_unit",), "责任人": ("owner",), "整改措施": ("measures",), "措施": ("measures",),
    "整改时限": ("due",), "完成时限": ("due",), "时限": ("due",), "截止时间": ("due",), "销号时间": ("closed_on",),
    "类型": ("kind", "type"), "领导": ("leader", "leaders"), "领题领导": ("leader",), "牵头单位": ("lead_unit",),
    "状态": ("status",), "文号": ("doc_number",), "备注": ("note",), "摘要": ("abstract",), "主题": ("theme",),
    "课题": ("topic", "topics"), "单位": ("unit", "owner_unit"), "调研方式": ("methods",), "方式": ("methods",),
}
_BOOL_WORDS = {"yes", "no", "y", "n", "on", "off", "是", "否", "有", "无", "Yes", "No", "YES", "NO"}


def _clean_loc(loc: tuple[Any, ...], data: Any) -> Path:
    """Keep only the parts of ``loc`` that exist in the input (drop union member names)."""
    path: list[str | int] = []
    node: Any = data
    for part in loc:
        present = (isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node)) or (
            isinstance(part, str) and isinstance(node, dict) and part in node
        )
        if present:
            path.append(part)
            node = node[part]
        elif isinstance(part, str) and isinstance(node, dict) and part not in node and part.isidentifier() and part == loc[-1]:
            path.append(part)  # a missing field: keep its name for the message
            node = None
    return tuple(path)


def _field_title(model: type[BaseModel], path: Path) -> tuple[str, str]:
    """The field name and its Chinese label at ``path`` (best effort)."""
    current: type[BaseModel] | None = model
    name, title = "", ""
    for part in path:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part)
        if info is None:
            return part, ""
        name, title = part, info.title or ""
        current = nested_model(info.annotation)
    return name, title


def _describe(name: str, title: str) -> tuple[str, str]:
    if not name:
        return "记录", "the record"
    return (f"字段“{name}”（{title}）" if title else f"字段“{name}”"), f"field {name!r}"


def explain(exc: ValidationError, model: type[BaseModel], data: Any, locate: Locate, raw: Callable[[Path], str | None]) -> list[Finding]:
    findings: dict[Path, Finding] = {}
    for error in exc.errors(include_url=False):
        path = _clean_loc(tuple(error["loc"]), data)
        if path in findings:
            continue
        findings[path] = _one(error, path, model, locate, raw, suggest=len(findings) < PER_FILE_AND_CODE)
    return list(findings.values())


def _one(error: Any, path: Path, model: type[BaseModel], locate: Locate, raw: Callable[[Path], str | None], *,
         suggest: bool = True) -> Finding:
    """The finding for one validation error.  ``suggest`` off leaves out the "did you mean"
    search (a fuzzy match against every field name): past the findings a file shows, a file of a
    hundred thousand unknown keys must not cost a hundred thousand searches."""
    kind: str = error["type"]
    ctx = error.get("ctx") or {}
    name, title = _field_title(model, path)
    what_zh, what_en = _describe(name, title)
    value = error.get("input")
    if kind == "extra_forbidden":
        return _unknown_field(model, path, locate, suggest=suggest)
    if kind == "missing":
        return CODES["missing-field"].at(
            locate(path[:-1], False),
            f"缺少必填{what_zh}", f"required {what_en} is missing",
            hint_zh=f"加上一行“{name}: …”", hint_en=f"add a line '{name}: …'",
        )
    if "zh" in ctx:
        code = CODES[_CUSTOM_CODES.get(kind, "bad-date")]
        return code.at(locate(path, False), f"{what_zh}：{ctx['zh']}" if name else ctx["zh"],
                       f"{what_en}: {ctx['en']}" if name else ctx["en"],
                       hint_zh=ctx.get("hint_zh", ""), hint_en=ctx.get("hint_en", ""))
    pos = locate(path, False)
    written = raw(path)
    if kind == "string_type" and isinstance(value, int | float) and not isinstance(value, bool):
        shown = written if written is not None else str(value)
        return CODES["number-for-text"].at(
            pos, f"{what_zh}应为文字，但“{shown}”被读成了数字 {value}", f"{what_en} must be text, but {shown} was read as the number {value}",
            hint_zh=f"加引号：'{shown}'", hint_en=f"quote it: '{shown}'",
        )
    if kind == "bool_type" and isinstance(value, str):
        hint = ("写 true 或 false（不要写 yes/no、是/否）", "write true or false (not yes/no)") if value in _BOOL_WORDS else ("写 true 或 false", "write true or false")
        return CODES["wrong-type"].at(pos, f"{what_zh}应为 true 或 false，实际是“{value}”", f"{what_en} must be true or false, got {value!r}",
                                      hint_zh=hint[0], hint_en=hint[1])
    expected = _EXPECTED.get(kind)
    if expected is not None:
        zh, en = expected
        return CODES["wrong-type"].at(pos, f"{what_zh}应为{zh}，实际是“{_short(value)}”", f"{what_en} must be {en}, got {_short(value)!r}")
    return _generic(CODES["bad-value"], pos, what_zh, what_en, error)


_EXPECTED = {
    "string_type": ("文字", "text"),
    "int_type": ("整数", "a whole number"),
    "float_type": ("数字", "a number"),
    "list_type": ("列表", "a list"),
    "dict_type": ("映射（字段: 值）", "a mapping (key: value)"),
    "model_type": ("映射（字段: 值）", "a mapping (key: value)"),
    "model_attributes_type": ("映射（字段: 值）", "a mapping (key: value)"),
    "literal_error": ("日期或 false", "a date or false"),
    "is_instance_of": ("映射", "a mapping"),
}


def _short(value: Any) -> str:
    text = str(value) if not isinstance(value, dict | list) else type(value).__name__
    return text if len(text) <= 40 else text[:37] + "…"


def _generic(code: Code, pos: Pos, what_zh: str, what_en: str, error: Any) -> Finding:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "too_short":
        return code.at(pos, f"{what_zh}至少要有 {ctx.get('min_length', 1)} 项", f"{what_en} needs at least {ctx.get('min_length', 1)} item(s)")
    if kind in ("greater_than_equal", "greater_than"):
        return code.at(pos, f"{what_zh}不能小于 {ctx.get('ge', ctx.get('gt'))}", f"{what_en} must be at least {ctx.get('ge', ctx.get('gt'))}")
    if kind in ("less_than_equal", "less_than"):
        return code.at(pos, f"{what_zh}不能大于 {ctx.get('le', ctx.get('lt'))}", f"{what_en} must be at most {ctx.get('le', ctx.get('lt'))}")
    if kind == "finite_number":
        return code.at(pos, f"{what_zh}应为有限的数字（不能是 .nan 或 .inf）", f"{what_en} must be a finite number (not .nan or .inf)")
    if kind == "string_pattern_mismatch":
        return code.at(pos, f"{what_zh}的写法不对：“{_short(error.get('input'))}”", f"{what_en} is malformed: {_short(error.get('input'))!r}")
    return code.at(pos, f"{what_zh}不合要求：“{_short(error.get('input'))}”", f"{what_en} is not valid: {error['msg']}")


@functools.cache
def _field_names(model: type[BaseModel]) -> tuple[list[str], dict[str, str]]:
    """A model's field names, and its fields by their Chinese titles."""
    return list(model.model_fields), {info.title: field for field, info in model.model_fields.items() if info.title}


def _unknown_field(model: type[BaseModel], path: Path, locate: Locate, *, suggest: bool = True) -> Finding:
    owner = model
    for part in path[:-1]:
        if isinstance(part, str):
            info = owner.model_fields.get(part)
            nested = nested_model(info.annotation) if info else None
            if nested is None:
                break
            owner = nested
    key = str(path[-1]) if path else ""
    names, by_title = _field_names(owner)
    alias = next((name for name in _CHINESE_NAMES.get(key.strip(), ()) if name in owner.model_fields), None)
    if key in by_title or alias:
        name = by_title.get(key) or alias
        hint = (f"字段名用英文：写“{name}”", f"field names are English: write {name!r}")
    else:
        close = difflib.get_close_matches(key, names, n=1, cutoff=0.6) if suggest else []
        if close:
            hint = (f"是不是“{close[0]}”？", f"did you mean {close[0]!r}?")
        else:
            hint = ("自定义的列请放在 extra 下面", "put the office's own columns under 'extra'")
    return CODES["unknown-field"].at(
        locate(path, True),
        f"未知字段“{key}”", f"unknown field {key!r}",
        hint_zh=hint[0], hint_en=hint[1],
    )
