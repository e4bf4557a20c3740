"""What the commands between offices and the site say (publish, rollup, site)."""

from __future__ import annotations

from dytool.core.messages import Text

PUBLISHED = Text("已发布：{path}", "published: {path}")
EXPORTED = Text("已导出：{path}", "exported: {path}")
SITE_WRITTEN = Text("{path}（{pages} 个页面）", "{path} ({pages} pages)")
SITE_IS_LINK = Text("“{path}”是链接，拒绝写入", "{path!r} is a link; refusing to write through it")
SITE_NOT_OURS = Text("“{path}”不是空目录，也不是 dytool 生成的网站，拒绝覆盖", "{path!r} is neither empty nor a site dytool wrote; refusing to replace it")
SITE_NOT_OURS_HINT = Text("换一个新目录，或先清空它", "choose a new folder, or empty it first")
ROLLUP_XLSX_STEM = Text("汇总台账-{day}", "汇总台账-{day}")
