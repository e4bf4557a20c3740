"""``dytool new KIND``: add a record from flags (``--owner-unit fgw`` or ``owner_unit=fgw``), asking
on a terminal for the required fields that are missing."""

from __future__ import annotations

import difflib
import random
import sys
from typing import Any

from dytool.cli.settings import Settings
from dytool.core.errors import EXIT_OK, EXIT_USAGE, UserError
from dytool.core.findings import Lang
from dytool.edit.safewrite import RefusedWrite

__all__ = ["KIND_CHOICES", "parse_field_args", "run_new", "show_refused"]

KIND_CHOICES = ("topic", "visit", "problem", "solution", "institution", "person", "unit")
_PLURALS = {"topics": "topic", "visits": "visit", "problems": "problem", "solutions": "solution", "institutions": "institution",
            "people": "person", "persons": "person", "units": "unit", "课题": "topic", "调研": "visit", "调研活动": "visit",
            "问题": "problem", "解决事项": "solution", "制度": "institution", "人员": "person", "单位": "unit"}


def kind_of(text: str) -> str:
    kind = _PLURALS.get(text.strip().lower(), text.strip().lower())
    if kind not in KIND_CHOICES:
        raise UserError(f"不认识的记录类型“{text}”；可选：{'、'.join(KIND_CHOICES)}", f"unknown kind {text!r}; choose one of {', '.join(KIND_CHOICES)}")
    return kind


def parse_field_args(args: list[str], names: list[str]) -> dict[str, list[str]]:
    """``--owner-unit fgw``, ``--owner-unit=fgw``, ``owner_unit=fgw`` → ``{"owner_unit": ["fgw"]}``;
    a field given twice collects both (``--leaders a --leaders b``)."""
    out: dict[str, list[str]] = {}
    i = 0
    while i < len(args):
        token = args[i]
        if token.startswith("--"):
            name, eq, value = token[2:].partition("=")
            if not eq:
                if i + 1 < len(args) and not args[i + 1].startswith("--"):
                    value = args[i + 1]
                    i += 1
                else:
                    value = "true"
        elif "=" in token:
            name, _, value = token.partition("=")
        else:
            raise UserError(f"看不懂参数“{token}”：字段写成 --字段 值 或 字段=值", f"cannot read {token!r}: write fields as --field value or field=value")
        key = _field_name(name.replace("-", "_"), names)
        out.setdefault(key, []).append(value)
        i += 1
    return out


def _field_name(name: str, names: list[str]) -> str:
    top = name.split(".", 1)[0]
    if top in names:
        return name
    if f"{top}s" in names and "." not in name:
        return f"{top}s"
    close = difflib.get_close_matches(top, names, n=1)
    hint = f"；是不是 --{close[0].replace('_', '-')}？" if close else ""
    hint_en = f"; did you mean --{close[0].replace('_', '-')}?" if close else ""
    raise UserError(f"没有字段“{name}”{hint}", f"there is no field {name!r}{hint_en}", exit_code=EXIT_USAGE,
                    hint_zh=f"可用字段：{', '.join(names)}", hint_en=f"fields: {', '.join(names)}")


def _values(kind: str, raw: dict[str, list[str]]) -> dict[str, Any]:
    from dytool.edit.fields import coerce, shapes
    from dytool.edit.flagvalues import flag_value
    from dytool.models import KINDS

    fields = shapes(KINDS[kind])
    record: dict[str, Any] = {}
    for name, texts in raw.items():
        top, _, sub = name.partition(".")
        shape = fields[top]
        if sub and shape.model is not None and sub in shapes(shape.model):
            record.setdefault(top, {})[sub] = coerce(shapes(shape.model)[sub], texts[-1])
        elif sub:
            record.setdefault(top, {})[sub] = texts[-1]
        else:
            record[top] = flag_value(kind, top, texts)
    return record


def _missing(kind: str, raw: dict[str, list[str]]) -> list[str]:
    from dytool.edit.fields import shapes
    from dytool.models import KINDS

    needed = [n for n, s in shapes(KINDS[kind]).items() if s.required and (n != "id" or kind in ("person", "unit"))]
    if kind == "visit" and "start" not in raw:
        needed.insert(0, "date")
    return [n for n in needed if n not in raw]


def run_new(settings: Settings, kind_text: str, args: list[str], *, file: str | None, ident: str | None, dry_run: bool, no_input: bool) -> int:
    from dytool.edit.fields import shapes
    from dytool.edit.new import add_records
    from dytool.models import KINDS

    kind = kind_of(kind_text)
    names = list(KINDS[kind].model_fields)
    raw = parse_field_args(args, names)
    if ident:
        raw["id"] = [ident]
    as_of, root, lang = settings.as_of, settings.root(), settings.lang()
    missing = _missing(kind, raw)
    if missing and sys.stdin.isatty() and not no_input:
        import typer

        labels = shapes(KINDS[kind])
        for name in missing:
            raw[name] = [typer.prompt(f"{labels[name].label} ({name})")]
    elif missing:
        flags = " ".join(f"--{n.replace('_', '-')} …" for n in missing)
        raise UserError(f"缺少必填字段：{'、'.join(missing)}；加上 {flags}", f"required fields missing: {', '.join(missing)}; add {flags}")
    rng = random.Random()  # noqa: S311 - ids need no secrecy, only spread
    try:
        batch = add_records(root, kind, [_values(kind, raw)], as_of=as_of, rng=rng, file=file, dry_run=dry_run, load=settings.load_options)
    except RefusedWrite as refused:
        show_refused(refused, lang)
        raise
    added = batch.added[0]
    if dry_run:
        sys.stdout.write(added.text)
    verb = ("将添加" if dry_run else "已添加") if lang is Lang.ZH else ("would add" if dry_run else "added")
    print(f"{verb} {added.id} → {added.file}")
    return EXIT_OK


def show_refused(refused: RefusedWrite, lang: Lang) -> None:
    """The errors a refused write would have added, one a line, as ``check`` shows them."""
    for finding in refused.findings:
        hint = finding.hint(lang)
        print(f"  {finding.where}: {finding.code} {finding.message(lang)}" + (f"（{hint}）" if hint and lang is Lang.ZH else f" ({hint})" if hint else ""),
              file=sys.stderr)
