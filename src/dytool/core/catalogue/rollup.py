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
MORE_MEMBERS = Text("……另有 {n} 个成员有逾期问题（{hint}）", "… and {n} more members with overdue problems ({hint})")
SEE_ALL = Text("全部内容见 dytool rollup status --format md", "all of it: dytool rollup status --format md")

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

# ---------------------------------------------------------------- the members (DY5xx)
MEMBER = Text("成员“{name}”（{source}）：{why}", "member {name!r} ({source}): {why}")
NO_CAMPAIGN_IN_FOLDER = Text("目录中没有 campaign.yaml（子模块未检出？运行 git submodule update --init）",
                             "the folder has no campaign.yaml (a submodule not checked out? run 'git submodule update --init')")
MEMBER_CAMPAIGN_ERRORS = Text("成员仓库的 campaign.yaml 有错误，无法计算汇总数据", "the member's campaign.yaml has errors; no summary can be computed")
PATH_IS_A_FILE = Text("path 应为成员的活动仓库目录；已发布的 JSON 文件请写在 summary 中", "path must be the member's repository folder; write a published JSON file under summary")
NO_FOLDER = Text("目录不存在", "the folder does not exist")
BAD_SUBDIR = Text("subdir 不能含 .. 或以 / 开头", "subdir cannot contain '..' or start with '/'")
CANNOT_FETCH = Text("无法取得仓库：{why}", "cannot fetch the repository: {why}")
NO_SUBDIR = Text("提交 {commit} 中没有子目录“{subdir}”", "commit {commit} has no folder {subdir!r}")
COUNTS_DO_NOT_ADD_UP = Text("{where} 的问题数字对不上（已销号、按时、逾期、未销号之和应与总数相符）",
                            "the problem counts of {where} do not add up (closed, on time, late and open must match the total)")
OTHER_CAMPAIGN = Text("数据是活动“{found}”的，不是 rollup.yaml 指定的“{expected}”", "the data is of campaign {found!r}, not {expected!r} as rollup.yaml says")
STALE_DATA = Text("数据截至 {as_of}，已 {age} 天未更新（上限 {limit} 天）", "the data is as of {as_of}, {age} days old (limit {limit})")
FUTURE_DATA = Text("数据截至 {as_of}，晚于统计日期 {day}", "the data is as of {as_of}, after the as-of day {day}")
MEMBER_ERRORS = Text("成员仓库有 {n} 个错误，有错的记录未计入", "the member's repository has {n} error(s); invalid records are not counted")
SAME_CAMPAIGN = Text("与成员“{other}”的数据来自同一活动“{campaign}”", "publishes the same campaign {campaign!r} as member {other!r}")

# ---------------------------------------------------------------- a published summary that cannot be read
SCHEMA_ERRORS = {
    "missing": Text("缺少", "missing"),
    "extra_forbidden": Text("不是本格式的字段", "not a field of this format"),
    "string_too_long": Text("文字过长", "text too long"),
    "too_long": Text("条目过多", "too many items"),
    "literal_error": Text("取值不在可选范围内", "value not allowed"),
    "string_pattern_mismatch": Text("格式不对", "malformed"),
    "greater_than_equal": Text("数值过小", "number too small"),
    "less_than_equal": Text("数值过大", "number too large"),
}
WRONG_TYPE_OR_VALUE = Text("类型或取值不对", "wrong type or value")
TOP_LEVEL = Text("（顶层）", "(top level)")
AT_FIELD = Text("{where}：{what}", "{where}: {what}")
AND_MORE = Text("；另有 {n} 处", "; and {n} more")
SUMMARY_TOO_LARGE = Text("汇总数据超过 {mib} MiB 上限", "the summary exceeds the {mib} MiB limit")
JSON_NOT_UTF8 = Text("不是有效的 JSON：不是 UTF-8 编码", "not valid JSON: not UTF-8")
NOT_JSON = Text("不是有效的 JSON", "not valid JSON")
NOT_JSON_AT = Text("不是有效的 JSON（第 {line} 行第 {column} 列）", "not valid JSON at line {line} column {column}")
JSON_NOT_OBJECT = Text("JSON 的顶层应为对象", "the JSON's top level must be an object")
NOT_STATED = Text("（未注明）", "(none)")
OTHER_VERSION = Text("格式版本为 {found}，本程序读取版本 {version}", "schema version {found}; this dytool reads version {version}")
DOES_NOT_MATCH = Text("汇总数据不符合格式：{why}", "the summary does not match the format: {why}")
NOT_ROLLUP_JSON = Text("--since：“{path}”不是 dytool rollup status --format json 的输出", "--since: {path!r} is not the output of dytool rollup status --format json")
SINCE_UNREADABLE = Text("--since：{why}（{path}）", "--since: {why} ({path})")

# ---------------------------------------------------------------- rollup.yaml
ONE_SOURCE = Text("每个成员只写一种数据来源：path、git 或 summary 三选一", "give each member exactly one source: path, git or summary")
REF_WITH_GIT = Text("ref 和 subdir 只能与 git 同用", "ref and subdir go with git only")
MEMBER_ENTRY = Text("成员“{name}”：{why}", "member {name!r}: {why}")
NTH_MEMBER = Text("第 {n} 个成员", "member {n}")
CANNOT_READ_CONFIG = Text("无法读取 rollup.yaml：{why}", "cannot read rollup.yaml: {why}")
CONFIG_NOT_MAPPING = Text("rollup.yaml 应为“字段: 值”的形式", "rollup.yaml must be a mapping of keys to values")
MEMBERS_NOT_LIST = Text("members 应为成员列表（每个成员以“- ”开头）", "members must be a list of members (each starting with '- ')")
TOO_MANY_MEMBERS = Text("成员超过 {n} 个，其余未读取", "more than {n} members; the rest were not read")
MEMBER_NAME_TWICE = Text("成员名称“{name}”重复", "member name {name!r} is given twice")
CONFIG_ERRORS = Text("rollup.yaml 有错误：\n{lines}", "rollup.yaml has errors:\n{lines}")
CONFIG_ERROR_LINE = Text("  {where}: {message}", "  {where}: {message}")
