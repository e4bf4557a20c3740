"""Reading and writing files: what a failure of the operating system or a file's format
means for the user (the reason comes from :func:`~dytool.core.catalogue.system.os_reason`)."""

from __future__ import annotations

from dytool.core.messages import Text

CANNOT_READ = Text("无法读取“{path}”：{reason}", "cannot read {path!r}: {reason}")
CANNOT_READ_SHORT = Text("无法读取：{reason}", "cannot be read: {reason}")
CANNOT_WRITE = Text("无法写入“{path}”：{reason}", "cannot write {path!r}: {reason}")
CANNOT_WRITE_UNCHANGED = Text("无法写入“{path}”：{reason}；文件保持原样", "cannot write {path!r}: {reason}; the file is unchanged")
NAME_TOO_LONG_HINT = Text("文件名是否太长？", "is the file name too long?")
SPACE_HINT = Text("检查磁盘空间和文件夹权限后重试", "check the free disk space and the folder's permissions, then try again")
CANNOT_LOCK = Text("无法锁定仓库以写入：{reason}", "cannot lock the repository for writing: {reason}")
IMAGE_UNREADABLE = Text("图片 {image} 无法读取：{reason}", "image {image} cannot be read: {reason}")
FILE_UNREADABLE = Text("文件无法读取：{reason}", "the file cannot be read: {reason}")
YAML_NOT_EDITABLE = Text("{file} 的 YAML 无法读取，无法修改；先运行 dytool check 改正", "{file}: YAML cannot be read, so it cannot be edited; run 'dytool check' and fix it first: {detail}")
WORD_UNREADABLE = Text("无法读取这个 Word 文件（{kind}）；请在 Word 或 WPS 中另存为 .docx 后重试",
                       "cannot read this Word file ({kind}: {detail}); save it as .docx and try again")
WORKBOOK_UNREADABLE = Text("无法读取 Excel 文件“{name}”（{kind}）；请在 Excel 或 WPS 中另存为 .xlsx 后重试",
                           "cannot read the workbook {name!r}: {kind}: {detail}")
CSV_UNREADABLE = Text("“{name}”第{line}行无法按 CSV 读取", "{name!r} line {line}: not CSV ({detail})")
OFFICE_FAILED = Text("LibreOffice 转换“{name}”失败（{kind}）", "LibreOffice could not convert {name!r}: {detail}")
LINK_LOOP = Text("链接层次过多（可能是循环链接）", "too many levels of links (a loop?)")
NOT_UTF8 = Text("不是 UTF-8 编码", "not UTF-8")
TIMED_OUT = Text("超时", "timed out")
