"""The files ``dytool init`` writes besides campaign.yaml: CI, pre-commit, editor settings."""

from __future__ import annotations

import json

from dytool.source.discover import RECORD_FOLDERS

__all__ = ["CHECK_COMMAND_GITHUB", "CHECK_COMMAND_GITLAB", "site_jobs", "support_files"]

CHECK_COMMAND_GITHUB = "dytool check --format github"
CHECK_COMMAND_GITLAB = "dytool check --format gitlab -o gl-code-quality-report.json"

_GITIGNORE = """\
# dytool 的缓存和临时文件 / dytool's own scratch files
.dytool/
gl-code-quality-report.json
# dytool export 导出的台账 / ledgers written by dytool export
/台账-*
# Office、WPS 打开文件时的临时文件 / lock files of Office and WPS
~$*
.~lock.*#
.DS_Store
Thumbs.db
"""

_GITATTRIBUTES = """\
# 两个分支都在同一文件末尾添加记录（dytool new）时，合并保留两边的记录，不产生冲突；
# 合并后 CI 运行 dytool check，两边改了同一条记录的同一字段时会报“同一字段写了两次”。
# Records added at the end of the same file on two branches merge without a conflict; CI's
# dytool check reports a field both branches changed in the same record (a duplicate key).
{patterns}
"""

_GITHUB = """\
# 每次推送和合并请求都运行 dytool check，问题直接标注在改动的行上。
# Runs dytool check on every push and pull request; findings show as annotations.
name: dytool check
on:
  push:
  pull_request:
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/setup-python@v5
        with:
          python-version: '3.12'
      - name: 安装 dytool / install dytool
        run: pip install "{requirement}"
      - name: 检查仓库 / check the repository
        run: {check}
"""

_GITLAB = """\
# 每次推送和合并请求都运行 dytool check；结果在合并请求的 Code Quality 中显示。
# Runs dytool check on every push and merge request; findings show in Code Quality.
dytool-check:
  image: python:3.12-slim
  script:
    - pip install "{requirement}"
    - {check}
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json
"""

_PRE_COMMIT = """\
# pre-commit（https://pre-commit.com）在每次提交前运行 dytool：pip install pre-commit && pre-commit install
# 需要本机已安装 dytool / needs dytool installed: pip install "{requirement}"
repos:
  - repo: local
    hooks:
      - id: dytool-fmt
        name: dytool fmt（统一 YAML 格式 / canonical YAML style）
        entry: dytool fmt
        language: system
        pass_filenames: false
        files: \\.ya?ml$
      - id: dytool-check
        name: dytool check（检查记录 / check the records）
        entry: dytool check
        language: system
        pass_filenames: false
        files: \\.(ya?ml|md)$
"""

_EDITORCONFIG = """\
root = true

[*]
charset = utf-8
end_of_line = lf
insert_final_newline = true
trim_trailing_whitespace = true

[*.{yaml,yml}]
indent_style = space
indent_size = 2
"""

_README = """\
# {title}

本仓库用 dytool 管理调研活动的记录：

```sh
dytool check                          # 检查全部记录
dytool status                         # 会前简报
dytool new visit --date 2024-05-10 --leaders 领导编号 --hosts 单位编号
dytool new problem --title 问题 --owner-unit 单位编号 --due 6月底前
dytool close P-编号 --evidence 佐证材料   # 销号
dytool export                         # 导出 Excel 台账
dytool import 单位报来的台账.xlsx --kind problems
```

`campaign.yaml` 是活动总体安排；`people.yaml`、`units.yaml` 是人员和单位；
`topics/`、`visits/`、`problems/`、`solutions/`、`institutions/` 是课题、调研活动和三张清单；
`reports/` 是调研报告。每次提交和合并请求都会自动运行 `dytool check`。
`schemas/` 供编辑器边输入边检查；升级 dytool 后运行 `dytool schema -o schemas` 更新。
"""


