"""Word reports as offices write them, made with python-docx for the import-report tests.

:func:`office_report` writes what a leader's staff typically sends: a title, heading styles for
some headings and hand-typed official numbering (一、 （一） 1. （1）) for others, bold lead-ins,
a numbered Word list, a table with merged cells, a footnote and a PNG image.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{W}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>
<w:r><w:t xml:space="preserve"> 数据来源：市统计局2023年统计公报。</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""


def png(width: int = 4, height: int = 3) -> bytes:
    """A small valid PNG (red pixels)."""
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def _footnote(document: object, paragraph: object) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    part = Part(PackURI("/word/footnotes.xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                FOOTNOTES.encode("utf-8"), document.part.package)  # type: ignore[attr-defined]
    document.part.relate_to(part, RT.FOOTNOTES)  # type: ignore[attr-defined]
    run = parse_xml(f'<w:r xmlns:w="{W}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>')
    paragraph._p.append(run)  # type: ignore[attr-defined]


def office_report(path: Path, tmp: Path) -> Path:
    from docx import Document
    from docx.shared import Cm

    doc = Document()
    doc.core_properties.title = "关于县域产业发展的调研报告"
    doc.core_properties.author = "孙丽娟"
    doc.add_paragraph("关于县域产业发展的调研报告", style="Title")
    doc.add_paragraph("按照市委统一部署，调研组于6月深入西岭县开展调研。现将有关情况报告如下。")
    doc.add_paragraph("一、基本情况")  # typed by hand, no heading style
    doc.add_paragraph("（一）产业规模稳步扩大")
    intro = doc.add_paragraph()
    bold = intro.add_run("总体看，")
    bold.bold = True
    intro.add_run("全县规上工业增加值增长8.2%")
    _footnote(doc, intro)
    intro.add_run("，高于全市平均水平。")
    doc.add_paragraph("1.主导产业集聚度提高")
    doc.add_paragraph("（1）新材料产业产值占比达到31%。")
    doc.add_heading("二、存在的主要问题", level=1)  # a Word heading style
    doc.add_heading("（一）要素保障不足", level=2)
    doc.add_paragraph("用地指标紧张", style="List Number")
    doc.add_paragraph("技能人才短缺", style="List Number")
    doc.add_paragraph("配套不完善", style="List Bullet")
    table = doc.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    for r, row in enumerate([["指标", "2022年", "2023年"], ["产值（亿元）", "120", "136"], ["合计", "", ""]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    merged = table.cell(2, 1).merge(table.cell(2, 2))
    merged.text = "较上年增长13.3%"
    image = tmp / "chart.png"
    image.write_bytes(png())
    doc.add_paragraph("图1 产值变化")
    doc.add_picture(str(image), width=Cm(4))
    doc.add_paragraph("三、对策建议")
    doc.add_paragraph("加快补齐要素短板。")
    doc.save(str(path))
    return path
