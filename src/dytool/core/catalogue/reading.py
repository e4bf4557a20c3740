"""Reading files: what the findings about a file's bytes, encoding and YAML say (DY0xx), and
the Chinese readings of the YAML parser's own problems."""

from __future__ import annotations

from dytool.core.messages import Text

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

# ---------------------------------------------------------------- the YAML parser
UNKNOWN_PROBLEM = Text("无法按 YAML 读懂这里（检查缩进、冒号和引号）", "{problem}")
SYNTAX = Text("YAML 语法错误：{problem}", "YAML syntax error: {problem}")
TOO_DEEP_FOR_LIBRARY = Text("嵌套超过 {depth} 层（YAML 解析库在这里达到了它自己的嵌套上限）",
                            "nesting deeper than {depth} levels (the YAML library reached its own limit here: {problem})")
TOO_DEEP_HINT = Text("把深层的内容拆成单独的记录，用编号引用", "split the deep part into records of their own and refer to them by id")
TOO_LONG_FOR_LIBRARY = Text("文件超过 YAML 解析库能读的长度（上限 {kib} KiB）",
                            "the file is longer than the YAML library can read ({problem}; the limit is {kib} KiB)")
SPLIT_HINT = Text("把文件拆成几个较小的文件", "split the file into smaller ones")
CHARACTER_NOT_ALLOWED = Text("文件含有 YAML 不允许的字符", "the file contains a character YAML does not allow ({reason})")
CONTROL_CHARACTER = Text("文件含有不允许的控制字符 {code}", "the file contains the control character {code}, which YAML does not allow")
DELETE_CHARACTER_HINT = Text("删除这个字符（常见于从其他软件复制粘贴的文字）", "delete it (it often comes with text pasted from other programs)")
OUT_OF_MEMORY = Text("YAML 解析库读这个文件时内存不足", "the YAML library ran out of memory reading this file")

# ---------------------------------------------------------------- what Chinese keyboards and Windows editors put in
FULLWIDTH_COLON = Text("字段“{key}”后面用了全角冒号“：”，YAML 把整行当成了文字", "key {key!r} is followed by a full-width colon '：'; YAML reads the line as text")
FULLWIDTH_COLON_HINT = Text("改成半角冒号加空格：“{key}: ”", "use an ASCII colon and a space: '{key}: '")
FULLWIDTH_INDENT = Text("这一行用全角空格缩进了，YAML 不认作缩进", "this line is indented with a full-width space (U+3000), which YAML does not take as indentation")
NBSP_INDENT = Text("这一行含不换行空格（NBSP，常见于从网页或 Word 复制），YAML 不认作缩进",
                   "this line is indented with a no-break space (U+00A0, as pasted from Word or a web page), which YAML does not take as indentation")
REINDENT_HINT = Text("把行首的空白删掉，重新用半角空格缩进", "delete the leading white space and indent with ASCII spaces")
TAB_HINT = Text("这一行用 Tab 缩进了；YAML 只能用空格缩进", "this line is indented with a tab; YAML indents with spaces only")
FULLWIDTH_SPACE_HINT = Text("这一行用全角空格缩进了；请改用半角空格", "this line is indented with a full-width space (U+3000); use ASCII spaces")
NBSP_HINT = Text("这一行含不换行空格（NBSP），常见于从网页或 Word 复制；请改用普通空格",
                 "this line is indented with a no-break space (U+00A0), as pasted from Word or a web page; use ASCII spaces")
COLON_HINT = Text("字段名后应使用半角冒号“:”加空格，而不是全角“：”", "use an ASCII colon and a space after a key, not '：'")
QUOTES_HINT = Text("含引号的值：请用半角引号 \" 把整个值括起来", "for a value with quotes, wrap the whole value in ASCII quotes")
SPECIAL_START_HINT = Text("以 {char} 开头的值在 YAML 中另有含义（* 是别名）：请给整个值加引号，写成 {quoted}",
                          "a value starting with {char} means something else in YAML (* is an alias): quote the whole value, {quoted}")
UTF16 = Text("文件是 {name} 编码，dytool 只读 UTF-8", "the file is {name} encoded; dytool reads UTF-8 only")
NOT_UTF8 = Text("文件不是 UTF-8 编码，{looks}", "the file is not UTF-8; {looks}")
LOOKS_GB18030 = Text("看起来是 GB18030/GBK 编码（Windows 中文版的默认编码）", "it looks like GB18030/GBK (the default on Chinese Windows)")
ENCODING_UNKNOWN = Text("编码无法识别", "its encoding is not recognised")
SAVE_AS_UTF8_HINT = Text("用记事本或 VS Code 打开，另存为时选择编码“UTF-8”", "open it in an editor and save it again with the encoding 'UTF-8'")

# The reader's own refusals (source/yamlread.py)
TAG_MISFIT = Text("“{value}”不符合标签 {tag}", "{value!r} does not fit its tag {tag}")
SECOND_DOCUMENT = Text("一个文件只能写一个 YAML 文档（不要用第二个 ---）", "a file holds exactly one YAML document (no second ---)")
SECOND_DOCUMENT_HINT = Text("把第二部分移到单独的文件，或合并为一个列表", "move the second part to its own file, or merge both into one list")
DIRECTIVE = Text("不允许使用 %YAML 或 %TAG 指令", "%YAML and %TAG directives are not allowed")
DIRECTIVE_HINT = Text("删除以 % 开头的行", "delete the line starting with %")
COMPLEX_KEY = Text("字段名不能是列表或映射", "a key must be plain text, not a list or mapping")
DUPLICATE_KEY = Text("字段“{key}”在同一条记录中出现了两次", "key {key!r} appears twice in the same mapping")
DUPLICATE_KEY_HINT = Text("删掉重复的一行，或把两处内容合并", "delete one of the two lines or merge them")
TOO_DEEP = Text("嵌套超过 {depth} 层", "nesting deeper than {depth} levels")
UNPARSEABLE = Text("YAML 无法解析（{kind}）", "YAML could not be parsed ({kind}: {detail})")
ALIAS = Text("不允许使用 YAML 锚点（&）和别名（*）", "YAML anchors (&) and aliases (*) are not allowed")
ALIAS_HINT = Text("把内容直接写出来；如果 & 或 * 是正文的一部分，请给整段文字加引号",
                  "write the content out; if & or * is part of the text, quote the whole value")
TAG_NOT_ALLOWED = Text("不允许使用标签 {tag}", "tag {tag} is not allowed")
TAG_NOT_ALLOWED_HINT = Text("删除以 ! 开头的标签；如果 ! 是正文的一部分，请加引号", "remove the tag starting with !; if ! is part of the text, quote the value")
