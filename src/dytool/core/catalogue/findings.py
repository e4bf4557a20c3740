"""What the checks say (``dytool check``), by finding code: the message of each finding and
what to do about it.  The codes themselves, their names and titles are in
:mod:`dytool.core.codes`; a check fills in one of these and passes it to ``Code.at``."""

from __future__ import annotations

from dytool.core.messages import Text

# ---------------------------------------------------------------- DY101 unknown-field … DY108 bad-value (fields)
NOT_A_WORD = Text("“{value}”不是内置的{what}，也没有在 campaign.yaml 的 vocabulary.{field} 中声明；内置：{choices}",
                  "{value!r} is neither a built-in {what} nor declared under vocabulary.{field} in campaign.yaml")
NOT_A_WORD_HINT = Text("本活动的用语请在 campaign.yaml 中声明它计入哪一类，如 vocabulary: {{{field}: {{{value}: <内置类别>}}}}{short}",
                       "declare the campaign's word and the category it counts under: vocabulary: {{{field}: {{{value}: <built-in value>}}}}{short}")
WORD_CUT_SHORT = Text("；若是内置的“{label}”没写全，改为“{label}”", "; if it is the built-in {value!r} cut short, write that")
BUILT_IN_CHOICE = Text("{value}（{label}）", "{value} ({label})")
WORD_KINDS = {
    "methods": Text("调研方式", "method"),
    "sources": Text("问题来源", "problem source"),
    "meeting_kinds": Text("会议形式", "meeting kind"),
    "unit_types": Text("单位类型", "unit type"),
    "outcome_forms": Text("转化形式", "outcome form"),
}
BLANK = Text("{id} 的{label}（{field}）是空的", "{id}: {field} is blank")
BLANK_HINT = Text("写上{label}", "write the {field}")
NAME = Text("名称", "name")
TITLE = Text("标题", "title")
PERIOD_TOO_LONG = Text("活动期间 {start} 至 {end} 超过十年或超出 1900—2100 年，只按 {first} 至 {last} 计算",
                       "the campaign period {start} to {end} is longer than ten years or leaves 1900-2100; only {first} to {last} is counted")
CHECK_YEARS = Text("检查年份是否写错", "check the years for a typo")

# ---------------------------------------------------------------- DY105 bad-date
YEARLESS_DEADLINE = Text("期限“{text}”没有写年份，记录又没有可据以推定的日期（问题的发现时间），在活动期间（{first}至{last}）内也无法确定年份",
                         "the deadline {text!r} has no year, the record has no day to place it by (a problem's found_on), "
                         "and the campaign period ({first} to {last}) fits no single year")
YEARLESS_DEADLINE_HINT = Text("写明年份（如 2024年3月底前），或写上问题的发现时间 found_on", "write the year (2024年3月底前), or the problem's found_on")
YEARLESS_PERIOD = Text("活动期间的{which}日期“{text}”没有写年份，暂按 {day} 计", "the campaign period's {field} {text!r} has no year; read as {day}")
YEARLESS_PERIOD_HINT = Text("写明年份，如 {year}年{text}", "write the year, e.g. {year}年{text}")
PERIOD_START = Text("开始", "start")
PERIOD_END = Text("结束", "end")

# ---------------------------------------------------------------- DY201 duplicate-id … DY208 (ids, references, paths)
DUPLICATE_ID = Text("{kind}编号“{id}”重复，另见 {where}", "{kind} id {id!r} is used twice; also at {where}")
DUPLICATE_ID_HINT = Text("改用新的编号（dytool new 生成的编号不会撞车）", "give this record a new id (ids made by 'dytool new' never collide)")
WRONG_KIND = Text("“{id}”是{got}，这里应填{wanted}编号", "{id!r} is a {got}; a {wanted} id is expected here")
DANGLING = Text("找不到{wanted}“{id}”", "no {wanted} with id {id!r}")
DANGLING_BY_TITLE_HINT = Text("这里写编号：{id}", "write the id here: {id}")
DANGLING_HINT = Text("检查编号是否写错，或先添加这条记录", "check the spelling, or add that record first")
KINDS_OR = ("或", " or ")
NO_STAGE = Text("找不到阶段“{name}”", "no stage with id {name!r}")
NO_STAGE_HINT = Text("写 stages 中的阶段编号（或阶段名称）", "write a stage id (or title) of stages")
PATH_OUTSIDE = Text("路径“{path}”超出仓库范围：{why}", "path {path!r} leaves the repository: {why}")
PATH_OUTSIDE_HINT = Text("写相对仓库根目录的路径，如 reports/T-001.md", "write a path relative to the repository root, e.g. reports/T-001.md")
PATH_MISSING = Text("文件“{path}”不存在", "file {path!r} does not exist")
PATH_MISSING_HINT = Text("路径相对仓库根目录书写，检查拼写和大小写", "paths are relative to the repository root; check spelling and case")
REPORT_NAMES_OTHER_TOPIC = Text("课题 {topic} 的报告 {report} 写的是课题 {other}", "topic {topic} names report {report}, whose front matter names topic {other}")
REPORT_AGREE_HINT = Text("让两边一致：课题的 report 和报告的 topic 要互相对应", "make them agree: the topic's report and the report's topic must name each other")
TOPIC_WITHOUT_REPORT_FIELD = Text("报告属于课题 {topic}，但该课题没有写 report 字段", "the report belongs to topic {topic}, which has no report field")
TOPIC_DOES_NOT_LIST_REPORT = Text("报告写的是课题 {topic}，但该课题的 report 中没有列出这份报告", "the report names topic {topic}, whose report field does not list it")
LIST_REPORT_HINT = Text("在课题 {topic} 的 report 中列出 {report}（几份报告写成列表）", "list {report} under topic {topic}'s report (a list for several reports)")
IMAGE_HINT = Text("图片放在报告所在目录（或其子目录）中并提交到仓库，只用 PNG 或 JPEG",
                  "keep images in the report's folder (or below) and commit them; PNG or JPEG only")

