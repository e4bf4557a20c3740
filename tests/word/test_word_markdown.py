"""Markdown → Word structure: inline formatting, lists, quotes, tables, images, bad characters."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from wordkit import JPEG, NS, Docx, png, render, val, w, write

from dytool.present.word import Contents, Cover, DocMeta, Markdown, Table


def body_of(text: str, **kwargs: Any) -> Docx:
    return render([Markdown(text, **kwargs)])


def runs(doc: Docx, paragraph: Any) -> list[tuple[str, bool, bool]]:
    return [
        ("".join(t.text or "" for t in run.iter(w("t"))), run.find("w:rPr/w:b", NS) is not None, run.find("w:rPr/w:i", NS) is not None)
        for run in paragraph.iter(w("r"))
    ]


def test_inline_formatting_links_and_breaks() -> None:
    doc = body_of("普通**加粗**和*斜体*，`代码`，[国务院](https://www.gov.cn)，[本地](../topics/a.md)，<https://x.cn>。\n第二行\nEnglish\nwords  \n硬换行")
    paragraph = doc.top_paragraphs()[0]
    assert runs(doc, paragraph)[:4] == [("普通", False, False), ("加粗", True, False), ("和", False, False), ("斜体", False, True)]
    text = doc.text(paragraph)
    assert "，代码，国务院（https://www.gov.cn），本地，https://x.cn。" in text
    assert "。第二行English words" in text  # lines join without a space next to Chinese, with one between Latin
    assert paragraph.find(".//w:br", NS) is not None and text.endswith("硬换行")
    assert paragraph.find(".//w:hyperlink", NS) is None


def test_headings_map_to_title_and_heading_styles() -> None:
    doc = body_of("# 题\n\n## 一、\n\n### （一）\n\n#### 1.\n\n##### （1）\n\n###### 更深\n\n---\n\n正文")
    assert [doc.style_of(p) for p in doc.top_paragraphs()] == ["Title", "Heading1", "Heading2", "Heading3", "Heading4", "Heading4", None]


def test_lists_have_markers_and_hanging_indents() -> None:
    doc = body_of("3. 三\n3. 四\n   - 嵌套\n\n   续段\n- 圆点\n\n0) 零\n")
    paragraphs = doc.top_paragraphs()
    texts = [doc.text(p) for p in paragraphs]
    assert texts == ["3.三", "4.四", "•嵌套", "续段", "•圆点", "0)零"]
    assert all(doc.style_of(p) == "ListParagraph" for p in paragraphs)
    indents = [paragraph.find("w:pPr/w:ind", NS) for paragraph in paragraphs]
    assert val(indents[0], "hangingChars") == "150" and paragraphs[0].find(".//w:tab", NS) is not None
    assert int(val(indents[2], "leftChars") or 0) > int(val(indents[0], "leftChars") or 0)  # nested: further in
    assert val(indents[3], "hangingChars") is None and val(indents[3], "firstLineChars") == "0"


def test_quotes_code_html_and_rules() -> None:
    doc = body_of("> 引用\n>\n> > 再引\n\n```\n  缩进代码\n第二行\n```\n\n<div>原样</div>\n\n***\n")
    paragraphs = doc.top_paragraphs()
    assert [(doc.style_of(p), doc.text(p)) for p in paragraphs] == [
        ("Quote", "引用"), ("Quote", "再引"), ("PlainText", "  缩进代码"), ("PlainText", "第二行"), (None, "<div>原样</div>")]
    assert int(val(paragraphs[1].find("w:pPr/w:ind", NS), "leftChars") or 0) == 400
    assert doc.style("Quote").find("w:rPr/w:rFonts", NS).get(w("eastAsia")) == "楷体_GB2312"


def test_gfm_table() -> None:
    doc = body_of("| 序号 | 单位 | 数量 |\n|:-:|---|--:|\n| 1 | **某局** | 3 |\n| 2 | 某委 |\n")
    table = doc.body.find(w("tbl"))
    rows = table.findall(w("tr"))
    assert len(rows) == 3 and all(len(row.findall(w("tc"))) == 3 for row in rows)
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    header_cells = [cell.find(w("p")) for cell in rows[0].iter(w("tc"))]
    assert {doc.style_of(p) for p in header_cells} == {"TableHeading"}
    body_cells = [cell.find(w("p")) for cell in rows[1].iter(w("tc"))]
    assert [doc.style_of(p) for p in body_cells] == ["TableText"] * 3
    assert [val(p.find("w:pPr/w:jc", NS)) for p in body_cells] == ["center", "center", "right"]  # short text centred
    assert runs(doc, body_cells[1]) == [("某局", True, False)]
    assert val(table.find("w:tblPr/w:tblStyle", NS)) == "TableGrid"
    widths = [int(val(col, "w") or 0) for col in table.iter(w("gridCol"))]
    assert sum(widths) == 11906 - 1587 - 1474


def test_png_inside_base_dir_is_embedded(tmp_path: Path) -> None:
    write(tmp_path / "img" / "图 1.png", png(4000, 1000))
    doc = body_of("![示意图](img/图%201.png)\n\n文字![小](img/图%201.png)文字", base_dir=tmp_path)
    assert doc.problems == []
    assert "word/media/image1.png" in doc.zip.namelist()
    assert sum(1 for t in doc.reltypes.values() if t == "image") == 1  # the same picture once
    figure, inline = doc.top_paragraphs()
    assert doc.style_of(figure) == "Figure"
    extent = figure.find(".//{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent")
    assert int(extent.get("cx")) <= (11906 - 1587 - 1474) * 635  # scaled into the type area
    assert int(extent.get("cx")) == pytest.approx(4 * int(extent.get("cy")), rel=0.01)
    blip = figure.find(".//{http://schemas.openxmlformats.org/drawingml/2006/main}blip")
    assert doc.targets[blip.get(f"{{{NS['r']}}}embed")] == "media/image1.png"
    assert val(inline.find("w:pPr/w:spacing", NS), "lineRule") == "auto"  # exact spacing would clip it
    ids = [element.get("id") for element in doc.document.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")]
    assert ids == ["1", "2"]


@pytest.mark.parametrize(
    ("source", "setup", "english"),
    [
        ("anim.gif", lambda base: write(base / "anim.gif", b"GIF89a" + b"\x00" * 20), "not PNG or JPEG"),
        ("../outside.png", lambda base: write(base.parent / "outside.png", png()), "contains '..'"),
        ("missing.png", lambda base: None, "does not exist"),
        ("/etc/passwd", lambda base: None, "absolute path"),
        ("https://example.com/a.png", lambda base: None, "not a file"),
        ("fake.png", lambda base: write(base / "fake.png", b"\x89PNG\r\n\x1a\n broken"), "damaged"),
        ("link.png", lambda base: os.symlink(write(base.parent / "real.png", png()), base / "link.png"), "is a link"),
        ("cut.jpg", lambda base: write(base / "cut.jpg", JPEG[:40]), "damaged or truncated"),
        ("bomb.png", lambda base: write(base / "bomb.png", png(60000, 60000, header_only=True)), "too large"),
        ("folder.png", lambda base: (base / "folder.png").mkdir(), "not a regular file"),
    ],
)
def test_bad_images_are_reported_not_raised(tmp_path: Path, source: str, setup: Any, english: str) -> None:
    base = tmp_path / "report"
    base.mkdir()
    setup(base)
    doc = body_of(f"前文\n\n![图]({source})\n\n后文", base_dir=base)
    assert len(doc.problems) == 1 and english in doc.problems[0][1], doc.problems
    assert doc.problems[0][0]  # a Chinese message too
    assert [doc.text(p) for p in doc.top_paragraphs()] == ["前文", "[图片：图]", "后文"]
    assert not any(name.startswith("word/media/") for name in doc.zip.namelist())


def test_images_without_base_dir_are_reported() -> None:
    doc = body_of("![](a.png)")
    assert len(doc.problems) == 1 and "no folder" in doc.problems[0][1]


BAD = "\x00\x01\x08\x0b\x0c\x1f\ufffe\uffff\ud800\udfff"


def test_control_characters_are_dropped_everywhere() -> None:
    doc = render(
        [
            Cover(title=f"封{BAD}面", subtitle=BAD, issuer=f"单{BAD}位", date_text="二〇二三年", classification=BAD),
            Contents(title=f"目{BAD}录", entries=((1, f"一{BAD}、"),)),
            Markdown(f"# 标{BAD}题\n\n正{BAD}文\t制表\n\n| a{BAD} |\n|---|\n| b{BAD} |", title=BAD, byline=f"署{BAD}名"),
            Table(title=f"台{BAD}账", header=(f"序{BAD}号",), rows=((f"1{BAD}\n2",),), note=BAD),
        ],
        meta=DocMeta(title=f"题{BAD}", author=f"作{BAD}者", created=META_DATE, keywords=BAD),
    )
    texts = [doc.text(p) for p in doc.paragraphs()]
    assert "封面" in texts and "标题" in texts and "台账" in texts and "序号" in texts
    for name in doc.zip.namelist():
        if name.endswith(".xml"):
            decoded = doc.zip.read(name).decode("utf-8")
            assert not any(char in decoded for char in "\x00\x01\x0b\x0c\x1f\ufffe"), name
    assert doc.body.find(".//w:tab", NS) is not None


META_DATE = __import__("datetime").datetime(2023, 12, 1)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=200))
def test_any_text_renders_to_well_formed_xml(text: str) -> None:
    doc = render([Markdown(text, title=text[:10] or None)], meta=DocMeta(title=text[:20], author="a", created=META_DATE))
    assert doc.document is not None
    etree.fromstring(doc.zip.read("docProps/core.xml"))


def test_new_page_only_when_asked() -> None:
    doc = render([Markdown("第一篇"), Markdown("接续", new_page=False), Markdown("| 表 |\n|---|\n| 1 |"), Markdown("第三篇")])
    blocks = [block for block in doc.body if block.tag in (w("p"), w("tbl"))]
    breaks = [block.find("w:pPr/w:pageBreakBefore", NS) is not None for block in blocks if block.tag == w("p")]
    texts = [doc.text(block) if block.tag == w("p") else "<table>" for block in blocks]
    assert texts == ["第一篇", "接续", "表1", "<table>", "第三篇"]
    assert breaks == [False, False, True, True]  # a table cannot take a page break: its title does
