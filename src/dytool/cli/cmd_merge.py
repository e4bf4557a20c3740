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
from dytool.core.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UserError
from dytool.core.findings import Lang

__all__ = ["DRIVER_NAME", "driver_command", "install_driver", "run_merge_records"]

DRIVER_NAME = "dytool"


def driver_command() -> str:
    """The command git runs: this very Python and dytool, so no PATH is needed at merge time."""
    return f"{shlex.quote(sys.executable)} -m dytool merge-records %O %A %B %P"


def install_driver(root: Path) -> bool:
    from dytool.source import git

    return git.register_merge_driver(root, DRIVER_NAME, "dytool: merge record files record by record", driver_command())


def run_merge_records(settings: Settings, files: list[Path], *, install: bool) -> int:
    zh = settings.lang() is Lang.ZH
    if install:
        root = settings.directory or Path.cwd()
        if not install_driver(root):
            raise UserError("这里不是 git 仓库，无法登记合并程序", "not inside a git repository; the merge driver was not registered")
        print("已登记 dytool 合并程序（.git/config）" if zh else "registered the dytool merge driver (.git/config)")
        return EXIT_OK
    if len(files) not in (3, 4):
        raise UserError("用法：dytool merge-records 祖先 本方 对方 [路径]（由 git 调用）",
                        "usage: dytool merge-records BASE OURS THEIRS [PATH] (git calls it)", exit_code=EXIT_USAGE)
    base, ours, theirs = files[:3]
    rel = files[3].as_posix() if len(files) == 4 else ours.name
    from dytool.edit.merge import merge_records
    from dytool.source import git

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
    ours.write_bytes(result.text.encode("utf-8"))
    if result.conflicts:
        print(f"dytool: {rel}：两边都改了这些记录，请手工合并：{'、'.join(result.conflicts)}" if zh
              else f"dytool: {rel}: both sides changed these records; merge them by hand: {', '.join(result.conflicts)}", file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_OK
