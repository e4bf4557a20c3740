"""File names from titles that Windows accepts."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from dytool.cli.main import run
from dytool.source.filenames import MAX_STEM, safe_stem
from util import EXAMPLE

WINDOWS_REFUSES = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@pytest.mark.parametrize("title", [
    "青川市：2023年汇编", "哪些问题?", "重点*难点", "上/下半年", "A\\B", "<草稿>", "甲|乙", '"引号"', "尾点。.", "  空格  ",
    "第1期\t（6月）", "CON", "nul.汇编", "com1", "", "...", "😀 表情",
])
def test_titles_become_names_windows_accepts(title: str) -> None:
    stem = safe_stem(title)
    assert stem and not WINDOWS_REFUSES.search(stem)
    assert not stem.endswith((".", " ")) and not stem.startswith(" ")
    assert stem.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}
    assert len(stem.encode()) <= MAX_STEM


def test_full_width_punctuation_is_kept_and_long_titles_are_cut_apart() -> None:
    assert safe_stem("汇编：第2期？") == "汇编：第2期？"  # ordinary characters to every file system
    long_a, long_b = "调研成果" * 100 + "甲", "调研成果" * 100 + "乙"
    stem_a, stem_b = safe_stem(long_a), safe_stem(long_b)
    assert MAX_STEM - 3 <= len(stem_a.encode()) <= MAX_STEM and stem_a != stem_b
    assert stem_a.startswith("调研成果调研成果") and len(stem_a) < 200


def test_compile_writes_files_named_for_windows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = shutil.copytree(EXAMPLE, tmp_path / "campaign", ignore=shutil.ignore_patterns(".*"))
    campaign = root / "campaign.yaml"
    title = '青川市<2023>年：大兴调查研究/活动?*|"\\' + "很长" * 120
    text = campaign.read_text(encoding="utf-8")
    assert "  title: 青川市2023年大兴调查研究成果汇编\n" in text  # the compilation's own title
    campaign.write_text(text.replace("  title: 青川市2023年大兴调查研究成果汇编\n", f"  title: '{title}'\n", 1), encoding="utf-8")
    out = tmp_path / "out"
    assert run(["compile", "-C", str(root), "--as-of", "2023-12-31", "--format", "all", "-o", str(out), "--no-cache"]) == 0, capsys.readouterr().err
    names = sorted(p.name for p in out.iterdir() if p.is_file())  # charts/ holds the Markdown's images
    assert len(names) == 2 and {Path(n).suffix for n in names} == {".md", ".docx"}
    for name in names:
        assert not WINDOWS_REFUSES.search(name) and len(name.encode()) <= MAX_STEM + len(".docx"), name
        assert name.startswith("青川市_2023_年：大兴调查研究_活动_____很长")
