"""What dytool says when git is involved (``diff``, ``status --since``, ``check
--changed-since``, ``site``, the roll-up's members).  git's own words are English: Chinese
output says what failed, and git's text is kept for English output and ``--debug``."""

from __future__ import annotations

from dytool.core.messages import Text

MISSING = Text("找不到 git 命令：请先安装 git", "git was not found; install git first")
CANNOT_RUN = Text("无法运行 git：{reason}", "cannot run git: {reason}")
FAILED = Text("git {command} 失败（退出码 {code}）", "git {command} failed: {detail}")
DEBUG_HINT = Text("加 --debug 查看 git 的说明", "run again with --debug for details")
NOT_A_REPOSITORY = Text("“{path}”不在 git 仓库中，无法比较版本", "{path!r} is not inside a git repository, so revisions cannot be compared")
NOT_A_REPOSITORY_HINT = Text("在仓库目录中运行 git init，提交后再试", "run 'git init' there and commit first")
DASH_REVISION = Text("版本名不能以 - 开头：{ref}", "a revision cannot start with '-': {ref}")
UNKNOWN_REVISION = Text("找不到版本“{ref}”", "unknown revision {ref!r}")
UNKNOWN_REVISION_HINT = Text("检查分支名或提交号；在 CI 中请完整检出历史（如 actions/checkout 的 fetch-depth: 0）",
                             "check the branch or commit name; in CI, fetch the full history (e.g. fetch-depth: 0 for actions/checkout)")
MERGE_FILE_FAILED = Text("git merge-file 失败（退出码 {code}）", "git merge-file failed: {detail}")
NOT_ALLOWED = Text("{what}“{value}”不合要求", "{what} {value!r} is not allowed")
CANNOT_FETCH = Text("无法取得分支“{ref}”：地址不对、分支不存在或没有访问权限", "cannot fetch {ref!r}: {detail}")
COMMIT_NOT_ALLOWED = Text("提交号“{commit}”不合要求", "commit {commit!r} is not allowed")
TOO_LARGE = Text("成员仓库过大，已拒绝", "the member's repository is too large; refused")
