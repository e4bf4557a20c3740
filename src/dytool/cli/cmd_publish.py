"""``dytool publish``: the campaign's published summary (JSON, schema ``schemas/publish.schema.json``)."""

from __future__ import annotations

import sys
from pathlib import Path

from dytool.checks import SUITE
from dytool.cli.settings import Settings
from dytool.core.errors import EXIT_FINDINGS, EXIT_OK, UserError
from dytool.core.findings import Lang

__all__ = ["run_publish"]


def run_publish(settings: Settings, output: Path | None) -> int:
    as_of, root = settings.as_of, settings.root()
    from dytool.engine.load import load_repository
    from dytool.rollup.publish import publish_summary, source_state
    from dytool.rollup.read import summary_json
    from dytool.source.gitfetch import head_commit

    loaded = load_repository(root, SUITE, settings.load_options)
    campaign = loaded.repo.campaign
    lang = settings.lang(campaign.language if campaign else None)
    if campaign is None:
        raise UserError("campaign.yaml 有错误，无法发布汇总数据；先运行 dytool check 查看并改正",
                        "campaign.yaml has errors, so there is no summary to publish; run 'dytool check' and fix them",
                        exit_code=EXIT_FINDINGS)
    summary = publish_summary(loaded.repo, campaign, as_of, source_state(loaded, head_commit(root)))
    data = summary_json(summary)
    if output is None or str(output) == "-":
        sys.stdout.write(data)
    else:
        from dytool.cli.cmd_compile import write_document

        write_document(output, data.encode("utf-8"))
        print(f"{'已发布' if lang is Lang.ZH else 'published'}: {output}")
    if loaded.errors:
        print(f"dytool: 仓库有 {loaded.errors} 个错误，有错的记录没有计入（运行 dytool check 查看）" if lang is Lang.ZH
              else f"dytool: the repository has {loaded.errors} error(s); invalid records are not counted (run 'dytool check')", file=sys.stderr)
    return EXIT_OK
