"""Entry point and error boundary of ``dytool``.

``main`` is the only place that turns outcomes into exit codes: 0 ok, 1 findings or a refused
operation, 2 usage or no repository, 3 a bug (a short message; ``--debug`` shows the
traceback), 130 on Ctrl-C.  ``--version`` is answered before anything heavy is imported;
``--version --verbose`` is ``dytool doctor``.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence

from dytool import __version__
from dytool.core.errors import EXIT_BUG, EXIT_OK, EXIT_USAGE, UserError

__all__ = ["GLOBAL_FLAGS", "GLOBAL_OPTIONS", "hoist_globals", "main"]

GLOBAL_OPTIONS = ("-C", "--as-of", "--lang")
GLOBAL_FLAGS = ("--no-color", "--debug", "--no-cache")


def hoist_globals(args: Sequence[str]) -> list[str]:
    """Move global options given after the command name in front of it, so that
    ``dytool status -C repo`` means ``dytool -C repo status`` (users type both)."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        name = arg.split("=", 1)[0]
        if name in GLOBAL_OPTIONS:
            if "=" in arg or (name == "-C" and len(arg) > 2 and not arg.startswith("-C=")):
                front.append(arg)
            elif i + 1 < len(args):
                front.extend(args[i : i + 2])
                i += 1
            else:
                rest.append(arg)  # let the parser report the missing value
        elif (arg.startswith("-C") and len(arg) > 2) or arg in GLOBAL_FLAGS:
            front.append(arg)
        else:
            rest.append(arg)
        i += 1
    return front + rest


def _lang_from(args: Sequence[str]) -> str:
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return os.environ.get("DYTOOL_LANG", "zh")


def main(argv: Sequence[str] | None = None) -> None:
    # A command loads many small objects that form no cycles (parsed values, records,
    # summaries), and the cyclic collector traverses all of them again each time it runs
    # a full pass: a tenth of a check of 200,000 records.  Collect far less often, as mypy
    # does; the forked workers of a cold load inherit the setting.
    gc.set_threshold(200_000, 30, 30)
    from dytool.cli.streams import tolerate_code_pages

    tolerate_code_pages(sys.stdout, sys.stderr)
    sys.exit(run(list(sys.argv[1:] if argv is None else argv)))


def run(args: list[str]) -> int:
    head = args[: args.index("--") if "--" in args else len(args)]
    if "--version" in head:
        if "--verbose" in head or "-v" in head:
            from pathlib import Path

            from dytool.cli.cmd_doctor import run_doctor
            from dytool.core.findings import Lang

            return run_doctor(Path.cwd(), Lang.EN if _lang_from(args).startswith("en") else Lang.ZH)
        print(f"dytool {__version__}")
        return EXIT_OK
    args = hoist_globals(args)
    debug = "--debug" in args
    english = _lang_from(args).startswith("en")
    if any("\0" in arg for arg in args):  # no path or value can hold one; the parser would crash on it
        print("dytool: command-line arguments cannot contain NUL characters" if english else "dytool: 命令行参数中不能有空字符（NUL）",
              file=sys.stderr)
        return EXIT_USAGE
    try:
        import typer
        from typer.exceptions import TyperException

        from dytool.cli.app import app

        try:
            result = app(args=args, prog_name="dytool", standalone_mode=False)
        except typer.Abort:
            print("\n已中止 / aborted", file=sys.stderr)
            return 130
        except TyperException as exc:
            show = getattr(exc, "show", None)
            if callable(show):
                show()
            else:
                print(f"dytool: {exc.message}", file=sys.stderr)
            return EXIT_USAGE
        return result if isinstance(result, int) else EXIT_OK
    except UserError as exc:
        message = exc.en if english else exc.zh
        hint = exc.hint_en if english else exc.hint_zh
        print(f"dytool: {message}", file=sys.stderr)
        if hint:
            print(f"  {'hint' if english else '提示'}: {hint}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("\n已中止 / aborted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the one place where a bug becomes exit 3
        if debug:
            import traceback

            traceback.print_exc()
        print(
            f"dytool: 内部错误 / internal error: {type(exc).__name__}: {exc}"[:500]
            + ("" if debug else "\n  加 --debug 查看详细信息并报告此问题 / run again with --debug and report it"),
            file=sys.stderr,
        )
        return EXIT_BUG
