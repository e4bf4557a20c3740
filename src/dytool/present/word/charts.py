"""Native Word charts: DrawingML chart parts with their data, and the workbook Word and WPS
open to edit that data.  Text in the charts takes the document's fonts.

Elements are written in the order of the ECMA-376 chart schema (dml-chart.xsd): Word refuses
a chart part whose children are out of order (tests/word check every part against
:data:`CHART_ORDERS`).  Everything is fixed text and fixed zip entries, so the same chart gives
the same bytes.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from datetime import datetime
from html import escape
from io import BytesIO

from dytool.documents.model import Chart, Fonts
from dytool.present.word.ooxml import clean

__all__ = ["CHART_CT", "CHART_ORDERS", "CHART_RELTYPE", "C_NS", "PACKAGE_RELTYPE", "XLSX_CT", "chart_xml", "workbook"]

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CHART_CT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
XLSX_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHART_RELTYPE = R_NS + "/chart"
PACKAGE_RELTYPE = R_NS + "/package"

#: Child order of the chart elements written here, from dml-chart.xsd (sequences only).
CHART_ORDERS: Mapping[str, tuple[str, ...]] = {
    "chartSpace": ("date1904", "lang", "roundedCorners", "style", "clrMapOvr", "pivotSource", "protection", "chart", "spPr",
                   "txPr", "externalData", "printSettings", "userShapes", "extLst"),
    "chart": ("title", "autoTitleDeleted", "pivotFmts", "view3D", "floor", "sideWall", "backWall", "plotArea", "legend",
              "plotVisOnly", "dispBlanksAs", "showDLblsOverMax", "extLst"),
    "plotArea": ("layout", "barChart", "lineChart", "catAx", "valAx", "dTable", "spPr", "extLst"),
    "barChart": ("barDir", "grouping", "varyColors", "ser", "dLbls", "gapWidth", "overlap", "serLines", "axId", "extLst"),
    "lineChart": ("grouping", "varyColors", "ser", "dLbls", "dropLines", "hiLowLines", "upDownBars", "marker", "smooth", "axId",
                  "extLst"),
    "ser": ("idx", "order", "tx", "spPr", "invertIfNegative", "pictureOptions", "marker", "dPt", "dLbls", "trendline", "errBars",
            "cat", "val", "shape", "smooth", "extLst"),
    "catAx": ("axId", "scaling", "delete", "axPos", "majorGridlines", "minorGridlines", "title", "numFmt", "majorTickMark",
              "minorTickMark", "tickLblPos", "spPr", "txPr", "crossAx", "crosses", "crossesAt", "auto", "lblAlgn", "lblOffset",
              "tickLblSkip", "tickMarkSkip", "noMultiLvlLbl", "extLst"),
    "valAx": ("axId", "scaling", "delete", "axPos", "majorGridlines", "minorGridlines", "title", "numFmt", "majorTickMark",
              "minorTickMark", "tickLblPos", "spPr", "txPr", "crossAx", "crosses", "crossesAt", "crossBetween", "majorUnit",
              "minorUnit", "dispUnits", "extLst"),
    "scaling": ("logBase", "orientation", "max", "min", "extLst"),
    "legend": ("legendPos", "legendEntry", "layout", "overlay", "spPr", "txPr", "extLst"),
    "dLbls": ("dLbl", "numFmt", "spPr", "txPr", "dLblPos", "showLegendKey", "showVal", "showCatName", "showSerName",
              "showPercent", "showBubbleSize", "separator", "showLeaderLines", "leaderLines", "extLst"),
    "marker": ("symbol", "size", "spPr", "extLst"),
    "tx": ("strRef", "v", "rich"),
    "strRef": ("f", "strCache", "extLst"),
    "numRef": ("f", "numCache", "extLst"),
    "strCache": ("ptCount", "pt", "extLst"),
    "numCache": ("formatCode", "ptCount", "pt", "extLst"),
    "externalData": ("autoUpdate",),
}

_COLOURS = ("C0392B", "1F5F8B", "D68910", "5B7F2B")
_BAR_AXES, _LINE_AXES = ("1001", "1002"), ("1001", "1002")


def _column(index: int) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index]


def _text(value: str) -> str:
    return escape(clean(value), quote=False)


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def _cache(values: list[str]) -> str:
    points = "".join(f'<c:pt idx="{i}"><c:v>{value}</c:v></c:pt>' for i, value in enumerate(values))
    return f'<c:ptCount val="{len(values)}"/>{points}'


def _series(chart: Chart, number: int, line: bool) -> str:
    series = chart.series[number]
    column = _column(number + 1)
    last = len(chart.categories) + 1
    colour = _COLOURS[number % len(_COLOURS)]
    name = (f'<c:tx><c:strRef><c:f>Sheet1!${column}$1</c:f><c:strCache>{_cache([_text(series.name)])}</c:strCache>'
            "</c:strRef></c:tx>")
    cats = (f"<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${last}</c:f><c:strCache>{_cache([_text(c) for c in chart.categories])}"
            "</c:strCache></c:strRef></c:cat>")
    values = (f'<c:val><c:numRef><c:f>Sheet1!${column}$2:${column}${last}</c:f><c:numCache><c:formatCode>General</c:formatCode>'
              f"{_cache([_number(v) for v in series.values])}</c:numCache></c:numRef></c:val>")
    label_format = '<c:numFmt formatCode="0.0&quot;%&quot;" sourceLinked="0"/>' if chart.percent else ""
    labels = (f'<c:dLbls>{label_format}<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:showLegendKey val="0"/><c:showVal val="1"/>'
              '<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>')
    head = f'<c:ser><c:idx val="{number}"/><c:order val="{number}"/>{name}'
    if line:
        return (f'{head}<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill></a:ln></c:spPr>'
                f'<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
                f'</c:spPr></c:marker>{cats}{values}<c:smooth val="0"/></c:ser>')
    return (f'{head}<c:spPr><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>'
            f"{labels}{cats}{values}</c:ser>")


def _axes(chart: Chart) -> str:
    horizontal = chart.horizontal
    orientation = "maxMin" if horizontal else "minMax"  # across: the first category at the top, as in the table
    top = '<c:max val="100"/>' if chart.percent else ""
    number_format = '0"%"' if chart.percent else "General"
    line = '<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="808080"/></a:solidFill></a:ln></c:spPr>'
    grid = '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>'
    category = (f'<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="{orientation}"/></c:scaling><c:delete val="0"/>'
                f'<c:axPos val="{"l" if horizontal else "b"}"/><c:numFmt formatCode="General" sourceLinked="0"/>'
                '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
                f'{line}<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>'
                '<c:lblOffset val="100"/><c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx>')
    value = (f'<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/>{top}<c:min val="0"/></c:scaling>'
             f'<c:delete val="0"/><c:axPos val="{"b" if horizontal else "l"}"/>{grid}'
             f'<c:numFmt formatCode="{escape(number_format)}" sourceLinked="0"/><c:majorTickMark val="none"/>'
             f'<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>{line}<c:crossAx val="1001"/>'
             f'<c:crosses val="{"max" if horizontal else "autoZero"}"/><c:crossBetween val="between"/></c:valAx>')
    return category + value


def chart_xml(chart: Chart, fonts: Fonts) -> bytes:
    """The chart part (``word/charts/chartN.xml``) of ``chart``, data included."""
    bars = [n for n, series in enumerate(chart.series) if not series.line]
    lines = [n for n, series in enumerate(chart.series) if series.line]
    plots = ""
    if bars:
        plots += (f'<c:barChart><c:barDir val="{"bar" if chart.horizontal else "col"}"/><c:grouping val="clustered"/>'
                  f'<c:varyColors val="0"/>{"".join(_series(chart, n, False) for n in bars)}<c:gapWidth val="80"/>'
                  '<c:axId val="1001"/><c:axId val="1002"/></c:barChart>')
    if lines:
        plots += (f'<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>{"".join(_series(chart, n, True) for n in lines)}'
                  '<c:marker val="1"/><c:axId val="1001"/><c:axId val="1002"/></c:lineChart>')
    legend = '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' if len(chart.series) > 1 else ""
    text = (f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1050"><a:latin typeface="{escape(fonts.latin)}"/>'
            f'<a:ea typeface="{escape(fonts.body)}"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>')
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="{C_NS}" xmlns:a="{A_NS}" xmlns:r="{R_NS}">'
           '<c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>'
           f'<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>{plots}{_axes(chart)}</c:plotArea>{legend}'
           '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
           '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>'
           f'{text}<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>')
    return xml.encode("utf-8")


_SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_PKG = "http://schemas.openxmlformats.org/package/2006"


def _cell(column: int, row: int, value: str | float) -> str:
    ref = f"{_column(column)}{row}"
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{_text(value)}</t></is></c>'
    return f'<c r="{ref}"><v>{_number(value)}</v></c>'


def workbook(chart: Chart, when: datetime) -> bytes:
    """A small .xlsx with the chart's data (categories in column A, a series per column), so
    that "Edit data" in Word or WPS opens it.  Fixed entries and timestamps."""
    rows: list[list[str | float]] = [["", *(series.name for series in chart.series)]]
    rows += [[name, *(series.values[i] for series in chart.series)] for i, name in enumerate(chart.categories)]
    sheet_rows = "".join(f'<row r="{r}">{"".join(_cell(c, r, v) for c, v in enumerate(row))}</row>' for r, row in enumerate(rows, 1))
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    entries = {
        "[Content_Types].xml": f'{head}<Types xmlns="{_PKG}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                               '<Default Extension="xml" ContentType="application/xml"/>'
                               '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                               '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": f'{head}<Relationships xmlns="{_PKG}/relationships"><Relationship Id="rId1" '
                       f'Type="{R_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'{head}<workbook xmlns="{_SHEET_NS}" xmlns:r="{R_NS}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'{head}<Relationships xmlns="{_PKG}/relationships"><Relationship Id="rId1" '
                                      f'Type="{R_NS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'{head}<worksheet xmlns="{_SHEET_NS}"><sheetData>{sheet_rows}</sheetData></worksheet>',
    }
    stamp = (max(when.year, 1980), when.month, when.day, 0, 0, 0)
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in entries.items():
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()
