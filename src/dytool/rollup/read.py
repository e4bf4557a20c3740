"""Reading a published summary: bytes in, a validated summary or the reason it was refused.

The bytes come from a member (a file on a share, an HTTP server, a CI artifact): at most
:data:`~dytool.rollup.published.CAPS` ``bytes``, parsed and validated by the pydantic models of
:mod:`dytool.rollup.published` (strict, closed, every text and list capped).  A refusal says
what is wrong in both languages without repeating the member's text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from pydantic import ValidationError

from dytool.rollup.published import CAPS, SCHEMA_VERSION, PublishedSummary
from dytool.rollup.textsafe import clean

__all__ = ["Refusal", "read_summary", "summary_json"]

_BOM = b"\xef\xbb\xbf"
_ERRORS = {
    "missing": ("缺少", "missing"),
    "extra_forbidden": ("不是本格式的字段", "not a field of this format"),
    "string_too_long": ("文字过长", "text too long"),
    "too_long": ("条目过多", "too many items"),
    "literal_error": ("取值不在可选范围内", "value not allowed"),
    "string_pattern_mismatch": ("格式不对", "malformed"),
    "greater_than_equal": ("数值过小", "number too small"),
    "less_than_equal": ("数值过大", "number too large"),
}


@dataclass(frozen=True)
class Refusal:
    """Why a summary was refused: a finding code name and the reason in both languages."""

    code: str
    zh: str
    en: str


def summary_json(summary: PublishedSummary) -> str:
    """The summary as published: UTF-8 JSON, keys in schema order, one field per line."""
    return summary.model_dump_json(indent=1) + "\n"


def _where(loc: tuple[int | str, ...]) -> str:
    return clean(".".join(str(part) for part in loc), 80) or "（顶层）"


def _explain(exc: ValidationError) -> tuple[str, str]:
    errors = exc.errors(include_url=False, include_input=False)
    parts_zh, parts_en = [], []
    for error in errors[:3]:
        zh, en = _ERRORS.get(error["type"], ("类型或取值不对", "wrong type or value"))
        where = _where(tuple(error["loc"]))
        parts_zh.append(f"{where}：{zh}")
        parts_en.append(f"{where}: {en}")
    more = len(errors) - 3
    return ("；".join(parts_zh) + (f"；另有 {more} 处" if more > 0 else ""),
            "; ".join(parts_en) + (f"; and {more} more" if more > 0 else ""))


def read_summary(data: bytes) -> PublishedSummary | Refusal:
    """The validated summary in ``data``, or why it cannot be used."""
    if len(data) > CAPS["bytes"]:
        return Refusal("member-malformed", f"汇总数据超过 {CAPS['bytes'] >> 20} MiB 上限", f"the summary exceeds the {CAPS['bytes'] >> 20} MiB limit")
    data = data.removeprefix(_BOM)
    try:
        return PublishedSummary.model_validate_json(data)
    except ValidationError as exc:
        failure = exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return Refusal("member-malformed", "不是有效的 JSON：不是 UTF-8 编码", "not valid JSON: not UTF-8")
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        where = f"第 {exc.lineno} 行第 {exc.colno} 列" if isinstance(exc, json.JSONDecodeError) else ""
        where_en = f" at line {exc.lineno} column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else ""
        return Refusal("member-malformed", f"不是有效的 JSON{('（' + where + '）') if where else ''}", f"not valid JSON{where_en}")
    if not isinstance(value, dict):
        return Refusal("member-malformed", "JSON 的顶层应为对象", "the JSON's top level must be an object")
    version = value.get("schema_version")
    if version != SCHEMA_VERSION:
        shown = clean(json.dumps(version, ensure_ascii=False), 20) if version is not None else "（未注明）"
        shown_en = clean(json.dumps(version), 20) if version is not None else "(none)"
        return Refusal("member-version", f"格式版本为 {shown}，本程序读取版本 {SCHEMA_VERSION}",
                       f"schema version {shown_en}; this dytool reads version {SCHEMA_VERSION}")
    zh, en = _explain(failure)
    return Refusal("member-invalid", f"汇总数据不符合格式：{zh}", f"the summary does not match the format: {en}")
