"""Field values every record kind shares: the campaign's own words, blank names, control
characters, and record files that hold nothing.

* A method, problem source, meeting kind, unit type or outcome form that is neither built in
  nor declared under ``vocabulary`` in campaign.yaml is DY104, with the hint to declare it
  (never another word that looks alike: 实地调研 is not 随机调研).
* A blank ``title`` (or a person's or unit's ``name``) is a missing field (DY102).
* Control characters (``\\x0b``, ``\\x1b``, ``\\ufffe`` …) in any text are DY313: documents
  cannot hold them and terminals obey them.
* A record file that is empty or only comments is DY018 (``[]`` says "nothing here" on purpose).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from dytool.core.catalogue import findings as words
from dytool.core.codes import CODES, Pos
from dytool.core.findings import Finding
from dytool.core.messages import Text, join
from dytool.engine.index import RepoIndex
from dytool.engine.repository import Repository
from dytool.engine.summary import FileSummary
from dytool.models import Campaign, LabeledEnum, Person, StrictModel, Unit
from dytool.models.base import walk_marked
from dytool.models.words import VOCABULARIES
from dytool.source.locate import Path, Source

if TYPE_CHECKING:
    from dytool.source.locate import Locator

__all__ = ["check_campaign_fields", "empty_file", "local_fields"]

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Embeddings, overrides and isolates: a title that displays in another order than it reads."""
_RECORD_FILE = re.compile(r"(people|units)\.ya?ml|(topics|visits|problems|solutions|institutions)/.+\.ya?ml")


def _declared(campaign: Campaign | None, name: str) -> dict[str, Any]:
    vocabulary = campaign.vocabulary if campaign is not None else None
    return getattr(vocabulary, name) if vocabulary is not None else {}


def _words(obj: StrictModel, source: Source, campaign: Campaign | None, loc: Locator) -> Iterator[Finding]:
    for path, value, plan in walk_marked(obj, "word"):
        if not isinstance(value, str) or isinstance(value, LabeledEnum) or plan.word is None:
            continue
        if value in _declared(campaign, plan.word):
            continue
        builtin = VOCABULARIES[plan.word]
        choices = join([words.BUILT_IN_CHOICE(value=m.value, label=m.label_zh) for m in builtin])
        short = _shortened(value, builtin)
        cut = words.WORD_CUT_SHORT(label=short.label_zh, value=short.value) if short is not None else Text("", "")
        yield CODES["bad-choice"].at(
            loc.pos(source, path), words.NOT_A_WORD(value=value, what=words.WORD_KINDS[plan.word], field=plan.word, choices=choices),
            hint=words.NOT_A_WORD_HINT(field=plan.word, value=value, short=cut))


def _shortened(word: str, builtin: type[LabeledEnum]) -> LabeledEnum | None:
    """A built-in value whose label the word begins (座谈 → 座谈会): a word cut short, not
    another value that merely looks alike (实地调研 is never 实地走访, 问 never 问卷调查)."""
    if len(word) < 2:
        return None
    found = [m for m in builtin if m.label_zh.startswith(word) and m.label_zh != word]
    return found[0] if len(found) == 1 else None


def _texts(value: Any, path: Path) -> Iterator[tuple[Path, str]]:
    """Every text in a value (nested models, lists, the free ``extra`` mappings), with its path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            item = getattr(value, name)
            if item is not None:
                yield from _texts(item, (*path, name))
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and _CONTROL.search(key):
                yield (*path, key), key
            yield from _texts(item, (*path, key))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _texts(item, (*path, i))


_NO_TEXT = frozenset({int, float, bool, type(None), dt.date, dt.datetime})


def _any_control(value: Any) -> bool:
    """Whether any text in ``value`` holds a control character: one pass without paths, which
    is all that almost every record needs (the paths are found only for the few that do).
    Dispatched on the exact type first: this runs over every value of every record."""
    pending = [value]
    pop, extend, search = pending.pop, pending.extend, _CONTROL.search
    while pending:
        item = pop()
        kind = type(item)
        if kind is str:
            if search(item):
                return True
        elif kind in _NO_TEXT:
            continue
        elif kind is list or kind is tuple:
            extend(item)
        elif isinstance(item, BaseModel):
            extend(item.__dict__.values())
        elif isinstance(item, str):  # a vocabulary word (an enum of text)
            if search(item):
                return True
        elif isinstance(item, dict):
            extend(item.values())
            extend(key for key in item if isinstance(key, str))
        elif isinstance(item, (list, tuple)):  # a When, a named tuple
            extend(item)
    return False


def _controls(obj: StrictModel, source: Source, loc: Locator, base: Path = ()) -> Iterator[Finding]:
    if not _any_control(obj):
        return
    for path, text in _texts(obj, base):
        found = _CONTROL.search(text)
        if found is None:
            continue
        char = f"U+{ord(found.group()):04X}"
        what = words.BIDI_CHARACTER if _BIDI.match(found.group()) else words.CONTROL_CHARACTER
        yield CODES["control-char"].at(loc.pos(source, path), what(char=char, n=found.start() + 1), hint=words.CONTROL_CHARACTER_HINT)


def _blank(obj: StrictModel, source: Source, loc: Locator) -> Iterator[Finding]:
    field = "name" if isinstance(obj, (Person, Unit)) else "title"
    value = getattr(obj, field, None)
    if isinstance(value, str) and not value.strip():
        label = words.NAME if field == "name" else words.TITLE
        yield CODES["missing-field"].at(loc.pos(source, (field,)), words.BLANK(id=getattr(obj, "id", ""), label=label, field=field),
                                        hint=words.BLANK_HINT(label=label, field=field))


def local_fields(records: Sequence[tuple[StrictModel, Source]], summary: FileSummary, campaign: Campaign | None, loc: Locator) -> Iterator[Finding]:
    for record, source in records:
        yield from _words(record, source, campaign, loc)
        yield from _blank(record, source, loc)
        yield from _controls(record, source, loc)


def check_campaign_fields(view: Repository, index: RepoIndex, as_of: dt.date) -> Iterator[Finding]:
    campaign = view.campaign
    if campaign is None:
        return
    yield from _words(campaign, view.campaign_source, campaign, view.locator)
    yield from _blank(campaign, view.campaign_source, view.locator)
    yield from _controls(campaign, view.campaign_source, view.locator)


def empty_file(text: str, file: str, line_offset: int, locator: Locator | None) -> list[Finding]:
    """A record file with nothing in it but blanks and comments."""
    if locator is None or not _RECORD_FILE.fullmatch(file):
        return []
    for line in text.splitlines():
        stripped = line.strip().lstrip("\ufeff")
        if stripped and not stripped.startswith("#"):
            return []
    return [CODES["empty-file"].at(Pos(file, 1, 1), words.EMPTY_FILE, hint=words.EMPTY_FILE_HINT)]