# ---------------------------------------------------------------- DY301 … DY313 (content)
END_BEFORE_START = Text("结束日期 {end} 早于开始日期 {start}", "end {end} is before start {start}")
END_BEFORE_START_HINT = Text("检查年份和月份是否写反", "check whether the dates are swapped")
VISIT_OUTSIDE_PERIOD = Text("调研日期 {day} 不在活动期间（{start} 至 {end}）内", "the visit's day {day} lies outside the campaign period ({start} to {end})")
STAGE_OUTSIDE_PERIOD = Text("阶段“{title}”的日期 {day} 不在活动期间内", "stage {title!r}: {day} lies outside the campaign period")
CLOSED_WITHOUT = Text("问题 {id} 已销号，但缺少{missing}", "problem {id} is closed without {missing}")
OWNER_UNIT = Text("责任单位", "an owner unit")
EVIDENCE_OR_NOTE = Text("销号依据（evidence）或说明（note）", "evidence or a note")
AND = ("、", " and ")
CLOSED_WITHOUT_HINT = Text("销号需要责任单位、销号时间和佐证材料（或说明）", "closing needs an owner unit, a closing day and evidence (or a note)")
CLOSED_BY_WITHOUT_DAY = Text("问题 {id} 写了验收人，但没有销号时间 closed_on", "problem {id} has closed_by but no closed_on")
CLOSED_BY_WITHOUT_DAY_HINT = Text("补上 closed_on，或删除 closed_by", "add closed_on, or remove closed_by")
OPEN_LACKS = Text("未销号问题 {id} 缺少{lacks}", "open problem {id} has no {lacks}")
OPEN_OWNER_UNIT = Text("责任单位 owner_unit", "owner_unit")
OPEN_DUE = Text("整改时限 due", "due")
OR = ("、", " or ")
OPEN_LACKS_HINT = Text("台账每一行都要有责任单位和整改时限", "every ledger row needs an owner unit and a due day")
DONE_AFTER_AS_OF = Text("完成日期 {day} 晚于统计日期 {as_of}，按未完成计", "done date {day} is after the as-of day {as_of}; counted as not done")
SYSTEMIC_WITHOUT_INSTITUTION = Text("问题 {id} 是普遍性制度性问题，但制度清单中没有对应的制度", "problem {id} is systemic, but no institution lists it")
SYSTEMIC_WITHOUT_INSTITUTION_HINT = Text("在 institutions/ 中新建或修订制度，并在其 problems 中写上该问题编号",
                                         "add an institution to institutions/ whose problems list this problem")
STAGE_GAP = Text("课题 {id} 已到“{stage}”阶段，但缺少{missing}环节", "topic {id} has reached {stage} but lacks {missing}")
STAGE_GAP_HINT = Text("补上缺失环节的记录（如领题领导、提纲提交日期、调研活动）", "add the records of the missing stages (leader, outline submission, a visit)")
ISSUED_WITHOUT_DAY = Text("制度 {id} 状态为已出台，但没有出台时间 issued_on", "institution {id} is issued but has no issued_on")
ISSUED_WITHOUT_DAY_HINT = Text("补上 issued_on（和文号 doc_number）", "add issued_on (and doc_number)")
DAY_WITHOUT_ISSUED = Text("制度 {id} 已有出台时间，状态却是“{status}”", "institution {id} has issued_on but its status is {status}")
DAY_WITHOUT_ISSUED_HINT = Text("有 issued_on 即为已出台：把 status 改为 issued，或删除 issued_on", "issued_on means issued: set status to issued, or remove issued_on")
PERSONAL_ID = Text("正文中有居民身份证号（{number}）", "a resident ID number ({number}) appears in free text")
PERSONAL_PHONE = Text("正文中有手机号码（{number}）", "a mobile number ({number}) appears in free text")
PERSONAL_HINT = Text("删除或改写；联系方式只写在人员的 contact 字段", "remove it; contact details belong in a person's contact field")
BAD_RECURRING_HINT = Text("可以这样写：{examples}", "valid examples: {examples}")
SUBMISSION_WITHOUT_BY = Text("“{title}”由多个单位或人员报送，第 {n} 条报送记录没有写报送者 by",
                             "{title!r} is owed by several members; submission {n} does not say who handed it in (by)")
