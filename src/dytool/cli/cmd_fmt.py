"""``dytool fmt [--check]``: the canonical style for every YAML file; ``--check`` for CI."""

from __future__ import annotations

import sys

from dytool.cli.settings import Settings
from dytool.core.errors import EXIT_FINDINGS, EXIT_OK
from dytool.core.findings import Lang

__all__ = ["run_fmt"]


def run_fmt(settings: Settings, *, check: bool) -> int:
    from dytool.edit.fmt import format_repository

    root, lang = settings.root(), settings.lang()
    zh = lang is Lang.ZH
    result = format_repository(root, write=not check, options=settings.load_options)
    for rel in result.changed:
        print(f"{'需要重排' if zh else 'would reformat'}: {rel}" if check else f"{'已重排' if zh else 'reformatted'}: {rel}")
    for rel, why_zh, why_en in result.skipped:
        print(f"{'未重排（保持原样）' if zh else 'left as it is'}: {rel}: {why_zh if zh else why_en}", file=sys.stderr)
    if not result.changed:
        print("所有可以重排的 YAML 文件格式统一" if zh and result.skipped else "所有 YAML 文件格式统一" if zh
              else "every YAML file dytool can reformat is in the canonical style" if result.skipped else "all YAML files are in the canonical style")
    # A file fmt will not change never fails the check: fmt could not fix it, and check reports what is wrong.
    if check and result.changed:
        return EXIT_FINDINGS
    return EXIT_OK
