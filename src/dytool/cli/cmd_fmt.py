"""``dytool fmt [--check]``: the canonical style for every YAML file; ``--check`` for CI."""

from __future__ import annotations

import sys

from dytool.api import fmt
from dytool.cli.settings import Settings
from dytool.core.catalogue import commands as words
from dytool.core.errors import EXIT_FINDINGS, EXIT_OK
from dytool.core.messages import Text

__all__ = ["run_fmt"]


def run_fmt(settings: Settings, *, check: bool) -> int:
    root, lang = settings.root(), settings.lang()
    result = fmt(root, write=not check, load=settings.load_options)
    for rel in result.changed:
        print((words.WOULD_REFORMAT if check else words.REFORMATTED)(file=rel).text(lang))
    for rel, why_zh, why_en in result.skipped:
        print(words.LEFT_AS_IT_IS(file=rel, why=Text.plain(why_zh, why_en)).text(lang), file=sys.stderr)
    if not result.changed:
        print((words.ALL_FORMATTABLE_CANONICAL if result.skipped else words.ALL_CANONICAL).text(lang))
    # A file fmt will not change never fails the check: fmt could not fix it, and check reports what is wrong.
    return EXIT_FINDINGS if check and result.changed else EXIT_OK
