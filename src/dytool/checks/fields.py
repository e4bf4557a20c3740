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

from dytool.core.codes import CODES, Pos
from dytool.core.findings import Finding
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

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
_LISTS = {
    "methods": ("调研方式", "method"),
    "sources": ("问题来源", "problem source"),
    "meeting_kinds": ("会议形式", "meeting kind"),
    "unit_types": ("单位类型", "unit type"),
    "outcome_forms": ("转化形式", "outcome form"),
}
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
        zh, en = _LISTS[plan.word]
        builtin = VOCABULARIES[plan.word]
        choices = "、".join(f"{m.value}（{m.label_zh}）" for m in builtin)
        short = _shortened(value, builtin)
        yield CODES["bad-choice"].at(
            loc.pos(source, path),
            f"“{value}”不是内置的{zh}，也没有在 campaign.yaml 的 vocabulary.{plan.word} 中声明；内置：{choices}",
            f"{value!r} is neither a built-in {en} nor declared under vocabulary.{plan.word} in campaign.yaml",
            hint_zh=f"本活动的用语请在 campaign.yaml 中声明它计入哪一类，如 vocabulary: {{{plan.word}: {{{value}: <内置类别>}}}}"
            + (f"；若是内置的“{short.label_zh}”没写全，改为“{short.label_zh}”" if short is not None else ""),
            hint_en=f"declare the campaign's word and the category it counts under: vocabulary: {{{plan.word}: {{{value}: <built-in value>}}}}"
            + (f"; if it is the built-in {short.value!r} cut short, write that" if short is not None else ""),
        )


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


def _controls(obj: StrictModel, source: Source, loc: Locator, base: Path = ()) -> Iterator[Finding]:
    for path, text in _texts(obj, base):
        found = _CONTROL.search(text)
        if found is None:
            continue
        char = f"U+{ord(found.group()):04X}"
        yield CODES["control-char"].at(
            loc.pos(source, path),
            f"文字中有控制字符 {char}（第 {found.start() + 1} 个字），文档和台账无法显示",
            f"the text holds the control character {char} (character {found.start() + 1}), which documents cannot hold",
            hint_zh="删除该字符（多见于从其他系统复制粘贴的文字）", hint_en="delete it (it usually comes with text pasted from another system)",
        )


def _blank(obj: StrictModel, source: Source, loc: Locator) -> Iterator[Finding]:
    field = "name" if isinstance(obj, (Person, Unit)) else "title"
    value = getattr(obj, field, None)
    if isinstance(value, str) and not value.strip():
        label = "名称" if field == "name" else "标题"
        ident = getattr(obj, "id", "")
        yield CODES["missing-field"].at(
            loc.pos(source, (field,)), f"{ident} 的{label}（{field}）是空的", f"{ident}: {field} is blank",
            hint_zh=f"写上{label}", hint_en=f"write the {field}")


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
    return [CODES["empty-file"].at(
        Pos(file, 1, 1), "文件中没有任何记录（空文件或只有注释）", "the file holds no record (it is empty or only comments)",
        hint_zh="写上记录，或删除这个文件；确实没有记录时写 []（如某单位“已报送，无问题”）",
        hint_en="add the records, or delete the file; write [] when there is nothing on purpose (a unit that filed no problem)")]
