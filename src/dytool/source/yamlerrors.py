"""What the YAML parser raised, as a located finding in Chinese and English.

The parser is libyaml (through PyYAML's C extension) or, where PyYAML was built without it,
PyYAML's pure-Python parser.  Their problems arrive as English sentences; each known one has
a Chinese reading here, and an unknown one (a future libyaml's) is still said in Chinese,
with the parser's own words kept in parentheses.

Some problems are not about the text's syntax but about limits the parser keeps for itself.
libyaml 0.2.6 (bundled since PyYAML 6.0.4) stops at 1,000 levels of nesting, and its
scanner reads a whole flow collection (``[[[[…``) ahead before it hands out the first event,
so it can refuse a file before :mod:`dytool.source.yamlread`'s own depth guard (64 levels) sees any
event.  Those limits become the finding of dytool's own limit (``DY005``, ``DY002``), so the
result does not depend on which libyaml is bundled.
"""

from __future__ import annotations

from typing import Any

import yaml

from dytool.core.codes import CODES, Pos
from dytool.core.findings import Finding
from dytool.source.hints import text_hint

__all__ = ["LIBYAML_PROBLEMS_ZH", "libyaml_version", "memory_finding", "problem_zh", "reader_finding", "syntax_finding"]

LIBYAML_PROBLEMS_ZH: tuple[tuple[str, str], ...] = (
    # (a distinctive part of the parser's problem, libyaml's or PyYAML's wording) -> Chinese
    ("could not find expected ':'", "找不到应有的冒号“:”（字段名后要有半角冒号和空格；字段名不能超过 1024 个字符）"),
    ("mapping values are not allowed", "这里不能出现“字段: 值”（多半是缩进不对，或值里有未加引号的冒号）"),
    ("sequence entries are not allowed", "这里不能开始“- ”列表项（多半是缩进不对）"),
    ("mapping keys are not allowed", "这里不能出现“? ”（显式字段名）"),
    ("cannot start any token", "这个字符不能出现在这里（Tab、@ 或 ` 开头的值要加引号）"),
    ("did not find expected key", "找不到应有的字段名（多半是缩进不一致）"),
    ("did not find expected '-' indicator", "找不到应有的“- ”（列表各项的缩进不一致）"),
    ("did not find expected node content", "这里缺少值"),
    ("expected the node content", "这里缺少值"),
    ("found unexpected end of stream", "文件意外结束（引号或括号没有闭合）"),
    ("found unknown escape character", "双引号里的转义字符无法识别（写反斜杠请改用单引号）"),
    ("hexdecimal number", "双引号里 \\x、\\u、\\U 之后应是十六进制数字"),
    ("hexadecimal numbers", "双引号里 \\x、\\u、\\U 之后应是十六进制数字"),
    ("invalid Unicode character escape code", "双引号里的 \\u 转义不是有效的字符"),
    ("expected <block end>", "缩进不一致"),
    ("',' or ']'", "方括号列表没有闭合，或逗号缺失"),
    ("',' or '}'", "花括号没有闭合，或逗号缺失"),
    ("found a tab character", "缩进里有 Tab 字符"),
    ("found unexpected ':'", "这里不能出现冒号（请给整个值加引号）"),
    ("<document start>", "一个值结束后又出现了内容（多半是缩进不对，或少了“- ”）"),
    ("<stream-start>", "文件开头无法读取"),
    ("comment or line break", "值后面多了内容（这里应当换行，或以 # 开始注释）"),
    ("comment or a line break", "值后面多了内容（这里应当换行，或以 # 开始注释）"),
    ("whitespace or line break", "这里应当有空格或换行"),
    ("expected whitespace", "这里应当有空格"),
    ("expected ' '", "这里应当有空格"),
    ("alphabetic or numeric character", "& 或 * 之后应是字母或数字（如果它们是正文的一部分，请给整段文字加引号）"),
    ("unexpected document indicator", "引号里的文字中，行首出现了 --- 或 ...（文档分隔符）"),
    ("unexpected document separator", "引号里的文字中，行首出现了 --- 或 ...（文档分隔符）"),
    ("indentation indicator", "| 或 > 后面的缩进数字只能是 1 到 9"),
    ("chomping or indentation indicators", "| 或 > 后面只能写 +、- 或 1 到 9 的数字"),
    ("the expected '>'", "标签 !<…> 没有闭合"),
    ("tag URI", "标签写法有误"),
    ("expected URI", "标签写法有误"),
    ("URI escaped octet", "标签写法有误"),
    ("URI escape sequence", "标签写法有误"),
    ("UTF-8 octet", "标签中的 % 转义不是有效的 UTF-8"),
    ("expected '!'", "标签写法有误"),
    ("tag handle", "标签前缀没有定义"),
    ("directive", "以 % 开头的指令写法有误（dytool 不允许使用 %YAML 和 %TAG 指令）"),
    ("version number", "%YAML 指令的版本号写法有误"),
    ("digit or '.'", "%YAML 指令的版本号写法有误"),
    ("non-alphabetical character", "以 % 开头的指令写法有误"),
    ("incompatible YAML document", "%YAML 指令要求的版本不受支持"),
    ("expected nothing after STREAM-END", "文件结束后还有内容"),
    ("maximum nesting depth", "嵌套层次过深"),
)

