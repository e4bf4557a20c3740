"""The GB/T 9704 styles, written straight into styles.xml (python-docx's Font API cannot set
``w:eastAsia`` and leaves the theme fonts in place), and the resolution of style ids by name."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree  # python-docx dependency, no stubs

from dytool.documents.model import Fonts
from dytool.present.word.ooxml import insert_ordered, w

__all__ = ["LINE", "TABLE_SIZES", "StyleIds", "install_styles", "strip_theme", "table_line"]

LINE = 579  # exact line pitch in twips: 22 lines in the 225 mm type area (28.95 pt)
CHAR = 320  # one 三号 character in twips (first-line indents are also given in characters)

Props = tuple[tuple[str, tuple[tuple[str, str], ...]], ...]

#: Table text sizes in half-points, largest first, with the suffix of their style keys:
#: 四号 for tables in the text, 小四 and 五号 when a table needs the room (and for ledgers).
TABLE_SIZES = {28: "", 24: "_small", 21: "_compact"}
_TABLE_NAMES = {28: "", 24: " Small", 21: " Compact"}


def table_line(size: int) -> int:
    """The exact line pitch of table text at ``size`` half-points (1.25 lines), in twips."""
    return round(size * 10 * 1.25)


def _p(**attrs: str) -> tuple[tuple[str, str], ...]:
    return tuple(attrs.items())


def _exact(line: int = LINE, before: int = 0, after: int = 0) -> tuple[str, tuple[tuple[str, str], ...]]:
    return ("spacing", _p(before=str(before), after=str(after), line=str(line), lineRule="exact"))


_SINGLE = ("spacing", _p(before="0", after="0", line="240", lineRule="auto"))
_NO_INDENT = ("ind", _p(left="0", right="0", firstLine="0", firstLineChars="0"))
_CENTER = ("jc", _p(val="center"))
_NO_SNAP = ("snapToGrid", _p(val="0"))
_KEEP = ("keepNext", ())
_LEVEL2 = ("outlineLvl", _p(val="1"))  # listed at level 2 of the contents (report and ledger titles)
_PLAIN = ("spacing", _p(val="0"))  # undo the body's condensed character spacing


@dataclass(frozen=True)
class Spec:
    key: str
    name: str
    style_id: str
    based_on: str | None = "body"
    ppr: Props = ()
    rpr: Props = ()
    kind: str = "paragraph"
    quick: bool = False


def _fonts(east: str, fonts: Fonts) -> tuple[str, tuple[tuple[str, str], ...]]:
    return ("rFonts", _p(ascii=fonts.latin, hAnsi=fonts.latin, eastAsia=east, cs=fonts.latin))


def _size(half_points: int) -> Props:
    return (("sz", _p(val=str(half_points))), ("szCs", _p(val=str(half_points))))


def _heading(level: int, east: str, fonts: Fonts, *, bold: bool = False, outline: bool = True) -> Spec:
    """Heading N; with ``outline=False`` the same look without an outline level (headings
    inside a report of a compilation, which the contents should not list)."""
    rpr: Props = (_fonts(east, fonts),)
    if bold:
        rpr += (("b", ()), ("bCs", ()))
    ppr: Props = (_KEEP, ("keepLines", ()), *((("outlineLvl", _p(val=str(level - 1))),) if outline else ()))
    if not outline:
        return Spec(f"inner_heading{level}", f"Report Heading {level}", f"ReportHeading{level}", ppr=ppr, rpr=(*rpr, *_size(32)))
    return Spec(f"heading{level}", f"heading {level}", f"Heading{level}", ppr=ppr, rpr=(*rpr, *_size(32)), quick=True)


def _toc(level: int, fonts: Fonts, type_width: int) -> Spec:
    """Contents lines: 一、 headings in 三号, the titles below them in 四号 (a report title then
    fits one line), at a pitch a little under the body's so that a contents page holds more."""
    indent = str((level - 1) * CHAR)
    size = 32 if level == 1 else 28
    ppr: Props = (
        ("tabs", (("right", str(type_width)),)),
        _NO_SNAP,
        _exact(560 if level == 1 else 480),
        # long titles wrap two characters early, so that the page number keeps its own room
        ("ind", _p(left=indent, leftChars=str((level - 1) * 200), right=str(2 * CHAR), rightChars="200", firstLine="0", firstLineChars="0")),
    )
    return Spec(f"toc{level}", f"toc {level}", f"TOC{level}", ppr=ppr, rpr=(_fonts(fonts.body, fonts), _PLAIN, *_size(size)))


