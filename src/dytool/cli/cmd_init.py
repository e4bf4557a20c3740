"""``dytool init [DIR]``: a new campaign repository from flags, or answers typed on a terminal."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from dytool.api import init_campaign, init_rollup
from dytool.cli.settings import Settings
from dytool.core.catalogue import commands as words
from dytool.core.catalogue import usage
from dytool.core.catalogue.system import NOTE
from dytool.core.errors import EXIT_OK, UserError
from dytool.core.messages import Lang, Text

__all__ = ["InitFlags", "run_init", "run_init_rollup"]


@dataclass(frozen=True)
class InitFlags:
    ident: str | None
    title: str | None
    start: str | None
    end: str | None
    issuer: str | None
    doc_number: str | None
    level: str | None
    id_style: str


def _destination(settings: Settings, directory: Path | None) -> Path:
    base = settings.directory or Path.cwd()
    dest = (directory if directory is not None and directory.is_absolute() else base / (directory or Path("."))).resolve()
    if dest.exists() and not dest.is_dir():
        raise UserError(usage.NOT_A_FOLDER(path=str(dest)))
    return dest


def _prompt(question: Text, default: str) -> str:
    import typer

    text: str = typer.prompt(f"{question.zh} / {question.en}", default=default)
    return text


def _git(dest: Path, lang: Lang, created: bool) -> None:
    if created:
        print(words.RAN_GIT_INIT.text(lang))


def run_init(settings: Settings, directory: Path | None, flags: InitFlags, *, example: bool, git: bool, no_input: bool,
             bundle: Path | None = None) -> int:
    from dytool.cli.init_install import install_for_init

    dest = _destination(settings, directory)
    lang = settings.lang()
    install, warning = install_for_init(bundle)
    title, start, end = flags.title, flags.start, flags.end
    if not example:
        missing = [name for name, value in (("--title", title), ("--start", start), ("--end", end)) if not value]
        if missing and sys.stdin.isatty() and not no_input:
            year = settings.as_of.year
            title = title or _prompt(words.PROMPT_TITLE, f"{year}年大兴调查研究活动")
            start = start or _prompt(words.PROMPT_START, f"{year}-01-01")
            end = end or _prompt(words.PROMPT_END, f"{year}-12-31")
        elif missing:
            raise UserError(words.GIVE_FLAGS(flags=missing), hint=words.GIVE_FLAGS_HINT)
    from dytool.cli.cmd_merge import driver_command

    made = init_campaign(dest, example=example, ident=flags.ident, title=title, start=start, end=end, issuer=flags.issuer,
                         doc_number=flags.doc_number, level=flags.level, id_style=flags.id_style, install=install, git=git,
                         merge_driver=driver_command())
    print(words.CREATED(path=str(dest), n=len(made.files)).text(lang))
    _git(dest, lang, made.git)
    if warning:
        print(f"dytool: {warning.text(lang)}", file=sys.stderr)
    if not example:
        print(words.NEXT_STEPS(path=str(dest)).text(lang))
    return EXIT_OK


def run_init_rollup(settings: Settings, directory: Path | None, flags: InitFlags, *, git: bool, no_input: bool,
                    bundle: Path | None = None) -> int:
    """``dytool init --rollup [DIR]``: a roll-up repository for the office above its members."""
    from dytool.cli.init_install import install_for_init

    dest = _destination(settings, directory)
    lang = settings.lang()
    title = flags.title
    if not title and sys.stdin.isatty() and not no_input:
        title = _prompt(words.PROMPT_ROLLUP_TITLE, f"{settings.as_of.year}年大兴调查研究活动汇总")
    if not title:
        raise UserError(words.GIVE_TITLE, hint=words.GIVE_TITLE_HINT)
    install, warning = install_for_init(bundle)
    if warning is not None:
        print(f"{NOTE.text(lang)}: {warning.text(lang)}", file=sys.stderr)
    made = init_rollup(dest, ident=flags.ident, title=title, issuer=flags.issuer, level=flags.level, install=install, git=git)
    print(words.CREATED_ROLLUP(path=str(dest), n=len(made.files)).text(lang))
    _git(dest, lang, made.git)
    print(words.NEXT_STEPS_ROLLUP(path=str(dest / "rollup.yaml")).text(lang))
    return EXIT_OK
