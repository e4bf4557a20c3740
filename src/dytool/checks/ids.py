"""Identifiers and references: duplicates, dangling references, references of the wrong kind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from dytool.core.catalogue import findings as words
from dytool.core.codes import CODES
from dytool.core.findings import Finding
from dytool.core.messages import join
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
    return CODES["duplicate-id"].at(view.locator.pos(source, sub), words.DUPLICATE_ID(kind=kind_noun(kind), id=ident, where=f"{there.file}:{there.line}"),
                                    hint=words.DUPLICATE_ID_HINT, related=(there.file,))


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

    names: dict[str, dict[str, str]] = {}

    def named() -> dict[str, dict[str, str]]:
        """People and units by name (and short name), read only once a reference fails: a
        report's ``authors: [张建国]`` is answered with the id to write."""
        if not names:
            names.update(person={}, unit={})
            for rel, (kind, _) in view.summaries.items():
                if kind in names:
                    for record, _source in view.records_of(rel):
                        record_id = getattr(record, "id", None)
                        for name in (getattr(record, "name", None), getattr(record, "short_name", None)):
                            if isinstance(name, str) and isinstance(record_id, str):
                                names[kind].setdefault(name, record_id)
        return names

    def check(obj: StrictModel, source: Source) -> Iterator[Finding]:
        for path, ident, ref in walk_refs(obj):
            if any(known(kind, ident) for kind in ref.kinds):
                continue
            others = [k for k in index.kind_of(ident) if k not in ref.kinds]
            wanted = join([kind_noun(k) for k in ref.kinds], *words.KINDS_OR)
            if others:
                yield CODES["wrong-kind-ref"].at(view.locator.pos(source, path), words.WRONG_KIND(id=ident, got=kind_noun(others[0]), wanted=wanted))
            elif not ref.text_ok and not set(ref.kinds) & view.unreadable_kinds:
                by_title = next((titles[k][ident] for k in ref.kinds if ident in titles.get(k, {})), None)
                by_title = by_title or next((named()[k][ident] for k in ref.kinds if ident in named().get(k, {})), None)
                yield CODES["dangling-ref"].at(view.locator.pos(source, path), words.DANGLING(wanted=wanted, id=ident),
                                               hint=words.DANGLING_BY_TITLE_HINT(id=by_title) if by_title else words.DANGLING_HINT)

    if view.campaign is not None:
        yield from check(view.campaign, view.campaign_source)
    for rel, (_, summary) in view.summaries.items():
        if not all_good(summary.refs):
            for record, source in view.records_of(rel):
                yield from check(record, source)