def specs(fonts: Fonts, type_width: int) -> tuple[Spec, ...]:
    """Every style the renderer uses, with its GB/T 9704 definition."""
    f = fonts
    body_ppr: Props = (
        ("widowControl", _p(val="0")),
        _exact(),
        ("ind", _p(firstLineChars="200", firstLine=str(2 * CHAR))),
        ("jc", _p(val="both")),
    )
    body_rpr: Props = (_fonts(f.body, f), ("spacing", _p(val="-5")), *_size(32))
    tables: list[Spec] = []
    for size, suffix in TABLE_SIZES.items():
        # no extra space between Chinese and Latin text: 2023年9月30日 set tight, as offices do
        ppr: Props = (("autoSpaceDE", _p(val="0")), ("autoSpaceDN", _p(val="0")), _NO_SNAP, _exact(table_line(size)), _NO_INDENT)
        name = _TABLE_NAMES[size]
        tables.append(Spec(f"table_text{suffix}", f"Table Text{name}", f"TableText{name.strip()}", ppr=(*ppr, ("jc", _p(val="left"))),
                           rpr=(_fonts(f.body, f), _PLAIN, *_size(size))))
        tables.append(Spec(f"table_heading{suffix}", f"Table Heading{name}", f"TableHeading{name.strip()}", ppr=(_KEEP, *ppr, _CENTER),
                           rpr=(_fonts(f.heading1, f), _PLAIN, *_size(size))))
    cover: Props = (_NO_SNAP, _NO_INDENT, _CENTER)
    return (
        Spec("body", "Normal", "Normal", None, body_ppr, body_rpr, quick=True),
        Spec("title", "Title", "Title", ppr=(_KEEP, ("keepLines", ()), _exact(after=LINE), _NO_INDENT, _CENTER, _LEVEL2),
             rpr=(_fonts(f.title, f), _PLAIN, *_size(44)), quick=True),
        Spec("subtitle", "Subtitle", "Subtitle", ppr=(_KEEP, _exact(after=LINE), _NO_INDENT, _CENTER),
             rpr=(_fonts(f.heading2, f), _PLAIN, *_size(32)), quick=True),
        _heading(1, f.heading1, f),
        _heading(2, f.heading2, f),
        _heading(3, f.body, f, bold=True),
        _heading(4, f.body, f),
        _heading(1, f.heading1, f, outline=False),
        _heading(2, f.heading2, f, outline=False),
        _heading(3, f.body, f, bold=True, outline=False),
        _heading(4, f.body, f, outline=False),
        Spec("quote", "Quote", "Quote", ppr=(("ind", _p(left=str(2 * CHAR), leftChars="200", firstLineChars="200",
                                                        firstLine=str(2 * CHAR))),),
             rpr=(_fonts(f.heading2, f),), quick=True),
        Spec("list", "List Paragraph", "ListParagraph", ppr=(_NO_INDENT,), rpr=(_fonts(f.body, f),)),
        Spec("code", "Plain Text", "PlainText", ppr=(_NO_SNAP, _SINGLE, ("ind", _p(left=str(2 * CHAR), leftChars="200",
                                                                                   firstLine="0", firstLineChars="0")),
                                                   ("jc", _p(val="left"))),
             rpr=(_fonts(f.body, f), _PLAIN, *_size(28))),
        Spec("figure", "Figure", "Figure", ppr=(_NO_SNAP, _SINGLE, _NO_INDENT, _CENTER), rpr=(_fonts(f.body, f),)),
        Spec("figure_caption", "Figure Caption", "FigureCaption", ppr=(("keepLines", ()), _NO_SNAP, _exact(), _NO_INDENT, _CENTER),
             rpr=(_fonts(f.heading1, f), _PLAIN, *_size(28))),
        Spec("table_title", "Table Title", "TableTitle", ppr=(_KEEP, _exact(), _NO_INDENT, _CENTER, _LEVEL2),
             rpr=(_fonts(f.title, f), _PLAIN, *_size(36))),
        Spec("table_note", "Table Note", "TableNote", ppr=(_KEEP, _exact(), _NO_INDENT, ("jc", _p(val="right"))),
             rpr=(_fonts(f.heading2, f), _PLAIN, *_size(28))),
        *tables,
        Spec("table_caption", "Table Caption", "TableCaption", ppr=(_KEEP, ("keepLines", ()), _NO_SNAP, _exact(), _NO_INDENT, _CENTER),
             rpr=(_fonts(f.heading1, f), _PLAIN, *_size(28))),
        Spec("annex_label", "Annex Label", "AnnexLabel", ppr=(_KEEP, ("keepLines", ()), _exact(), _NO_INDENT, ("jc", _p(val="left"))),
             rpr=(_fonts(f.heading1, f), _PLAIN, *_size(32))),
        Spec("table_grid", "Table Grid", "TableGrid", None, (_NO_SNAP, _SINGLE, _NO_INDENT),
             (_fonts(f.body, f), _PLAIN, *_size(28)), kind="table"),
        Spec("toc_heading", "TOC Heading", "TOCHeading", ppr=(_KEEP, _exact(after=LINE), _NO_INDENT, _CENTER),
             rpr=(_fonts(f.title, f), _PLAIN, *_size(44))),
        *(_toc(level, f, type_width) for level in (1, 2, 3, 4)),
        Spec("footer", "footer", "Footer", ppr=(_NO_SNAP, _SINGLE, _NO_INDENT),
             rpr=(_fonts(f.page_number, f), _PLAIN, *_size(28))),
        Spec("cover_title", "Cover Title", "CoverTitle", ppr=(("keepLines", ()), *cover, _exact(780)),
             rpr=(_fonts(f.title, f), _PLAIN, *_size(52))),
        Spec("cover_subtitle", "Cover Subtitle", "CoverSubtitle", ppr=(*cover, _exact(before=290)),
             rpr=(_fonts(f.heading2, f), _PLAIN, *_size(32))),
        Spec("cover_text", "Cover Text", "CoverText", ppr=(*cover, _exact(640)),
             rpr=(_fonts(f.body, f), _PLAIN, *_size(32))),
        Spec("classification", "Classification", "Classification",
             ppr=(_NO_SNAP, _exact(), _NO_INDENT, ("jc", _p(val="left"))),
             rpr=(_fonts(f.heading1, f), _PLAIN, *_size(32))),
    )


