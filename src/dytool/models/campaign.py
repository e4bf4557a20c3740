"""campaign.yaml: the campaign, its calendar and its rules (repo-format.md)."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, Field, model_validator

from dytool.models.base import Id, StrictModel, label, one_or_many
from dytool.models.enums import (
    IdStyle,
    Level,
    MeetingKind,
    Method,
    OrderBy,
    OutcomeForm,
    Per,
    ProblemSource,
    Requirement,
    RuleLevel,
    TopicKind,
    TopicStage,
    UnitType,
)
from dytool.models.records import Extra
from dytool.models.types import Lines, OwnerRef, PathText, PersonRef, Texts, UnitOrText, UnitRef
from dytool.models.when import Day, When
from dytool.models.words import UnitTypeWords

__all__ = [
    "Activity",
    "AppliesTo",
    "BulletinSpec",
    "Campaign",
    "Compilation",
    "Fonts",
    "Group",
    "LeadingMember",
    "MemberSubmission",
    "Milestone",
    "Owner",
    "Period",
    "PeriodRule",
    "Recurring",
    "Rules",
    "Stage",
    "Submission",
    "Theme",
    "Vocabulary",
]


class Period(StrictModel):
    model_config = ConfigDict(title="活动期间")

    start: Day = label("开始日期")
    end: Day = label("结束日期")

    @model_validator(mode="before")
    @classmethod
    def _place_each_other(cls, data: Any) -> Any:
        """A period written ``{start: 2023-04-01, end: 12月底前}`` has nothing to read the
        yearless end against but its start: read it so (the check asks for the year, once),
        instead of failing every other yearless date of the campaign with it."""
        if isinstance(data, dict):
            from dytool.dates import PhraseError, resolve
            from dytool.models.when import parse_when

            start, end = data.get("start"), data.get("end")
            try:
                first = parse_when(start, {})
            except Exception:  # noqa: BLE001 - the field's own validation says what is wrong
                first = None
            if first is not None and isinstance(end, str):
                try:
                    parse_when(end, {})
                except Exception:  # noqa: BLE001 - yearless: place it after the start
                    try:
                        r = resolve(end, period=None, anchor=first.first)
                    except (PhraseError, ValueError, OverflowError):
                        return data
                    data = {**data, "end": When(end, r.span.first, r.span.last, r.due)}
        return data


class LeadingMember(StrictModel):
    model_config = ConfigDict(title="领导小组成员")

    person: PersonRef = label("人员")
    role: str | None = label("职务", "组长/副组长/成员", default=None)


class Theme(StrictModel):
    model_config = ConfigDict(title="调研主题")

    id: Id = label("编号")
    title: str = label("主题")
    description: Lines | None = label("说明", "一段文字，或分段、分条的列表", default=None)


class Activity(StrictModel):
    model_config = ConfigDict(title="活动类型")

    id: Id = label("编号")
    title: str = label("活动名称", "如 集体出题、带头领题，或 调研问计、沉底问政")
    lead_unit: UnitRef | None = label("牵头单位", default=None)
    description: Lines | None = label("说明", "一段文字，或分段、分条的列表", default=None)


class Stage(StrictModel):
    model_config = ConfigDict(title="阶段")

    id: Id = label("编号")
    title: str = label("阶段名称", "如 落实推进阶段（显示时不再加“阶段”）")
    start: Day | None = label("开始日期", "不写时，从上一阶段结束的次日（第一个阶段从活动开始之日）起", default=None)
    end: Day = label("结束日期")
    description: Lines | None = label("说明", "一段文字，或分段、分条的列表", default=None)


class AppliesTo(StrictModel):
    model_config = ConfigDict(title="适用范围")

    roles: Texts = label("角色", default_factory=list)
    unit_types: UnitTypeWords = label("单位类型", default_factory=list)
    topic_kinds: Annotated[list[TopicKind], one_or_many] = label("课题类型", default_factory=list)


class Group(StrictModel):
    """A collective owner (各区、各部门): every unit of the types, every person with the roles,
    plus the listed ids; each member answers for itself."""

    model_config = ConfigDict(title="责任主体（多个单位或人员）")

    unit_types: UnitTypeWords = label("单位类型", "这些类型的所有单位，如 [district, department]", default_factory=list)
    roles: Texts = label("角色", "有这些角色的所有人员", default_factory=list)
    units: Annotated[list[OwnerRef], one_or_many] = label("单位或人员", "另外列出的单位或人员编号", default_factory=list)


_COLLECTIVE: dict[str, tuple[str, ...]] = {
    "区": ("district",), "县": ("county",), "县（市、区）": ("county", "district"), "县(市、区)": ("county", "district"),
    "县市区": ("county", "district"), "县（市）": ("county",), "市、县": ("county",), "乡镇": ("township",), "乡": ("township",),
    "镇": ("township",), "街道": ("township",), "乡镇（街道）": ("township",), "乡镇(街道)": ("township",), "部门": ("department",),
    "市直部门": ("department",), "市直单位": ("department",), "区直部门": ("department",), "县直部门": ("department",),
    "村": ("village",), "社区": ("community",), "村（社区）": ("village", "community"), "村(社区)": ("village", "community"),
}
_EVERY_UNIT = ("department", "county", "district", "township", "village", "community", "other")
"""What "every unit" (各单位, 各级各部门, 各级党委（党组）) covers: the campaign's own units of every
kind, not the enterprises and outside units a visit may host."""
for _word in ("单位", "成员单位", "级", "地", "级各部门", "地各部门", "地区各部门", "地各单位", "级各单位", "级党委", "级党组织",
              "级党委（党组）", "级党委(党组)", "党委（党组）", "党委(党组)", "级党委（党组、党委）", "级党政机关",
              "级各部门党委（党组）", "级各部门党委(党组)"):
    _COLLECTIVE[_word] = _EVERY_UNIT
_PARTS = re.compile(r"[^、（(]+(?:[（(][^）)]*[）)])?")


def collective(text: str) -> dict[str, list[str]] | None:
    """A collective owner written as a plan writes it (``各区、各部门``, ``各县（市、区）``,
    ``各乡镇``) as a group of unit types; None when the text is not one."""
    words = text.strip()
    if not words.startswith("各"):
        return None
    types: list[str] = []
    for part in _PARTS.findall(words):
        kinds = _COLLECTIVE.get(part.strip().removeprefix("各"))
        if kinds is None:
            return None
        types.extend(k for k in kinds if k not in types)
    return {"unit_types": types} if types else None


def _owner(value: Any) -> Any:
    if isinstance(value, str):
        return collective(value) or value
    return value


Owner = Annotated[OwnerRef | list[OwnerRef] | Group, BeforeValidator(_owner)]
"""One unit or person, a list of them, or a group (also written as the plan says it: 各区、各部门)."""


_STANDING = frozenset({"常态化", "长期", "长期坚持", "持续推进", "长效"})


def _standing(value: Any) -> Any:
    """``due: 常态化`` (or 长期) says what leaving ``due`` out says: a standing requirement."""
    return None if isinstance(value, str) and value.strip() in _STANDING else value


class MemberSubmission(StrictModel):
    model_config = ConfigDict(title="报送记录（按单位）")

    by: OwnerRef = label("报送单位或人员")
    on: Day = label("报送日期")


class Milestone(StrictModel):
    model_config = ConfigDict(title="时间节点")

    id: Id = label("编号")
    title: str = label("时间节点")
    due: Annotated[Day | None, BeforeValidator(_standing)] = label("截止时间", "日期或短语，如 4月底前；常态化要求不写（或写 常态化）", default=None)
    done_on: Day | None = label("完成时间", default=None)
    owner: Owner | None = label("责任单位或责任人", "一个编号、编号列表，或 {unit_types, roles, units}", default=None)
    submissions: list[MemberSubmission] = label("报送记录", "多个责任主体时，各自的完成日期：{by, on}", default_factory=list)
    requires: Annotated[list[Requirement], one_or_many] = label(
        "检查要求", "topic_outline/topic_report/leader_topics/problem_lists", default_factory=list
    )
    applies_to: AppliesTo | None = label("适用范围", default=None)
    evidence: str | None = label("完成依据", default=None)


class Submission(StrictModel):
    model_config = ConfigDict(title="报送记录")

    period: str | None = label("所属期次", "如 2023-07（月）、2023-Q3（季度）、2023-W27（周）；不写时按报送日期归期", default=None)
    on: Day = label("报送日期")
    by: OwnerRef | None = label("报送单位或人员", "多个责任主体时必填", default=None)


class Recurring(StrictModel):
    model_config = ConfigDict(title="常态化要求")

    id: Id = label("编号")
    title: str = label("常态化要求", "如 每月报送督查专报")
    rule: str = label("周期", "如 每月5日前、每季度、RRULE:FREQ=MONTHLY;BYMONTHDAY=5")
    owner: Owner | None = label("责任单位或责任人", "一个编号、编号列表，或 {unit_types, roles, units}", default=None)
    submissions: list[Submission | Day] = label("报送记录", "每次报送：日期，或 {period, on, by}", default_factory=list)


_COUNT = 1_000_000
"""The largest count a rule takes: beyond it a number is a typo, not a rule."""


class _Rule(StrictModel):
    level: RuleLevel = label("级别", "error 或 warning（缺省 warning）", default=RuleLevel.warning)
    stage: Annotated[list[Id], one_or_many] = label("适用阶段", "只在这些阶段（阶段编号）的月份内判断", default_factory=list)
    during: Day | None = label("适用期间", "只在这段时间内判断，如 4月至11月", default=None)


class RangeRule(_Rule):
    model_config = ConfigDict(title="数量要求")

    min: int | None = label("最少", default=None, ge=0, le=_COUNT)
    max: int | None = label("最多", default=None, ge=0, le=_COUNT)
    roles: Texts = label("适用角色", default_factory=list)
    unit_types: UnitTypeWords = label("适用单位类型", default_factory=list)


def _per(value: Any) -> Any:
    """``per`` also as plans say it: 月、季度、年 (每月 … are the labels)."""
    if isinstance(value, str):
        return {"月": "month", "季度": "quarter", "季": "quarter", "年": "year", "每季": "quarter"}.get(value.strip(), value)
    return value


class PeriodRule(RangeRule):
    """每季度开展一次…：each person in scope leads at least ``min`` visits per period."""

    model_config = ConfigDict(title="每期调研次数")

    per: Annotated[Per, BeforeValidator(_per)] = label("每期", "month（每月）、quarter（每季度）或 year（每年）")


class HostBurden(_Rule):
    model_config = ConfigDict(title="基层接待负担")

    window_days: int = label("时间窗口（天）", ge=1, le=3660)
    max_visits: int = label("最多调研批次", ge=0, le=_COUNT)


class MaxRule(_Rule):
    model_config = ConfigDict(title="上限")

    max: int = label("上限", ge=0, le=_COUNT)


class Switch(_Rule):
    model_config = ConfigDict(title="开关")

    enabled: bool = label("启用", default=True)


class Rules(StrictModel):
    model_config = ConfigDict(title="量化要求")

    leader_topics: RangeRule | None = label("领导领题数", "每位领导领题 1—2 个", default=None)
    unit_topics: RangeRule | None = label("单位课题数", "各部门选定 3—5 个课题", default=None)
    visit_days_per_month: RangeRule | None = label("每月调研天数", "每月到基层调研不少于 5 天", default=None)
    visits_per_period: PeriodRule | None = label("每期调研次数", "每季度开展一次走访调研：按人计", default=None)
    squat_days: RangeRule | None = label("蹲点天数", "沉底/蹲点 3—5 天", default=None)
    resolved_per_year: RangeRule | None = label("年内解决实事", "年内帮助基层解决 3 件以上实事", default=None)
    host_burden: HostBurden | None = label("基层接待负担", "同一单位在时间窗口内接待的调研批次上限", default=None)
    max_accompanying: int | MaxRule | None = label("陪同人数上限", default=None)
    topic_required: bool | Switch | None = label("禁止无课题调研", "每次调研都要注明课题", default=None)
    report_max_chars: int | MaxRule | None = label("报告字数上限", default=None)


class Vocabulary(StrictModel):
    """The campaign's own words, each counted under a built-in category."""

    model_config = ConfigDict(title="本活动用语")

    methods: dict[str, Method] = label("调研方式", "本活动用语: 内置方式，如 现场走访: field_visit", default_factory=dict)
    sources: dict[str, ProblemSource] = label("问题来源", "如 回头看: inspection", default_factory=dict)
    meeting_kinds: dict[str, MeetingKind] = label("会议形式", "如 季度务虚会: seminar", default_factory=dict)
    unit_types: dict[str, UnitType] = label("单位类型", "如 开发区: district", default_factory=dict)
    outcome_forms: dict[str, OutcomeForm] = label("转化形式", "如 决策参考: internal_reference", default_factory=dict)


