"""Records of the record folders and of people.yaml / units.yaml (repo-format.md)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, model_validator

from dytool.models.base import Record, StrictModel, label, one_or_many, user_error
from dytool.models.enums import (
    Case,
    Grade,
    Handling,
    InstitutionKind,
    InstitutionStatus,
    OutcomeKind,
    Scope,
    TopicKind,
)
from dytool.models.types import (
    ActivityRef,
    Lines,
    OwnerOrName,
    PathText,
    PersonOrName,
    PersonOrNames,
    PersonRef,
    PersonRefs,
    ProblemRefs,
    Texts,
    ThemeRef,
    TopicRef,
    TopicRefs,
    UnitOrTexts,
    UnitRef,
    UnitRefs,
    VisitRefs,
)
from dytool.models.when import Day, DueDay
from dytool.models.words import MeetingWord, MethodWords, OutcomeFormWord, SourceWord, UnitTypeWord

__all__ = [
    "Approval", "Evaluation", "FiveOnes", "Institution", "Outcome", "Outline", "Person",
    "PlanStep", "Problem", "Progress", "ReportMeta", "Solution", "Topic", "Unit", "Visit",
]

Extra = dict[str, Any] | None
_EXTRA = label("扩展字段", "本单位自定义的台账列，可在文档中显示；其中的字段名不受检查", default=None)
_CLASSIFICATION = label("密级", "记录的密级或标注；compile --public 会略去带此字段的记录", default=None)


class Person(Record):
    model_config = ConfigDict(title="人员")

    name: str = label("姓名")
    title: str | None = label("职务", default=None)
    unit: UnitRef | None = label("所在单位", "单位编号（units.yaml）", default=None)
    rank: int | None = label("排序", "领导排序（整数，小的在前）：文档按此顺序排列领导", default=None)
    roles: Texts = label("角色", "本活动自定的角色，如 city_leader、dept_head、secretary", default_factory=list)
    contact: str | int | dict[str, str | int] | None = label("联系方式", "联系方式，从不出现在文档中", default=None)
    extra: Extra = _EXTRA


class Unit(Record):
    model_config = ConfigDict(title="单位")

    name: str = label("单位名称")
    short_name: str | None = label("简称", default=None)
    type: UnitTypeWord | None = label("单位类型", "内置类型，或 campaign.yaml 的 vocabulary.unit_types 中声明的本活动用语", default=None)
    parent: UnitRef | None = label("上级单位", default=None)
    extra: Extra = _EXTRA


class Outline(StrictModel):
    model_config = ConfigDict(title="调研提纲")

    file: PathText | None = label("提纲文件", "调研提纲文件，相对仓库根目录的路径", default=None)
    submitted_on: Day | None = label("提交日期", default=None)
    approved_on: Day | None = label("审定日期", default=None)


class PlanStep(StrictModel):
    model_config = ConfigDict(title="工作计划步骤")

    title: str = label("步骤")
    due: Day | None = label("计划完成时间", default=None)
    done_on: Day | None = label("实际完成时间", default=None)


class Evaluation(StrictModel):
    model_config = ConfigDict(title="评审")

    score: int | Annotated[float, Field(allow_inf_nan=False)] | None = label("评分", default=None)
    grade: Grade | None = label("等次", "优秀/良好/合格", default=None)
    awarded_on: Day | None = label("评定日期", default=None)
    by: OwnerOrName | None = label("评审单位或人", "单位编号、人员编号或名称", default=None)


class Approval(StrictModel):
    model_config = ConfigDict(title="领导批示")

    by: PersonOrName = label("批示领导", "人员编号或姓名")
    on: Day | None = label("批示日期", default=None)
    text: str | None = label("批示内容", default=None)


class Outcome(StrictModel):
    model_config = ConfigDict(title="成果转化")

    kind: OutcomeKind | None = label("成果类型", "理论成果/制度成果/实践成果", default=None)
    form: OutcomeFormWord | None = label("转化形式", "内置形式，或 vocabulary.outcome_forms 中声明的本活动用语", default=None)
    title: str | None = label("名称", default=None)
    on: Day | None = label("日期", default=None)
    ref: str | None = label("文号或出处", default=None)


class Topic(Record):
    model_config = ConfigDict(title="调研课题")
    noun_zh = "课题"

    title: str = label("课题名称")
    theme: ThemeRef | None = label("调研主题", "campaign.yaml 中 themes 的编号", default=None)
    leader: PersonRef | None = label("领题领导", default=None)
    lead_unit: UnitRef | None = label("牵头单位", default=None)
    units: UnitRefs = label("参与单位", default_factory=list)
    team: PersonOrNames = label("专班成员", default_factory=list)
    kind: TopicKind | None = label("课题类型", "重大课题/专项调研/日常调研", default=None)
    case: Case | None = label("案例类型", "正面案例/反面案例", default=None)
    questions: Texts = label("关键问题", "本课题要解决的 2—3 个关键问题", default_factory=list)
    methods: MethodWords = label("调研方式", "内置方式，或 vocabulary.methods 中声明的本活动用语", default_factory=list)
    sites: Texts = label("调研点", default_factory=list)
    outline: Outline | None = label("调研提纲", default=None)
    plan: list[PlanStep] = label("工作计划", default_factory=list)
    report: Annotated[list[PathText], one_or_many] = label(
        "调研报告", "报告文件路径（相对仓库根目录，如 reports/T-001.md）；一个课题有几份报告时写成列表", default_factory=list)
    evaluation: Evaluation | None = label("评审", default=None)
    approvals: list[Approval] = label("领导批示", default_factory=list)
    outcomes: list[Outcome] = label("成果转化", default_factory=list)
    classification: str | None = _CLASSIFICATION
    extra: Extra = _EXTRA


class FiveOnes(StrictModel):
    model_config = ConfigDict(title="五个一")

    party_lecture: Day | Literal[False] | None = label("上一次党课", default=None)
    symposium: Day | Literal[False] | None = label("召开一次座谈会", default=None)
    visit: Day | Literal[False] | None = label("开展一次走访调研", default=None)
    good_deed: Day | Literal[False] | None = label("办理一件以上实事好事", default=None)
    diary: Day | Literal[False] | None = label("记好一组民情日记", default=None)


class Visit(Record):
    model_config = ConfigDict(title="调研活动")

    date: Day | None = label("日期", "一天的调研写 date；多天的写 start 和 end", default=None)
    start: Day | None = label("开始日期", default=None)
    end: Day | None = label("结束日期", "缺省与开始日期相同", default=None)
    leaders: PersonRefs = label("带队领导", "至少一人", min_length=1)
    participants: PersonOrNames = label("参加人员", default_factory=list)
    topics: TopicRefs = label("所属课题", "日常调研可以不写", default_factory=list)
    activity: ActivityRef | None = label("活动类型", "campaign.yaml 中 activities 的编号", default=None)
    hosts: UnitOrTexts = label("调研对象", "单位编号，或不在 units.yaml 中的企业、农户等的名称", default_factory=list)
    location: str | None = label("地点", default=None)
    filed: bool | None = label("已备案", "计划外调研是否已备案（true/false）", default=None)
    methods: MethodWords = label("调研方式", "内置方式，或 vocabulary.methods 中声明的本活动用语", default_factory=list)
    meeting: MeetingWord | None = label("会议形式", "以会议形式开展的调研：座谈会、研讨会等，或 vocabulary.meeting_kinds 中声明的本活动用语", default=None)
    accompanying: int | None = label("陪同人数", default=None, ge=0)
    summary: Lines | None = label("调研情况", default=None)
    findings: Lines | None = label("发现问题", default=None)
    problems: ProblemRefs = label("提出的问题", "问题清单中的编号", default_factory=list)
    five_ones: FiveOnes | None = label("五个一", "沉底问政“五个一”：每项写完成日期或 false", default=None)
    classification: str | None = _CLASSIFICATION
    extra: Extra = _EXTRA

    @model_validator(mode="after")
    def _one_start(self) -> Visit:
        if self.date is None and self.start is None:
            raise user_error("missing_date", "调研活动缺少日期：写 date，或写 start 和 end",
                             "a visit needs a date: write date, or start and end")
        if self.date is not None and self.start is not None:
            raise user_error("date_and_start", "date 和 start 只写一个：一天写 date，多天写 start/end",
                             "write either date or start, not both")
        return self

    @property
    def first_day(self) -> dt.date:
        when = self.date or self.start
        assert when is not None  # guaranteed by _one_start
        return when.first

    @property
    def last_day(self) -> dt.date:
        if self.end is not None:
            return self.end.last
        when = self.date or self.start
        assert when is not None  # guaranteed by _one_start
        return when.last


class Progress(StrictModel):
    model_config = ConfigDict(title="整改进展")

    on: Day = label("日期")
    text: str = label("进展情况")


class Problem(Record):
    model_config = ConfigDict(title="问题清单")

    title: str = label("问题")
    description: Lines | None = label("问题描述", default=None)
    found_on: Day | None = label("发现时间", default=None)
    source: SourceWord | None = label("问题来源", "内置来源，或 vocabulary.sources 中声明的本活动用语", default=None)
    topic: TopicRef | None = label("所属课题", default=None)
    visits: VisitRefs = label("相关调研", default_factory=list)
    reported_by: PersonOrName | None = label("提出人", default=None)
    category: str | None = label("问题类别", default=None)
    scope: Scope | None = label("问题性质", "个性问题/共性问题/普遍性制度性问题", default=None)
    handling: Handling | None = label("整改方式", "立行立改/限期整改/提请统筹/长期坚持", default=None)
    owner_unit: UnitRef | None = label("责任单位", default=None)
    owner: PersonOrName | None = label("责任人", "人员编号或姓名", default=None)
    lead_leader: PersonRef | None = label("牵头领导", default=None)
    co_units: UnitRefs = label("配合单位", default_factory=list)
    measures: Lines | None = label("整改措施", default=None)
    done_criteria: Lines | None = label("完成标准", default=None)
    due: DueDay | None = label("整改时限", default=None)
    progress: list[Progress] = label("整改进展", default_factory=list)
    closed_on: Day | None = label("销号时间", default=None)
    closed_by: PersonOrName | None = label("验收人", default=None)
    evidence: Lines | None = label("销号依据", "整改完成的佐证材料", default=None)
    note: Lines | None = label("备注", "销号时没有佐证材料的，写明情况", default=None)
    unresolved_reason: Lines | None = label("未整改到位原因及下一步计划", default=None)
    classification: str | None = _CLASSIFICATION
    extra: Extra = _EXTRA


class Solution(Record):
    model_config = ConfigDict(title="问题解决清单")
    noun_zh = "解决事项"

    title: str = label("解决事项")
    problems: ProblemRefs = label("对应问题", "问题清单中的编号，至少一个", min_length=1)
    measures: Lines | None = label("解决措施", default=None)
    owner_unit: UnitRef | None = label("责任单位", default=None)
    owner: PersonOrName | None = label("责任人", default=None)
    due: DueDay | None = label("完成时限", default=None)
    done_on: Day | None = label("完成时间", default=None)
    status: str | None = label("进展情况", default=None)
    note: Lines | None = label("备注", default=None)
    evidence: Lines | None = label("佐证材料", default=None)
    classification: str | None = _CLASSIFICATION
    extra: Extra = _EXTRA


class Institution(Record):
    model_config = ConfigDict(title="制度清单")

    title: str = label("制度名称")
    kind: InstitutionKind = label("类型", "新建/修订/废止")
    problems: ProblemRefs = label("对应问题", default_factory=list)
    drafting_unit: UnitRef | None = label("起草单位", default=None)
    due: DueDay | None = label("计划出台时间", default=None)
    issued_on: Day | None = label("出台时间", default=None)
    doc_number: str | None = label("文号", "如 青办发〔2023〕12号（文字，不是数字）", default=None)
    status: InstitutionStatus | None = label("状态", "起草中/审议中/已出台", default=None)
    classification: str | None = _CLASSIFICATION
    extra: Extra = _EXTRA


class ReportMeta(StrictModel):
    """The YAML front matter of a report in reports/."""

    model_config = ConfigDict(title="调研报告头信息")

    topic: TopicRef = label("所属课题")
    title: str = label("报告标题")
    authors: PersonRefs = label("执笔人", default_factory=list)
    unit: UnitRef | None = label("单位", default=None)
    date: Day | None = label("日期", default=None)
    abstract: Lines | None = label("摘要", default=None)
    classification: str | None = _CLASSIFICATION
    extra: Extra = Field(default=None, title="扩展字段", description="本单位自定义的字段")
