"""Starting a repository: a campaign (``dytool init``) or a roll-up (``dytool init --rollup``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from dytool.core.catalogue import commands as words
from dytool.core.errors import UserError
from dytool.edit.vendoring import Install

__all__ = ["Initialized", "init_campaign", "init_rollup"]


@dataclass(frozen=True)
class Initialized:
    files: list[str]
    """The repository-relative files written."""
    git: bool
    """Whether ``git init`` was run (False inside an existing repository, or without git)."""


def _day(text: str, flag: str) -> dt.date:
    from dytool.dates import explicit_day

    day = explicit_day(text)
    if day is None:
        raise UserError(words.NOT_A_DATE(flag=flag, text=text))
    return day


def _git(dest: Path, merge_driver: str | None) -> bool:
    from dytool.source import git

    created = git.init_repository(dest)
    if merge_driver is not None:
        git.register_merge_driver(dest, "dytool", "dytool: merge record files record by record", merge_driver)
    return created


def init_campaign(dest: Path, *, title: str | None = None, start: str | dt.date | None = None, end: str | dt.date | None = None,
                  ident: str | None = None, issuer: str | None = None, doc_number: str | None = None, level: str | None = None,
                  id_style: str = "random", example: bool = False, install: Install | None = None, git: bool = True,
                  merge_driver: str | None = None) -> Initialized:
    """A new campaign repository in ``dest`` (campaign.yaml from the answers, empty record
    folders, CI, hooks, editor schemas), or the bundled example with ``example``; ``git init``
    and the record merge driver (``merge_driver``, the command git runs) with ``git``."""
    from dytool.edit.init import Answers, scaffold, scaffold_example

    if example:
        files = scaffold_example(dest, install)
    else:
        assert title is not None and start is not None and end is not None, "title, start and end are needed"
        first = start if isinstance(start, dt.date) else _day(start, "--start")
        last = end if isinstance(end, dt.date) else _day(end, "--end")
        files = scaffold(dest, Answers(ident or f"campaign-{first.year}", title, first, last, issuer, doc_number, level, id_style), install)
    return Initialized(files, _git(dest, merge_driver) if git else False)


def init_rollup(dest: Path, *, title: str, ident: str | None = None, issuer: str | None = None, level: str | None = None,
                install: Install | None = None, git: bool = True) -> Initialized:
    """A roll-up repository (rollup.yaml, schemas, CI) in ``dest`` for the office above its members."""
    from dytool.edit.init import RollupAnswers, scaffold_rollup

    files = scaffold_rollup(dest, RollupAnswers(ident or "rollup", title, issuer, level), install)
    return Initialized(files, _git(dest, None) if git else False)
