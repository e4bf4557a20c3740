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
TEMPLATE_NAME_REFUSED = Text("模板名“{name}”不允许", "template name {name!r} is not allowed")
TEMPLATE_IS_LINK = Text("模板“{name}”是链接，已拒绝", "template {name!r} is a link; refused")
TEMPLATE_OUTSIDE = Text("模板“{name}”在模板目录之外，已拒绝", "template {name!r} lies outside the template folder; refused")
TEMPLATE_NOT_REGULAR = Text("模板“{name}”不是普通文件，已拒绝", "template {name!r} is not a regular file; refused")
TEMPLATE_IGNORED = Text("模板“{name}”被 git 忽略，不属于仓库内容，已拒绝", "template {name!r} is ignored by git, so it is not part of the repository; refused")
TEMPLATE_TOO_MUCH = Text("模板“{name}”输出超过上限", "template {name!r} produced more than the output limit")
TEMPLATE_SYNTAX = Text("模板语法错误", "template syntax error: {detail}")
TEMPLATE_UNDEFINED = Text("模板用到了未定义的变量", "the template uses an undefined variable: {detail}")
TEMPLATE_UNDEFINED_NAMED = Text("模板用到了未定义的变量“{name}”", "the template uses an undefined variable: {detail}")
TEMPLATE_UNSAFE = Text("模板试图做不安全的操作，已拒绝", "the template tried something unsafe and was refused: {detail}")
TEMPLATE_NOT_FOUND = Text("找不到模板“{name}”", "template {name!r} not found")
TEMPLATE_RECURSION = Text("模板递归过深", "the template recursed too deeply")
TEMPLATE_FAILED = Text("模板出错：{kind}", "template failed: {kind}: {detail}")
OLD_JINJA = Text("已安装的 Jinja2 过旧（存在已知的沙箱逃逸），拒绝使用本活动的模板；请升级：pip install -U 'jinja2>=3.1.6'",
                 "the installed Jinja2 is too old (known sandbox escapes): campaign templates refused; upgrade with pip install -U 'jinja2>=3.1.6'")
TEMPLATES_TOO_SLOW = Text("模板渲染总用时超过 {seconds:.0f} 秒，已中止", "the templates took longer than {seconds:.0f} s in all; stopped")
TEMPLATES_TOO_SLOW_IN = Text("模板渲染总用时超过 {seconds:.0f} 秒，已中止（在“{name}”）", "the templates took longer than {seconds:.0f} s in all; stopped (in {name!r})")
TEMPLATE_RENDER_FAILED = Text("模板“{name}”渲染失败", "template {name!r} failed to render")
MONTH_OUTSIDE_PERIOD = Text("{month} 不在活动期间（{first} 至 {last}）内，没有这一期工作动态",
                            "{month} lies outside the campaign period ({first} to {last}): no bulletin for it")