SUBMISSION_WITHOUT_BY_HINT = Text("写成 {{by: 单位编号, period: 2023-07, on: 2023-08-04}}", "write {{by: unit id, period: 2023-07, on: 2023-08-04}}")
NOT_A_MEMBER = Text("“{by}”不是“{title}”的责任主体之一", "{by!r} does not owe {title!r}")
NOT_A_MEMBER_HINT = Text("检查编号，或把它加进 owner", "check the id, or add it to the owner")
SUBMISSION_MATCHES_NOTHING = Text("“{title}”的第 {n} 条报送记录对不上任何期次", "submission {n} of {title!r} matches no occurrence")
SUBMISSION_MATCHES_NOTHING_HINT = Text("写成 {{period: 2023-07, on: 2023-08-04}}，period 为所属期次", "write {{period: 2023-07, on: 2023-08-04}}, naming the occurrence")
CONTROL_CHARACTER = Text("文字中有控制字符 {char}（第 {n} 个字），文档和台账无法显示",
                         "the text holds the control character {char} (character {n}), which documents cannot hold")
BIDI_CHARACTER = Text("文字中有改变显示顺序的控制字符 {char}（第 {n} 个字），屏幕、文档和台账上显示的顺序与实际文字不同",
                      "the text holds the bidirectional control {char} (character {n}), which shows the text in another order than it reads")
UNPORTABLE_NAME = Text("文件名“{part}”在 Windows 上无法使用（设备名 con、aux、nul、com1 等，含 \\ / : * ? \" < > | 或控制字符，或以点、空格结尾），Windows 电脑无法检出这个仓库",
                       "the name {part!r} cannot exist on Windows (a device name such as con, aux, nul or com1, one of \\ / : * ? \" < > | or a control character, or a trailing dot or space): Windows machines cannot check the repository out")
UNPORTABLE_NAME_HINT = Text("用 git mv 改成只含字母、数字、汉字、- 和 _ 的名字", "rename it with git mv to letters, digits, Chinese characters, - and _")
CONTROL_CHARACTER_HINT = Text("删除该字符（多见于从其他系统复制粘贴的文字）", "delete it (it usually comes with text pasted from another system)")
EMPTY_FILE = Text("文件中没有任何记录（空文件或只有注释）", "the file holds no record (it is empty or only comments)")
EMPTY_FILE_HINT = Text("写上记录，或删除这个文件；确实没有记录时写 []（如某单位“已报送，无问题”）",
                       "add the records, or delete the file; write [] when there is nothing on purpose (a unit that filed no problem)")

# ---------------------------------------------------------------- DY401 … DY410 (the campaign's rules)
RANGE = Text("{low}—{high}", "{low}-{high}")
AT_LEAST = Text("不少于 {low}", "at least {low}")
AT_MOST = Text("不超过 {high}", "at most {high}")
SQUAT_DAYS = Text("蹲点调研 {id} 为 {days} 天，要求{range}天", "squat {id} lasts {days} day(s); the rule asks for {range}")
ACCOMPANYING = Text("调研 {id} 陪同 {n} 人，超过上限 {limit} 人", "visit {id} had {n} accompanying, over the limit of {limit}")
TOPIC_REQUIRED = Text("调研 {id} 没有注明所属课题（禁止无课题调研）", "visit {id} names no topic (research without a topic is not allowed)")
TOPIC_REQUIRED_HINT = Text("在 topics 中写上课题编号", "add the topic id under topics")
LEADER_TOPICS = Text("{name}领题 {n} 个，要求{range}个", "{name} leads {n} topic(s); the rule asks for {range}")
UNIT_TOPICS = Text("{name}牵头课题{own} {n} 个，要求{range}个", "{name} leads {n} topic(s) of its own; the rule asks for {range}")
WITHOUT_LEADERS_TOPICS = Text("（不含领导领题）", "")
REPORT_LENGTH = Text("报告正文 {n} 字，超过上限 {limit} 字", "the report body has {n} characters, over the limit of {limit}")
VISIT_DAYS = Text("{name}每月调研应不少于 {min} 天：{months}", "{name} should research at least {min} days a month: {months}")
VISIT_DAYS_MONTH = Text("{year}年{month}月 {n} 天", "{year}-{month:02d}: {n}")
VISITS_PER_PERIOD = Text("{name}{per}调研应{range}次：{periods}", "{name} should lead {range} visit(s) per {per}: {periods}")
VISITS_IN_PERIOD = Text("{label} {n} 次", "{key}: {n}")
HOST_BURDEN = Text("{host}在 {start} 起 {days} 天内接待调研 {n} 批次，上限 {limit} 批次（{visits}）",
                   "{host} received {n} visits within {days} days from {start}; the limit is {limit}")
RESOLVED_PER_YEAR = Text("{name}{year}年牵头解决问题 {n} 件，要求不少于 {min} 件", "{name} led {n} problem(s) to closure in {year}; the rule asks for {min}")
