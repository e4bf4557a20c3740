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


def png(width: int = 40, height: int = 20) -> bytes:
    """A valid grey PNG of the given size."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
