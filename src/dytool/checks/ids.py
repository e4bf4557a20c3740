"""Identifiers and references: duplicates, dangling references, references of the wrong kind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from dytool.codes import CODES
from dytool.findings import Finding
from dytool.index import RepoIndex
from dytool.locate import Path
from dytool.models import StrictModel
from dytool.models.base import Ref, ref_values, walk_marked
from dytool.repo import Repository, Source

__all__ = ["KIND_LABELS", "check_duplicates", "check_references", "walk_refs"]

KIND_LABELS = {
    "person": ("人员", "person"),
    "unit": ("单位", "unit"),
    "topic": ("课题", "topic"),
    "visit": ("调研活动", "visit"),
    "problem": ("问题", "problem"),
    "solution": ("解决事项", "solution"),
    "institution": ("制度", "institution"),
    "theme": ("调研主题", "theme"),
    "activity": ("活动类型", "activity"),
    "stage": ("阶段", "stage"),
    "milestone": ("时间节点", "milestone"),
    "recurring": ("常态化要求", "recurring item"),
}


def check_duplicates(repo: Repository, index: RepoIndex, as_of: dt.date) -> Iterator[Finding]:
    for kind, entries in repo.records.items():
        first = index.ids[kind]
        for entry in entries:
            seen = first[entry.record.id]
            if seen is entry:
                continue
            yield _duplicate(repo, kind, entry.record.id, entry.source, seen.source, ("id",))
    campaign = repo.campaign
    if campaign is None:
        return
    for kind, field in (("theme", "themes"), ("activity", "activities"), ("stage", "stages"),
                        ("milestone", "milestones"), ("recurring", "recurring")):
        where: dict[str, int] = {}
        for i, item in enumerate(getattr(campaign, field)):
            if item.id in where:
                yield _duplicate(repo, kind, item.id, Source(repo.campaign_source.file, (field, i)),
                                 Source(repo.campaign_source.file, (field, where[item.id])), ("id",))
            else:
                where[item.id] = i


def _duplicate(repo: Repository, kind: str, ident: str, source: Source, first: Source, sub: Path) -> Finding:
    there = repo.locator.pos(first, sub)
    zh, en = KIND_LABELS[kind]
    return CODES["duplicate-id"].at(
        repo.locator.pos(source, sub),
        f"{zh}编号“{ident}”重复，第一次出现在 {there.file}:{there.line}",
        f"{en} id {ident!r} is used twice; first at {there.file}:{there.line}",
        hint_zh="改用新的编号（dytool new 生成的编号不会撞车）",
        hint_en="give this record a new id (ids made by 'dytool new' never collide)",
    )


def walk_refs(obj: StrictModel) -> Iterator[tuple[Path, str, Ref]]:
    """Every reference value in ``obj`` with its path, read from the fields' metadata."""
    for path, value, plan in walk_marked(obj, "ref"):
        if plan.ref is not None and isinstance(value, str):
            yield path, value, plan.ref


def check_references(repo: Repository, index: RepoIndex, as_of: dt.date) -> Iterator[Finding]:
    def known(kind: str, ident: str) -> bool:
        table = index.ids.get(kind)
        if table is not None:
            return ident in table or ident in repo.invalid_ids.get(kind, ())
        return ident in index.campaign_ids.get(kind, ())

    titles: dict[str, dict[str, str]] = {}
    if repo.campaign is not None:
        titles = {"activity": {a.title: a.id for a in repo.campaign.activities}, "theme": {t.title: t.id for t in repo.campaign.themes}}

    valid: dict[tuple[str, ...], set[str]] = {}
    every_id: set[str] = set().union(*index.ids.values(), *index.campaign_ids.values())

    def valid_for(kinds: tuple[str, ...]) -> set[str]:
        found = valid.get(kinds)
        if found is None:
            found = set()
            for kind in kinds:
                found.update(index.ids.get(kind, ()), repo.invalid_ids.get(kind, ()), index.campaign_ids.get(kind, ()))
            valid[kinds] = found
        return found

    def all_good(obj: StrictModel) -> bool:
        for ident, ref in ref_values(obj):
            if ident in valid_for(ref.kinds):
                continue
            if ref.text_ok and ident not in every_id:
                continue  # free text, such as an enterprise that is not in units.yaml
            return False
        return True

    def check(obj: StrictModel, source: Source) -> Iterator[Finding]:
        if all_good(obj):
            return
        for path, ident, ref in walk_refs(obj):
            if any(known(kind, ident) for kind in ref.kinds):
                continue
            others = [k for k in index.kind_of(ident) if k not in ref.kinds]
            wanted_zh = "或".join(KIND_LABELS[k][0] for k in ref.kinds)
            wanted_en = " or ".join(KIND_LABELS[k][1] for k in ref.kinds)
            if others:
                got_zh, got_en = KIND_LABELS[others[0]]
                yield CODES["wrong-kind-ref"].at(
                    repo.locator.pos(source, path),
                    f"“{ident}”是{got_zh}，这里应填{wanted_zh}编号",
                    f"{ident!r} is a {got_en}; a {wanted_en} id is expected here",
                )
            elif not ref.text_ok and not set(ref.kinds) & repo.unreadable_kinds:
                by_title = next((titles[k][ident] for k in ref.kinds if ident in titles.get(k, {})), None)
                yield CODES["dangling-ref"].at(
                    repo.locator.pos(source, path),
                    f"找不到{wanted_zh}“{ident}”",
                    f"no {wanted_en} with id {ident!r}",
                    hint_zh=f"这里写编号：{by_title}" if by_title else "检查编号是否写错，或先添加这条记录",
                    hint_en=f"write the id here: {by_title}" if by_title else "check the spelling, or add that record first",
                )

    if repo.campaign is not None:
        yield from check(repo.campaign, repo.campaign_source)
    for _, entry in repo.all_entries():
        yield from check(entry.record, entry.source)
    for report in repo.reports:
        yield from check(report.meta, report.source)
