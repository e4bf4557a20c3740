"""The catalogue of finding codes.

Codes are stable: tools, CI filters and people's notes refer to them, so a code is never
reused for another meaning.  ``DY0xx`` reading files, ``DY1xx`` record schema, ``DY2xx``
identifiers, references and paths, ``DY3xx`` content checks, ``DY4xx`` campaign rules,
``DY5xx`` the members of a roll-up (reported at the member's entry in ``rollup.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass

from dytool.core.findings import Finding, Severity
from dytool.core.messages import Text

__all__ = ["CODES", "Code", "Pos"]


@dataclass(frozen=True, slots=True)
class Pos:
    """A place in the repository: repository-relative POSIX path, 1-based line and column."""

    file: str
    line: int = 0
    column: int = 0


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    name: str
    severity: Severity
    title_zh: str
    title_en: str

    def at(
        self,
        pos: Pos,
        zh: str | Text,
        en: str = "",
        *,
        hint_zh: str = "",
        hint_en: str = "",
        severity: Severity | None = None,
        related: tuple[str, ...] = (),
        hint: Text | None = None,
    ) -> Finding:
        """A finding of this code at ``pos``: the message a catalogue :class:`Text` (and
        ``hint`` another), or the older pair of strings."""
        if isinstance(zh, Text):
            message = zh
            zh, en = message.zh, message.en
        if hint is not None:
            hint_zh, hint_en = hint.zh, hint.en
        return Finding(
            code=self.code,
            severity=severity or self.severity,
            file=pos.file,
            line=pos.line,
            column=pos.column,
            message_zh=zh,
            message_en=en,
            hint_zh=hint_zh,
            hint_en=hint_en,
            related=related,
        )


E, W = Severity.ERROR, Severity.WARNING

_ALL = [
    # reading files
    Code("DY001", "not-utf8", E, "文件不是 UTF-8 编码", "file is not UTF-8"),
    Code("DY002", "file-too-large", E, "文件过大", "file too large"),
    Code("DY003", "yaml-syntax", E, "YAML 语法错误", "YAML syntax error"),
    Code("DY004", "yaml-alias", E, "不允许使用锚点和别名", "anchors and aliases are not allowed"),
    Code("DY005", "yaml-too-deep", E, "嵌套层次过深", "nesting too deep"),
    Code("DY006", "yaml-documents", E, "一个文件只能有一个文档", "one document per file"),
    Code("DY007", "yaml-tag", E, "不允许使用自定义标签", "tags are not allowed"),
    Code("DY008", "yaml-directive", E, "不允许使用 %YAML/%TAG 指令", "directives are not allowed"),
    Code("DY009", "duplicate-key", E, "同一字段写了两次", "key given twice"),
    Code("DY010", "complex-key", E, "字段名必须是简单文字", "keys must be plain text"),
    Code("DY011", "fullwidth-colon", E, "字段名后用了全角冒号", "full-width colon after a key"),
    Code("DY012", "file-shape", E, "文件内容应为一条记录或记录列表", "file must hold a record or a list"),
    Code("DY013", "unreadable-file", E, "文件无法读取", "file cannot be read"),
    Code("DY014", "too-many-records", E, "单个文件记录过多", "too many records in one file"),
    Code("DY015", "missing-file", E, "缺少必需的文件", "required file missing"),
    Code("DY016", "front-matter", E, "报告缺少 YAML 头信息", "report front matter missing"),
    Code("DY017", "bad-indent", E, "用全角空格或不换行空格缩进", "indented with a full-width or no-break space"),
    Code("DY018", "empty-file", W, "记录文件中没有记录", "record file holds no record"),
    Code("DY019", "unportable-name", E, "文件名在 Windows 上无法使用", "file name Windows cannot hold"),
    # record schema
    Code("DY101", "unknown-field", E, "未知字段", "unknown field"),
    Code("DY102", "missing-field", E, "缺少必填字段", "required field missing"),
    Code("DY103", "wrong-type", E, "字段类型不对", "wrong type"),
    Code("DY104", "bad-choice", E, "取值不在可选范围内", "value not allowed"),
    Code("DY105", "bad-date", E, "日期无法识别", "date not understood"),
    Code("DY106", "number-for-text", E, "应为文字却写成了数字", "number where text is expected"),
    Code("DY107", "bad-id", E, "编号格式不对", "malformed id"),
    Code("DY108", "bad-value", E, "取值不合要求", "value out of range"),
    # identifiers, references, paths
    Code("DY201", "duplicate-id", E, "编号重复", "duplicate id"),
    Code("DY202", "dangling-ref", E, "引用的编号不存在", "reference to a missing id"),
    Code("DY203", "wrong-kind-ref", E, "引用了其他类型的记录", "reference to the wrong kind"),
    Code("DY204", "report-mismatch", E, "课题与报告不一致", "topic and report disagree"),
    Code("DY205", "missing-path", E, "引用的文件不存在", "referenced file missing"),
    Code("DY206", "path-outside", E, "路径超出仓库范围", "path leaves the repository"),
    Code("DY207", "bad-image", E, "报告中的图片无法使用", "an image of a report cannot be used"),
    Code("DY208", "bad-reference-docx", E, "Word 参考文档无法使用", "the Word reference document cannot be used"),
    # content
    Code("DY301", "end-before-start", E, "结束日期早于开始日期", "end before start"),
    Code("DY302", "outside-period", W, "日期不在活动期间内", "date outside the campaign period"),
    Code("DY303", "closed-incomplete", E, "销号信息不全", "closed without owner, day or evidence"),
    Code("DY304", "open-unowned", W, "未销号问题缺少责任单位或整改时限", "open problem lacks owner or due"),
    Code("DY305", "done-after-as-of", W, "完成日期晚于统计日期", "done date after the as-of day"),
    Code("DY306", "systemic-no-institution", W, "制度性问题没有对应制度", "systemic problem without institution"),
    Code("DY307", "stage-gap", W, "课题阶段缺环", "topic skips a stage"),
    Code("DY308", "status-mismatch", E, "状态与日期不一致", "status and date disagree"),
    Code("DY309", "personal-id", W, "正文含身份证号", "resident ID number in free text"),
    Code("DY310", "personal-phone", W, "正文含手机号", "mobile number in free text"),
    Code("DY311", "bad-recurring", E, "周期性要求无法识别", "recurring rule not understood"),
    Code("DY312", "stray-submission", W, "报送记录对不上任何期次", "submission matches no occurrence"),
    Code("DY313", "control-char", E, "文字中有控制字符", "control character in text"),
    # campaign rules (量化要求); severity follows each rule's level
    Code("DY401", "leader-topics", W, "领导领题数不符合要求", "leader topic count outside the rule"),
    Code("DY402", "unit-topics", W, "单位课题数不符合要求", "unit topic count outside the rule"),
    Code("DY403", "visit-days", W, "月度调研天数不足", "too few visit days in a month"),
    Code("DY404", "squat-days", W, "蹲点天数不符合要求", "squat length outside the rule"),
    Code("DY405", "resolved-per-year", W, "年内解决实事数不足", "too few problems resolved in the year"),
    Code("DY406", "host-burden", W, "基层接待调研过于集中", "a host received too many visits"),
    Code("DY407", "accompanying", W, "陪同人数超过上限", "too many accompanying staff"),
    Code("DY408", "topic-required", W, "调研没有注明课题", "visit names no topic"),
    Code("DY409", "report-length", W, "报告字数超过上限", "report longer than allowed"),
    Code("DY410", "visits-per-period", W, "每期调研次数不足", "too few visits in a period"),
    # the members of a roll-up (rollup.yaml)
    Code("DY501", "member-unavailable", E, "成员数据无法获取", "member's data cannot be obtained"),
    Code("DY502", "member-malformed", E, "成员数据无法读取", "member's data is malformed"),
    Code("DY503", "member-version", E, "成员数据的格式版本不符", "member's data has another schema version"),
    Code("DY504", "member-invalid", E, "成员数据不符合格式", "member's data does not match the schema"),
    Code("DY505", "member-stale", W, "成员数据过期", "member's data is stale"),
    Code("DY506", "member-future", W, "成员数据晚于统计日期", "member's data is later than the as-of day"),
    Code("DY507", "member-campaign", E, "成员数据不是指定的活动", "member's data is of another campaign"),
    Code("DY508", "member-duplicate", W, "两个成员的数据来自同一活动", "two members publish the same campaign"),
    Code("DY509", "member-errors", W, "成员仓库有错误", "member's repository has errors"),
]

CODES: dict[str, Code] = {c.name: c for c in _ALL}
