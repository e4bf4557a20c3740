"""Schema order of property elements, byte-identical output and the zip entries."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import UTC, datetime, timedelta, timezone
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from wordkit import META, W_NS, Docx, png, render, w, write

from dytool.present.word import Contents, Cover, DocMeta, Markdown, Table, render_docx
from dytool.present.word.blocks import distribute
from dytool.present.word.ooxml import ORDERS, insert_ordered

MARKDOWN = """\
# 标题

## 一、情况

正文**加粗**。![图](fig.png)

1. 第一
   - 嵌套

> 引用

| 甲 | 乙 |
|:-:|--:|
| 1 | 2 |

![单独](fig.png)
"""


def parts(base: Path) -> list[Any]:
    return [
        Cover(title="汇编", subtitle="（第一辑）", issuer="某某办", date_text="二〇二三年十二月", classification="内部资料"),
        Contents(entries=((1, "一、情况"),)),
        Markdown(MARKDOWN, base_dir=base, title="题目", byline="作者"),
        Table(title="台账", header=("序号", "事项"), rows=(("1", "甲"),), note="截至2023年9月15日", landscape=True),
        Markdown("尾声", new_page=False),
    ]


@pytest.fixture
def base(tmp_path: Path) -> Path:
    write(tmp_path / "fig.png", png())
    return tmp_path


def check_order(root: Any, where: str) -> int:
    """Assert the children of every ordered property element follow the schema; count them."""
    checked = 0
    for element in root.iter():
        order = ORDERS.get(element.tag) if isinstance(element.tag, str) else None
        if order is None:
            continue
        last = -1
        for child in element:
            if not isinstance(child.tag, str):
                continue
            if not child.tag.startswith(f"{{{W_NS}}}") and child.tag not in order:
                continue  # extension elements (w14:…) come after the schema's own
            assert child.tag in order, f"{where}: {etree.QName(child).localname} is not expected in {etree.QName(element).localname}"
            position = order[child.tag]
            if element.tag == w("sectPr") and child.tag == w("footerReference"):
                position = order[w("headerReference")]
            assert position >= last, f"{where}: {etree.QName(child).localname} out of order in {etree.QName(element).localname}"
            last = position
        checked += 1
    return checked


def test_property_elements_are_in_schema_order(base: Path) -> None:
    doc = render(parts(base))
    counts = {name: check_order(doc.xml(name), name) for name in doc.zip.namelist() if name.startswith("word/") and name.endswith(".xml")}
    assert counts["word/document.xml"] > 20
    assert counts["word/styles.xml"] > 100
    tags = {element.tag for element in doc.document.iter()}
    assert {w("pPr"), w("rPr"), w("sectPr"), w("tblPr"), w("trPr"), w("tcPr")} <= tags


def test_insert_ordered_puts_children_where_the_schema_says() -> None:
    p_pr = etree.Element(w("pPr"))
    for local in ("jc", "sectPr", "pStyle", "ind", "spacing", "keepNext", "rPr", "snapToGrid"):
        insert_ordered(p_pr, etree.Element(w(local)))
    assert [etree.QName(child).localname for child in p_pr] == ["pStyle", "keepNext", "snapToGrid", "spacing", "ind", "jc", "rPr", "sectPr"]
    sect_pr = etree.Element(w("sectPr"))
    for local in ("docGrid", "pgNumType", "footerReference", "pgSz", "headerReference", "pgMar", "footerReference"):
        insert_ordered(sect_pr, etree.Element(w(local)))
    names = [etree.QName(child).localname for child in sect_pr]
    assert names[3:] == ["pgSz", "pgMar", "pgNumType", "docGrid"]


def test_same_input_same_bytes(base: Path) -> None:
    first = render_docx(parts(base), META)
    second = render_docx(parts(base), META)
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()
    later = render_docx(parts(base), DocMeta(title=META.title, author=META.author, created=META.created + timedelta(days=1)))
    assert later != first


def test_zip_entries_are_fixed(base: Path) -> None:
    data = render_docx(parts(base), META)
    with zipfile.ZipFile(BytesIO(data)) as archive:
        infos = archive.infolist()
        assert archive.testzip() is None
    assert [info.filename for info in infos[:2]] == ["[Content_Types].xml", "_rels/.rels"]
    for info in infos:
        assert info.date_time == (2023, 12, 1, 0, 0, 0)
        assert (info.compress_type, info.create_system, info.external_attr) == (zipfile.ZIP_DEFLATED, 3, 0o100644 << 16)
    names = [info.filename for info in infos]
    assert "word/media/image1.png" in names
    assert len(names) == len(set(names))


def test_dates_are_utc_and_clamped() -> None:
    east8 = timezone(timedelta(hours=8))
    doc = render([Markdown("正文")], meta=DocMeta(title="t", author="a", created=datetime(2023, 12, 1, 8, 0, tzinfo=east8)))
    core = doc.xml("docProps/core.xml")
    created = core.find("{http://purl.org/dc/terms/}created")
    assert created.text == "2023-12-01T00:00:00Z"
    old = render_docx([Markdown("正文")], DocMeta(title="t", author="a", created=datetime(1970, 1, 1, tzinfo=UTC)))
    with zipfile.ZipFile(BytesIO(old)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_empty_input_is_a_valid_document() -> None:
    doc = render([])
    sections = doc.sections()
    assert len(sections) == 1 and sections[0].find(w("pgNumType")) is not None
    assert isinstance(doc, Docx)


def test_distribute_adds_up() -> None:
    assert distribute([1, 2, 1], 100) == [25, 50, 25]
    assert sum(distribute([1, 1, 1], 8844)) == 8844
    assert distribute([0, 0], 10) == [5, 5]
    assert distribute([2, 0, 2], 90) == [30, 30, 30]
    assert distribute([], 10) == []
