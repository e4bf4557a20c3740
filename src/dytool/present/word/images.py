"""Images and charts in the text: images checked by :mod:`dytool.source.images` (inside the
report's folder, tracked, real PNG/JPEG of a sane size), scaled into the type area."""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote

from dytool.documents.model import DEFAULT_FONTS, Chart, Fonts
from dytool.present.word.blocks import Para
from dytool.present.word.charts import C_NS, CHART_CT, CHART_RELTYPE, PACKAGE_RELTYPE, XLSX_CT, chart_xml, workbook
from dytool.present.word.ooxml import A_NS, PIC_NS, R_NS, attr, clean
from dytool.source.images import load_image

__all__ = ["ImageProblem", "Pictures"]

EMU_PER_TWIP = 635


@dataclass(frozen=True)
class ImageProblem:
    zh: str
    en: str


class Pictures:
    """Adds image and chart parts to the document part and inline drawings to paragraphs."""

    def __init__(self, document_part: Any, on_problem: Callable[[str, str], None] | None, fonts: Fonts = DEFAULT_FONTS,
                 created: datetime | None = None) -> None:
        self._part = document_part
        self._on_problem = on_problem
        self._next_id = 1
        self._charts = 0
        self._fonts = fonts
        self._created = created or datetime(2000, 1, 1)
        self.where: str | None = None
        """The repository file of the text being rendered, named in problems."""
        self.root: Path | None = None
        """The repository: images must lie in its tracked content."""
        self.ignored: Container[str] = frozenset()
        """Repository-relative paths git ignores."""

    def add_chart(self, paragraph: Para, chart: Chart, width: int) -> None:
        """Append ``chart`` as a native chart ``width`` twips wide, its data in an embedded workbook."""
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part

        self._charts += 1
        number = self._charts
        package = self._part.package
        chart_part = Part(PackURI(f"/word/charts/chart{number}.xml"), CHART_CT, chart_xml(chart, self._fonts), package)
        book = Part(PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{number}.xlsx"), XLSX_CT, workbook(chart, self._created), package)
        chart_part.relate_to(book, PACKAGE_RELTYPE)
        rel_id = self._part.relate_to(chart_part, CHART_RELTYPE)
        rows = len(chart.categories) if chart.horizontal else 0
        cx = width * EMU_PER_TWIP
        cy = max(int(width * 0.45), 1200 + 300 * rows) * EMU_PER_TWIP
        shape_id = self._next_id
        self._next_id += 1
        paragraph.runs.append(_CHART.format(cx=cx, cy=cy, id=shape_id, descr=attr(clean(chart.title)), rel=attr(rel_id)))

    def problem(self, zh: str, en: str) -> None:
        if self._on_problem is not None:
            where = f"{self.where}: " if self.where else ""
            self._on_problem(where + zh, where + en)

    def add(self, paragraph: Para, src: str, alt: str, base_dir: Path | None, box: tuple[int, int]) -> bool:
        """Append ``src`` as an inline picture fitting ``box`` (twips); False (and a problem) if not.
        The image must pass :func:`dytool.source.images.load_image` inside the repository (``root``)
        or, without one, inside ``base_dir``."""
        if base_dir is None:
            self.problem(f"图片 {unquote(src)} 没有可依据的目录，未插入", f"image {unquote(src)} has no folder to resolve in; left out")
            return False
        root = self.root if self.root is not None and base_dir.resolve().is_relative_to(self.root.resolve()) else base_dir
        base = base_dir.resolve().relative_to(root.resolve()).as_posix()
        image, zh, en = load_image(root, "" if base == "." else base, src, self.ignored)
        if image is None:
            self.problem(f"{zh}，未插入", f"{en}; left out")
            return False
        try:
            rel_id, _ = self._part.get_or_add_image(BytesIO(image.data))
        except Exception:  # noqa: BLE001 - whatever python-docx makes of a damaged image, the document goes on
            self.problem(f"图片 {unquote(src)} 已损坏，未插入", f"image {unquote(src)} is damaged; left out")
            return False
        cx, cy = image.width * 9525, image.height * 9525  # 96 dpi
        max_cx, max_cy = box[0] * EMU_PER_TWIP, box[1] * EMU_PER_TWIP
        scale = min(1.0, max_cx / cx, max_cy / cy)
        cx, cy = max(int(cx * scale), 1), max(int(cy * scale), 1)
        shape_id = self._next_id
        self._next_id += 1
        name = clean(PurePosixPath(unquote(src)).name) or f"image{shape_id}"
        paragraph.runs.append(_DRAWING.format(cx=cx, cy=cy, id=shape_id, descr=attr(clean(alt)), name=attr(name), rel=attr(rel_id)))
        return True


_DRAWING = (
    '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
    '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{id}" name="图片 {id}" descr="{descr}"/>'
    f'<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="{A_NS}" noChangeAspect="1"/></wp:cNvGraphicFramePr>'
    f'<a:graphic xmlns:a="{A_NS}"><a:graphicData uri="{PIC_NS}"><pic:pic xmlns:pic="{PIC_NS}">'
    '<pic:nvPicPr><pic:cNvPr id="0" name="{name}"/><pic:cNvPicPr/></pic:nvPicPr>'
    '<pic:blipFill><a:blip r:embed="{rel}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
    '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
    "</pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
)

_CHART = (
    '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
    '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{id}" name="图表 {id}" descr="{descr}"/><wp:cNvGraphicFramePr/>'
    f'<a:graphic xmlns:a="{A_NS}"><a:graphicData uri="{C_NS}"><c:chart xmlns:c="{C_NS}" xmlns:r="{R_NS}" r:id="{{rel}}"/>'
    "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
)
