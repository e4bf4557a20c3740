"""``rollup.yaml``: the roll-up repository of the office above, and the members it combines.

```yaml
id: qc-rollup-2023
title: 青川市大兴调查研究活动汇总
issuer: 青川市大兴调查研究活动领导小组办公室
stale_days: 7
members:
  - {name: 西陵县, kind: county, path: members/xiling}                 # a git submodule
  - {name: 东湖区, kind: district, git: https://git.example/dh.git, ref: main}
  - {name: 市发改委, kind: department, summary: /mnt/share/fgw/dytool-summary.json}
```

Read through the same guarded YAML reader as a campaign; every member entry is validated on
its own, so a wrong entry is a finding at its line and the other members are still combined.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any

from pydantic import ConfigDict, Field, ValidationError

from dytool.core.catalogue import rollup as words
from dytool.core.codes import CODES, Pos
from dytool.core.errors import EXIT_FINDINGS, UserError
from dytool.core.findings import Finding
from dytool.core.messages import Text, join
from dytool.engine.explain import explain
from dytool.models.base import Id, LabeledEnum, StrictModel, label
from dytool.models.campaign import Fonts
from dytool.models.enums import Level
from dytool.rollup.textsafe import clean
from dytool.source.locate import Locator, Source
from dytool.source.locate import Path as SubPath
from dytool.source.parsefile import parse_file
from dytool.source.readfile import read_guarded

__all__ = ["ROLLUP_FILE", "ConfigRead", "Member", "MemberKind", "MemberSpec", "NoRollup", "Rejected", "RollupBulletin", "RollupConfig", "find_rollup_root", "read_config"]

ROLLUP_FILE = "rollup.yaml"
MAX_MEMBERS = 1000


class MemberKind(LabeledEnum):
    city = "city", "市(州)"
    county = "county", "县(市)"
    district = "district", "区"
    department = "department", "部门"
    other = "other", "其他"

    @property
    def local(self) -> bool:
        """Places (cities, counties, districts), listed before departments in the bulletin."""
        return self in (MemberKind.city, MemberKind.county, MemberKind.district)


class MemberSpec(StrictModel):
    model_config = ConfigDict(title="成员")

    name: str = label("名称", "如 西陵县、市发改委", min_length=1, max_length=100)
    kind: MemberKind = label("类型", "city（市州）、county（县市）、district（区）、department（部门）、other")
    path: str | None = label("仓库目录", "成员的活动仓库（如 git 子模块），相对本仓库根目录，由本仓库计算汇总数据", default=None)
    git: str | None = label("git 地址", "成员活动仓库的 git 地址，取到缓存后计算汇总数据", default=None)
    ref: str | None = label("分支或标签", "与 git 同用，缺省 HEAD", default=None)
    subdir: str | None = label("子目录", "与 git 同用：活动在仓库中的子目录", default=None)
    summary: str | None = label("已发布的汇总数据", "dytool publish 写出的 JSON：文件路径、file:// 或 http(s):// 地址", default=None)
    campaign: str | None = label("活动编号", "可选：成员数据必须是这个活动的，防止地址写错", default=None)


class RollupBulletin(StrictModel):
    model_config = ConfigDict(title="通报")

    title: str = label("刊名", "如 督查专报、工作通报", default="工作通报")
    issuer: str | None = label("编印单位", "缺省为 issuer", default=None)
    first_number: int = label("起始期号", default=1, ge=1)
    first_month: str | None = label("起始月份", "第 first_number 期所在的月份，如 2023-04；缺省为当年 1 月", default=None,
                                    pattern=r"^\d{4}-(0[1-9]|1[0-2])$")


class RollupConfig(StrictModel):
    model_config = ConfigDict(title="汇总仓库（rollup.yaml）")

    id: Id = label("编号")
    title: str = label("名称", "如 青川市大兴调查研究活动汇总", min_length=1, max_length=200)
    issuer: str | None = label("汇总单位", "如 市大兴调查研究活动领导小组办公室", default=None)
    level: Level | None = label("层级", default=None)
    stale_days: int = label("过期天数", "成员数据早于统计日期这么多天即为过期（缺省 7）", default=7, ge=1, le=366)
    bulletin: RollupBulletin | None = label("通报", default=None)
    fonts: Fonts | None = label("字体", "Word 文档使用的字体名称", default=None)
    members: list[MemberSpec] = Field(default_factory=list, title="成员", description="下级单位及其数据来源", max_length=MAX_MEMBERS)


@dataclass(frozen=True)
class Member:
    """A member as configured: its entry, and where the entry stands in rollup.yaml."""

    spec: MemberSpec
    pos: Pos

    @property
    def name(self) -> str:
        return clean(self.spec.name, 100)

    @property
    def source_text(self) -> str:
        """How the source is written, for messages: ``summary: …``, ``git: … @ ref``, ``path: …``."""
        spec = self.spec
        if spec.git is not None:
            text = f"git: {spec.git}" + (f" @ {spec.ref}" if spec.ref else "") + (f" ({spec.subdir})" if spec.subdir else "")
        elif spec.path is not None:
            text = f"path: {spec.path}"
        else:
            text = f"summary: {spec.summary}"
        return clean(text, 200)


class NoRollup(Exception):
    pass


def find_rollup_root(start: FsPath) -> FsPath:
    """The nearest folder at or above ``start`` holding ``rollup.yaml``."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / ROLLUP_FILE).is_file():
            return folder
    raise NoRollup(str(start))


