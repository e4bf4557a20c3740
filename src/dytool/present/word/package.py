"""Deterministic packaging: fixed properties, settings, font table, and a zip with fixed entries.

python-docx's own ``save`` stamps every zip entry with the current time; this writer walks the
package's relationships itself and writes each part with the same timestamp (``DocMeta.created``),
order, compression and attributes, so equal input gives equal bytes (with the same zlib).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from io import BytesIO
from typing import Any

from lxml import etree  # python-docx dependency, no stubs

from dytool.documents.model import DocMeta, Fonts
from dytool.present.word.ooxml import clean, get_or_add, w

__all__ = ["DROPPED_RELTYPES", "app_xml", "core_xml", "font_table_xml", "update_settings", "write_package"]

_RT = "http://schemas.openxmlformats.org/"
#: Parts not carried over: the template's thumbnail and Word 2010's shadow copy of the styles.
DROPPED_RELTYPES = frozenset({
    _RT + "package/2006/relationships/metadata/thumbnail",
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
})
CORE_RELTYPE = _RT + "package/2006/relationships/metadata/core-properties"
APP_RELTYPE = _RT + "officeDocument/2006/relationships/extended-properties"
FONT_TABLE_RELTYPE = _RT + "officeDocument/2006/relationships/fontTable"

_CT_NS = _RT + "package/2006/content-types"
_RELS_NS = _RT + "package/2006/relationships"
_RELS_CT = "application/vnd.openxmlformats-package.relationships+xml"
_CP = _RT + "package/2006/metadata/core-properties"
_DC, _DCTERMS = "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_EP = _RT + "officeDocument/2006/extended-properties"
_VT = _RT + "officeDocument/2006/docPropsVTypes"

# Official font names Windows lacks, and what Word should take instead (w:altName).
_ALT_NAMES = {"仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "方正小标宋简体": "华文中宋", "黑体": "SimHei", "宋体": "SimSun",
              "仿宋": "FangSong", "楷体": "KaiTi"}


def _xml(root: etree._Element) -> bytes:
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def utc(moment: datetime) -> datetime:
    """``moment`` as naive UTC (a naive value is taken to be UTC already)."""
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo is not None else moment


def core_xml(meta: DocMeta) -> bytes:
    """core.xml with the given title/author/subject/keywords, revision 1 and fixed dates."""
    root = etree.Element(f"{{{_CP}}}coreProperties", nsmap={"cp": _CP, "dc": _DC, "dcterms": _DCTERMS, "xsi": _XSI})
    stamp = utc(meta.created).strftime("%Y-%m-%dT%H:%M:%SZ")
    for tag, value in ((f"{{{_DC}}}title", meta.title), (f"{{{_DC}}}subject", meta.subject),
                       (f"{{{_DC}}}creator", meta.author), (f"{{{_CP}}}keywords", meta.keywords),
                       (f"{{{_CP}}}lastModifiedBy", meta.author), (f"{{{_CP}}}revision", "1")):
        etree.SubElement(root, tag).text = clean(value)
    for name in ("created", "modified"):
        element = etree.SubElement(root, f"{{{_DCTERMS}}}{name}", {f"{{{_XSI}}}type": "dcterms:W3CDTF"})
        element.text = stamp
    etree.SubElement(root, f"{{{_DC}}}language").text = "zh-CN"
    return _xml(root)


def app_xml(meta: DocMeta) -> bytes:
    """app.xml without the template's stale counts and application name."""
    root = etree.Element(f"{{{_EP}}}Properties", nsmap={None: _EP, "vt": _VT})
    for tag, value in (("Template", "Normal.dotm"), ("TotalTime", "0"), ("Application", "dytool"), ("DocSecurity", "0"),
                       ("ScaleCrop", "false"), ("Company", clean(meta.author)), ("LinksUpToDate", "false"),
                       ("SharedDoc", "false"), ("HyperlinksChanged", "false")):
        etree.SubElement(root, f"{{{_EP}}}{tag}").text = value
    return _xml(root)


