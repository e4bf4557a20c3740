"""The files ``dytool init`` writes besides campaign.yaml: CI, pre-commit, editor settings."""

from __future__ import annotations

import json

from dytool.edit.scaffold_rollup import publish_github, publish_gitlab
from dytool.edit.vendoring import HOOK_LAUNCHER, VENDOR_DIR, Install, vendor_files
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
# 记录文件用 dytool 的合并程序按记录合并：两个分支各自添加的记录都保留，字段一行不丢；
# 两边改了同一条记录时照常报冲突。dytool init 已在本仓库登记该程序；克隆后运行一次
# dytool merge-records --install。在 GitHub/GitLab 网页上合并时没有这个程序，git 按行合并：
# 两边在同一处添加记录会报冲突（不会丢内容），请在本地 git merge 解决（dytool 会自动合并）。
# Record files merge record by record with dytool's merge driver: records added on two
# branches are both kept, no field lost; a record both sides changed is a conflict as usual.
# dytool init registered the driver here; in a clone run 'dytool merge-records --install'.
# Merges on a server (GitHub, GitLab) do not have the driver and merge line by line: two
# additions at the same place conflict (nothing is lost); merge locally to resolve them.
{patterns}
"""

_GITHUB = """\
# 每次推送和合并请求都运行 dytool check，问题直接标注在改动的行上。
# Runs dytool check on every push and pull request; findings show as annotations.
name: dytool check
on:
  push:
  pull_request:
env:
  # 从哪里安装 dytool：仓库或组织的变量 DYTOOL_SPEC（Settings → Secrets and variables → Actions →
  # Variables），可写单位软件源上的版本（dytool==0.2.0）、本仓库中的 wheel 或 git+https://… 地址；
  # 不设时用 dytool init 放在 {vendor}/ 的安装包（见其中的 README.md）。
  # Where dytool comes from: the variable DYTOOL_SPEC (a version on the office's mirror, a wheel
  # in this repository or a git URL); by default the one dytool init put in {vendor}/.
  DYTOOL_SPEC: ${{{{ vars.DYTOOL_SPEC || '{spec}' }}}}
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
        run: {install}
      - name: 检查仓库 / check the repository
        run: {check}
"""

_GITLAB = """\
# 每次推送和合并请求都运行 dytool check；结果在合并请求的 Code Quality 中显示。
# Runs dytool check on every push and merge request; findings show in Code Quality.
variables:
  # 从哪里安装 dytool：在 Settings → CI/CD → Variables 设置 DYTOOL_SPEC 即可覆盖这里的缺省值
  # （单位软件源上的版本 dytool==0.2.0、本仓库中的 wheel 或 git+https://… 地址）。
  # Where dytool comes from: a CI/CD variable DYTOOL_SPEC overrides this default.
  DYTOOL_SPEC: "{spec}"
dytool-check:
  image: python:3.12-slim
  script:
    - {install}
    - {check}
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json
"""

_PRE_COMMIT = """\
# pre-commit（https://pre-commit.com）在每次提交前运行 dytool：pip install pre-commit && pre-commit install
# 钩子第一次运行时，从 {vendor}/ 把 dytool 装进 pre-commit 为它建的环境（不需要事先安装 dytool）。
# The hooks install dytool from {vendor}/ into pre-commit's own environment on their first run.
repos:
  - repo: local
    hooks:
      - id: dytool-fmt
        name: dytool fmt（统一 YAML 格式 / canonical YAML style）
        entry: python {launcher} fmt
        language: python
        pass_filenames: false
        files: \\.ya?ml$
      - id: dytool-check
        name: dytool check（检查记录 / check the records）
        entry: python {launcher} check
        language: python
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
`reports/` 是调研报告。每次提交和合并请求都会自动运行 `dytool check`；CI 和 pre-commit 钩子
从 `vendor/dytool/` 安装 dytool（说明见其中的 README.md）。
`schemas/` 供编辑器边输入边检查；升级 dytool 后运行 `dytool schema -o schemas` 更新。
"""


def support_files(title: str, install: Install) -> dict[str, str | bytes]:
    """Path → content of every file besides campaign.yaml, people.yaml, units.yaml and schemas."""
    schemas = {"campaign.yaml": "campaign", "people.yaml": "people", "units.yaml": "units"}
    mapping = {f"schemas/{name}.schema.json": file for file, name in schemas.items()}
    for kind, folder in RECORD_FOLDERS.items():
        mapping[f"schemas/{kind}.schema.json"] = f"{folder}/**/*.yaml"
    vscode = {"yaml.schemas": mapping, "files.encoding": "utf8", "files.eol": "\n", "[yaml]": {"editor.tabSize": 2, "editor.insertSpaces": True}}
    patterns = [f"{folder}/**/*.{suffix} merge=dytool" for folder in RECORD_FOLDERS.values() for suffix in ("yaml", "yml")]
    patterns += ["people.yaml merge=dytool", "units.yaml merge=dytool"]
    ci = {"spec": install.default_spec, "install": install.pip_install, "vendor": VENDOR_DIR}
    files: dict[str, str | bytes] = {
        ".gitignore": _GITIGNORE,
        ".gitattributes": _GITATTRIBUTES.format(patterns="\n".join(patterns)),
        ".github/workflows/dytool.yml": _GITHUB.format(**ci, check=CHECK_COMMAND_GITHUB),
        **publish_github(install),
        ".gitlab-ci.yml": _GITLAB.format(**ci, check=CHECK_COMMAND_GITLAB) + publish_gitlab(install),
        ".pre-commit-config.yaml": _PRE_COMMIT.format(vendor=VENDOR_DIR, launcher=HOOK_LAUNCHER),
        ".editorconfig": _EDITORCONFIG,
        ".vscode/settings.json": json.dumps(vscode, ensure_ascii=False, indent=2) + "\n",
        ".vscode/extensions.json": json.dumps({"recommendations": ["redhat.vscode-yaml"]}, indent=2) + "\n",
        "README.md": _README.format(title=title),
        **vendor_files(install),
    }
    gitlab_ci = files[".gitlab-ci.yml"]
    assert isinstance(gitlab_ci, str)
    files.update(site_jobs(install, gitlab_ci=gitlab_ci))
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
env:
  # 从哪里安装 dytool：变量 DYTOOL_SPEC，缺省为 dytool init 放在 {vendor}/ 的安装包。
  # Where dytool comes from: the variable DYTOOL_SPEC; by default the wheel in {vendor}/.
  DYTOOL_SPEC: ${{{{ vars.DYTOOL_SPEC || '{spec}' }}}}
jobs:
  site:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: '3.12'
      - name: 安装 dytool / install dytool
        run: {install}
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
    - {install}
    - dytool site -o public
  artifacts:
    paths:
      - public
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
"""


def site_jobs(install: Install, *, gitlab_ci: str) -> dict[str, str]:
    """The Pages jobs that build ``dytool site`` on the main branch: a GitHub workflow of its
    own, and a ``pages`` job added to ``.gitlab-ci.yml`` (whose text is ``gitlab_ci``)."""
    ci = {"spec": install.default_spec, "install": install.pip_install, "vendor": VENDOR_DIR}
    return {
        ".github/workflows/dytool-site.yml": _GITHUB_SITE.format(**ci),
        ".gitlab-ci.yml": gitlab_ci + _GITLAB_SITE.format(**ci),
    }