class StyleIds:
    """Style ids by key, resolved once (a reference document's ids may be ``1``, ``a3`` …)."""

    def __init__(self, ids: Mapping[str, str]) -> None:
        self._ids = dict(ids)

    def __getitem__(self, key: str) -> str:
        return self._ids[key]

    def heading(self, level: int) -> str:
        return self._ids[f"heading{min(max(level, 1), 4)}"]

    def inner_heading(self, level: int) -> str:
        return self._ids[f"inner_heading{min(max(level, 1), 4)}"]

    def toc(self, level: int) -> str:
        return self._ids[f"toc{min(max(level, 1), 4)}"]


def _add_props(parent: etree._Element, local: str, props: Props) -> None:
    if not props:
        return
    container = insert_ordered(parent, etree.Element(w(local)))
    for tag, attrs in props:
        if tag == "tabs":
            tabs = insert_ordered(container, etree.Element(w("tabs")))
            for align, pos in attrs:
                etree.SubElement(tabs, w("tab"), {w("val"): align, w("leader"): "dot", w("pos"): pos})
            continue
        element = insert_ordered(container, etree.Element(w(tag)))
        for key, value in attrs:
            element.set(w(key), value)


def _build(spec: Spec, style_id: str, ids: Mapping[str, str]) -> etree._Element:
    style = etree.Element(w("style"), {w("type"): spec.kind, w("styleId"): style_id})
    if spec.key == "body":
        style.set(w("default"), "1")
    etree.SubElement(style, w("name"), {w("val"): spec.name})
    if spec.based_on is not None:
        etree.SubElement(style, w("basedOn"), {w("val"): ids[spec.based_on]})
    if spec.kind == "paragraph" and spec.key != "body":
        etree.SubElement(style, w("next"), {w("val"): ids["body"]})
    if spec.quick:
        etree.SubElement(style, w("qFormat"))
    _add_props(style, "pPr", spec.ppr)
    _add_props(style, "rPr", spec.rpr)
    if spec.kind == "table":
        _table_props(style)
    return style


