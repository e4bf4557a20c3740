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

# ---------------------------------------------------------------- values typed in or read from a cell
BAD_FIELD_VALUE = Text("字段 {field}（{label}）的值“{value}”{why}", "field {field}: {value!r} {why}")
BAD_FLAG_VALUE = Text("--{flag}：“{value}”{why}", "--{flag}: {value!r} {why}")
WHOLE_NUMBER = Text("应为整数", "should be a whole number")
NUMBER = Text("应为数字", "should be a number")
FINITE_NUMBER = Text("应为有限的数字", "should be a finite number")
YES_OR_NO = Text("应为 是/否（true/false）", "should be true or false")
NOT_STRUCTURED = Text("无法读取；写成 {{字段: 值}} 的形式", "cannot be read; write it as {{key: value}}")
NOT_AN_ITEM = Text("不能作为列表中的一项（多项请用逗号分隔或重复这个选项）", "cannot be a list item (separate items with commas or repeat the option)")
NOT_AN_ID = Text("不是有效的编号：只能用字母、汉字、数字和 - _ .，最长 64 个字符", "is not a valid id: letters, digits, '-', '_' and '.', at most 64 characters")
ONE_VALUE = Text("--{flag} 只能给一次（这个字段不是列表）", "--{flag} takes one value (it is not a list)")
NOT_A_LIST = Text("--{flag} 不是列表字段，不能写成 [a,b]", "--{flag} is not a list; [a,b] is refused")
AMBIGUOUS_NAME = Text("“{text}”不止一个，可能是：{candidates}；请填写全称或括号中的编号",
                      "{text!r} is ambiguous: it could be {candidates}; write the full name or the id in brackets")
NO_SUCH_NAME = Text("没有叫“{text}”的{kind}（名称、简称或编号）", "no {kind} is called {text!r} (name, short name or id)")
CELL_TOO_LONG = Text("内容超过 {n} 个字符", "more than {n} characters")
PROGRESS_BAD_DATE = Text("“{line}”：日期“{head}”无法识别；写成 2023-09-20：进展内容", "{line!r}: {head!r} is not a date; write 2023-09-20：text")
PROGRESS_LINE = Text("“{line}”：每行写成 日期：内容（如 2023-09-20：已完成）", "{line!r}: write each line as date：text (e.g. 2023-09-20：done)")

# ---------------------------------------------------------------- the record writer (new, import, close)
CAMPAIGN_ERRORS = Text("campaign.yaml 有错误，无法添加或修改记录；先运行 dytool check 改正",
                       "campaign.yaml has errors, so records cannot be added or changed; run 'dytool check' and fix it")
NEEDS_ID = Text("{kind}需要编号：用 --id 给出，如 zhang-wei、fgw", "a {kind} needs an id: give one with --id, e.g. zhang-wei or fgw")
ID_TAKEN = Text("编号“{id}”已被占用，请换一个", "the id {id!r} is already taken; choose another")
FILE_HAS_ERRORS = Text("{file} 有错误，无法修改；先运行 dytool check 查看并改正", "{file} has errors and cannot be edited; run 'dytool check' and fix them first")
CANNOT_EDIT_SAFELY = Text("无法安全修改 {file}：{why}；请手工编辑这个文件", "cannot edit {file} safely: {why}; please edit that file by hand")
WOULD_NOT_READ_BACK = Text("改动后内容与预期不符", "the result would not read back as intended")
WOULD_LOSE_COMMENT = Text("改动会丢失注释", "the change would lose a comment")
NO_EMPTY_LIST = Text("找不到空列表 []", "the empty list [] was not found")
RECORD_NOT_FOUND = Text("找不到要修改的记录", "the record to change was not found")
NOT_A_RECORD = Text("要修改的不是一条记录", "the target is not a record")
SINGLE_RECORD_FILE = Text("{file} 只保存一条记录（不是列表），不能追加；请用 --file 另选文件",
                          "{file} holds a single record, not a list; choose another file with --file")
