"""What the document commands (compile, bulletin, the Word files) say."""

from __future__ import annotations

from dytool.core.messages import Text

TEMPLATE_PROBLEM = Text("{where}: {message}", "{where}: {message}")
MONTH_AFTER_AS_OF = Text("{month} 晚于统计日期 {day}，还没有这一期工作动态（用 --as-of 指定日期）",
                         "{month} begins after the as-of day {day}: there is no such bulletin yet (set --as-of)")
BULLETIN_STEM = Text("{title}第{number}期（{month}）", "{title}第{number}期（{month}）")
BULLETIN_TITLE = Text("{title}第{number}期", "{title}第{number}期")
OFFICE_SECONDS = Text("LibreOffice 用时 {seconds:.1f} 秒", "LibreOffice {seconds:.1f} s")
NEEDS_OFFICE_FOR_PDF = Text("生成 PDF 需要 LibreOffice，但本机没有找到（Debian/Ubuntu：apt-get install libreoffice-writer；Windows：安装 LibreOffice 后重试）",
                            "PDF needs LibreOffice, which was not found (Debian/Ubuntu: apt-get install libreoffice-writer; "
                            "Windows: install LibreOffice and try again)")
NO_OFFICE_FOR_PAGES = Text("目录页码需要 LibreOffice，本机没有找到；Word 打开时会更新目录",
                           "page numbers in the contents need LibreOffice, which was not found; Word updates the contents on opening")
PAGES_NOT_UPDATED = Text("目录页码未能由 LibreOffice 更新（需要 LibreOffice 的 Python 组件，Debian：python3-uno）",
                         "LibreOffice could not update the contents' page numbers (it needs its Python component; Debian: python3-uno)")
TEMPLATE_UNREADABLE = Text("模板“{name}”无法读取：{reason}", "template {name!r} cannot be read: {reason}")
