"""Output on a console whose code page is GBK (Chinese Windows when output is redirected):
characters GBK lacks become '?', and nothing fails."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from util import EXAMPLE

OUTSIDE_GBK = "😀⸺〜"  # an emoji, a two-em dash and a wave dash: none is in GBK
INSIDE_GBK = "—―"      # the em dash and the horizontal bar are


def _campaign(tmp_path: Path) -> Path:
    root = shutil.copytree(EXAMPLE, tmp_path / "campaign", ignore=shutil.ignore_patterns(".*"))
    campaign = root / "campaign.yaml"
    text = campaign.read_text(encoding="utf-8")
    assert "title: 青川市2023年大兴调查研究活动\n" in text
    campaign.write_text(text.replace("title: 青川市2023年大兴调查研究活动\n", f"title: 青川市{OUTSIDE_GBK}{INSIDE_GBK}2023年大兴调查研究活动\n", 1),
                        encoding="utf-8")
    return root


def _dytool(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("DYTOOL_TODAY", "DYTOOL_LANG", "NO_COLOR")}
    env.update(PYTHONIOENCODING="gbk", HOME=str(tmp_path / "home"), XDG_CACHE_HOME=str(tmp_path / "home" / ".cache"))
    return subprocess.run([sys.executable, "-m", "dytool", *args], capture_output=True, env=env, timeout=300, check=False)


def test_status_on_a_gbk_console(tmp_path: Path) -> None:
    done = _dytool(tmp_path, "status", "-C", str(_campaign(tmp_path)), "--as-of", "2023-09-15")
    assert done.returncode == 0, done.stderr.decode("gbk", errors="replace")
    out = done.stdout.decode("gbk")  # well-formed GBK throughout
    assert f"青川市???{INSIDE_GBK}2023年大兴调查研究活动" in out
    assert "当前阶段" in out and "█" in out and "Traceback" not in done.stderr.decode("gbk")


def test_check_and_its_findings_on_a_gbk_console(tmp_path: Path) -> None:
    root = _campaign(tmp_path)
    (root / "problems" / "extra.yaml").write_text(f"- id: P-900\n  title: 标题{OUTSIDE_GBK}\n  owner_unit: fgw\n  due: 2023-12-31\n  备注{OUTSIDE_GBK}: 无\n",
                                                  encoding="utf-8")
    done = _dytool(tmp_path, "check", "-C", str(root), "--as-of", "2023-09-15")
    assert done.returncode == 1
    out = done.stdout.decode("gbk")
    assert "DY101" in out and "备注???" in out
    assert "Traceback" not in done.stderr.decode("gbk")


RECORD_TITLE = "大班额😀二〇二三⸺秋"
"""A record's title as a secretary pastes it: an emoji and a two-em dash GBK lacks, and 〇, which GBK has."""


def _with_record_title(tmp_path: Path) -> Path:
    root = _campaign(tmp_path)
    problems = root / "problems" / "jyj.yaml"
    text = problems.read_text(encoding="utf-8")
    assert "title: 城区小学大班额问题突出\n" in text  # P-016, overdue on 2023-09-15
    problems.write_text(text.replace("title: 城区小学大班额问题突出\n", f"title: {RECORD_TITLE}\n", 1), encoding="utf-8")
    return root


def test_a_record_title_outside_gbk_in_the_briefing(tmp_path: Path) -> None:
    root = _with_record_title(tmp_path)
    for extra in ((), ("--format", "md"), ("--lang", "en")):
        done = _dytool(tmp_path, "status", "-C", str(root), "--as-of", "2023-09-15", *extra)
        assert done.returncode == 0, done.stderr.decode("gbk", errors="replace")
        out = done.stdout.decode("gbk")
        assert "大班额?二〇二三?秋" in out, extra  # 〇 kept, the others replaced
        assert done.stderr == b""


def test_a_record_title_outside_gbk_in_findings_and_in_a_refusal(tmp_path: Path) -> None:
    root = _with_record_title(tmp_path)
    (root / "problems" / "extra.yaml").write_text(f"- id: P-900\n  title: {RECORD_TITLE}\n  owner_unit: 单位{OUTSIDE_GBK}〇\n  due: 2023-12-31\n",
                                                  encoding="utf-8")
    for extra in ((), ("--format", "json"), ("--lang", "en")):
        done = _dytool(tmp_path, "check", "-C", str(root), "--as-of", "2023-09-15", *extra)
        assert done.returncode == 1 and done.stderr == b"", extra
        out = done.stdout.decode("gbk")
        assert "DY202" in out and "单位???〇" in out, extra
    # a refusal on stderr quotes the title: replaced the same way, and no traceback
    done = _dytool(tmp_path, "new", "problem", "-C", str(root), "--as-of", "2023-09-15", "--title", RECORD_TITLE, "--owner-unit", f"无此单位{OUTSIDE_GBK}")
    err = done.stderr.decode("gbk")
    assert done.returncode == 1 and "无此单位???" in err and "Traceback" not in err