def _source_findings(spec: MemberSpec, pos: Pos) -> list[Finding]:
    given = [key for key in ("path", "git", "summary") if getattr(spec, key) is not None]
    problems = []
    if len(given) != 1:
        problems.append(words.ONE_SOURCE)
    if spec.git is None and (spec.ref is not None or spec.subdir is not None):
        problems.append(words.REF_WITH_GIT)
    return [CODES["bad-value"].at(pos, words.MEMBER_ENTRY(name=clean(spec.name, 100), why=why)) for why in problems]


@dataclass(frozen=True)
class Rejected:
    """A member entry of rollup.yaml that cannot be used: reported, never silently dropped."""

    name: str
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class ConfigRead:
    config: RollupConfig
    members: list[Member]
    rejected: list[Rejected]
    findings: list[Finding]
    """Every finding about rollup.yaml, the rejected entries' included."""


def _entry_name(entry: Any, i: int) -> str:
    name = entry.get("name") if isinstance(entry, dict) else None
    return clean(name, 100) if isinstance(name, str) and name.strip() else words.NTH_MEMBER(n=i + 1).zh


def read_config(root: FsPath) -> ConfigRead:
    """The roll-up's configuration, its usable members and the findings about the file.

    A member entry that is wrong is a finding and is reported as not combined; a wrong top
    level (no title, an unknown key) stops with a :class:`UserError` listing the findings."""
    data, findings = read_guarded(root, ROLLUP_FILE)
    if data is None:
        why = Text.plain(findings[0].message_zh, findings[0].message_en) if findings else Text("", "")
        raise UserError(words.CANNOT_READ_CONFIG(why=why), exit_code=EXIT_FINDINGS)
    parsed = parse_file(ROLLUP_FILE, data, report=False)
    findings = list(parsed.findings)
    value: Any = parsed.value
    if not parsed.ok or not isinstance(value, dict):
        if not findings:
            findings.append(CODES["file-shape"].at(Pos(ROLLUP_FILE, 1, 1), words.CONFIG_NOT_MAPPING))
        raise _stop(findings)
    locator = Locator(root)
    source = Source(ROLLUP_FILE)

    def locate(path: SubPath, key: bool) -> Pos:
        return locator.pos(source, path, key=key)

    def raw(path: SubPath) -> str | None:
        return locator.raw(source, path)

    entries = value.get("members")
    head = {k: v for k, v in value.items() if k != "members"}
    try:
        config = RollupConfig.model_validate(head)
    except ValidationError as exc:
        raise _stop(findings + explain(exc, RollupConfig, head, locate, raw)) from None
    if entries is None:
        entries = []
    if not isinstance(entries, list):
        findings.append(CODES["wrong-type"].at(locate(("members",), False), words.MEMBERS_NOT_LIST))
        entries = []
    if len(entries) > MAX_MEMBERS:
        findings.append(CODES["bad-value"].at(locate(("members",), False), words.TOO_MANY_MEMBERS(n=MAX_MEMBERS)))
        entries = entries[:MAX_MEMBERS]
    members: list[Member] = []
    rejected: list[Rejected] = []
    names: set[str] = set()
    for i, entry in enumerate(entries):
        pos = locate(("members", i), False)
        try:
            spec = MemberSpec.model_validate(entry)
        except ValidationError as exc:
            rejected.append(Rejected(_entry_name(entry, i), tuple(_explain_member(exc, entry, i, locate, raw))))
            continue
        problems = _source_findings(spec, pos)
        if spec.name in names:
            problems.append(CODES["duplicate-id"].at(pos, words.MEMBER_NAME_TWICE(name=clean(spec.name, 100))))
        if problems:
            rejected.append(Rejected(_entry_name(entry, i), tuple(problems)))
            continue
        names.add(spec.name)
        members.append(Member(spec, pos))
    findings.extend(f for r in rejected for f in r.findings)
    return ConfigRead(config.model_copy(update={"members": [m.spec for m in members]}), members, rejected, findings)


def _explain_member(exc: ValidationError, entry: Any, i: int, locate: Callable[[SubPath, bool], Pos],
                    raw: Callable[[SubPath], str | None]) -> list[Finding]:
    def member_locate(path: SubPath, key: bool) -> Pos:
        return locate(("members", i, *path), key)

    def member_raw(path: SubPath) -> str | None:
        return raw(("members", i, *path))

    return explain(exc, MemberSpec, entry, member_locate, member_raw)


def _stop(findings: list[Finding]) -> UserError:
    lines = join([words.CONFIG_ERROR_LINE(where=f.where, message=Text.plain(f.message_zh, f.message_en)) for f in findings[:10]], "\n", "\n")
    return UserError(words.CONFIG_ERRORS(lines=lines), exit_code=EXIT_FINDINGS)
