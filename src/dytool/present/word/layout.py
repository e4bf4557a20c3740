"""Page setup, section properties and the page-number footers."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from lxml import etree  # python-docx dependency, no stubs

from dytool.present.word.ooxml import XML_SPACE, element, mm_to_twips, sub, w

__all__ = ["GBT_PAGE", "Footers", "PageSetup", "add_footers", "section_properties"]


@dataclass(frozen=True)
class PageSetup:
    """Page size and margins in twips, plus the document grid's attributes."""

    width: int
    height: int
    top: int
    bottom: int
    left: int
    right: int
    header: int
    footer: int
    gutter: int = 0
    grid: tuple[tuple[str, str], ...] = (("type", "lines"), ("linePitch", "579"))
    cols_space: str | None = None

    @property
    def type_width(self) -> int:
        return self.width - self.left - self.right - self.gutter

    @property
    def type_height(self) -> int:
        return self.height - self.top - self.bottom

    def landscape(self) -> PageSetup:
        """The same sheet turned: the binding margin (left) on top; page numbers keep their
        distance below the type area."""
        top, bottom = self.left, self.right
        return replace(
            self,
            width=self.height,
            height=self.width,
            top=top,
            bottom=bottom,
            left=self.bottom,
            right=self.top,
            header=max(top - (self.top - self.header), mm_to_twips(5)),
            footer=max(bottom - (self.bottom - self.footer), mm_to_twips(5)),
        )

    @classmethod
    def from_section(cls, sect_pr: etree._Element | None) -> PageSetup:
        """The page setup of a reference document's section, GB/T values where it says nothing."""
        if sect_pr is None:
            return GBT_PAGE
        values: dict[str, Any] = {}
        size = sect_pr.find(w("pgSz"))
        if size is not None:
            for key in ("width", "height"):
                raw = size.get(w(key[0]))
                if raw is not None and raw.isdigit():
                    values[key] = int(raw)
        margins = sect_pr.find(w("pgMar"))
        if margins is not None:
            for key in ("top", "bottom", "left", "right", "header", "footer", "gutter"):
                raw = margins.get(w(key))
                if raw is not None and raw.lstrip("-").isdigit():
                    values[key] = abs(int(raw))
        grid = sect_pr.find(w("docGrid"))
        if grid is not None:
            values["grid"] = tuple((etree.QName(key).localname, value) for key, value in sorted(grid.attrib.items()))
        cols = sect_pr.find(w("cols"))
        if cols is not None and cols.get(w("space")) is not None:
            values["cols_space"] = cols.get(w("space"))
        return replace(GBT_PAGE, **values)


#: GB/T 9704-2012: A4, margins 37/35/28/26 mm, page number 7 mm below the type area.
GBT_PAGE = PageSetup(
    width=11906,
    height=16838,
    top=mm_to_twips(37),
    bottom=mm_to_twips(35),
    left=mm_to_twips(28),
    right=mm_to_twips(26),
    header=mm_to_twips(15),
    footer=mm_to_twips(25.5),
)


@dataclass(frozen=True)
class Footers:
    """Relationship ids of the footer pairs (odd/default, even)."""

    numbered: tuple[str, str]
    blank: tuple[str, str]


def section_properties(setup: PageSetup, footers: tuple[str, str], *, restart: bool, landscape: bool) -> str:
    """A ``w:sectPr`` (children in schema order) for a section of this page setup."""
    page = setup.landscape() if landscape else setup
    refs = "".join(f'<w:footerReference w:type="{kind}" r:id="{rel_id}"/>' for kind, rel_id in zip(("default", "even"), footers, strict=True))
    orient = ' w:orient="landscape"' if landscape else ""
    margins = (f'<w:pgMar w:top="{page.top}" w:right="{page.right}" w:bottom="{page.bottom}" w:left="{page.left}"'
               f' w:header="{page.header}" w:footer="{page.footer}" w:gutter="{page.gutter}"/>')
    numbering = '<w:pgNumType w:start="1"/>' if restart else ""
    cols = element("cols", {"space": page.cols_space}) if page.cols_space is not None else ""
    grid = element("docGrid", dict(page.grid))
    return (f'<w:sectPr>{refs}<w:pgSz w:w="{page.width}" w:h="{page.height}"{orient}/>{margins}{numbering}{cols}'
            f"{grid}</w:sectPr>")


def _page_number(footer: etree._Element, style_id: str, align: str) -> None:
    paragraph = sub(footer, "p")
    p_pr = sub(paragraph, "pPr")
    sub(p_pr, "pStyle", val=style_id)
    # GB/T 9704: odd pages right and even pages left, one character in from the edge.
    sub(p_pr, "ind", {align: "280", "firstLine": "0"})
    sub(p_pr, "jc", val=align)

    def text(value: str) -> None:
        run = sub(paragraph, "r")
        element = sub(run, "t")
        element.text = value
        element.set(XML_SPACE, "preserve")

    def field_char(kind: str) -> None:
        sub(sub(paragraph, "r"), "fldChar", fldCharType=kind)

    text("— ")
    field_char("begin")
    instr = sub(sub(paragraph, "r"), "instrText")
    instr.text = " PAGE "
    instr.set(XML_SPACE, "preserve")
    field_char("separate")
    text("1")
    field_char("end")
    text(" —")


def add_footers(document_part: Any, style_id: str) -> Footers:
    """Create the numbered (odd right, even left) and the blank footer parts."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.parts.hdrftr import FooterPart

    rel_ids: list[str] = []
    for content in ("right", "left", None, None):
        part = FooterPart.new(document_part.package)
        element = part.element
        for child in list(element):
            element.remove(child)
        if content is None:
            p_pr = sub(sub(element, "p"), "pPr")
            sub(p_pr, "pStyle", val=style_id)
        else:
            _page_number(element, style_id, content)
        rel_ids.append(document_part.relate_to(part, RT.FOOTER))
    return Footers(numbered=(rel_ids[0], rel_ids[1]), blank=(rel_ids[2], rel_ids[3]))
