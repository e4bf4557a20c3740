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

from dytool.core.catalogue import rollup as words
from dytool.core.messages import Text, join, per_lang
from dytool.rollup.published import CAPS, SCHEMA_VERSION, PublishedSummary
from dytool.rollup.textsafe import clean

__all__ = ["Refusal", "read_summary", "summary_json"]

_BOM = b"\xef\xbb\xbf"


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
    return clean(".".join(str(part) for part in loc), 80)


def _explain(exc: ValidationError) -> tuple[str, str]:
    errors = exc.errors(include_url=False, include_input=False)
    parts = [words.AT_FIELD(where=_where(tuple(error["loc"])) or words.TOP_LEVEL,
                            what=words.SCHEMA_ERRORS.get(error["type"], words.WRONG_TYPE_OR_VALUE)) for error in errors[:3]]
    more = len(errors) - 3
    said = Text.of(join(parts, "；", "; "))
    return (said + words.AND_MORE(n=more)).pair if more > 0 else said.pair


def read_summary(data: bytes) -> PublishedSummary | Refusal:
    """The validated summary in ``data``, or why it cannot be used."""
    if len(data) > CAPS["bytes"]:
        return Refusal("member-malformed", *words.SUMMARY_TOO_LARGE(mib=CAPS["bytes"] >> 20).pair)
    data = data.removeprefix(_BOM)
    try:
        return PublishedSummary.model_validate_json(data)
    except ValidationError as exc:
        failure = exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return Refusal("member-malformed", *words.JSON_NOT_UTF8.pair)
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        said = words.NOT_JSON_AT(line=exc.lineno, column=exc.colno) if isinstance(exc, json.JSONDecodeError) else words.NOT_JSON
        return Refusal("member-malformed", *said.pair)
    if not isinstance(value, dict):
        return Refusal("member-malformed", *words.JSON_NOT_OBJECT.pair)
    version = value.get("schema_version")
    if version != SCHEMA_VERSION:
        found = per_lang(clean(json.dumps(version, ensure_ascii=False), 20), clean(json.dumps(version), 20)) if version is not None else words.NOT_STATED
        return Refusal("member-version", *words.OTHER_VERSION(found=found, version=SCHEMA_VERSION).pair)
    return Refusal("member-invalid", *words.DOES_NOT_MATCH(why=Text.plain(*_explain(failure))).pair)