WRONG_FILE = Text("--file “{given}”不能存放{kinds}：应为 {where}（文件名不以 . 或 _ 开头，不用 Windows 不接受的名字，如 con、aux、含 : 的名字）",
                  "--file {given!r} cannot hold {kinds}: it must be {where} (a name not starting with . or _, and one Windows accepts: not con, aux or a name with :)")

# ---------------------------------------------------------------- init
BAD_CAMPAIGN_ID = Text("活动编号“{id}”不合格式：只能用字母、汉字、数字和 - _ .", "campaign id {id!r}: use letters, digits, '-', '_' or '.'")
EMPTY_TITLE = Text("活动名称不能为空", "the title cannot be empty")
END_BEFORE_START = Text("结束日期 {end} 早于开始日期 {start}", "the end {end} is before the start {start}")
FILES_EXIST = Text("“{path}”中已有这些文件，未做任何改动：{files}", "{path!r} already has these files; nothing was changed: {files}")
ALREADY_CAMPAIGN = Text("“{path}”已经是调研活动仓库（有 campaign.yaml）", "{path!r} is already a campaign repository (it has campaign.yaml)")
ALREADY_ROLLUP = Text("“{path}”已经是汇总仓库（有 rollup.yaml）", "{path!r} is already a roll-up repository (it has rollup.yaml)")
NO_EXAMPLE = Text("找不到示例活动（安装包中缺少 examples）", "the bundled example campaign was not found")
MISSING_SCHEMA = Text("安装包中缺少 schemas/{name}", "schemas/{name} is missing from the installation")

# ---------------------------------------------------------------- import (returned ledgers)
CELL_PROBLEM = Text("“{header}”：{why}", "{header!r}: {why}")
NEW_ROW_TWICE = Text("与 {where} 完全相同的新增行，未导入；同一事项只填一行，不同事项请写清区别",
                     "a new row identical to {where}; not imported: keep one row per item, or tell the items apart")
ROW_TWICE = Text("编号 {id} 在 {where} 已出现过，同一条记录只能改一次", "id {id} already appears at {where}; a record can be changed once")
ROW_CONFLICT = Text("{id}：导出后仓库中的这条记录已被修改，这一行与之冲突，未导入；请按最新台账重新填写",
                    "{id}: the record changed in the repository after the export; this row conflicts and was not imported")
ROW_FINDING = Text("{code} {message}", "{code} {message}")
OTHER_CAMPAIGN = Text("“{name}”是活动“{theirs}”导出的台账，不是本仓库的活动“{ours}”，未导入",
                      "{name!r} is a ledger of the campaign {theirs!r}, not of this repository's {ours!r}; nothing imported")
OTHER_CAMPAIGN_HINT = Text("到那个活动的仓库中导入（-C 目录），或把本活动的台账发给单位重新填写",
                           "import it in that campaign's repository (-C DIR), or send the unit this campaign's ledger")
NO_LIST_FOUND = Text("“{name}”中没有可以识别的清单：用 --kind 指明（工作表名应为 {lists} 之一）", "{name!r} holds no list dytool recognises: name it with --kind")
NO_LIST_FOUND_HINT = Text("例如 --kind problems", "e.g. --kind problems")
MAP_FORM = Text("--map 写成 列名=字段：{item}", "write --map as column=field: {item!r}")
MAP_NO_FIELD = Text("--map {item}：没有字段“{field}”", "--map {item}: there is no field {field!r}")
MAP_FIELDS_HINT = Text("可用字段：{fields}", "fields: {fields}")
NO_HEADER = Text("{table}：找不到表头行（至少两列的列名应是字段名称，如 问题、责任单位）",
                 "{table}: no header row found (at least two columns must be named like the fields)")