class Compilation(StrictModel):
    model_config = ConfigDict(title="成果汇编")

    title: str | None = label("汇编标题", "缺省为 活动名称+调研成果汇编", default=None)
    subtitle: str | None = label("副标题", default=None)
    preface: PathText | None = label("前言文件", "相对仓库根目录的 Markdown 文件", default=None)
    order: OrderBy = label("报告顺序", "leader_rank/theme/topic_id", default=OrderBy.leader_rank)
    group_by_theme: bool = label("按主题分组", default=False)
    classification: str | None = label("密级标注", "如 内部资料 注意保存", default=None)
    append: Texts = label("附件清单", "附在汇编后的清单：problems、solutions、institutions", default_factory=list)


class BulletinSpec(StrictModel):
    model_config = ConfigDict(title="工作动态")

    title: str = label("刊名", "如 工作动态、督查专报", default="工作动态")
    first_number: int = label("起始期号", "活动第一个月的期号（缺省 1），用于接续往年的期号", default=1, ge=1)
    issuer: str | None = label("编印单位", "缺省为领导小组办公室", default=None)


class Fonts(StrictModel):
    model_config = ConfigDict(title="字体")

    body: str | None = label("正文字体", "缺省 仿宋_GB2312", default=None)
    title: str | None = label("标题字体", "缺省 方正小标宋简体", default=None)
    heading1: str | None = label("一级标题字体", "缺省 黑体", default=None)
    heading2: str | None = label("二级标题字体", "缺省 楷体_GB2312", default=None)
    page_number: str | None = label("页码字体", "缺省 宋体", default=None)
    ledger_size: Literal["四号", "小四", "五号"] | None = label("台账字号", "附件台账的字号：小四或五号；缺省为放得下的最大字号", default=None)


