"""The words of the meeting briefing (``dytool status``), one entry per phrase, by section.

The text, Markdown and Word briefings are all worded from here (through
:mod:`dytool.present.briefing`), so they say the same thing in the same words.
"""

from __future__ import annotations

from dytool.core.messages import Text

# ---------------------------------------------------------------- head
AS_OF = Text("统计日期：{day}", "As of {day}")
FILTERED = Text("筛选：{filters}", "Filtered: {filters}")
MORE = Text("……另有 {n} 项（{hint}）", "… and {n} more ({hint})")
MORE_PLAIN = Text("……另有 {n} 项", "… and {n} more")
HINT_ALL = Text("用 --format md 查看全部", "use --format md for all")
HINT_LEADER = Text("用 --leader 筛选", "filter with --leader")
HINT_UNIT = Text("用 --unit 筛选", "filter with --unit")
ERRORS = Text("仓库有 {n} 个错误，简报可能不完整；运行 dytool check 查看", "the repository has {n} error(s); the briefing may be incomplete (run 'dytool check')")
NO_CAMPAIGN = Text("campaign.yaml 有错误，无法生成简报；先运行 dytool check 查看并改正",
                   "campaign.yaml has errors, so there is no briefing; run 'dytool check' and fix them")
DOCUMENT_TITLE = Text("{campaign}会前简报", "{campaign}: meeting briefing")
FILE_STEM = Text("会前简报-{day}", "briefing-{day}")

# ---------------------------------------------------------------- section titles
SECTION_TITLES = {
    "campaign": Text("活动与日期", "Campaign"),
    "milestones": Text("时间节点", "Milestones"),
    "recurring": Text("常态化要求", "Recurring obligations"),
    "topics": Text("课题进展", "Topics"),
    "leaders": Text("领导调研", "Leaders"),
    "lists": Text("三张清单", "The three lists"),
    "burden": Text("基层负担", "Burden on hosts"),
    "changes": Text("会后变化", "Since the last meeting"),
}

# ---------------------------------------------------------------- 1. campaign and date
STAGE = Text("当前阶段：{title}（{start}至{end}），第 {day}/{days} 天（{percent:.0f}%），剩余 {left} 天",
             "Current stage: {title} ({start} to {end}), day {day} of {days} ({percent:.0f}%), {left} days left")
NEXT_STAGE = Text("下一阶段：{title}，{start}开始（{n} 天后）", "Next stage: {title} starts {start} (in {n} days)")
NO_STAGE = Text("当前不在任何阶段内", "No current stage")
PERIOD = Text("活动期间：{start}至{end}，第 {day}/{days} 天（{percent:.0f}%），剩余 {left} 天",
              "Campaign period: {start} to {end}, day {day} of {days} ({percent:.0f}%), {left} days left")

# ---------------------------------------------------------------- 2. milestones
MILESTONE_COLUMNS = (Text("时间节点", "Milestone"), Text("截止时间", "Due"), Text("状态", "Status"), Text("进度", "Progress"),
                     Text("说明", "Note"))
DUE_AS_WRITTEN = Text("{day}（{text}）", "{day} ({text})")
OVERDUE_DAYS = Text("逾期 {n} 天", "overdue {n} d")
DAYS_LEFT = Text("剩余 {n} 天", "{n} d left")
WORKDAYS_LEFT = Text("剩余 {n} 天（工作日 {work} 天）", "{n} d left ({work} working)")
DONE_ON = Text("{day}完成", "done {day}")
MISSING = Text("未完成：{names}", "missing: {names}")
NON_WORKING_DUE = Text("截止日为非工作日", "due on a non-working day")
NOTE_SEPARATOR = Text("；", "; ")

# ---------------------------------------------------------------- 3. recurring obligations
RECURRING = Text("{title}（{rule}）", "{title} ({rule})")
RECURRING_CURRENT = Text("：本期 {period}，{due}截止，{status}", ": current {period}, due {due}, {status}")
RECURRING_MET = Text("；已报送 {met}/{due} 期", "; handed in {met}/{due}")
RECURRING_MET_MEMBERS = Text("；已报送 {met}/{due}", "; handed in {met}/{due}")
NOT_YET_HANDED_IN = Text("本期尚未报送：{names}", "not yet handed in for {period}: {names}")
MISSED = Text("未报送：{items}", "missed: {items}")
LATE = Text("逾期报送：{items}", "late: {items}")
OCCURRENCE_LATE = Text("{occurrence}（{day}）", "{occurrence} ({day})")

# ---------------------------------------------------------------- 4. topics
TOPIC_COUNT = Text("课题 {n} 个：{stages}", "{n} topics: {stages}")
TOPIC_STAGE_COUNT = Text("{stage} {n}", "{stage} {n}")
TOPICS_BEHIND = Text("进度滞后于时间节点：", "Behind the milestones:")
TOPIC_BEHIND = Text("{id} {title}（{leader}）：现为“{stage}”，应达“{expected}”", "{id} {title} ({leader}): now {stage}, expected {expected}")
TOPIC_BEHIND_OUTLINE = Text("{id} {title}（{leader}）：现为“{stage}”，尚未提交调研提纲", "{id} {title} ({leader}): now {stage}, no outline handed in")
TOPIC_BEHIND_REPORT = Text("{id} {title}（{leader}）：现为“{stage}”，尚无调研报告", "{id} {title} ({leader}): now {stage}, no report yet")

# ---------------------------------------------------------------- 5. leaders
LEADER_COLUMNS = (Text("领导", "Leader"), Text("职务", "Title"), Text("领题", "Topics"), Text("{month}调研天数", "Visit days in {month}"),
                  Text("最近一次调研", "Last visit"))
MONTH = Text("{month}月", "{year}-{month:02d}")

# ---------------------------------------------------------------- 6. the three lists
PROBLEM_COUNTS = Text(
    "问题清单：发现 {found} 个，已销号 {closed} 个（按时 {on_time} 个），未销号 {open} 个，其中逾期 {overdue} 个、提请统筹 {escalated} 个、"
    "长期坚持 {long_term} 个；销号率 {rate}，按时销号率 {on_time_rate}",
    "Problems: {found} found, {closed} closed ({on_time} on time), {open} open, {overdue} overdue, {escalated} escalated, "
    "{long_term} long-term; closure rate {rate}, on-time rate {on_time_rate}",
)
SOLUTION_COUNTS = Text("问题解决清单：完成 {done}/{total} 项，逾期 {overdue} 项", "Solutions: {done}/{total} done, {overdue} overdue")
INSTITUTION_COUNTS = Text("制度清单：已出台 {issued} 项，审议中 {reviewing} 项，起草中 {drafting} 项，逾期 {overdue} 项",
                          "Institutions: {issued} issued, {reviewing} under review, {drafting} drafting, {overdue} overdue")
OVERDUE_COLUMNS = (Text("逾期事项", "Overdue"), Text("名称", "Item"), Text("责任单位", "Owner unit"), Text("时限", "Due"),
                   Text("逾期天数", "Days overdue"))
STALE = Text("久未更新（{n} 项）：{items}", "Not updated lately ({n}): {items}")
STALE_ITEM = Text("{id}（{days}天）", "{id} ({days} d)")

# ---------------------------------------------------------------- 7. burden
BURDEN = Text("{host}：{start}至{end}接待调研 {n} 批次（上限 {limit}）：{visits}",
              "{host}: {n} visits between {start} and {end} (limit {limit}): {visits}")

# ---------------------------------------------------------------- 8. since the last meeting
SINCE = Text("自 {since} 以来", "Since {since}")