def support_files(title: str, requirement: str) -> dict[str, str]:
    """Path → text of every file besides campaign.yaml, people.yaml, units.yaml and schemas."""
    schemas = {"campaign.yaml": "campaign", "people.yaml": "people", "units.yaml": "units"}
    mapping = {f"schemas/{name}.schema.json": file for file, name in schemas.items()}
    for kind, folder in RECORD_FOLDERS.items():
        mapping[f"schemas/{kind}.schema.json"] = f"{folder}/**/*.yaml"
    vscode = {"yaml.schemas": mapping, "files.encoding": "utf8", "files.eol": "\n", "[yaml]": {"editor.tabSize": 2, "editor.insertSpaces": True}}
    patterns = [f"{folder}/**/*.yaml merge=union" for folder in RECORD_FOLDERS.values()] + ["people.yaml merge=union", "units.yaml merge=union"]
    files = {
        ".gitignore": _GITIGNORE,
        ".gitattributes": _GITATTRIBUTES.format(patterns="\n".join(patterns)),
        ".github/workflows/dytool.yml": _GITHUB.format(requirement=requirement, check=CHECK_COMMAND_GITHUB),
        ".gitlab-ci.yml": _GITLAB.format(requirement=requirement, check=CHECK_COMMAND_GITLAB),
        ".pre-commit-config.yaml": _PRE_COMMIT.format(requirement=requirement),
        ".editorconfig": _EDITORCONFIG,
        ".vscode/settings.json": json.dumps(vscode, ensure_ascii=False, indent=2) + "\n",
        ".vscode/extensions.json": json.dumps({"recommendations": ["redhat.vscode-yaml"]}, indent=2) + "\n",
        "README.md": _README.format(title=title),
    }
    files.update(site_jobs(requirement, gitlab_ci=files[".gitlab-ci.yml"]))
    for folder in (*RECORD_FOLDERS.values(), "reports"):
        files[f"{folder}/.gitkeep"] = ""
    return files


# ---- the campaign's website (dytool site), built on the main branch and published as Pages ----

_GITHUB_SITE = """\
# 主分支每次更新后生成活动网站（dytool site），发布到 GitHub Pages（GitHub Enterprise 亦可）。
# 仓库设置 Settings → Pages → Source 选 GitHub Actions。默认分支不叫 main 时改下面的分支名。
# Builds the campaign's website on every push to the main branch and publishes it with Pages
# (Settings → Pages → Source: GitHub Actions). Rename the branch below if yours differs.
name: dytool site
on:
  push:
    branches: [main]
  workflow_dispatch:
permissions:
  contents: read
  pages: write
  id-token: write
concurrency:
  group: pages
  cancel-in-progress: true
jobs:
  site:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: '3.12'
      - name: 安装 dytool / install dytool
        run: pip install "{requirement}"
      - name: 生成网站 / build the site
        run: dytool site -o _site
      - uses: actions/upload-pages-artifact@v3
        with:
          path: _site
  deploy:
    needs: site
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""

_GITLAB_SITE = """\

# 默认分支每次更新后生成活动网站（dytool site），由 GitLab Pages 发布。
# Builds the campaign's website on the default branch; GitLab Pages publishes public/.
pages:
  image: python:3.12-slim
  script:
    - pip install "{requirement}"
    - dytool site -o public
  artifacts:
    paths:
      - public
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
"""


def site_jobs(requirement: str, *, gitlab_ci: str) -> dict[str, str]:
    """The Pages jobs that build ``dytool site`` on the main branch: a GitHub workflow of its
    own, and a ``pages`` job added to ``.gitlab-ci.yml`` (whose text is ``gitlab_ci``)."""
    return {
        ".github/workflows/dytool-site.yml": _GITHUB_SITE.format(requirement=requirement),
        ".gitlab-ci.yml": gitlab_ci + _GITLAB_SITE.format(requirement=requirement),
    }
