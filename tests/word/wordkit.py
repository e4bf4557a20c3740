"""Helpers for the Word tests: render inline input and read the .docx back as XML."""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import Any

from lxml import etree

from dytool.present.word import DocMeta, Part, render_docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W_NS, "r": R_NS}
META = DocMeta(title="调研成果汇编", author="中共某某市委办公室", created=datetime(2023, 12, 1), subject="大兴调查研究", keywords="调研")


def w(local: str) -> str:
    return f"{{{W_NS}}}{local}"


def val(element: Any, attr: str = "val") -> str | None:
    return None if element is None else element.get(w(attr))


def mm(twips: int | str) -> float:
    return int(twips) * 25.4 / 1440


@dataclass
class Docx:
    """A rendered document: the raw bytes and its XML parts, parsed."""

    data: bytes
    problems: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.zip = zipfile.ZipFile(BytesIO(self.data))
        self.document = self.xml("word/document.xml")
        self.styles = self.xml("word/styles.xml")
        self.settings = self.xml("word/settings.xml")
        rels = self.xml("word/_rels/document.xml.rels")
        self.targets = {rel.get("Id"): rel.get("Target") for rel in rels}
        self.reltypes = {rel.get("Id"): rel.get("Type").rsplit("/", 1)[-1] for rel in rels}

    def xml(self, name: str) -> Any:
        return etree.fromstring(self.zip.read(name))

    @property
    def body(self) -> Any:
        return self.document.find(w("body"))

    def paragraphs(self) -> list[Any]:
        return list(self.body.iter(w("p")))

    def top_paragraphs(self) -> list[Any]:
        return [child for child in self.body if child.tag == w("p")]

    def sections(self) -> list[Any]:
        """Every w:sectPr in document order (the body's final one last)."""
        return list(self.body.iter(w("sectPr")))

    def footer(self, rel_id: str) -> Any:
        return self.xml("word/" + self.targets[rel_id])

    def style(self, style_id: str) -> Any:
        found = self.styles.find(f"w:style[@w:styleId='{style_id}']", NS)
        assert found is not None, style_id
        return found

    def style_id(self, name: str) -> str:
        for style in self.styles.iterfind(w("style")):
            if (val(style.find(w("name"))) or "").lower() == name.lower():
                return str(style.get(w("styleId")))
        raise KeyError(name)

    def resolved(self, style_id: str, path: str, attr: str = "val") -> str | None:
        """An attribute looked up through the basedOn chain, then docDefaults (path below rPr/pPr)."""
        current: str | None = style_id
        while current is not None:
            style = self.style(current)
            found = style.find(path, NS)
            if found is not None and found.get(w(attr)) is not None:
                return str(found.get(w(attr)))
            current = val(style.find(w("basedOn")))
        kind = "rPrDefault/w:rPr" if path.startswith("w:rPr") else "pPrDefault/w:pPr"
        found = self.styles.find(f"w:docDefaults/w:{kind}/{path.split('/', 1)[1]}", NS)
        return None if found is None else found.get(w(attr))

    def text(self, paragraph: Any) -> str:
        return "".join(t.text or "" for t in paragraph.iter(w("t")))

    def style_of(self, paragraph: Any) -> str | None:
        return val(paragraph.find("w:pPr/w:pStyle", NS))


def render(parts: Sequence[Part], **kwargs: Any) -> Docx:
    problems: list[tuple[str, str]] = []
    on_problem: Callable[[str, str], None] = lambda zh, en: problems.append((zh, en))  # noqa: E731
    data = render_docx(parts, kwargs.pop("meta", META), on_problem=on_problem, **kwargs)
    return Docx(data, problems)


def png(width: int = 40, height: int = 20, *, header_only: bool = False) -> bytes:
    """A valid grey PNG of the given size (``header_only``: a tiny file that claims that size,
    as a decompression bomb does)."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))

    raw = b"" if header_only else b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


#: A complete 1×1 baseline JFIF JPEG (SOI, APP0, DQT, SOF0, DHT, SOS, scan data, EOI).
JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27"
    "393d38323c2e333432ffc0000b080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bffc400b5100002"
    "010303020403050504040000017d01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728"
    "292a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5"
    "a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffda0008010100003f00"
    "d2cf20ffd9"
)
