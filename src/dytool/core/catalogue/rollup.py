"""The words of the roll-up's briefing (``dytool rollup status``) and of its changes."""

from __future__ import annotations

from dytool.core.messages import Text

HEAD = Text("统计日期：{day}　纳入汇总 {n}/{m} 个成员", "As of {day} · {n} of {m} members combined")
NO_MEMBERS = Text("rollup.yaml 中还没有成员：按文件中的注释添加", "rollup.yaml lists no members yet: add them as its comments show")
DOCUMENT_STEM = Text("汇总简报-{day}", "rollup-briefing-{day}")
ERRORS = Text("汇总有 {n} 个错误，{failed} 个成员的数据未能汇总（见“数据报送情况”）",
              "the roll-up has {n} error(s); {failed} member(s) could not be combined (see \"Members' data\")")

FINDINGS = Text("数据报送情况", "Members' data")
FINDING_COLUMNS = (Text("位置", "Where"), Text("代码", "Code"), Text("情况", "Finding"))
CODE_SEVERITY = Text("{code} {severity}", "{code} {severity}")

RANKING = Text("销号率排名", "Ranking by closure rate")
RANKING_COLUMNS = (
    Text("排名", "Rank"), Text("成员", "Member"), Text("类型", "Kind"), Text("数据截至", "As of"), Text("问题总数", "Problems"),
    Text("已销号", "Closed"), Text("按时销号", "On time"), Text("未销号", "Open"), Text("逾期未销号", "Overdue"),
    Text("销号率", "Closure rate"), Text("按时销号率", "On-time rate"), Text("按时销号率排名", "On-time rank"),
)
STALE = Text("{name}（数据过期）", "{name} (stale)")
TOTAL = Text("合计", "Total")

MEMBERS = Text("成员概况", "Members")
MEMBER_COLUMNS = (
    Text("成员", "Member"), Text("活动", "Campaign"), Text("课题", "Topics"), Text("滞后课题", "Behind"),
    Text("问题解决清单完成", "Solutions done"), Text("制度已出台", "Institutions issued"), Text("数据版本", "Data version"),
)

OVERDUE = Text("逾期未销号问题", "Overdue problems")
OVERDUE_OF = Text("{name}（{n} 个）", "{name} ({n})")
OVERDUE_COLUMNS = (Text("问题", "Problem"), Text("责任单位", "Owner unit"), Text("整改时限", "Due"), Text("逾期天数", "Days overdue"))
MORE = Text("……另有 {n} 项（见该成员的简报）", "… and {n} more (see the member's own briefing)")

TOPICS = Text("进度滞后的课题", "Topics behind the milestones")
TOPICS_OF = Text("（{n} 个）：{items}{more}", " ({n}): {items}{more}")
TOPIC = Text("{id} {title}（{leader}）：现为“{stage}”，应达“{expected}”", "{id} {title} ({leader}): {stage}, expected {expected}")
MORE_AFTER = Text("；{more}", "; {more}")

LEADERS = Text("调研天数未达要求的领导", "Leaders below the visit rule")
LEADERS_OF = Text("（{month}）：{people}", " ({month}): {people}")
LEADER = Text("{name}（{title}）{days}/{required} 天", "{name} ({title}) {days}/{required} d")
MONTH = Text("{month}月", "{year}-{month:02d}")

BEHIND = Text("时间节点和常态化报送", "Milestones and submissions")
BEHIND_OF = Text("：{parts}", ": {parts}")
MILESTONES_OVERDUE = Text("逾期未完成：{items}", "overdue: {items}")
SUBMISSIONS_MISSED = Text("未按要求报送：{items}", "missed: {items}")

# ---------------------------------------------------------------- since an earlier roll-up
SINCE = Text("自{day}以来", "Since {day}")
CHANGE = Text("{name}：新发现 {found}，新销号 {closed}，逾期 {overdue}；销号率 {before} → {after}{rank}；新逾期 {newly} 个，不再逾期 {cleared} 个",
              "{name}: found {found}, closed {closed}, overdue {overdue}; closure rate {before} → {after}{rank}; {newly} newly overdue, "
              "{cleared} no longer overdue")
RANK_CHANGE = Text("，排名 {before} → {after}", ", rank {before} → {after}")
JOINED = Text("新纳入汇总", "joined")
NOT_COMBINED_NOW = Text("本次未能汇总", "not combined now")
COMBINED_AGAIN = Text("恢复汇总", "combined again")
MEMBERS_LINE = Text("{label}：{names}", "{label}: {names}")
