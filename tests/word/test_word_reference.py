"""A campaign's templates/reference.docx: its styles and page setup win; missing styles are added."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.shared import Mm, Pt
from lxml import etree
from wordkit import META, NS, png, render, val, w, write

from dytool.present.word import Markdown, Table, render_docx


@pytest.fixture
def reference(tmp_path: Path) -> Path:
    """python-docx's default document with a custom Normal font, a 'heading 1' whose id is
    localized (Chinese Word writes ids such as "1"), a B5 page and a header and picture that
    must not leak into the output."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(12)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(w("eastAsia"), "宋体")
    document.styles["Heading 1"].element.set(w("styleId"), "1")
    section = document.sections[0]
    section.page_width, section.page_height = Mm(176), Mm(250)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin = section.right_margin = Mm(18)
    section.header.paragraphs[0].text = "参考文档的页眉"
    image = write(tmp_path / "logo.png", png())
    document.add_paragraph("参考文档的正文")
    document.add_picture(str(image))
    path = tmp_path / "reference.docx"
    document.save(str(path))
    return path


def test_reference_styles_and_page_setup_are_used(reference: Path) -> None:
    doc = render([Markdown("## 一、标题\n\n正文。"), Table(title="台账", header=("甲",), rows=(("1",),))], reference=reference)
    normal = doc.style("Normal")
    fonts = normal.find("w:rPr/w:rFonts", NS)
    assert (val(fonts, "ascii"), val(fonts, "eastAsia")) == ("Arial", "宋体")
    assert val(normal.find("w:rPr/w:sz", NS)) == "24"
    assert normal.find("w:pPr/w:spacing", NS) is None  # not overridden with the GB/T grid
    heading = next(p for p in doc.top_paragraphs() if doc.text(p) == "一、标题")
    assert doc.style_of(heading) == "1"  # the reference's id, found by the style's name
    assert doc.style("1").find("w:rPr/w:rFonts", NS).get(w("asciiTheme")) == "majorHAnsi"  # left as it was
    # Styles the reference lacks are added with the GB/T definitions.
    table_text = doc.style(doc.style_id("Table Text"))
    assert table_text.find("w:rPr/w:rFonts", NS).get(w("eastAsia")) == "仿宋_GB2312"
    assert val(table_text.find("w:basedOn", NS)) == "Normal"
    for sect_pr in doc.sections():
        size, margins = sect_pr.find(w("pgSz")), sect_pr.find(w("pgMar"))
        assert (round(int(val(size, "w") or 0) * 25.4 / 1440), round(int(val(size, "h") or 0) * 25.4 / 1440)) == (176, 250)
        assert round(int(val(margins, "top") or 0) * 25.4 / 1440) == 20
        assert sect_pr.find(w("headerReference")) is None
    texts = [doc.text(p) for p in doc.paragraphs()]
    assert "参考文档的正文" not in texts
    assert not any(name.startswith(("word/media/", "word/header")) for name in doc.zip.namelist())
    assert doc.problems == []


def test_reference_output_is_deterministic(reference: Path) -> None:
    parts = [Markdown("## 一、\n\n正文")]
    assert render_docx(parts, META, reference=reference) == render_docx(parts, META, reference=reference)


def test_unreadable_reference_is_reported_and_the_built_in_format_used(tmp_path: Path) -> None:
    broken = write(tmp_path / "reference.docx", b"not a zip")
    doc = render([Markdown("正文")], reference=broken)
    assert len(doc.problems) == 1 and "DY208" in doc.problems[0][1] and str(tmp_path) not in doc.problems[0][1]
    assert doc.resolved("Normal", "w:rPr/w:rFonts", "eastAsia") == "仿宋_GB2312"


def test_styles_xml_of_reference_output_parses(reference: Path) -> None:
    doc = render([Markdown("正文")], reference=reference)
    ids = [style.get(w("styleId")) for style in doc.styles.iterfind(w("style"))]
    assert len(ids) == len(set(ids))
    assert etree.QName(doc.styles).localname == "styles"
