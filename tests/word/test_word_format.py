"""GB/T 9704 format of the rendered .docx, read back: page setup, styles, sections, footers, TOC."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from pathlib import Path

import docx
import pytest
from wordkit import NS, Docx, mm, render, val, w

from dytool.present.word import Contents, Cover, Fonts, Markdown, Table
from dytool.present.word.styles import specs

REPORT = """\
# 关于优化营商环境的调研报告

## 一、基本情况

正文第一段，**重点**内容。

### （一）走访情况

#### 1.企业走访

##### （1）具体做法

正文。
"""

PARTS = (
    Cover(title="2023年大兴调查研究调研成果汇编", issuer="中共某某市委办公室", date_text="二〇二三年十二月", classification="内部资料 注意保存"),
    Contents(entries=((1, "一、总体情况"), (2, "（一）调研开展情况"), (1, "二、调研报告"))),
    Markdown(REPORT, byline="张三（市发展改革委）"),
    Markdown("## 二、第二篇\n\n正文。"),
    Table(title="问题清单", header=("序号", "问题描述", "责任单位"), rows=(("1", "审批时限长", "市政务服务局"),),
          note="截至2023年9月15日", widths=(1, 6, 3), landscape=True),
    Markdown("## 三、横排表之后\n\n正文。"),
)


@pytest.fixture(scope="module")
def doc() -> Docx:
    return render(PARTS)


def footer_has_page(doc: Docx, rel_id: str) -> bool:
    footer = doc.footer(rel_id)
    return any("PAGE" in (instr.text or "") for instr in footer.iter(w("instrText")))


def test_every_section_is_a4_with_gbt_margins(doc: Docx) -> None:
    sections = doc.sections()
    assert len(sections) == 5  # cover, contents, body, landscape ledger, body again
    for sect_pr in sections:
        size, margins = sect_pr.find(w("pgSz")), sect_pr.find(w("pgMar"))
        landscape = val(size, "orient") == "landscape"
        width, height = mm(val(size, "w") or 0), mm(val(size, "h") or 0)
        assert (width, height) == pytest.approx((297, 210) if landscape else (210, 297), abs=0.1)
        top, bottom, left, right = (mm(val(margins, side) or 0) for side in ("top", "bottom", "left", "right"))
        if landscape:
            assert (top, bottom, left, right) == pytest.approx((28, 26, 35, 37), abs=0.05)
            assert mm(val(margins, "footer") or 0) < bottom
        else:
            assert (top, bottom, left, right) == pytest.approx((37, 35, 28, 26), abs=0.05)
            assert mm(val(margins, "footer") or 0) == pytest.approx(25.5, abs=0.05)
            assert 10 <= mm(val(margins, "header") or 0) < top
        grid = sect_pr.find(w("docGrid"))
        assert (val(grid, "type"), val(grid, "linePitch")) == ("lines", "579")


def test_python_docx_reads_the_page_setup(doc: Docx) -> None:
    sections = docx.Document(BytesIO(doc.data)).sections
    assert [round(section.page_width.mm) for section in sections] == [210, 210, 210, 297, 210]
    assert round(sections[0].top_margin.mm) == 37
    assert round(sections[3].left_margin.mm) == 35


def test_styles_set_east_asian_fonts_and_sizes(doc: Docx) -> None:
    fonts = Fonts()
    expected = {  # style name → (eastAsia font, size in half-points, bold)
        "Normal": (fonts.body, "32", False),
        "Title": (fonts.title, "44", False),
        "heading 1": (fonts.heading1, "32", False),
        "heading 2": (fonts.heading2, "32", False),
        "heading 3": (fonts.body, "32", True),
        "heading 4": (fonts.body, "32", False),
        "Subtitle": (fonts.heading2, "32", False),
        "Quote": (fonts.heading2, "32", False),
        "Table Text": (fonts.body, "28", False),
        "Table Heading": (fonts.heading1, "28", False),
        "Table Grid": (fonts.body, "28", False),
        "footer": (fonts.page_number, "28", False),
        "Cover Title": (fonts.title, "52", False),
        "Classification": (fonts.heading1, "32", False),
    }
    for name, (east, size, bold) in expected.items():
        style_id = doc.style_id(name)
        assert doc.resolved(style_id, "w:rPr/w:rFonts", "eastAsia") == east, name
        assert doc.resolved(style_id, "w:rPr/w:rFonts", "ascii") == fonts.latin, name
        assert doc.resolved(style_id, "w:rPr/w:sz") == size, name
        assert (doc.style(style_id).find("w:rPr/w:b", NS) is not None) == bold, name
        assert doc.style(style_id).find("w:rPr/w:color", NS) is None, name
    # Every style the renderer defines (and so every one it uses) names its East Asian font itself.
    for spec in specs(fonts, 8844):
        style = doc.style(doc.style_id(spec.name))
        assert style.find("w:rPr/w:rFonts", NS).get(w("eastAsia")), spec.name
    used = {doc.style_of(p) for p in doc.paragraphs()} - {None}
    assert used <= {doc.style_id(spec.name) for spec in specs(fonts, 8844)}


def test_no_theme_fonts_or_colours_remain(doc: Docx) -> None:
    theme_attrs = {w(name) for name in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")}
    for element in doc.styles.iter():
        assert not theme_attrs & set(element.attrib), element.tag
    assert doc.styles.find(".//w:color", NS) is None
    defaults = doc.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert val(defaults, "eastAsia") == Fonts().body
    assert val(doc.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS), "eastAsia") == "zh-CN"


def test_body_style_is_the_gbt_grid(doc: Docx) -> None:
    normal = doc.style(doc.style_id("Normal"))
    spacing = normal.find("w:pPr/w:spacing", NS)
    assert (val(spacing, "line"), val(spacing, "lineRule")) == ("579", "exact")
    indent = normal.find("w:pPr/w:ind", NS)
    assert (val(indent, "firstLineChars"), val(indent, "firstLine")) == ("200", "640")
    assert val(normal.find("w:rPr/w:spacing", NS)) == "-5"
    body_paragraph = next(p for p in doc.top_paragraphs() if doc.text(p).startswith("正文第一段"))
    assert doc.style_of(body_paragraph) is None  # the default style: Normal


def test_title_and_headings(doc: Docx) -> None:
    title = doc.style("Title")
    assert title.find("w:pPr/w:pBdr", NS) is None
    assert val(title.find("w:pPr/w:jc", NS)) == "center"
    assert val(title.find("w:pPr/w:ind", NS), "firstLineChars") == "0"
    for level in (1, 2, 3, 4):
        style = doc.style(doc.style_id(f"heading {level}"))
        assert val(style.find("w:pPr/w:outlineLvl", NS)) == str(level - 1)
    by_text = {doc.text(p): doc.style_of(p) for p in doc.top_paragraphs()}
    assert by_text["关于优化营商环境的调研报告"] == "Title"
    assert by_text["张三（市发展改革委）"] == "Subtitle"
    assert by_text["一、基本情况"] == "Heading1"
    assert by_text["（一）走访情况"] == "Heading2"
    assert by_text["1.企业走访"] == "Heading3"
    assert by_text["（1）具体做法"] == "Heading4"


def test_tables_do_not_snap_to_the_grid(doc: Docx) -> None:
    for name in ("Table Grid", "Table Text", "Table Heading"):
        assert val(doc.style(doc.style_id(name)).find("w:pPr/w:snapToGrid", NS)) == "0", name
    borders = doc.style("TableGrid").find("w:tblPr/w:tblBorders", NS)
    assert [val(side) for side in borders] == ["single"] * 6
    table = doc.body.find(w("tbl"))
    rows = table.findall(w("tr"))
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert all(row.find("w:trPr/w:tblHeader", NS) is None for row in rows[1:])
    assert (val(table.find("w:tblPr/w:tblW", NS), "w"), val(table.find("w:tblPr/w:tblW", NS), "type")) == ("5000", "pct")


def test_page_numbers_in_odd_and_even_footers(doc: Docx) -> None:
    assert doc.settings.find(w("evenAndOddHeaders")) is not None
    body = doc.sections()[2]
    refs = {val(ref, "type"): ref.get(f"{{{NS['r']}}}id") for ref in body.findall(w("footerReference"))}
    assert set(refs) == {"default", "even"}
    for kind, align in (("default", "right"), ("even", "left")):
        footer = doc.footer(refs[kind])
        paragraph = footer.find(w("p"))
        texts = [t.text for t in paragraph.iter(w("t"))]
        assert texts[0] == "— " and texts[-1] == " —"
        assert [instr.text.strip() for instr in paragraph.iter(w("instrText"))] == ["PAGE"]
        assert val(paragraph.find("w:pPr/w:jc", NS)) == align
        assert doc.resolved(val(paragraph.find("w:pPr/w:pStyle", NS)) or "", "w:rPr/w:rFonts", "eastAsia") == "宋体"


def test_cover_and_contents_have_no_page_numbers_and_body_restarts(doc: Docx) -> None:
    sections = doc.sections()
    for sect_pr in sections[:2]:
        for ref in sect_pr.findall(w("footerReference")):
            assert not footer_has_page(doc, ref.get(f"{{{NS['r']}}}id"))
        assert sect_pr.find(w("pgNumType")) is None
    assert val(sections[2].find(w("pgNumType")), "start") == "1"
    for sect_pr in sections[3:]:
        assert sect_pr.find(w("pgNumType")) is None  # numbering continues
        assert all(footer_has_page(doc, ref.get(f"{{{NS['r']}}}id")) for ref in sect_pr.findall(w("footerReference")))


def test_landscape_table_has_its_own_section(doc: Docx) -> None:
    landscape = doc.sections()[3]
    assert val(landscape.find(w("pgSz")), "orient") == "landscape"
    # The section holds the ledger: its title comes after the previous section's break.
    blocks = list(doc.body)
    title_index = next(i for i, block in enumerate(blocks) if doc.text(block) == "问题清单")
    table_index = next(i for i, block in enumerate(blocks) if block.tag == w("tbl"))
    break_index = next(i for i, block in enumerate(blocks) if block.find("w:pPr/w:sectPr", NS) is landscape)
    assert title_index < table_index < break_index
    widths = [int(val(col, "w") or 0) for col in blocks[table_index].iter(w("gridCol"))]
    assert sum(widths) == 16838 - 1984 - 2098  # the landscape type area
    assert abs(widths[1] - 6 * widths[0]) < 10 and abs(widths[2] - 3 * widths[0]) < 10


def test_report_starts_on_a_new_page_within_a_section(doc: Docx) -> None:
    second = next(p for p in doc.top_paragraphs() if doc.text(p) == "二、第二篇")
    assert second.find("w:pPr/w:pageBreakBefore", NS) is not None


def test_contents_is_a_dirty_toc_field(doc: Docx) -> None:
    instr = [t.text for t in doc.body.iter(w("instrText")) if "TOC" in (t.text or "")]
    assert instr == [' TOC \\o "1-2" \\h \\z \\u ']
    begin = next(doc.body.iter(w("fldChar")))
    assert (val(begin, "fldCharType"), val(begin, "dirty")) == ("begin", "true")
    assert val(doc.settings.find(w("updateFields"))) == "true"
    entries = [p for p in doc.top_paragraphs() if (doc.style_of(p) or "").startswith("TOC") and doc.style_of(p) != "TOCHeading"]
    assert [doc.text(p) for p in entries] == ["一、总体情况", "（一）调研开展情况", "二、调研报告"]
    assert [doc.style_of(p) for p in entries] == ["TOC1", "TOC2", "TOC1"]
    kinds = [val(c, "fldCharType") for p in entries for c in p.iter(w("fldChar"))]
    assert kinds == ["begin", "separate", "end"]


def test_cover(doc: Docx) -> None:
    first = doc.top_paragraphs()[:4]
    assert [doc.style_of(p) for p in first] == ["Classification", "CoverTitle", "CoverText", "CoverText"]
    assert doc.text(first[0]) == "内部资料 注意保存"
    assert val(first[0].find("w:pPr/w:jc", NS)) is None and val(doc.style("Classification").find("w:pPr/w:jc", NS)) == "left"
    title_before = int(val(first[1].find("w:pPr/w:spacing", NS), "before") or 0)
    assert 30 < mm(title_before) + 37 < 99  # title in the upper third
    issuer_before = int(val(first[2].find("w:pPr/w:spacing", NS), "before") or 0)
    assert issuer_before > 4000  # pushed down towards the bottom
    assert first[3].find("w:pPr/w:sectPr", NS) is not None  # then a section break


def test_core_properties_and_no_python_docx(doc: Docx) -> None:
    core = docx.Document(BytesIO(doc.data)).core_properties
    assert (core.title, core.author, core.last_modified_by) == ("调研成果汇编", "中共某某市委办公室", "中共某某市委办公室")
    assert (core.subject, core.keywords, core.revision, core.comments) == ("大兴调查研究", "调研", 1, "")
    assert core.created == core.modified
    assert core.created.isoformat().startswith("2023-12-01T00:00:00")
    for name in doc.zip.namelist():
        assert b"python-docx" not in doc.zip.read(name), name
    assert "docProps/thumbnail.jpeg" not in doc.zip.namelist()
    assert "word/stylesWithEffects.xml" not in doc.zip.namelist()


def test_headings_of_a_report_keep_their_look_but_stay_out_of_the_contents(tmp_path: Path) -> None:
    from docx import Document

    from dytool.present.word import DocMeta, Markdown, render_docx

    data = render_docx([Markdown("## 一、总体情况\n\n正文。"), Markdown("## 一、基本情况\n\n正文。", title="关于某事的调研报告", outline=False)],
                       DocMeta(title="t", author="a", created=dt.datetime(2023, 12, 31, tzinfo=dt.UTC)))
    path = tmp_path / "x.docx"
    path.write_bytes(data)
    styles = {p.text: p.style for p in Document(str(path)).paragraphs if p.text}
    assert styles["一、总体情况"].name == "Heading 1"
    inner = styles["一、基本情况"]
    assert inner.name == "Report Heading 1"
    assert inner.element.find(w("pPr")).find(w("outlineLvl")) is None
    title = styles["关于某事的调研报告"].element.find(w("pPr")).find(w("outlineLvl"))
    assert val(title) == "1"  # report titles are level 2 of the contents
