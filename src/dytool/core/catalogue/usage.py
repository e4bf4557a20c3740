"""The command line: options, paths and repositories (usage errors exit with 2)."""

from __future__ import annotations

from dytool.core.messages import Text

# ---------------------------------------------------------------- options
CHOICES = Text("{option} 只能是 {choices}", "{option} must be one of {choices}")
FORMAT_LIST = Text("--format 只能是 {choices}（可用逗号连写，如 docx,pdf）", "--format must be one of {choices} (or a list such as docx,pdf)")
NO_SUCH_ID = Text("{option}：找不到编号“{id}”", "{option}: no {kind} with id {id!r}")
NO_SUCH_OPTION = Text("没有选项 {option}", "no such option: {option}")
NO_SUCH_OPTION_CLOSE = Text("没有选项 {option}；是不是 {close}？", "no such option: {option}; did you mean {close}?")
NO_SUCH_COMMAND = Text("没有命令“{command}”", "no such command: {command!r}")
MISSING_VALUE = Text("{option} 后面缺少取值", "{option} needs a value")
MISSING_ARGUMENT = Text("缺少参数 {argument}", "missing argument {argument}")
EXTRA_ARGUMENTS = Text("多余的参数：{arguments}", "unexpected extra argument(s): {arguments}")
BAD_VALUE = Text("{option} 的取值“{value}”不合要求", "invalid value for {option}: {value!r}")
BAD_VALUE_PLAIN = Text("{option} 的取值不合要求", "invalid value for {option}")
USAGE_ERROR = Text("命令行用法不对", "the command line is not understood")
SEE_HELP = Text("运行 {command} --help 查看用法", "see {command} --help")
BAD_DAY = Text("{source} 的日期“{text}”无法识别，请写成 2023-09-15", "{source}: {text!r} is not a date; write it as 2023-09-15")
DAY_OUT_OF_RANGE = Text("{source} 的日期 {day} 超出范围（{first}—{last} 年）", "{source}: {day} is out of range (years {first}-{last})")
BAD_MONTH = Text("--month 应写成 2023-06，而不是“{month}”", "--month must look like 2023-06, not {month!r}")
NO_THEME = Text("--theme：找不到主题“{theme}”", "--theme: no theme {theme!r} in campaign.yaml")
NO_UNIT = Text("--unit “{text}”：units.yaml 中没有这个单位", "--unit {text!r}: no such unit in units.yaml")
UNIT_CANDIDATES = Text("--unit “{text}”：可能是 {candidates}", "--unit {text!r}: could be {candidates}")
PER_UNIT_FORMATS = Text("--per-unit 只用于 xlsx 或 csv", "--per-unit works with xlsx and csv only")

# ---------------------------------------------------------------- folders and repositories
NO_DIRECTORY = Text("目录“{path}”不存在", "directory {path!r} does not exist")
NOT_A_FOLDER = Text("“{path}”不是目录", "{path!r} is not a folder")
NO_REPOSITORY = Text("在“{path}”及其上级目录中找不到 campaign.yaml：这里不是调研活动仓库",
                     "no campaign.yaml in {path!r} or above it: not a campaign repository")
NO_REPOSITORY_HINT = Text("用 -C 指定仓库目录，或用 dytool init 新建一个", "point to one with -C DIR, or create one with 'dytool init'")
NO_ROLLUP = Text("在“{path}”及其上级目录中找不到 rollup.yaml：这里不是汇总仓库",
                 "no rollup.yaml in {path!r} or above it: not a roll-up repository")
NO_ROLLUP_HINT = Text("用 -C 指定汇总仓库目录，或用 dytool init --rollup 新建一个",
                      "point to one with -C DIR, or create one with 'dytool init --rollup'")
NO_SUCH_FILE = Text("找不到文件“{path}”", "no such file: {path!r}")
LINKED_CACHE = Text("注意：.dytool 或 .dytool/cache 是链接（或不是文件夹），已关闭缓存",
                    "note: .dytool or .dytool/cache is a link (or not a folder); the cache is off")

# ---------------------------------------------------------------- writing what the user asked for
CANNOT_WRITE = Text("无法写入“{path}”：{reason}", "cannot write {path!r}: {reason}")
CANNOT_WRITE_HINT = Text("检查路径、文件夹权限和磁盘空间", "check the path, the folder's permissions and the free space")
CANNOT_WRITE_OPEN_HINT = Text("文件是否正在 Word、WPS 或 Excel 中打开？关闭后重试；否则检查文件夹权限",
                              "is the file open in Word, WPS or Excel? Close it and try again; otherwise check the folder's permissions")
CANNOT_READ = Text("无法读取“{path}”：{reason}", "cannot read {path!r}: {reason}")
NUL_IN_PATH = Text("路径中有空字符：{path!r}", "the path holds a NUL character: {path!r}")
OUTPUT_IS_LINK = Text("“{path}”是链接，拒绝通过它写入", "{path!r} is a link; refusing to write through it")
OUTPUT_IS_LINK_HINT = Text("写到一个普通文件或文件夹中", "write to a plain file or folder instead")
OUTPUT_IS_FOLDER = Text("“{path}”是文件夹，不能作为输出文件", "{path!r} is a folder, not a file")
NO_READER = Text("没有程序在读取这个管道", "no program is reading from this pipe")
DEFAULT_FOLDER_LINK = Text("“{name}”不是普通文件夹（可能是链接），拒绝写入", "{name!r} is not a plain folder (a link?); refusing to write into it")
DEFAULT_FOLDER_LINK_HINT = Text("删除这个链接，或用 -o 指定输出目录", "remove the link, or choose a folder with -o")
NEEDS_FILE = Text("--format {format} 要写入文件：用 -o 指定", "--format {format} writes a file: name it with -o")

# ---------------------------------------------------------------- the repository's state
REPOSITORY_ERRORS = Text("仓库有 {n} 个错误，{consequence}（运行 dytool check 查看）",
                         "the repository has {n} error(s); {consequence} (run 'dytool check')")
INCOMPLETE_BRIEFING = Text("简报可能不完整", "the briefing may be incomplete")
INCOMPLETE_SITE = Text("网站可能不完整", "the site may be incomplete")
LEFT_OUT_OF_EXPORT = Text("有错的记录没有导出", "invalid records were left out")
LEFT_OUT_OF_SUMMARY = Text("有错的记录没有计入", "invalid records are not counted")
CAMPAIGN_ERRORS = Text("campaign.yaml 有错误，无法{what}；先运行 dytool check 查看并改正",
                       "campaign.yaml has errors, so there is no {what}; run 'dytool check' and fix them")
WHAT_DOCUMENT = Text("生成文档", "document")
WHAT_SITE = Text("生成网站", "site")
WHAT_SUMMARY = Text("发布汇总数据", "summary to publish")
