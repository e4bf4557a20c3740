"""A real render: the example's compilation through LibreOffice to PDF, checked structurally.

Needs LibreOffice, poppler-utils and CJK fonts (Debian: libreoffice-writer-nogui,
poppler-utils, fonts-noto-cjk, fonts-arphic-ukai, fonts-arphic-uming); .ci/run installs them
and sets DYTOOL_REQUIRE_RENDER=1 so that CI cannot skip this.  Compares structure (A4, page
count, fonts embedded, page numbers), never pixels.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from dytool.cli.main import run
from util import EXAMPLE, ROOT

TOOLS = ("soffice", "pdfinfo", "pdffonts", "pdftotext")
if not all(shutil.which(tool) for tool in TOOLS):
    if os.environ.get("DYTOOL_REQUIRE_RENDER") == "1":
        raise RuntimeError(f"DYTOOL_REQUIRE_RENDER=1 but one of {TOOLS} is missing")
    pytest.skip("LibreOffice or poppler-utils not installed", allow_module_level=True)


def _pdf(docx: Path, out: Path) -> Path:
    env = {**os.environ, "FONTCONFIG_FILE": str(ROOT / ".ci" / "fonts.conf"), "HOME": str(out)}
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(docx)],
                   check=True, capture_output=True, timeout=300, env=env)
    return out / (docx.stem + ".pdf")


def _tool(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=120).stdout


def test_the_compilation_renders_as_an_official_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["compile", "-C", str(EXAMPLE), "--as-of", "2023-12-31", "--format", "docx", "-o", str(tmp_path)]) == 0
    capsys.readouterr()
    [docx] = tmp_path.glob("*.docx")
    plain = tmp_path / "compilation.docx"
    docx.rename(plain)
    pdf = _pdf(plain, tmp_path)
    info = _tool("pdfinfo", str(pdf))
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info), info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    assert 40 <= pages <= 150
    fonts = _tool("pdffonts", str(pdf))
    assert re.search(r"CJK|UKai|UMing", fonts), fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:] if line.strip()), "every font is embedded"
    text = _tool("pdftotext", "-layout", str(pdf), "-")
    pages_text = text.split("\f")
    assert "青川市2023年大兴调查研究成果汇编" in pages_text[0].replace(" ", "")
    assert not re.search(r"—\s*\d+\s*—", pages_text[0] + pages_text[1]), "cover and contents carry no page number"
    numbers = [int(m) for page in pages_text[2:] for m in re.findall(r"—\s*(\d+)\s*—", page)]
    assert numbers[:3] == [1, 2, 3]
    assert len(numbers) >= pages - 3
