"""The published summary of one campaign (``dytool publish``): schema version 1.

What a member office's CI publishes and the office above combines.  It carries the figures of
the briefing (:func:`dytool.status.compute_status`), never the records: per unit and per
leader rows, the overdue items by id and title, and a block per month for the bulletin.  The
JSON Schema in ``schemas/publish.schema.json`` is generated from these models; reading
validates with them (strict, closed, every text and list capped), so nothing in a member's
file is trusted beyond this shape.

A change of shape is a new :data:`SCHEMA_VERSION`; a reader refuses any other version with a
finding rather than guessing.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from dytool.models.base import label

__all__ = [
    "CAPS",
    "SCHEMA_VERSION",
    "Campaign",
    "LeaderBelow",
    "LeaderFigures",
    "LevelValue",
    "ListFigures",
    "MilestoneFigures",
    "MonthFigures",
    "OverdueFigures",
    "ProblemFigures",
    "PublishedSummary",
    "RecurringFigures",
    "SourceState",
    "StageFigures",
    "StageValue",
    "StatusValue",
    "TopicBehindFigures",
    "TopicFigures",
    "UnitFigures",
    "UnitTypeValue",
    "schema",
]

SCHEMA_VERSION: Final = 1

CAPS = {
    "text": 300, "name": 100, "stages": 50, "milestones": 500, "recurring": 500, "periods": 120, "behind": 2000,
    "leaders": 2000, "units": 2000, "overdue": 5000, "months": 120, "month_leaders": 500, "month_overdue": 10,
    "missed": 200, "bytes": 16 << 20,
}
"""Limits of a published summary: the publisher cuts to them, the reader refuses beyond them."""

Text = Annotated[str, Field(max_length=CAPS["text"])]
Name = Annotated[str, Field(max_length=CAPS["name"])]
Ident = Annotated[str, Field(pattern=r"^[\w.\-]{1,64}$")]
Count = Annotated[int, Field(ge=0, le=1_000_000_000)]
Rate = Annotated[float, Field(ge=0, le=1)]
Month = Annotated[str, Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]
StatusValue = Literal["done", "done_late", "overdue", "due_soon", "pending", "ongoing"]
LevelValue = Literal["province", "city", "county", "district", "department", "other"]
UnitTypeValue = Literal["department", "county", "district", "township", "village", "enterprise", "community", "other"]
StageValue = Literal["proposed", "claimed", "planned", "researching", "reported", "evaluated", "converted"]


class _Model(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Campaign(_Model):
    model_config = ConfigDict(title="活动")

    id: Ident = label("活动编号")
    title: Text = label("活动名称")
    level: LevelValue | None = label("层级", default=None)
    issuer: Text | None = label("发文单位", default=None)
    lead_office: Text | None = label("领导小组办公室", default=None)
    period_start: dt.date = label("活动开始日期")
    period_end: dt.date = label("活动结束日期")


class SourceState(_Model):
    model_config = ConfigDict(title="数据来源")

    digest: str = label("仓库内容摘要", "读取的每个文件的路径和内容的 SHA-256 摘要", pattern=r"^sha256:[0-9a-f]{64}$")
    commit: str | None = label("git 提交", "发布时仓库所在的提交（不在 git 中时为空）", default=None, pattern=r"^[0-9a-f]{40}([0-9a-f]{24})?$")
    files: Count = label("文件数")
    records: Count = label("记录数")
    errors: Count = label("错误数", "读取和校验记录时发现的错误（有错误的记录不计入）")


class StageFigures(_Model):
    model_config = ConfigDict(title="当前阶段")

    id: Ident = label("编号")
    title: Text = label("阶段")
    start: dt.date = label("开始日期")
    end: dt.date = label("结束日期")


class MilestoneFigures(_Model):
    model_config = ConfigDict(title="时间节点")

    id: Ident = label("编号")
    title: Text = label("时间节点")
    due: dt.date | None = label("截止日期", "常态化要求没有截止日期", default=None)
    status: StatusValue = label("状态")
    done_on: dt.date | None = label("完成日期", default=None)
    days_overdue: Count = label("逾期天数", default=0)
    done: Count | None = label("已完成项数", default=None)
    total: Count | None = label("应完成项数", default=None)


class RecurringFigures(_Model):
    model_config = ConfigDict(title="常态化要求")

    id: Ident = label("编号")
    title: Text = label("要求")
    rule: Text = label("周期")
    current: StatusValue | None = label("本期状态", default=None)
    met: Count = label("已报送期数")
    due_so_far: Count = label("应报送期数")
    missed: list[Annotated[str, Field(max_length=40)]] = label("未报送的期次", max_length=CAPS["periods"], default_factory=list)


class TopicBehindFigures(_Model):
    model_config = ConfigDict(title="滞后课题")

    id: Ident = label("编号")
    title: Text = label("课题")
    leader: Name | None = label("领题领导", default=None)
    stage: StageValue = label("当前阶段")
    expected: StageValue = label("应达阶段")


class TopicFigures(_Model):
    model_config = ConfigDict(title="课题进展")

    total: Count = label("课题数")
    by_stage: dict[StageValue, Count] = label("各阶段课题数")
    behind: list[TopicBehindFigures] = label("滞后课题", max_length=CAPS["behind"], default_factory=list)
    behind_total: Count = label("滞后课题总数", default=0)


class LeaderFigures(_Model):
    model_config = ConfigDict(title="领导调研")

    id: Ident = label("编号")
    name: Name = label("姓名")
    title: Text | None = label("职务", default=None)
    rank: int | None = label("排序", default=None)
    topics: Count = label("领题数")
    visit_days: Count = label("本月调研天数")
    required_days: Count | None = label("要求天数", default=None)
    meets: bool | None = label("是否达到要求", default=None)
    last_visit: dt.date | None = label("最近一次调研", default=None)


class ProblemFigures(_Model):
    model_config = ConfigDict(title="问题清单数字")

    found: Count = label("问题总数")
    closed: Count = label("已销号")
    closed_on_time: Count = label("按时销号")
    closed_late: Count = label("逾期销号")
    open: Count = label("未销号")
    overdue: Count = label("逾期未销号")
    escalated: Count = label("提请统筹", default=0)
    long_term: Count = label("长期坚持", default=0)
    closure_rate: Rate | None = label("销号率", "已销号 ÷ 问题总数", default=None)
    on_time_rate: Rate | None = label("按时销号率", "按时销号 ÷（已销号 + 逾期未销号）", default=None)


class ListFigures(_Model):
    model_config = ConfigDict(title="三张清单")

    problems: ProblemFigures = label("问题清单")
    solutions_done: Count = label("问题解决清单已完成")
    solutions_total: Count = label("问题解决清单总数")
    solutions_overdue: Count = label("问题解决清单逾期")
    institutions_issued: Count = label("制度已出台")
    institutions_reviewing: Count = label("制度审议中")
    institutions_drafting: Count = label("制度起草中")


class UnitFigures(_Model):
    model_config = ConfigDict(title="责任单位")

    id: Ident | None = label("单位编号", "未明确责任单位时为空", default=None)
    name: Name = label("单位")
    type: UnitTypeValue | None = label("单位类型", default=None)
    problems: ProblemFigures = label("问题清单")


class OverdueFigures(_Model):
    model_config = ConfigDict(title="逾期问题")

    id: Ident = label("编号")
    title: Text = label("问题", "标有密级的问题不公开标题")
    owner_unit: Name | None = label("责任单位", default=None)
    due: dt.date = label("整改时限")
    days_overdue: Count = label("逾期天数")


class LeaderBelow(_Model):
    model_config = ConfigDict(title="调研天数未达要求的领导")

    name: Name = label("姓名")
    title: Text | None = label("职务", default=None)
    days: Count = label("当月调研天数")
    required: Count = label("要求天数")


class MonthFigures(_Model):
    model_config = ConfigDict(title="月度数字")

    month: Month = label("月份")
    judged_on: dt.date = label("统计日期", "月末，或当月未结束时的发布日期")
    visits: Count = label("当月调研次数")
    new_problems: Count = label("当月新发现问题")
    closed_problems: Count = label("当月销号问题")
    problems: ProblemFigures = label("截至统计日期的问题清单")
    leaders_below: list[LeaderBelow] = label("调研天数未达要求的领导", max_length=CAPS["month_leaders"], default_factory=list)
    overdue_top: list[OverdueFigures] = label("逾期最久的问题", max_length=CAPS["month_overdue"], default_factory=list)
    missed_milestones: list[Text] = label("逾期未完成的时间节点", max_length=CAPS["missed"], default_factory=list)
    missed_submissions: list[Text] = label("未按要求报送的常态化事项", max_length=CAPS["missed"], default_factory=list)


class PublishedSummary(_Model):
    model_config = ConfigDict(title="dytool 汇总数据（dytool publish）")

    schema_version: Literal[1] = label("格式版本", "本格式为 1；其他版本由读取方拒绝")
    generator: Annotated[str, Field(max_length=60)] = label("生成程序", "如 dytool 0.1.0")
    campaign: Campaign = label("活动")
    as_of: dt.date = label("统计日期")
    source: SourceState = label("数据来源")
    stages: list[StageFigures] = label("当前阶段", max_length=CAPS["stages"], default_factory=list)
    milestones: list[MilestoneFigures] = label("时间节点", max_length=CAPS["milestones"], default_factory=list)
    recurring: list[RecurringFigures] = label("常态化要求", max_length=CAPS["recurring"], default_factory=list)
    topics: TopicFigures = label("课题进展")
    leaders: list[LeaderFigures] = label("领导调研", max_length=CAPS["leaders"], default_factory=list)
    lists: ListFigures = label("三张清单")
    units: list[UnitFigures] = label("各责任单位", max_length=CAPS["units"], default_factory=list)
    overdue: list[OverdueFigures] = label("逾期问题", "按逾期天数从多到少", max_length=CAPS["overdue"], default_factory=list)
    overdue_total: Count = label("逾期问题总数", "overdue 列表超过上限时被截断，此数为全部", default=0)
    burden: Count = label("接待调研过于集中的单位数", default=0)
    months: list[MonthFigures] = label("各月数字", "活动开始至统计日期的每个月", max_length=CAPS["months"], default_factory=list)


def schema() -> dict[str, object]:
    """The JSON Schema document of the published summary."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **PublishedSummary.model_json_schema(mode="validation")}
