"""Tables that fit, never adjacent; charts in schema order; deadlines as ledgers print them."""

from __future__ import annotations

import datetime as dt
import posixpath
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from lxml import etree
from wordkit import NS, Docx, render, val, w

from dytool.cli.main import run
from dytool.dates import Span
from dytool.documents.model import Chart, Markdown, Series, Table
from dytool.facts.deadlines import deadline_text, period_text
from dytool.models.when import parse_when
from dytool.present.word.charts import C_NS, CHART_ORDERS
from dytool.present.word.tablefit import fit_columns, min_units, text_units
from util import EXAMPLE

TWO_TABLES = "| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n\n| 丙 | 丁 |\n|---|---|\n| 3 | 4 |\n"


def adjacent_tables(root: etree._Element) -> int:
    """How many tables directly follow another table, anywhere (the body or a cell)."""
    count = 0
    for element in root.iter(w("tbl")):
        previous = element.getprevious()
        count += previous is not None and previous.tag == w("tbl")
    return count


def test_two_tables_in_a_row_are_kept_apart_by_their_titles() -> None:
    doc = render([Markdown(TWO_TABLES), Table(title="台账", header=("甲",), rows=(("1",),), new_page=False),
                  Table(title="台账二", header=("乙",), rows=(("2",),), new_page=False)])
    assert adjacent_tables(doc.document) == 0
    captions = [doc.text(p) for p in doc.top_paragraphs() if doc.style_of(p) == "TableCaption"]
    assert captions == ["表1", "表2"]


def test_a_caption_written_before_a_table_is_its_title() -> None:
    doc = render([Markdown("## 一、情况\n\n| 甲 |\n|---|\n| 1 |\n\n表2　自定义标题\n\n| 乙 |\n|---|\n| 2 |\n")])
    captions = [doc.text(p) for p in doc.top_paragraphs() if doc.style_of(p) == "TableCaption"]
    assert captions == ["表1　情况", "表2　自定义标题"]


@pytest.mark.parametrize("heading", ["一、重点片区拥堵情况", "（二）重点片区拥堵情况", "3. 重点片区拥堵情况", "2.1 重点片区拥堵情况",
                                     "（4）重点片区拥堵情况", "重点片区拥堵情况"])
def test_a_title_taken_from_a_heading_leaves_out_the_heading_number(heading: str) -> None:
    doc = render([Markdown(f"## {heading}\n\n| 片区 | 车速 |\n|---|---|\n| 梅林关 | 18.6 |\n")])
    captions = [doc.text(p) for p in doc.top_paragraphs() if doc.style_of(p) == "TableCaption"]
    assert captions == ["表1　重点片区拥堵情况"]


@pytest.fixture(scope="module")
def example_documents(tmp_path_factory: pytest.TempPathFactory) -> list[Docx]:
    out = tmp_path_factory.mktemp("docs")
    assert run(["compile", "-C", str(EXAMPLE), "--as-of", "2023-12-31", "--format", "docx", "-o", str(out)]) == 0
    assert run(["bulletin", "-C", str(EXAMPLE), "--as-of", "2023-12-31", "--month", "2023-06", "--format", "docx", "-o", str(out)]) == 0
    assert run(["status", "-C", str(EXAMPLE), "--as-of", "2023-09-15", "--format", "docx", "-o", str(out / "brief.docx")]) in (0, 1)
    return [Docx(path.read_bytes()) for path in sorted(out.glob("*.docx"))]


def test_no_two_tables_are_adjacent_in_the_example_documents(example_documents: list[Docx]) -> None:
    assert len(example_documents) == 3
    for doc in example_documents:
        assert adjacent_tables(doc.document) == 0
        for table in doc.body.iter(w("tbl")):
            rows = table.findall(w("tr"))
            assert all(row.find("w:trPr/w:cantSplit", NS) is not None for row in rows)
            assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
            previous = table.getprevious()
            assert previous is not None and doc.style_of(previous) in ("TableCaption", "TableNote", "TableTitle")


def _in_schema_order(element: etree._Element) -> list[str]:
    wrong = []
    local = etree.QName(element).localname
    order = CHART_ORDERS.get(local)
    if order is not None and element.tag.startswith("{" + C_NS):
        positions = [order.index(etree.QName(child).localname) for child in element if child.tag.startswith("{" + C_NS)
                     and etree.QName(child).localname in order]
        unknown = [etree.QName(child).localname for child in element if child.tag.startswith("{" + C_NS)
                   and etree.QName(child).localname not in order]
        if positions != sorted(positions) or unknown:
            wrong.append(f"{local}: {[etree.QName(c).localname for c in element]}")
    for child in element:
        wrong.extend(_in_schema_order(child))
    return wrong