class Campaign(StrictModel):
    model_config = ConfigDict(title="调研活动（campaign.yaml）")

    id: Id = label("编号")
    title: str = label("活动名称", "如 2023年大兴调查研究活动")
    issuer: str | None = label("发文单位", default=None)
    doc_number: str | None = label("文号", "如 武政办〔2018〕105号", default=None)
    issued_on: Day | None = label("印发日期", default=None)
    level: Level | None = label("层级", default=None)
    period: Period = label("活动期间")
    language: str = label("语言", default="zh-CN")
    due_soon_days: int = label("临期提醒天数", default=7, ge=0, le=3660)
    stale_days: int = label("久未更新天数", default=30, ge=1, le=36600)
    calendar: str = label("日历", "cn（中国法定节假日与调休）或 none", default="none", pattern=r"^(cn|none)$")
    id_style: IdStyle = label("编号方式", "random（缺省，分支安全）或 serial（顺序号）", default=IdStyle.random)
    classification: str | None = label("密级", default=None)
    lead_office: UnitOrText | None = label("领导小组办公室", default=None)
    leading_group: list[LeadingMember] = label("领导小组", default_factory=list)
    themes: list[Theme] = label("调研主题", default_factory=list)
    activities: list[Activity] = label("活动类型", default_factory=list)
    stages: list[Stage] = label("阶段", default_factory=list)
    topic_stages: Annotated[list[TopicStage], one_or_many] = label(
        "课题环节", "本活动课题所经的环节（缺省全部七个）：选题、领题、立题、调研、结题、评审、转化", default_factory=list)
    milestones: list[Milestone] = label("时间节点", default_factory=list)
    recurring: list[Recurring] = label("常态化要求", default_factory=list)
    rules: Rules | None = label("量化要求", default=None)
    vocabulary: Vocabulary | None = label("本活动用语", "方案中内置列表没有的调研方式、问题来源、会议形式、单位类型、转化形式", default=None)
    compilation: Compilation | None = label("成果汇编", default=None)
    bulletin: BulletinSpec | None = label("工作动态", "月度工作动态/督查专报的刊名与期号", default=None)
    fonts: Fonts | None = label("字体", "Word 文档使用的字体名称", default=None)
    extra: Extra = Field(default=None, title="扩展字段", description="本单位自定义的字段")