def _table_props(style: etree._Element) -> None:
    tbl_pr = etree.SubElement(style, w("tblPr"))
    borders = etree.SubElement(tbl_pr, w("tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        etree.SubElement(borders, w(side), {w("val"): "single", w("sz"): "4", w("space"): "0", w("color"): "auto"})
    margins = etree.SubElement(tbl_pr, w("tblCellMar"))
    for side, width in (("top", "15"), ("left", "72"), ("bottom", "15"), ("right", "72")):
        etree.SubElement(margins, w(side), {w("w"): width, w("type"): "dxa"})


def install_styles(root: etree._Element, fonts: Fonts, type_width: int, *, replace: bool) -> StyleIds:
    """Define the styles in styles.xml ``root``. ``replace``: overwrite same-named styles (the
    built-in template); otherwise keep the reference document's styles and add only missing ones."""
    by_name: dict[str, etree._Element] = {}
    used_ids: set[str] = set()
    for style in root.iterfind(w("style")):
        used_ids.add(style.get(w("styleId"), ""))
        name = style.find(w("name"))
        if name is not None:
            by_name.setdefault(name.get(w("val"), "").lower(), style)
    ids: dict[str, str] = {}
    missing: list[Spec] = []
    all_specs = specs(fonts, type_width)
    for spec in all_specs:
        existing = by_name.get(spec.name.lower())
        if existing is not None and not replace:
            ids[spec.key] = existing.get(w("styleId"), spec.style_id)
            continue
        if existing is not None:
            root.remove(existing)
            used_ids.discard(existing.get(w("styleId"), ""))
        style_id = spec.style_id
        while style_id in used_ids:
            style_id += "Dy"
        used_ids.add(style_id)
        ids[spec.key] = style_id
        missing.append(spec)
    for spec in missing:
        root.append(_build(spec, ids[spec.key], ids))
    return StyleIds(ids)


_THEME_ATTRS = tuple(w(name) for name in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"))


def strip_theme(root: etree._Element, fonts: Fonts) -> None:
    """Remove theme fonts and all colours from every style and from docDefaults, and set the
    document defaults to the body font (三号, Chinese language)."""
    for r_fonts in root.iter(w("rFonts")):
        for attr in _THEME_ATTRS:
            r_fonts.attrib.pop(attr, None)
    for color in list(root.iter(w("color"))):  # official documents are black: no blue headings
        parent = color.getparent()
        if parent is not None:
            parent.remove(color)
    defaults = root.find(w("docDefaults"))
    if defaults is None:
        defaults = etree.Element(w("docDefaults"))
        root.insert(0, defaults)
    r_default = defaults.find(w("rPrDefault"))
    if r_default is None:
        r_default = etree.Element(w("rPrDefault"))
        defaults.insert(0, r_default)
    r_pr = r_default.find(w("rPr"))
    if r_pr is None:
        r_pr = etree.SubElement(r_default, w("rPr"))
    r_pr.clear()
    for tag, attrs in (_fonts(fonts.body, fonts), *_size(32)):
        etree.SubElement(r_pr, w(tag), {w(k): v for k, v in attrs})
    etree.SubElement(r_pr, w("lang"), {w("val"): "en-US", w("eastAsia"): "zh-CN", w("bidi"): "ar-SA"})
    p_default = defaults.find(w("pPrDefault"))
    if p_default is None:
        p_default = etree.SubElement(defaults, w("pPrDefault"))
    p_default.clear()
    p_pr = etree.SubElement(p_default, w("pPr"))
    etree.SubElement(p_pr, w("spacing"), {w("after"): "0", w("line"): "240", w("lineRule"): "auto"})
