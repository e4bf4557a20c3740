"""The words of ``dytool doctor`` (and ``dytool --version --verbose``)."""

from __future__ import annotations

from dytool.core.messages import Text

SYSTEM = Text("系统：{system}", "system: {system}")
LIBRARIES = Text("依赖库：", "libraries:")
NOT_INSTALLED = Text("未安装", "not installed")
NO_LIBYAML = Text("（无 libyaml：纯 Python 解析，较慢）", " (no libyaml: slow pure-Python parser)")
LIBREOFFICE_NOT_FOUND = Text("LibreOffice：未找到（仅在把 Word 文件转成 PDF 时需要）", "LibreOffice: not found (needed only to turn the Word files into PDF)")
CACHE = Text("缓存：{path}（签名密钥）", "cache: {path} (signing key)")
REPOSITORY_CACHE = Text("本仓库缓存：{path}", "cache of this repository: {path}")
NOT_IN_REPOSITORY = Text("当前目录不在调研活动仓库中", "not inside a campaign repository")
HOLIDAYS = Text("节假日数据：chinesecalendar {version}，{first}—{last} 年", "holiday calendar: chinesecalendar {version}, {first}-{last}")
NO_HOLIDAYS = Text("节假日数据：不可用", "holiday calendar: not available")
ENCODING = Text("终端编码：{encoding}", "console encoding: {encoding}")
