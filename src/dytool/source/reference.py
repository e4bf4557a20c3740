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

from dytool.core.catalogue import files

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
        raise ReferenceProblem(*files.REFERENCE_DTD(name=name).pair)
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise ReferenceProblem(*files.REFERENCE_NOT_XML(name=name, detail=error.msg).pair) from None


def _member(archive: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise ReferenceProblem(*files.REFERENCE_PART_TOO_LARGE(name=name).pair)
    try:
        with archive.open(info) as handle:
            data = handle.read(MAX_PART_BYTES + 1)  # the stated size may lie: read no more than the limit
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError):
        raise ReferenceProblem(*files.REFERENCE_DAMAGED(name=name).pair) from None
    if len(data) > MAX_PART_BYTES:
        raise ReferenceProblem(*files.REFERENCE_INFLATES(name=name).pair)
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
        if path.is_symlink() or path.parent.is_symlink() or not path.is_file():  # templates/ itself may be a link
            raise ReferenceProblem(*files.REFERENCE_NOT_REGULAR.pair)
        if path.stat().st_size > MAX_REFERENCE_BYTES:
            raise ReferenceProblem(*files.REFERENCE_TOO_LARGE(mib=MAX_REFERENCE_BYTES // 1024 // 1024).pair)
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ReferenceProblem(*files.REFERENCE_NOT_DOCX.pair) from None
    with archive:
        if len(archive.infolist()) > MAX_ENTRIES:
            raise ReferenceProblem(*files.REFERENCE_TOO_MANY_PARTS.pair)
        main = _targets(archive, "_rels/.rels", "").get(_OFFICE_DOCUMENT)
        if main is None:
            raise ReferenceProblem(*files.REFERENCE_NO_BODY.pair)
        folder = posixpath.dirname(main)
        rels = _targets(archive, posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels"), folder)
        parts = {key: _member(archive, rels[reltype]) if reltype in rels else None for key, reltype in _WANTED.items()}
        styles = parts["styles"]
        if styles is None:
            raise ReferenceProblem(*files.REFERENCE_NO_STYLES.pair)
        checked = {key: etree.tostring(safe_xml(data, key), encoding="UTF-8", standalone=True) if data is not None else None
                   for key, data in parts.items()}
        document = _member(archive, main)
        section = None
        if document is not None:
            body = safe_xml(document, main).find(f"{_W}body")
            found = body.findall(f"{_W}sectPr") if body is not None else []
            section = found[-1] if found else None
    return Reference(checked["styles"] or b"", checked["theme"], checked["font_table"], section)
