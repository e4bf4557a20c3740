"""``dytool fmt``: the canonical style, comments and order kept; ``--check`` for CI."""

from __future__ import annotations

import codecs
import shutil
from pathlib import Path

import pytest
from edit_helpers import EXAMPLE, dy, snapshot

from dytool.core.errors import UserError
from dytool.edit.fmt import format_file

MESSY = """\
# 问题清单
-   id: P-1   # 注释
    title: 标题
    found_on: 2023.5.10
    due: 2023年6月1日
    closed_on: 2023-5-20
    evidence: x
    owner_unit: fgw
    progress:
    -   on: 2023/5/12
        text: 进展
    co_units: [ fgw ]
    extra: {date: 2023.5.10}
    classification: 内部     # 不公开



"""

CANONICAL = """\
# 问题清单
- id: P-1     # 注释
  title: 标题
  found_on: 2023-05-10
  due: 2023-06-01
  closed_on: 2023-05-20
  evidence: x
  owner_unit: fgw
  progress:
    - on: 2023-05-12
      text: 进展
  co_units: [fgw]
  extra: {date: 2023.5.10}
  classification: 内部       # 不公开
"""


def test_canonical_style_with_iso_dates_and_comments_kept() -> None:
    assert format_file(MESSY, "problems/p.yaml") == CANONICAL
    assert format_file(CANONICAL, "problems/p.yaml") == CANONICAL


def test_the_example_is_already_canonical(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = tmp_path / "example"
    shutil.copytree(EXAMPLE, repo, ignore=shutil.ignore_patterns(".dytool"))
    before = snapshot(repo)
    ran = dy(capsys, repo, "fmt", "--check")
    assert ran.code == 0, ran.out + ran.err
    assert dy(capsys, repo, "fmt").code == 0
    assert snapshot(repo) == before


def test_check_lists_the_files_and_fmt_rewrites_them(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (campaign / "problems" / "messy.yaml").write_text(MESSY, encoding="utf-8")
    (campaign / "topics" / "crlf.yaml").write_bytes(codecs.BOM_UTF8 + b"- id: T-9\r\n  title:   x\r\n")
    before = snapshot(campaign)
    ran = dy(capsys, campaign, "fmt", "--check")
    assert ran.code == 1
    assert "problems/messy.yaml" in ran.out and "topics/crlf.yaml" in ran.out and "fgw.yaml" not in ran.out
    assert snapshot(campaign) == before
    assert dy(capsys, campaign, "fmt").code == 0
    assert (campaign / "problems" / "messy.yaml").read_text(encoding="utf-8") == CANONICAL
    assert (campaign / "topics" / "crlf.yaml").read_bytes() == b"- id: T-9\r\n  title: x\r\n"  # no BOM, CRLF kept
    assert dy(capsys, campaign, "fmt", "--check").code == 0


def test_a_broken_file_is_skipped_and_named(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (campaign / "topics" / "broken.yaml").write_text("- id: T-9\n  title: [x\n", encoding="utf-8")
    ran = dy(capsys, campaign, "fmt")
    assert ran.code == 0 and "topics/broken.yaml" in ran.err and "YAML" in ran.err  # named, with the reason
    assert (campaign / "topics" / "broken.yaml").read_text(encoding="utf-8") == "- id: T-9\n  title: [x\n"


def test_fmt_check_does_not_fail_forever_on_a_file_fmt_will_not_change(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A layout fmt cannot keep is left alone; --check says why instead of failing on every run."""
    (campaign / "topics" / "odd.yaml").write_text("# 列表\n\n[{id: T-9, title: x}]  # 尾注\n", encoding="utf-8")
    for _ in range(2):
        assert dy(capsys, campaign, "fmt").code == 0
    ran = dy(capsys, campaign, "fmt", "--check")
    assert ran.code == 0 and "topics/odd.yaml" in ran.err and "手工" in ran.err


def test_a_file_of_comments_only_keeps_them() -> None:
    assert format_file("# 本月暂无\n\n\n", "visits/x.yaml") == "# 本月暂无\n"
    assert format_file("", "visits/x.yaml") == ""


def test_a_layout_dytool_cannot_keep_is_refused() -> None:
    with pytest.raises(UserError):
        format_file("# 列表\n\n[{id: a, title: x}]  # 尾注\n", "topics/x.yaml")
