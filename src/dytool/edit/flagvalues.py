"""Values typed on the command line (``dytool new``) → field values, lists done the same way
whatever the user typed.

A list field takes repeated options and separated values alike: ``--roles a,b`` =
``--roles a --roles b`` = ``roles=[a,b]``, with ``,`` ``，`` ``、`` ``;`` ``；`` as separators.
A list of sentences (``questions``) is split only by repeating the option, since a question
has commas of its own.  ``key=[a,b]`` on a field that is not a list is refused, and so is an
item that cannot be one (an id with a space or a bracket in it): never stored as odd text
that silently drops the person out of a rule.
"""

from __future__ import annotations

import re
from typing import Any

from dytool.core.catalogue import edits as words
from dytool.core.errors import EXIT_USAGE, UserError
from dytool.core.messages import Text
from dytool.edit.fields import FieldShape, coerce, shapes
from dytool.models import KINDS
from dytool.models.base import ID_PATTERN

__all__ = ["LIST_KINDS", "SENTENCE_LISTS", "field_help", "flag_value", "is_list"]

LIST_KINDS = ("texts", "enums", "dates", "models")
SENTENCE_LISTS = frozenset({"questions"})
"""List fields whose items are sentences: one item per repeated option, commas kept."""

_SEPARATORS = re.compile(r"[,，、;；\n]+")
_FLOW = re.compile(r"\A\s*\[(.*)\]\s*\Z", re.DOTALL)
_WORD_ROLES = frozenset({"roles"})
"""Text lists whose items are words the campaign's rules refer to: they must look like ids."""


def is_list(shape: FieldShape) -> bool:
    return shape.kind in LIST_KINDS


def _bad(shape: FieldShape, item: str, why: Text) -> UserError:
    return UserError(words.BAD_FLAG_VALUE(flag=shape.name.replace("_", "-"), value=item, why=why), exit_code=EXIT_USAGE)


def _items(shape: FieldShape, texts: list[str]) -> list[str]:
    items: list[str] = []
    for text in texts:
        flow = _FLOW.match(text)
        body = flow.group(1) if flow else text
        parts = [body] if shape.name in SENTENCE_LISTS and not flow else _SEPARATORS.split(body)
        items += [part.strip().strip("'\"") for part in parts if part.strip()]
    for item in items:
        if any(c in item for c in "[]{}"):
            raise _bad(shape, item, words.NOT_AN_ITEM)
        if (shape.ref or shape.name in _WORD_ROLES) and shape.kind != "models" and not ID_PATTERN.match(item):
            raise _bad(shape, item, words.NOT_AN_ID)
    return items


def flag_value(kind: str, name: str, texts: list[str]) -> Any:
    """The value of field ``name`` of ``kind`` from the texts given for it (one per option)."""
    shape = shapes(KINDS[kind])[name]
    if not is_list(shape):
        if len(texts) > 1 and shape.kind != "lines":
            raise UserError(words.ONE_VALUE(flag=name.replace("_", "-")), exit_code=EXIT_USAGE)
        if any(_FLOW.match(text) for text in texts) and shape.kind not in ("lines", "dict", "model"):
            raise UserError(words.NOT_A_LIST(flag=name.replace("_", "-")), exit_code=EXIT_USAGE)
        return coerce(shape, texts[0]) if len(texts) == 1 else [coerce(shape, t) for t in texts]
    if shape.kind == "models":
        return [item for text in texts for item in coerce(shape, text)]
    return coerce(shape, _items(shape, texts))


def field_help() -> str:
    """Per kind, its fields, the list fields marked: the epilog of ``dytool new --help``."""
    lines = ["字段 / fields（* 必填 required；[] 列表 list: 可重复选项或用逗号、顿号分隔 / repeat or separate with , ， 、）:"]
    for kind, model in KINDS.items():
        if kind == "campaign":
            continue
        parts = []
        for name, shape in shapes(model).items():
            if name == "extra":
                continue
            mark = "*" if shape.required else ""
            suffix = "[]" if is_list(shape) else ""
            parts.append(f"{name.replace('_', '-')}{suffix}{mark}")
        lines.append(f"  {kind}: {' '.join(parts)}")
    lines.append("  questions[] 每项一个 --questions（问题里可以有逗号）/ one --questions per item (commas kept)")
    return "\n".join(lines)
