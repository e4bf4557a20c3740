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
