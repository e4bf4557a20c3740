"""Identifiers and references: duplicates, dangling references, references of the wrong kind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from dytool.core.codes import CODES
from dytool.core.findings import Finding
from dytool.core.messages import Text, join
from dytool.engine.index import RepoIndex
from dytool.engine.repository import Repository
from dytool.engine.summary import RefKey
from dytool.models import StrictModel
from dytool.models.base import Ref, walk_marked
from dytool.models.nouns import kind_noun
from dytool.source.locate import Path, Source

__all__ = ["check_duplicates", "check_references", "walk_refs"]



def check_duplicates(view: Repository, index: RepoIndex, as_of: dt.date) -> Iterator[Finding]:
    """An id used twice is reported at every record that uses it, each naming where the other
    is: which one was added later is for git to say, and both records may need a look."""
    counts: dict[str, int] = {}
    for kind, summary in view.summaries.values():
        counts[kind] = counts.get(kind, 0) + len(summary.ids)
    places: dict[tuple[str, str], list[Source]] = {}
    for _rel, (kind, summary) in view.summaries.items():
        first = index.ids.get(kind)
        if first is None or counts[kind] == len(first):  # as many ids as records: none is used twice
            continue
        for k, ident in enumerate(summary.ids):
            places.setdefault((kind, ident), []).append(summary.source_of(k))
    for (kind, ident), sources in places.items():
        if len(sources) > 1:
            for i, source in enumerate(sources):
                yield _duplicate(view, kind, ident, source, sources[1 if i == 0 else 0], ("id",))
    campaign = view.campaign
    if campaign is None:
        return
    for kind, field in (("theme", "themes"), ("activity", "activities"), ("stage", "stages"),
                        ("milestone", "milestones"), ("recurring", "recurring")):
        where: dict[str, list[int]] = {}
        for i, item in enumerate(getattr(campaign, field)):
            where.setdefault(item.id, []).append(i)
        for ident, spots in where.items():
            if len(spots) > 1:
                for j, i in enumerate(spots):
                    yield _duplicate(view, kind, ident, Source(view.campaign_source.file, (field, i)),
                                     Source(view.campaign_source.file, (field, spots[1 if j == 0 else 0])), ("id",))


def _duplicate(view: Repository, kind: str, ident: str, source: Source, first: Source, sub: Path) -> Finding:
    there = view.locator.pos(first, sub)
    zh, en = kind_noun(kind).pair
    return CODES["duplicate-id"].at(
        view.locator.pos(source, sub),
        f"{zh}编号“{ident}”重复，另见 {there.file}:{there.line}",
        f"{en} id {ident!r} is used twice; also at {there.file}:{there.line}",
        hint_zh="改用新的编号（dytool new 生成的编号不会撞车）",
        hint_en="give this record a new id (ids made by 'dytool new' never collide)",
        related=(there.file,),
    )


def walk_refs(obj: StrictModel) -> Iterator[tuple[Path, str, Ref]]:
    """Every reference value in ``obj`` with its path, read from the fields' metadata."""
    for path, value, plan in walk_marked(obj, "ref"):
        if plan.ref is not None and isinstance(value, str):
            yield path, value, plan.ref


def check_references(view: Repository, index: RepoIndex, as_of: dt.date) -> Iterator[Finding]:
    """Each file's referenced ids are tested as sets against the ids that exist; only a file
    with a reference that fails is read record by record, to say where."""
    def known(kind: str, ident: str) -> bool:
        table = index.ids.get(kind)
        if table is not None:
            return ident in table or ident in view.invalid_ids.get(kind, ())
        return ident in index.campaign_ids.get(kind, ())

    titles: dict[str, dict[str, str]] = {}
    if view.campaign is not None:
        titles = {"activity": {a.title: a.id for a in view.campaign.activities}, "theme": {t.title: t.id for t in view.campaign.themes}}

    valid: dict[tuple[str, ...], set[str]] = {}
    every_id: set[str] = set().union(*index.ids.values(), *index.campaign_ids.values())

    def valid_for(kinds: tuple[str, ...]) -> set[str]:
        found = valid.get(kinds)
        if found is None:
            found = set()
            for kind in kinds:
                found.update(index.ids.get(kind, ()), view.invalid_ids.get(kind, ()), index.campaign_ids.get(kind, ()))
            valid[kinds] = found
        return found

    def all_good(refs: tuple[tuple[RefKey, tuple[str, ...]], ...]) -> bool:
        for (kinds, text_ok), idents in refs:
            stray = set(idents) - valid_for(kinds)
            if stray and (not text_ok or not stray.isdisjoint(every_id)):
                return False
        return True

    def check(obj: StrictModel, source: Source) -> Iterator[Finding]:
        for path, ident, ref in walk_refs(obj):
            if any(known(kind, ident) for kind in ref.kinds):
                continue
            others = [k for k in index.kind_of(ident) if k not in ref.kinds]
            wanted_zh, wanted_en = Text.of(join([kind_noun(k) for k in ref.kinds], "或", " or ")).pair
            if others:
                got_zh, got_en = kind_noun(others[0]).pair
                yield CODES["wrong-kind-ref"].at(
                    view.locator.pos(source, path),
                    f"“{ident}”是{got_zh}，这里应填{wanted_zh}编号",
                    f"{ident!r} is a {got_en}; a {wanted_en} id is expected here",
                )
            elif not ref.text_ok and not set(ref.kinds) & view.unreadable_kinds:
                by_title = next((titles[k][ident] for k in ref.kinds if ident in titles.get(k, {})), None)
                yield CODES["dangling-ref"].at(
                    view.locator.pos(source, path),
                    f"找不到{wanted_zh}“{ident}”",
                    f"no {wanted_en} with id {ident!r}",
                    hint_zh=f"这里写编号：{by_title}" if by_title else "检查编号是否写错，或先添加这条记录",
                    hint_en=f"write the id here: {by_title}" if by_title else "check the spelling, or add that record first",
                )

    if view.campaign is not None:
        yield from check(view.campaign, view.campaign_source)
    for rel, (_, summary) in view.summaries.items():
        if not all_good(summary.refs):
            for record, source in view.records_of(rel):
                yield from check(record, source)
