"""What the commands that change a repository report (new, close, fmt, import, import-report,
init, merge-records, export, schema)."""

from __future__ import annotations

from dytool.core.messages import Text

# ---------------------------------------------------------------- new
UNKNOWN_KIND = Text("不认识的记录类型“{text}”；可选：{kinds}", "unknown kind {text!r}; choose one of {kinds}")
UNREADABLE_FIELD = Text("看不懂参数“{token}”：字段写成 --字段 值 或 字段=值", "cannot read {token!r}: write fields as --field value or field=value")
NO_SUCH_FIELD = Text("没有字段“{name}”", "there is no field {name!r}")
NO_SUCH_FIELD_CLOSE = Text("没有字段“{name}”；是不是 --{close}？", "there is no field {name!r}; did you mean --{close}?")
FIELDS_HINT = Text("可用字段：{fields}", "fields: {fields}")
MISSING_FIELDS = Text("缺少必填字段：{names}；加上 {flags}", "required fields missing: {names}; add {flags}")
ADDED = Text("已添加 {id} → {file}", "added {id} → {file}")
WOULD_ADD = Text("将添加 {id} → {file}", "would add {id} → {file}")

# ---------------------------------------------------------------- close
CLOSED = Text("{what} → {file}", "{what} → {file}")
NOT_WRITTEN = Text("{what} → {file}（未写入）", "{what} → {file} (not written)")

# ---------------------------------------------------------------- fmt
WOULD_REFORMAT = Text("需要重排：{file}", "would reformat: {file}")
REFORMATTED = Text("已重排：{file}", "reformatted: {file}")
LEFT_AS_IT_IS = Text("未重排（保持原样）：{file}：{why}", "left as it is: {file}: {why}")
ALL_CANONICAL = Text("所有 YAML 文件格式统一", "all YAML files are in the canonical style")
ALL_FORMATTABLE_CANONICAL = Text("所有可以重排的 YAML 文件格式统一", "every YAML file dytool can reformat is in the canonical style")

# ---------------------------------------------------------------- import (ledgers)
PREVIEW = Text("预览：修改 {edits} 条记录，新增 {added} 条", "preview: {edits} record(s) edited, {added} added")
CHANGES = Text("改动：修改 {edits} 条记录，新增 {added} 条", "changes: {edits} record(s) edited, {added} added")
NEW_ROW = Text("  {where}  新增{kind} {id}“{title}” → {file}", "  {where}  new {kind} {id} “{title}” → {file}")
EDITED_ROW = Text("  {where}  {id}“{title}”", "  {where}  {id} “{title}”")
CELL_ADDED = Text("      {column}：+ {new}", "      {column}: + {new}")
CELL_CHANGED = Text("      {column}：{old} → {new}", "      {column}: {old} -> {new}")
ROWS_SKIPPED = Text("跳过 {rows} 行{conflicts}：", "skipped: {rows}{conflicts}:")
ROWS_BAD = Text("有问题的行 {rows} 行{conflicts}：", "rows with problems: {rows}{conflicts}:")
CONFLICTS = Text("（其中冲突 {n} 行）", " ({n} conflicting)")
BAD_ROW = Text("  {where}：{message}", "  {where}: {message}")
UNCHANGED_ROWS = Text("{n} 行与仓库中的记录相同，未改动", "{n} row(s) match the repository; left alone")
NOTHING_WRITTEN = Text("没有写入任何文件：改正这些行后重试，或加 --skip-bad 跳过它们",
                       "nothing was written: fix those rows and try again, or skip them with --skip-bad")
NO_ROW_IMPORTABLE = Text("没有可以导入的行", "no row could be imported")
NOTHING_TO_IMPORT = Text("没有需要导入的改动", "nothing to import")
MORE_FILES = Text("…（共 {n} 个文件）", "… ({n} files)")
WOULD_WRITE = Text("（预览，未写入；将改动 {files}）", "(preview, nothing written; would change {files})")
WRITTEN = Text("已写入：{files}", "written: {files}")