def test_every_chart_part_is_in_schema_order_with_its_data(example_documents: list[Docx]) -> None:
    charts = 0
    for doc in example_documents:
        for name in doc.zip.namelist():
            if name.startswith("word/charts/") and name.endswith(".xml"):
                charts += 1
                root = etree.fromstring(doc.zip.read(name))
                assert _in_schema_order(root) == [], name
                rels = etree.fromstring(doc.zip.read(name.replace("charts/", "charts/_rels/") + ".rels"))
                [target] = [rel.get("Target") for rel in rels]
                book = zipfile.ZipFile(BytesIO(doc.zip.read(posixpath.normpath("word/charts/" + target))))
                assert "xl/worksheets/sheet1.xml" in book.namelist()
                assert root.find(f"{{{C_NS}}}externalData") is not None
    assert charts == 6  # three in the overview, three in the bulletin


def test_charts_are_byte_identical_on_a_rebuild(tmp_path: Path) -> None:
    chart = Chart("charts/x.svg", "图1　测试", ("一月", "二月"), (Series("甲", (1.0, 2.5)), Series("乙", (3.0, 4.0), line=True)))
    parts = [Markdown("![图1](charts/x.svg)\n\n图1　测试", charts=(chart,))]
    first, second = render(parts), render(parts)
    assert first.data == second.data
    assert "图1　测试" in [first.text(p) for p in first.top_paragraphs()]
    assert val(first.top_paragraphs()[0].find("w:pPr/w:pStyle", NS)) == "Figure"


@pytest.mark.parametrize("text", ["2023年9月30日", "2023年12月31日", "P-038", "P-20230510-7K2Q", "100.0%", "2020年", "已逾期",
                                  "青办发〔2023〕16号", "6/8"])
def test_dates_ids_and_numbers_are_never_broken(text: str) -> None:
    assert min_units(text) >= text_units(text)
    fit = fit_columns(("序号", "内容"), [(text, "很长的说明文字" * 30)], 8844, (28, 24, 21))
    assert fit.widths[0] >= text_units(text) * fit.size * 5 + 144


def test_long_text_takes_the_rest() -> None:
    fit = fit_columns(("序号", "问题", "时限"), [("1", "长" * 200, "2023年9月30日")], 12756, (24, 21))
    assert fit.widths[1] > fit.widths[0] + fit.widths[2]


PERIOD = Span(dt.date(2023, 1, 1), dt.date(2023, 12, 31))


@pytest.mark.parametrize(
    ("phrase", "shown"),
    [
        ("6月上旬", "2023年6月10日\n（6月上旬）"),
        ("9月前", "2023年8月31日\n（9月前）"),
        ("年底前", "2023年12月31日\n（年底前）"),
        ("4月中旬前", "2023年4月20日\n（4月中旬前）"),
        ("12月下旬", "2023年12月31日\n（12月下旬）"),
        ("第三季度", "2023年9月30日\n（第三季度）"),
        ("上半年", "2023年6月30日\n（上半年）"),
        ("2023-06-15", "2023年6月15日"),
    ],
)
def test_ledgers_print_the_day_after_which_an_item_is_overdue(phrase: str, shown: str) -> None:
    when = parse_when(phrase, {"period": PERIOD})
    assert deadline_text(when) == shown


def test_relative_deadlines_count_from_the_day_found() -> None:
    when = parse_when("2个月内", {"period": PERIOD, "anchor": dt.date(2023, 5, 10)})
    assert deadline_text(when).startswith("2023年7月10日")


@pytest.mark.parametrize(("key", "text"), [("2024-03", "2024年3月"), ("2024-Q1", "2024年第一季度"), ("2024-H2", "2024年下半年"),
                                           ("2024-W05", "2024年第5周"), ("2024", "2024年"), ("2024-03-05", "2024年3月5日"), ("其他", "其他")])
def test_periods_are_written_in_chinese(key: str, text: str) -> None:
    assert period_text(key) == text


def test_a_line_that_introduces_a_list_keeps_with_it() -> None:
    doc = render([Markdown("逾期未完成事项（3项）：\n\n1. 甲\n2. 乙\n\n各单位情况如下:\n\n| 甲 |\n|---|\n| 1 |\n\n一段话。\n")])
    kept = {doc.text(p): p.find(f"{w('pPr')}/{w('keepNext')}") is not None for p in doc.top_paragraphs()}
    assert kept["逾期未完成事项（3项）："] and kept["各单位情况如下:"]
    assert not kept["一段话。"]
