"""The words of ``dytool check``'s report for people (the findings' own messages come with
them, from the checks)."""

from __future__ import annotations

from dytool.core.messages import Text

SEVERITY = {"error": Text("错误", "error"), "warning": Text("警告", "warning")}
HINT = Text("提示：{hint}", "hint: {hint}")
SCOPE = Text("{files} 个文件，{records} 条记录", "{files} files, {records} records")
CLEAN = Text("✓ 未发现问题（{scope}）", "✓ no problems found ({scope})")
TOTALS = Text("共 {errors} 个错误、{warnings} 个警告（{scope}）", "{errors} error(s), {warnings} warning(s) ({scope})")
MORE_OF_CODE = Text("另有 {n} 个同类问题（{code}）未列出", "{n} more finding(s) of {code} in this file not listed")
MORE_OF_CODE_HINT = Text("先改正上面列出的，再运行一次检查", "correct the ones listed, then check again")
REFUSED_FINDING = Text("  {where}: {code} {message}", "  {where}: {code} {message}")
REFUSED_FINDING_HINT = Text("  {where}: {code} {message}（{hint}）", "  {where}: {code} {message} ({hint})")
