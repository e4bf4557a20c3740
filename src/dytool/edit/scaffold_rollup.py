"""The CI pieces of the roll-up: a member's publish job, and the files of a roll-up repository.

A member campaign written by ``dytool init`` publishes its summary on every push to its
default branch: a GitHub Actions workflow of its own (``dytool-publish.yml``) and a job added
to ``.gitlab-ci.yml``, each keeping ``dytool-summary.json`` as the pipeline's artifact.  A
roll-up repository (``dytool init --rollup``) gets ``rollup.yaml``, the editor's schemas and a
pipeline that runs the roll-up on every push and every day.
"""

from __future__ import annotations

import json

from dytool.edit.vendoring import VENDOR_DIR, Install, vendor_files

__all__ = ["PUBLISH_COMMAND", "PUBLISH_FILE", "ROLLUP_COMMANDS", "publish_github", "publish_gitlab", "rollup_files", "rollup_yaml"]

PUBLISH_FILE = "dytool-summary.json"
PUBLISH_COMMAND = f"dytool publish -o {PUBLISH_FILE}"
ROLLUP_COMMANDS = ("dytool rollup status --format md -o build/汇总简报.md", "dytool rollup status --format json -o build/汇总.json")

_PUBLISH_GITHUB = """\
# 每次推送到主分支，发布本活动的汇总数据（{file}），供上级的汇总仓库读取。
# 上级可以用 git 子模块或 git 地址直接汇总本仓库，也可以读取这里保存的 {file}。
# On every push to the default branch, publishes this campaign's summary ({file}) as the
# run's artifact, for the roll-up repository of the office above.
name: dytool publish
on:
  push:
env:
  # 从哪里安装 dytool：变量 DYTOOL_SPEC，缺省为 dytool init 放在 {vendor}/ 的安装包。
  # Where dytool comes from: the variable DYTOOL_SPEC; by default the wheel in {vendor}/.
  DYTOOL_SPEC: ${{{{ vars.DYTOOL_SPEC || '{spec}' }}}}
jobs:
  publish:
    if: github.ref_name == github.event.repository.default_branch
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: '3.12'
      - name: 安装 dytool / install dytool
        run: {install}
      - name: 发布汇总数据 / publish the summary
        run: {command}
      - uses: actions/upload-artifact@v4
        with:
          name: dytool-summary
          path: {file}
"""

_PUBLISH_GITLAB = """
# 推送到主分支时发布本活动的汇总数据，上级从
# https://GITLAB/GROUP/PROJECT/-/jobs/artifacts/BRANCH/raw/{file}?job=dytool-publish 读取。
# Publishes the summary on the default branch; the level above reads the latest artifact.
dytool-publish:
  image: python:3.12-slim
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  script:
    - {install}
    - {command}
  artifacts:
    paths:
      - {file}
    expire_in: 1 year
"""

_ROLLUP_YAML = """\
# yaml-language-server: $schema=schemas/rollup.schema.json
# {title} —— 汇总仓库：列出各成员（县市区、部门）和它们的数据来源
# dytool rollup status 汇总简报；dytool rollup bulletin --month 2024-06 通报；dytool rollup export 汇总台账

{head}stale_days: 7            # 成员数据超过 7 天未更新即提示“过期” / a member's data older than this is stale
bulletin:
  title: 工作通报
  first_number: 1
members:
  # 每个成员一行，数据来源三选一 / one line per member, exactly one source:
  # - {{name: 西陵县, kind: county, path: members/xiling}}        # 成员仓库作为子模块：git submodule add 地址 members/xiling
  # - {{name: 东湖区, kind: district, git: https://git.example.gov.cn/donghu/dxdy.git, ref: main}}
  # - {{name: 市发改委, kind: department, summary: //fileserver/dytool/fgw/dytool-summary.json}}
"""

_ROLLUP_GITHUB = """\
# 每次推送和每天早上运行汇总：子模块更新到各成员主分支的最新提交，git 地址的成员重新获取。
# 成员数据未能汇总时本次运行标红，简报和 JSON 照常保存在运行的附件中。
# Runs the roll-up on every push and every morning; a member that cannot be combined turns
# the run red, and the briefing and the JSON are kept as the run's artifact either way.
name: dytool rollup
on:
  push:
  schedule:
    - cron: '0 0 * * *'
  workflow_dispatch:
env:
  # 从哪里安装 dytool：变量 DYTOOL_SPEC，缺省为 dytool init 放在 {vendor}/ 的安装包。
  # Where dytool comes from: the variable DYTOOL_SPEC; by default the wheel in {vendor}/.
  DYTOOL_SPEC: ${{{{ vars.DYTOOL_SPEC || '{spec}' }}}}
jobs:
  rollup:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          submodules: recursive
      - uses: actions/setup-python@v5
        with:
          python-version: '3.12'
      - name: 安装 dytool / install dytool
        run: {install}
      - name: 更新成员子模块 / update the members' submodules
        run: git submodule update --init --remote --recursive
      - name: 汇总简报 / the combined briefing
        run: {status}
      - name: 汇总数据 / the combined JSON
        if: always()
        run: {json}
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: dytool-rollup
          path: build/
"""

