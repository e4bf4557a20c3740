"""What the changes to a repository refuse and why (close, new, import, import-report, init,
the record writer).  What the commands report when they succeed is in
:mod:`dytool.core.catalogue.commands`."""

from __future__ import annotations

from dytool.core.messages import Text

# ---------------------------------------------------------------- close
NOT_ONE_DAY = Text("“{text}”不是某一天；请写成 2023-09-15 或 9月15日", "{text!r} is not a single day; write e.g. 2023-09-15")
NO_SUCH_ID = Text("找不到编号“{id}”", "no record with id {id!r}")
NO_SUCH_ID_HINT = Text("检查编号拼写（区分大小写）", "check the spelling (ids are case-sensitive)")
ID_TWICE = Text("编号“{id}”有 {n} 条记录（{kinds}）；用 --kind 指明，或先改正重复编号",
                "{n} records have the id {id!r} ({kinds}); say which with --kind, or fix the duplicate")
NOT_CLOSABLE = Text("“{id}”是{kind}，没有销号或完成的说法", "{id!r} is a {kind}; it cannot be closed")
ALREADY_CLOSED = Text("问题 {id} 已于 {day} 销号，不能重复销号", "problem {id} was already closed on {day}")
NO_OWNER_UNIT = Text("问题 {id} 没有责任单位，销号前用 --owner-unit 指定", "problem {id} has no owner unit; give it with --owner-unit")
NO_EVIDENCE = Text("问题 {id} 销号需要佐证材料（--evidence）或情况说明（--note）", "closing problem {id} needs evidence (--evidence) or a note (--note)")
ALREADY_DONE = Text("{kind} {id} 已于 {day} 完成", "{kind} {id} was already done on {day}")
ALREADY_ISSUED = Text("制度 {id} 已出台", "institution {id} was already issued")
ALREADY_ISSUED_ON = Text("制度 {id} 已于 {day} 出台", "institution {id} was already issued on {day}")
INSTITUTION_NO_NOTE = Text("制度清单没有 note/evidence 字段；用 --doc-number 写文号", "institutions have no note or evidence; give --doc-number")
NO_DOC_NUMBER = Text("制度 {id} 出台需要文号：用 --doc-number 给出，如 青办发〔2023〕16号", "issuing institution {id} needs its document number: give --doc-number")
SUBMISSION_NO_NOTE = Text("报送记录只有日期和期次，不能写 --note/--evidence", "a submission has only a day and a period; drop --note/--evidence")
RULE_NOT_UNDERSTOOD = Text("常态化要求 {id} 的周期无法识别：{why}", "the rule of {id} is not understood: {why}")
NO_OCCURRENCE = Text("{id} 没有“{period}”这一期", "{id} has no occurrence {period!r}")
DAY_IN_NO_OCCURRENCE = Text("{day} 不在 {id} 任何一期的报送时段内；用 --period 指明是哪一期（如 2023-07）",
                            "{day} falls in no occurrence of {id}; name it with --period (e.g. 2023-07)")
ALREADY_SUBMITTED = Text("{id} 的 {period} 期已于 {day} 报送", "{id} for {period} was already submitted on {day}")
CLOSED_WHAT = {
    "problem": Text("{kind} {id} 已销号（{day}）", "{kind} {id} closed ({day})"),
    "solution": Text("{kind} {id} 已完成（{day}）", "{kind} {id} done ({day})"),
    "institution": Text("{kind} {id} 已出台（{day}）", "{kind} {id} issued ({day})"),
    "milestone": Text("{kind} {id} 已完成（{day}）", "{kind} {id} done ({day})"),
    "recurring": Text("{kind} {id} 已记录报送（{day}）", "{kind} {id} submission recorded ({day})"),
}
