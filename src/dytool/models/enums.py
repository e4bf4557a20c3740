"""Every fixed set of values, with the Chinese label that output and documents show."""

from __future__ import annotations

from dytool.models.base import LabeledEnum

__all__ = [
    "Case", "Grade", "Handling", "IdStyle", "InstitutionKind", "InstitutionStatus", "Level",
    "MeetingKind", "Method", "OrderBy", "OutcomeForm", "OutcomeKind", "Per", "ProblemSource", "Requirement",
    "RuleLevel", "Scope", "TopicKind", "TopicStage", "UnitType",
]


class Level(LabeledEnum):
    province = "province", "省级"
    city = "city", "市级"
    county = "county", "县级"
    district = "district", "区级"
    department = "department", "部门"
    other = "other", "其他"


class UnitType(LabeledEnum):
    department = "department", "部门"
    county = "county", "县(市)"
    district = "district", "区"
    township = "township", "乡镇(街道)"
    village = "village", "村(社区)"
    enterprise = "enterprise", "企业"
    community = "community", "社区"
    external = "external", "外地单位"
    other = "other", "其他"


class TopicKind(LabeledEnum):
    major = "major", "重大课题"
    special = "special", "专项调研"
    routine = "routine", "日常调研"


class Case(LabeledEnum):
    positive = "positive", "正面案例"
    negative = "negative", "反面案例"


class Grade(LabeledEnum):
    excellent = "excellent", "优秀"
    good = "good", "良好"
    pass_ = "pass", "合格"


class OutcomeKind(LabeledEnum):
    theory = "theory", "理论成果"
    institution = "institution", "制度成果"
    practice = "practice", "实践成果"


class OutcomeForm(LabeledEnum):
    document = "document", "专门文件"
    meeting = "meeting", "专门会议"
    instruction = "instruction", "领导批示"
    regulation = "regulation", "规范性文件"
    adopted = "adopted", "被会议文件吸收"
    published = "published", "刊发"
    internal_reference = "internal_reference", "内参采用"
    award = "award", "获奖"


class Method(LabeledEnum):
    symposium = "symposium", "座谈会"
    field_visit = "field_visit", "实地走访"
    questionnaire = "questionnaire", "问卷调查"
    squat = "squat", "蹲点"
    interview = "interview", "一对一访谈"
    expert_consultation = "expert_consultation", "专家咨询"
    out_of_town = "out_of_town", "外地考察"
    random = "random", "随机调研"
    unannounced = "unannounced", "四不两直"
    data_analysis = "data_analysis", "数据分析"
    other = "other", "其他"


class MeetingKind(LabeledEnum):
    """What kind of meeting a visit held as a meeting was (a visit's ``meeting``)."""

    symposium = "symposium", "座谈会"
    seminar = "seminar", "研讨会"
    consultation = "consultation", "咨询会"
    briefing = "briefing", "汇报会"
    work = "work", "工作会议"
    other = "other", "其他"


class ProblemSource(LabeledEnum):
    research = "research", "调研发现"
    public = "public", "群众反映"
    development = "development", "推动发展遇到"
    inspection = "inspection", "巡视巡察"
    audit = "audit", "审计"
    other = "other", "其他"


class Scope(LabeledEnum):
    individual = "individual", "个性问题"
    general = "general", "共性问题"
    systemic = "systemic", "普遍性制度性问题"


class Handling(LabeledEnum):
    immediate = "immediate", "立行立改"
    planned = "planned", "限期整改"
    escalated = "escalated", "提请统筹"
    long_term = "long_term", "长期坚持"


class InstitutionKind(LabeledEnum):
    new = "new", "新建"
    revised = "revised", "修订"
    abolished = "abolished", "废止"


class InstitutionStatus(LabeledEnum):
    drafting = "drafting", "起草中"
    reviewing = "reviewing", "审议中"
    issued = "issued", "已出台"


class IdStyle(LabeledEnum):
    random = "random", "随机编号"
    serial = "serial", "顺序编号"


class Requirement(LabeledEnum):
    topic_outline = "topic_outline", "课题提纲"
    topic_report = "topic_report", "调研报告"
    leader_topics = "leader_topics", "领导领题"
    problem_lists = "problem_lists", "问题清单"


class RuleLevel(LabeledEnum):
    error = "error", "错误"
    warning = "warning", "警告"


class OrderBy(LabeledEnum):
    leader_rank = "leader_rank", "按领导排序"
    theme = "theme", "按主题"
    topic_id = "topic_id", "按课题编号"


class TopicStage(LabeledEnum):
    """A topic's steps, in order; its stage is derived from the records, never typed in."""

    proposed = "proposed", "选题"
    claimed = "claimed", "领题"
    planned = "planned", "立题"
    researching = "researching", "调研"
    reported = "reported", "结题"
    evaluated = "evaluated", "评审"
    converted = "converted", "转化"


class Per(LabeledEnum):
    """The period a per-person count is judged over (``visits_per_period``)."""

    month = "month", "每月"
    quarter = "quarter", "每季度"
    year = "year", "每年"
