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
from dytool.core.catalogue import system, usage
from dytool.core.errors import EXIT_BUG, EXIT_OK, EXIT_USAGE, UserError
from dytool.core.messages import Lang

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


def _lang(args: Sequence[str]) -> Lang:
    """The language of messages before the command line is parsed (``--lang``, else ``DYTOOL_LANG``)."""
    text = os.environ.get("DYTOOL_LANG", "zh")
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            text = args[i + 1]
        elif arg.startswith("--lang="):
            text = arg.split("=", 1)[1]
    return Lang.EN if text.lower().startswith("en") else Lang.ZH


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

            return run_doctor(Path.cwd(), _lang(args))
        print(f"dytool {__version__}")
        return EXIT_OK
    args = hoist_globals(args)
    lang = _lang(args)
    if any("\0" in arg for arg in args):  # no path or value can hold one; the parser would crash on it
        print(f"dytool: {system.NUL_ARGUMENT.text(lang)}", file=sys.stderr)
        return EXIT_USAGE
    try:
        return _parse_and_run(args, lang)
    except UserError as exc:
        print(f"dytool: {exc.text(lang)}", file=sys.stderr)
        hint = exc.hint_text(lang)
        if hint:
            print(f"  {system.HINT(hint=hint).text(lang)}", file=sys.stderr)
        if exc.detail and "--debug" in args:
            print(exc.detail, file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"\n{system.ABORTED.text(lang)}", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the one place where a bug becomes exit 3
        if "--debug" in args:
            import traceback

            traceback.print_exc()
        message = system.INTERNAL_ERROR(kind=type(exc).__name__, detail=str(exc)[:400]).text(lang)
        print(f"dytool: {message}" + ("" if "--debug" in args else f"\n  {system.INTERNAL_HINT.text(lang)}"), file=sys.stderr)
        return EXIT_BUG


def _parse_and_run(args: list[str], lang: Lang) -> int:
    import typer
    from typer.exceptions import TyperException

    from dytool.cli.app import app

    try:
        result = app(args=args, prog_name="dytool", standalone_mode=False)
    except typer.Abort:
        print(f"\n{system.ABORTED.text(lang)}", file=sys.stderr)
        return 130
    except TyperException as exc:
        _show_usage_error(exc, args, lang)
        return EXIT_USAGE
    return result if isinstance(result, int) else EXIT_OK


def _show_usage_error(exc: Exception, args: list[str], lang: Lang) -> None:
    """The parser's own message in English; in Chinese, the catalogue's words and where to find help."""
    from typer._click.exceptions import NoArgsIsHelpError

    show = getattr(exc, "show", None)
    if lang is Lang.EN or isinstance(exc, NoArgsIsHelpError):
        if callable(show):
            show()
        else:
            print(f"dytool: {getattr(exc, 'message', exc)}", file=sys.stderr)
        return
    from dytool.cli.errors import usage_text

    ctx = getattr(exc, "ctx", None)
    command = getattr(ctx, "command_path", None) or "dytool"
    print(f"dytool: {usage_text(exc).text(lang)}", file=sys.stderr)
    print(f"  {system.HINT(hint=usage.SEE_HELP(command=command)).text(lang)}", file=sys.stderr)
