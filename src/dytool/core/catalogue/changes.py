"""The words of ``dytool diff`` and of the briefing's "since the last meeting" section."""

from __future__ import annotations

from dytool.core.messages import Text

HEADINGS = {
    "new_problems": Text("新发现问题", "new problems"),
    "closed_problems": Text("已销号问题", "problems closed"),
    "reopened_problems": Text("重新打开的问题", "problems reopened"),
    "new_visits": Text("新增调研活动", "new visits"),
    "topic_stages": Text("课题阶段变化", "topics that moved stage"),
    "milestones_met": Text("完成的时间节点", "milestones met"),
    "solutions_done": Text("完成的解决事项", "solutions done"),
    "institutions_issued": Text("出台的制度", "institutions issued"),
    "added": Text("其他新增记录", "other records added"),
    "edited": Text("修改的记录", "records edited"),
    "removed": Text("删除的记录", "records removed"),
}
HEADING = Text("{title}（{n}）", "{title} ({n})")
CHANGED_FIELDS = Text("改了 {fields}", "changed {fields}")
WORKING_TREE = Text("工作区", "the working tree")
NO_CHANGES = Text("没有变化", "no changes")
NO_CAMPAIGN_AT = Text("版本 {ref} 中没有 campaign.yaml", "revision {ref} has no campaign.yaml")