# ---------------------------------------------------------------- import-report
NO_WORD_FILES = Text("文件夹“{path}”中没有 .docx、.doc 或 .wps 文件", "no .docx, .doc or .wps file in {path!r}")
ONLY_WORD = Text("只能导入 Word 或 WPS 文件（.docx .doc .wps）：{name}", "only Word or WPS files can be imported: {name}")
IMAGES = Text("，图片 {n} 张", ", {n} image(s)")
IMPORTED_REPORT = Text("已导入 {source} → {target}（课题 {topic}{images}）", "imported {source} -> {target} (topic {topic}{images})")
WOULD_IMPORT_REPORT = Text("将导入 {source} → {target}（课题 {topic}{images}）", "would import {source} -> {target} (topic {topic}{images})")
REPORT_NOTE = Text("  注意：{note}", "  note: {note}")

# ---------------------------------------------------------------- init
NOT_A_DATE = Text("{flag}“{text}”不是日期，请写成 2024-03-01", "{flag} {text!r} is not a date; write it as 2024-03-01")
GIVE_FLAGS = Text("请给出 {flags}（或在终端中运行以逐项回答）", "give {flags} (or run it on a terminal to be asked)")
GIVE_FLAGS_HINT = Text("例如：dytool init 新活动 --title 2024年大兴调查研究活动 --start 2024-03-01 --end 2024-12-31",
                       "e.g. dytool init campaign --title '2024 campaign' --start 2024-03-01 --end 2024-12-31")
GIVE_TITLE = Text("请给出 --title（或在终端中运行以回答）", "give --title (or run it on a terminal to be asked)")
GIVE_TITLE_HINT = Text("例如：dytool init --rollup 汇总 --title 青川市大兴调查研究活动汇总 --issuer 市调研办",
                       "e.g. dytool init --rollup rollup --title 'City roll-up' --issuer 'City office'")
PROMPT_TITLE = Text("活动名称", "title")
PROMPT_START = Text("开始日期", "first day")
PROMPT_END = Text("结束日期", "last day")
PROMPT_ROLLUP_TITLE = Text("汇总仓库名称", "title")
CREATED = Text("已创建调研活动仓库：{path}（{n} 个文件）", "created the campaign repository {path} ({n} files)")
CREATED_ROLLUP = Text("已创建汇总仓库：{path}（{n} 个文件）", "created the roll-up repository {path} ({n} files)")
RAN_GIT_INIT = Text("已运行 git init", "ran git init")
NEXT_STEPS = Text("下一步：cd {path}；dytool new person --id 编号 --name 姓名；dytool check",
                  "next: cd {path}; dytool new person --id ID --name NAME; dytool check")
NEXT_STEPS_ROLLUP = Text("下一步：在 {path} 中列出成员；dytool rollup status", "next: list the members in {path}; dytool rollup status")

NONE = Text("无", "none")
BUNDLE_NOT_FOLDER = Text("离线安装包“{path}”不是目录（先解压）", "the offline bundle {path!r} is not a folder (unzip it first)")
BUNDLE_WITHOUT = Text("离线安装包“{path}”中没有 {wanted}（有：{found}）；用本版 dytool 运行 python3 -m dytool.bundle 重新生成",
                      "the offline bundle {path!r} has no {wanted} (it has: {found}); make one with this dytool: python3 -m dytool.bundle")
NO_WHEEL = Text("无法取得本机 dytool 的安装包（{reason}）；CI 将安装 dytool=={version}，请设置 CI 变量 DYTOOL_SPEC",
                "could not take this dytool's wheel ({reason}); CI will install dytool=={version}: set the CI variable DYTOOL_SPEC")

# ---------------------------------------------------------------- merge-records
NOT_GIT_FOR_DRIVER = Text("这里不是 git 仓库，无法登记合并程序", "not inside a git repository; the merge driver was not registered")
MERGE_USAGE = Text("用法：dytool merge-records 祖先 本方 对方 [路径]（由 git 调用）", "usage: dytool merge-records BASE OURS THEIRS [PATH] (git calls it)")
DRIVER_REGISTERED = Text("已登记 dytool 合并程序（.git/config）", "registered the dytool merge driver (.git/config)")
MERGE_CONFLICTS = Text("{file}：两边都改了这些记录，请手工合并：{ids}", "{file}: both sides changed these records; merge them by hand: {ids}")

# ---------------------------------------------------------------- export and schema
EXPORTED = Text("已导出：{path}", "exported: {path}")
LEDGER_STEM = Text("台账-{day}", "台账-{day}")
UNIT_LEDGER_STEM = Text("台账-{unit}-{day}", "台账-{unit}-{day}")