NO_HEADER_HINT = Text("用 --map 列名=字段 说明各列", "name the columns with --map column=field")
COLUMN_TWICE = Text("{table}（表头）：{a}列和{b}列都是“{header}”，不知以哪一列为准，未导入",
                    "{table} (the header row): columns {a} and {b} both hold {header!r}; which one counts is not known, nothing imported")
COLUMN_TWICE_HINT = Text("删去其中一列，或给单位自己加的那一列改个名字（再用 --map 新列名= 忽略它）",
                         "delete one of them, or rename the unit's own column (and ignore it with --map NEWNAME=)")
UNKNOWN_COLUMN = Text("{letter}列“{name}”", "column {letter} {name!r}")
UNKNOWN_COLUMNS = Text("{table}（表头）：不认识的列：{columns}", "{table} (the header row): unknown columns: {columns}")
UNKNOWN_COLUMNS_HINT = Text("单位自己加的列（如备注）用 --map {name}= 忽略；是某个字段就用 --map {name}=字段名",
                            "a column the unit added: ignore it with --map {name}= ; or say its field with --map {name}=FIELD")
REFUSED_TO_READ = Text("拒绝读取“{name}”：{why}", "refusing to read {name!r}: {why}")
REFUSED_TO_READ_HINT = Text("拆分成几个文件，或只保留需要导入的行和列", "split it, or keep only the rows and columns to import")
INFLATES_ENTRY = Text("其中的 {entry} 解压后异常膨胀", "its entry {entry} inflates abnormally")
INFLATES = Text("解压后超过 128 MiB", "it inflates to more than 128 MiB")
NOT_AN_OFFICE_FILE = Text("“{name}”不是有效的 {kind} 文件（可能是旧格式或已损坏；请另存为 .{kind}）",
                          "{name!r} is not a valid {kind} file (an old format, or damaged? save it as .{kind})")
SHEET_TOO_LONG = Text("工作表“{sheet}”超过 {n} 行", "the sheet {sheet!r} has more than {n} rows")
LARGER_THAN = Text("文件超过 {size}", "the file is larger than {size}")
ONLY_XLSX_CSV = Text("只能导入 .xlsx、.csv 文件（装有 LibreOffice 时还有 .xls、.et、.ods）：{name}",
                     "only .xlsx and .csv files can be imported (and .xls, .et, .ods where LibreOffice is installed): {name}")
ONLY_XLSX_CSV_HINT = Text("在 Excel 或 WPS 中另存为 .xlsx", "save it as .xlsx in Excel or WPS")
TOO_MANY_PARAGRAPHS = Text("文档超过 {n} 段，不像一篇调研报告；请拆分后分别导入", "the document has more than {n} paragraphs, which is no research report; split it and import the parts")
NO_SHEET = Text("“{name}”中没有工作表“{sheet}”；可选：{sheets}", "{name!r} has no sheet {sheet!r}; sheets: {sheets}")
CSV_ENCODING = Text("“{name}”第{line}行有无法识别的字符（不是 UTF-8、UTF-16 或 GBK 编码）",
                    "{name!r} line {line}: characters that are not UTF-8, UTF-16 or GBK")
CSV_ENCODING_HINT = Text("在 Excel 或 WPS 中打开，另存为“CSV UTF-8（逗号分隔）”或 xlsx 后再导入",
                         "open it in Excel or WPS and save it as CSV UTF-8 or xlsx, then import that")
FORMULA_WITHOUT_VALUE = Text("“{name}”中的公式没有保存计算结果：{cells}", "{name!r} has formulas without their results: {cells}")
FORMULA_WITHOUT_VALUE_HINT = Text("在 Excel、WPS 或 LibreOffice 中打开并保存一次（保存计算结果），或把公式换成数值后再导入",
                                  "open and save it once in Excel, WPS or LibreOffice (which stores the results), or replace the formulas by values")
CSV_TOO_BIG = Text("超过 {rows} 行或 {columns} 列", "more than {rows} rows or {columns} columns")

