"""A campaign's ``templates/reference.docx``, read as the untrusted file it is.

Only what the Word writer takes from it is read: the styles, the theme, the font table and
the page setup of its last section.  Nothing else of the file reaches a compiled document: no
relationship (remote templates, UNC paths, OLE objects, hyperlinks), no settings
(``attachedTemplate``), no body content.  The zip and every part are bounded (entries,
compressed and inflated sizes; a 2 MB file that inflates to gigabytes is refused after a few
megabytes), XML is parsed without DTDs, entities or network, and anything wrong is a
:class:`ReferenceProblem` in words a secretary can act on, never an exception from a library.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree  # python-docx dependency, no stubs

__all__ = ["MAX_PART_BYTES", "MAX_REFERENCE_BYTES", "REFERENCE", "Reference", "ReferenceProblem", "read_reference", "safe_xml"]

REFERENCE = "templates/reference.docx"
MAX_REFERENCE_BYTES = 16 * 1024 * 1024
MAX_PART_BYTES = 8 * 1024 * 1024
"""What one part may inflate to: styles of real templates are well under 1 MB."""
MAX_ENTRIES = 2000

_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_OFFICE_DOCUMENT = _RT + "officeDocument"
_WANTED = {"styles": _RT + "styles", "theme": _RT + "theme", "font_table": _RT + "fontTable"}
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False,
                          remove_blank_text=False)


class ReferenceProblem(Exception):
    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


@dataclass(frozen=True)
class Reference:
    styles: bytes
    theme: bytes | None
    font_table: bytes | None
    section: Any
    """The ``w:sectPr`` of the document's last section (an lxml element), or None."""


def safe_xml(data: bytes, name: str) -> Any:
    """``data`` parsed without a DTD, entities or network; ReferenceProblem when it is not that."""
    head = data[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in data.lower():
        raise ReferenceProblem(f"参考文档中的 {name} 含有 DTD 或实体声明，已拒绝", f"{name} in the reference document declares a DTD or entities; refused")
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise ReferenceProblem(f"参考文档中的 {name} 不是有效的 XML", f"{name} in the reference document is not valid XML ({error.msg})") from None


def _member(archive: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise ReferenceProblem(f"参考文档中的 {name} 过大", f"{name} in the reference document is too large")
    try:
        with archive.open(info) as handle:
            data = handle.read(MAX_PART_BYTES + 1)  # the stated size may lie: read no more than the limit
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError):
        raise ReferenceProblem(f"参考文档已损坏（{name} 无法解压）", f"the reference document is damaged ({name} cannot be inflated)") from None
    if len(data) > MAX_PART_BYTES:
        raise ReferenceProblem(f"参考文档中的 {name} 解压后过大，已拒绝", f"{name} in the reference document inflates beyond the limit; refused")
    return data


def _targets(archive: zipfile.ZipFile, rels_name: str, base: str) -> dict[str, str]:
    """Reltype → internal target part of a relationships part (external ones are never followed)."""
    data = _member(archive, rels_name)
    if data is None:
        return {}
    out: dict[str, str] = {}
    for rel in safe_xml(data, rels_name).iter(f"{_RELS_NS}Relationship"):
        if rel.get("TargetMode", "Internal") != "Internal":
            continue
        target = rel.get("Target", "")
        if not target or "://" in target or target.startswith("\\\\"):
            continue
        resolved = posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join(base, target))
        if resolved.startswith("../"):
            continue
        out.setdefault(rel.get("Type", ""), resolved)
    return out


def read_reference(path: Path) -> Reference:
    """The parts of a reference document the writer uses; ReferenceProblem for anything amiss."""
    try:
        if path.is_symlink() or not path.is_file():
            raise ReferenceProblem("参考文档不是普通文件", "the reference document is not a regular file")
        if path.stat().st_size > MAX_REFERENCE_BYTES:
            raise ReferenceProblem(f"参考文档超过 {MAX_REFERENCE_BYTES // 1024 // 1024} MiB", f"the reference document exceeds {MAX_REFERENCE_BYTES // 1024 // 1024} MiB")
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ReferenceProblem("参考文档不是 Word 文件（.docx）或已损坏，请在 Word 或 WPS 中另存为 .docx",
                               "the reference document is not a Word (.docx) file or is damaged; save it again as .docx in Word or WPS") from None
    with archive:
        if len(archive.infolist()) > MAX_ENTRIES:
            raise ReferenceProblem("参考文档中的文件过多", "the reference document holds too many parts")
        main = _targets(archive, "_rels/.rels", "").get(_OFFICE_DOCUMENT)
        if main is None:
            raise ReferenceProblem("参考文档缺少正文部分（word/document.xml）", "the reference document has no main part (word/document.xml)")
        folder = posixpath.dirname(main)
        rels = _targets(archive, posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels"), folder)
        parts = {key: _member(archive, rels[reltype]) if reltype in rels else None for key, reltype in _WANTED.items()}
        styles = parts["styles"]
        if styles is None:
            raise ReferenceProblem("参考文档没有样式（styles.xml）", "the reference document has no styles (styles.xml)")
        checked = {key: etree.tostring(safe_xml(data, key), encoding="UTF-8", standalone=True) if data is not None else None
                   for key, data in parts.items()}
        document = _member(archive, main)
        section = None
        if document is not None:
            body = safe_xml(document, main).find(f"{_W}body")
            found = body.findall(f"{_W}sectPr") if body is not None else []
            section = found[-1] if found else None
    return Reference(checked["styles"] or b"", checked["theme"], checked["font_table"], section)