_LIMITS = {
    # libyaml's own limits -> the finding of dytool's own limit for the same thing
    "maximum nesting depth": "yaml-too-deep",
    "input is too long": "file-too-large",
}


def libyaml_version() -> tuple[int, ...] | None:
    """The bundled libyaml's version, or None when PyYAML runs its pure-Python parser."""
    try:
        from yaml._yaml import get_version  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # pragma: no cover - depends on how PyYAML was built
        return None
    return tuple(int(part) for part in get_version())


def problem_zh(problem: str) -> str:
    """The parser's problem in Chinese: a known reading, or a plain sentence (the parser's
    English stays in the English message)."""
    return next((zh for en, zh in LIBYAML_PROBLEMS_ZH if en in problem), "无法按 YAML 读懂这里（检查缩进、冒号和引号）")


def _pos(file: str, mark: Any, line_offset: int) -> Pos:
    if mark is None:
        return Pos(file)
    return Pos(file, mark.line + 1 + line_offset, mark.column + 1)


def _limit_finding(code: str, pos: Pos, problem: str) -> Finding:
    from dytool.source.readfile import MAX_BYTES
    from dytool.source.yamlread import MAX_DEPTH

    if code == "yaml-too-deep":
        return CODES[code].at(
            pos, f"嵌套超过 {MAX_DEPTH} 层（YAML 解析库在这里达到了它自己的嵌套上限）",
            f"nesting deeper than {MAX_DEPTH} levels (the YAML library reached its own limit here: {problem})",
            hint_zh="把深层的内容拆成单独的记录，用编号引用", hint_en="split the deep part into records of their own and refer to them by id",
        )
    return CODES[code].at(
        pos, f"文件超过 YAML 解析库能读的长度（上限 {MAX_BYTES // 1024} KiB）",
        f"the file is longer than the YAML library can read ({problem}; the limit is {MAX_BYTES // 1024} KiB)",
        hint_zh="把文件拆成几个较小的文件", hint_en="split the file into smaller ones",
    )


def syntax_finding(exc: yaml.MarkedYAMLError, text: str, file: str, line_offset: int) -> Finding:
    """A scanner or parser error at its place; a limit of the parser's as dytool's own limit."""
    mark = exc.problem_mark or exc.context_mark
    problem = (exc.problem or exc.context or "syntax error").strip()
    limit = next((code for words, code in _LIMITS.items() if words in problem), None)
    if limit is not None:
        return _limit_finding(limit, _pos(file, mark, line_offset), problem)
    line_text = ""
    if mark is not None:
        lines = text.split("\n")
        if 0 <= mark.line < len(lines):
            line_text = lines[mark.line]
    hint_zh, hint_en = text_hint(line_text)
    return CODES["yaml-syntax"].at(
        _pos(file, mark, line_offset),
        f"YAML 语法错误：{problem_zh(problem)}",
        f"YAML syntax error: {problem}",
        hint_zh=hint_zh,
        hint_en=hint_en,
    )


def reader_finding(exc: yaml.reader.ReaderError, text: str, file: str, line_offset: int) -> Finding:
    """A reader error (a character YAML refuses, or input too long) at its place."""
    position = exc.position if isinstance(exc.position, int) else 0
    prefix = text.encode("utf-8", errors="surrogatepass")[: max(0, position)].decode("utf-8", errors="ignore")  # libyaml counts bytes
    line = prefix.count("\n") + 1 + line_offset
    column = len(prefix) - (prefix.rfind("\n") + 1) + 1
    reason = str(exc.reason or "")
    limit = next((code for words, code in _LIMITS.items() if words in reason), None)
    if limit is not None:
        return _limit_finding(limit, Pos(file, line, column), reason)
    character = exc.character
    char = character if isinstance(character, str) else chr(character) if isinstance(character, int) and 0 <= character <= 0x10FFFF else ""
    if len(char) != 1:
        return CODES["yaml-syntax"].at(
            Pos(file, line, column), "文件含有 YAML 不允许的字符",
            f"the file contains a character YAML does not allow ({reason})",
            hint_zh="删除这个字符（常见于从其他软件复制粘贴的文字）", hint_en="delete it (it often comes with text pasted from other programs)",
        )
    code = f"U+{ord(char):04X}"
    return CODES["yaml-syntax"].at(
        Pos(file, line, column),
        f"文件含有不允许的控制字符 {code}", f"the file contains the control character {code}, which YAML does not allow",
        hint_zh="删除这个字符（常见于从其他软件复制粘贴的文字）", hint_en="delete it (it often comes with text pasted from other programs)",
    )


def memory_finding(file: str) -> Finding:
    """The parser ran out of memory (libyaml reports its allocation failures this way)."""
    return CODES["file-too-large"].at(
        Pos(file), "YAML 解析库读这个文件时内存不足", "the YAML library ran out of memory reading this file",
        hint_zh="把文件拆成几个较小的文件", hint_en="split the file into smaller ones",
    )