def font_table_xml(blob: bytes, fonts: Fonts) -> bytes:
    """The font table with our fonts declared as Chinese (GB2312 charset) with fallbacks."""
    root = etree.fromstring(blob)
    present = {font.get(w("name")) for font in root.iterfind(w("font"))}
    alt_names = {**_ALT_NAMES, fonts.body: fonts.body_fallback}
    for name in dict.fromkeys((fonts.body, fonts.title, fonts.heading1, fonts.heading2, fonts.page_number)):
        if name in present:
            continue
        font = etree.SubElement(root, w("font"), {w("name"): name})
        alt = alt_names.get(name)
        if alt and alt != name:
            etree.SubElement(font, w("altName"), {w("val"): alt})
        etree.SubElement(font, w("charset"), {w("val"): "86"})
        etree.SubElement(font, w("family"), {w("val"): "modern"})
        etree.SubElement(font, w("pitch"), {w("val"): "fixed"})
    return _xml(root)


def update_settings(settings: etree._Element, *, chinese_theme: bool) -> None:
    """Odd/even footers, refresh fields (the TOC) on opening, Chinese theme-font language."""
    get_or_add(settings, "evenAndOddHeaders")
    get_or_add(settings, "updateFields").set(w("val"), "true")
    if chinese_theme:
        get_or_add(settings, "themeFontLang").set(w("eastAsia"), "zh-CN")


def _rels_xml(rels: Iterable[Any]) -> bytes:
    root = etree.Element(f"{{{_RELS_NS}}}Relationships", nsmap={None: _RELS_NS})
    for rel in rels:
        attrs = {"Id": rel.rId, "Type": rel.reltype, "Target": rel.target_ref}
        if rel.is_external:
            attrs["TargetMode"] = "External"
        etree.SubElement(root, f"{{{_RELS_NS}}}Relationship", attrs)
    return _xml(root)


def _kept(source: Any) -> list[Any]:
    return [rel for rel in source.rels.values() if rel.reltype not in DROPPED_RELTYPES]


def _content_types(parts: Iterable[Any]) -> bytes:
    defaults = {"rels": _RELS_CT, "xml": "application/xml"}
    overrides: dict[str, str] = {}
    for part in parts:
        ext = str(part.partname.ext).lower()
        if ext not in defaults and ext != "xml":
            defaults[ext] = part.content_type
        if defaults.get(ext) != part.content_type:
            overrides[str(part.partname)] = part.content_type
    root = etree.Element(f"{{{_CT_NS}}}Types", nsmap={None: _CT_NS})
    for ext, content_type in sorted(defaults.items()):
        etree.SubElement(root, f"{{{_CT_NS}}}Default", {"Extension": ext, "ContentType": content_type})
    for name, content_type in sorted(overrides.items()):
        etree.SubElement(root, f"{{{_CT_NS}}}Override", {"PartName": name, "ContentType": content_type})
    return _xml(root)


def zip_time(moment: datetime) -> tuple[int, int, int, int, int, int]:
    stamp = min(max(utc(moment), datetime(1980, 1, 1)), datetime(2107, 12, 31, 23, 59, 58))
    return (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)


def write_package(package: Any, blobs: Mapping[str, bytes | list[bytes]], when: datetime) -> bytes:
    """The .docx bytes: parts reachable from the package relationships (less the dropped ones),
    in partname order, ``blobs`` replacing the stored content of the parts they name (a list
    of pieces is streamed into the zip entry)."""
    parts: list[Any] = []
    seen: set[str] = set()
    pending: list[Any] = [package]
    while pending:
        source = pending.pop()
        for rel in _kept(source):
            if rel.is_external or str(rel.target_part.partname) in seen:
                continue
            seen.add(str(rel.target_part.partname))
            parts.append(rel.target_part)
            pending.append(rel.target_part)
    parts.sort(key=lambda part: str(part.partname))
    entries: list[tuple[str, bytes | list[bytes]]] = [("[Content_Types].xml", _content_types(parts)), ("_rels/.rels", _rels_xml(_kept(package)))]
    for part in parts:
        name = str(part.partname)
        entries.append((part.partname.membername, blobs.get(name, part.blob)))
        rels = _kept(part)
        if rels:
            entries.append((part.partname.rels_uri.membername, _rels_xml(rels)))
    date_time = zip_time(when)
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, rw-r--r-- (zipfile would otherwise pick rw------- itself)
            info.external_attr = 0o100644 << 16
            with archive.open(info, "w") as entry:
                for piece in [data] if isinstance(data, bytes) else data:
                    entry.write(piece)
    return buffer.getvalue()
