"""``dytool merge-records``: git's merge driver for record files (registered by ``dytool init``).

git runs ``dytool merge-records %O %A %B %P`` for the files ``.gitattributes`` marks
``merge=dytool``; the result goes into the second file (``%A``) and the exit code tells git
whether the merge is clean (0) or conflicted (1).  ``dytool merge-records --install``
registers the driver in a clone (``git config merge.dytool.driver …``).
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from dytool.cli.settings import Settings
from dytool.core.catalogue import commands as words
from dytool.core.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UserError

__all__ = ["DRIVER_NAME", "driver_command", "install_driver", "run_merge_records"]

DRIVER_NAME = "dytool"


def driver_command() -> str:
    """The command git runs: this very Python and dytool, so no PATH is needed at merge time."""
    return f"{shlex.quote(sys.executable)} -m dytool merge-records %O %A %B %P"


def install_driver(root: Path) -> bool:
    from dytool.source import git

    return git.register_merge_driver(root, DRIVER_NAME, "dytool: merge record files record by record", driver_command())


def run_merge_records(settings: Settings, files: list[Path], *, install: bool) -> int:
    lang = settings.lang()
    if install:
        root = settings.directory or Path.cwd()
        if not install_driver(root):
            raise UserError(words.NOT_GIT_FOR_DRIVER)
        print(words.DRIVER_REGISTERED.text(lang))
        return EXIT_OK
    if len(files) not in (3, 4):
        raise UserError(words.MERGE_USAGE, exit_code=EXIT_USAGE)
    base, ours, theirs = files[:3]
    rel = files[3].as_posix() if len(files) == 4 else ours.name
    from dytool.edit.merge import merge_records
    from dytool.source import git
    from dytool.source.output import write_output

    texts = []
    for path in (base, ours, theirs):
        try:
            texts.append(path.read_bytes().decode("utf-8"))
        except (OSError, UnicodeDecodeError):
            texts = []
            break
    result = merge_records(texts[0], texts[1], texts[2], rel) if texts else None
    if result is None:  # not a plain list of records: git's line merge, which conflicts rather than guess
        return EXIT_FINDINGS if git.merge_file(ours, base, theirs, rel) else EXIT_OK
    write_output(ours, result.text.encode("utf-8"))
    if result.conflicts:
        print(f"dytool: {words.MERGE_CONFLICTS(file=rel, ids=list(result.conflicts)).text(lang)}", file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_OK
