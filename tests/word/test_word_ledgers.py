"""The ledgers' text size from campaign.yaml, and headings that keep with what follows."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from wordkit import NS, Docx, w

from dytool.cli.main import run
from util import EXAMPLE


def _compile(tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: str = "") -> Docx:
    root = tmp_path / "repo"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".dytool"))
    if extra:
        with (root / "campaign.yaml").open("a", encoding="utf-8") as handle:
            handle.write(extra)
    out = tmp_path / "out"
    assert run(["compile", "-C", str(root), "--as-of", "2023-12-31", "--format", "docx", "-o", str(out)]) == 0
    capsys.readouterr()
    return Docx(next(out.glob("*.docx")).read_bytes())


def _ledger_styles(doc: Docx) -> set[str]:
    """The text styles of the problem list's cells (the table after its 问题清单 title)."""
    body = list(doc.body)
    title = max(i for i, element in enumerate(body) if element.tag == w("p") and doc.text(element) == "问题清单")
    table = next(element for element in body[title:] if element.tag == w("tbl"))
    return {p.find("w:pPr/w:pStyle", NS).get(w("val")) for p in table.iter(w("p"))}


def test_ledgers_are_set_in_wuhao_by_default_and_xiaosi_when_the_campaign_asks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    default = _compile(tmp_path / "a", capsys)
    assert _ledger_styles(default) == {"TableHeadingCompact", "TableTextCompact"}
    assert default.resolved("TableTextCompact", "w:rPr/w:sz") == "21"  # 五号, 10.5 pt
    asked = _compile(tmp_path / "b", capsys, "fonts:\n  ledger_size: 小四\n")
    assert _ledger_styles(asked) == {"TableHeadingSmall", "TableTextSmall"}
    assert asked.resolved("TableTextSmall", "w:rPr/w:sz") == "24"  # 小四, 12 pt


def test_every_heading_keeps_with_what_follows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = _compile(tmp_path, capsys)
    used = {p.find("w:pPr/w:pStyle", NS).get(w("val")) for p in doc.top_paragraphs() if p.find("w:pPr/w:pStyle", NS) is not None}
    headings = {style for style in used if "Heading" in style or style in ("Title", "TableCaption", "TableTitle")}
    assert {"Heading1", "Title", "TableCaption"} <= headings
    for style in headings:
        assert _keeps(doc, style), style


def _keeps(doc: Docx, style_id: str | None) -> bool:
    while style_id is not None:
        style = doc.style(style_id)
        if style.find("w:pPr/w:keepNext", NS) is not None:
            return True
        based = style.find(w("basedOn"))
        style_id = None if based is None else based.get(w("val"))
    return False