# ---------------------------------------------------------------- import-report
IN_FILE = Text("{name}：{why}", "{name}: {why}")
NO_SUCH_TOPIC = Text("--topic “{given}”不是已有课题的编号或名称", "--topic {given!r} names no topic")
WHICH_TOPIC = Text("不知道这篇报告属于哪个课题：用 --topic 指明，或把课题编号写在文件名开头（如 T-001 报告.docx）",
                   "which topic is this report for? give --topic, or start the file name with the topic id (T-001 report.docx)")
NO_SUCH_AUTHOR = Text("执笔人“{text}”不在 people.yaml 中（写编号或姓名）", "author {text!r} is not in people.yaml")
NOT_A_DAY = Text("--date “{text}”不是日期，请写成 2023-06-20", "--date {text!r} is not a date")
TOPIC_FOR_ONE_FILE = Text("--topic 只能用于一个文件；导入多个文件时，在文件名开头写课题编号", "--topic takes one file; for several, start each file name with the topic id")
TOPIC_REPORT_TWICE = Text("课题 {topic} 在这次导入中已有一篇报告", "topic {topic} already gets a report in this import")
TOPIC_HAS_REPORT = Text("课题 {topic} 已有报告 {report}；要替换请加 --replace", "topic {topic} already has the report {report}; add --replace to replace it")
NO_TITLE = Text("找不到报告标题：用 --title 给出", "no title found: give it with --title")
NO_SUCH_UNIT = Text("--unit “{unit}”不是 units.yaml 中的单位", "--unit {unit!r} is not in units.yaml")
PROGRESS_LINES_REMOVED = Text("比导出时少了 {n} 行；导入不删除已有的进展，只添加新行（确需删除请直接编辑文件）",
                              "{n} line(s) fewer than exported; import never deletes progress, it only adds lines (edit the file to delete)")
CELL_EMPTIED = Text("“{header}”被清空：import 不删除已有内容，需要删除请直接编辑文件",
                    "{header!r} was emptied: import never deletes what a file says; edit the file for that")
DAY_BUT_NOT_CLOSED = Text("填了销号时间，但是否销号仍为“否”：已销号就改为“是”，未销号就清空销号时间",
                          "a 销号时间 is given but 是否销号 is still 否: set it to 是 if the item is closed, else clear the date")
CLOSED_WITHOUT_DAY = Text("标记为已销号，但没有填写销号时间", "marked closed (是否销号 = 是) without a 销号时间")
NO_REOPENING = Text("已销号的问题不能通过导入恢复为未销号，请直接编辑文件", "a closed problem cannot be reopened by import; edit the file")
YES_OR_NO_CELL = Text("“{value}”：请填写 是 或 否", "{value!r}: write 是 or 否")
REFUSED = Text("已拒绝写入：改动后仓库会出现 {n} 个错误，例如 {where} {message}", "refused: the change would add {n} error(s) to the repository, e.g. {where} {message}")
REFUSED_HINT = Text("改正所给的字段后重试；文件没有改动", "correct the fields given and try again; no file was changed")
NOT_UTF8 = Text("{file} 不是 UTF-8 编码，无法修改；先另存为 UTF-8", "{file} is not UTF-8 and cannot be edited; save it as UTF-8 first")
YAML_HAS_ERRORS = Text("YAML 有错误，先运行 dytool check 改正", "the YAML has errors; run 'dytool check' and fix them")
CANNOT_REFORMAT = Text("dytool 无法在不改变内容或注释的前提下重排这个文件，请手工整理",
                       "dytool cannot reformat this file without changing its content or comments; tidy it by hand")
ROW = Text("{table} 第{row}行", "{table} row {row}")
IMAGE_FORMAT = Text("图片格式 {kind} 不是 PNG 或 JPEG，已略去（请在 Word 中另存为 PNG 后插入）",
                    "an image in {kind} format is not PNG or JPEG and was left out (save it as PNG in Word)")