_ROLLUP_GITLAB = """\
# 每次推送运行汇总（在 CI/CD → Schedules 中加一个每天的计划即可每天运行）。
# Runs the roll-up on every push (add a daily schedule under CI/CD → Schedules).
dytool-rollup:
  image: python:3.12
  variables:
    DYTOOL_SPEC: "{spec}"
    GIT_SUBMODULE_STRATEGY: recursive
    GIT_SUBMODULE_UPDATE_FLAGS: --remote
  script:
    - {install}
    - {status}
  after_script:
    - {json}
  artifacts:
    when: always
    paths:
      - build/
"""

_GITIGNORE = """\
# dytool 的缓存（git 地址成员的仓库也取到这里）和生成的文件 / dytool's cache and outputs
.dytool/
/build/
/汇总台账-*
~$*
.~lock.*#
"""

_README = """\
# {title}

本仓库用 dytool 汇总各成员（县市区、部门）的调研活动数据。成员和数据来源写在 `rollup.yaml`。

```sh
dytool rollup status                     # 汇总简报：销号率排名、逾期问题、滞后课题、领导调研
dytool rollup status --format md -o 简报.md
dytool rollup bulletin --month 2024-06   # 通报（Markdown 和 Word）
dytool rollup export                     # 汇总台账（Excel）
```

成员的数据来源三选一：`path`（成员仓库作为 git 子模块）、`git`（成员仓库的地址）、
`summary`（成员 CI 发布的 dytool-summary.json，可以是共享目录中的文件或内网地址）。
数据缺失、格式不对或过期的成员会在“数据报送情况”中逐一列出，其余成员照常汇总。
"""


def _ci(install: Install) -> dict[str, str]:
    return {"spec": install.default_spec, "install": install.pip_install, "vendor": VENDOR_DIR}


def publish_github(install: Install) -> dict[str, str]:
    """The member's publish workflow, as a file of its own beside the check workflow."""
    return {".github/workflows/dytool-publish.yml": _PUBLISH_GITHUB.format(**_ci(install), command=PUBLISH_COMMAND, file=PUBLISH_FILE)}


def publish_gitlab(install: Install) -> str:
    """The member's publish job, to append to its ``.gitlab-ci.yml``."""
    return _PUBLISH_GITLAB.format(**_ci(install), command=PUBLISH_COMMAND, file=PUBLISH_FILE)


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def rollup_yaml(ident: str, title: str, issuer: str | None, level: str | None) -> str:
    head = f"id: {_quote(ident)}\ntitle: {_quote(title)}\n"
    if issuer:
        head += f"issuer: {_quote(issuer)}\n"
    if level:
        head += f"level: {level}\n"
    return _ROLLUP_YAML.format(title=title.replace("\n", " "), head=head)


def rollup_files(ident: str, title: str, issuer: str | None, level: str | None, install: Install) -> dict[str, str | bytes]:
    """Path → text of a new roll-up repository (the schemas come from the caller)."""
    status, as_json = ROLLUP_COMMANDS
    return {
        "rollup.yaml": rollup_yaml(ident, title, issuer, level),
        ".gitignore": _GITIGNORE,
        ".github/workflows/dytool-rollup.yml": _ROLLUP_GITHUB.format(**_ci(install), status=status, json=as_json),
        ".gitlab-ci.yml": _ROLLUP_GITLAB.format(**_ci(install), status=status, json=as_json),
        **{path: data for path, data in vendor_files(install).items() if path.startswith(f"{VENDOR_DIR}/")},
        "README.md": _README.format(title=title.replace("\n", " ")),
        "members/.gitkeep": "",
        ".vscode/settings.json": json.dumps({"yaml.schemas": {"schemas/rollup.schema.json": "rollup.yaml"}, "files.encoding": "utf8"},
                                            ensure_ascii=False, indent=2) + "\n",
    }
