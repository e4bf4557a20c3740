"""``render_docx``: document parts → an official-format (GB/T 9704-2012) .docx, deterministically."""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from pathlib import Path
from typing import Any

from lxml import etree  # python-docx dependency, no stubs

from dytool.documents.model import DEFAULT_FONTS, Contents, Cover, DocMeta, Fonts, Markdown, Part, Table
from dytool.present.word.blocks import Writer
from dytool.present.word.frontmatter import render_contents, render_cover
from dytool.present.word.images import Pictures
from dytool.present.word.layout import GBT_PAGE, PageSetup, add_footers
from dytool.present.word.mdconv import MarkdownRenderer
from dytool.present.word.ooxml import clean
from dytool.present.word.package import (
    APP_RELTYPE,
    CORE_RELTYPE,
    FONT_TABLE_RELTYPE,
    app_xml,
    core_xml,
    font_table_xml,
    update_settings,
    write_package,
)
from dytool.present.word.styles import install_styles, strip_theme
from dytool.present.word.tables import render_ledger
from dytool.source.images import IgnoredImages, image_links, image_path
from dytool.source.reference import REFERENCE, ReferenceProblem, read_reference

__all__ = ["render_docx"]

_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _open(reference: Path | None, on_problem: Callable[[str, str], None] | None) -> tuple[Any, PageSetup | None]:
    """python-docx's template, with the reference document's styles, theme and font table in
    place of its own (and the reference's page setup), or None for the built-in GB/T look when
    there is no reference or it cannot be used (then ``on_problem`` hears why)."""
    import docx

    document = docx.Document()
    if reference is None:
        return document, None
    try:
        found = read_reference(reference)
    except ReferenceProblem as problem:
        if on_problem is not None:
            on_problem(f"{REFERENCE}: DY208 {problem.zh}；已改用内置的公文格式", f"{REFERENCE}: DY208 {problem.en}; the built-in format is used instead")
        return document, None
    from docx.oxml.parser import parse_xml

    styles: Any = document.part.part_related_by(_RT + "styles")
    styles._element = parse_xml(found.styles)
    for reltype, blob in ((_RT + "theme", found.theme), (_RT + "fontTable", found.font_table)):
        part = _related(document.part, reltype)
        if blob is not None and part is not None:
            part._blob = blob
    return document, PageSetup.from_section(found.section)


def _related(source: Any, reltype: str) -> Any | None:
    for rel in source.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return rel.target_part
    return None


def render_docx(
    parts: Sequence[Part],
    meta: DocMeta,
    *,
    fonts: Fonts = DEFAULT_FONTS,
    reference: Path | None = None,
    on_problem: Callable[[str, str], None] | None = None,
    root: Path | None = None,
) -> bytes:
    """The .docx bytes for ``parts``.

    Without ``reference`` the GB/T 9704 styles and page setup are written into python-docx's
    template; with it, the reference document's styles and page setup are used and only the
    styles it lacks are added. Content problems (images) go to ``on_problem(zh, en)``; the
    output depends only on the arguments: ``meta.created`` dates the core properties and the zip
    entries, so a caller wanting reproducible builds derives it from ``--as-of`` or
    ``SOURCE_DATE_EPOCH`` (this function never reads the clock or the environment).
    A reference that cannot be used is reported through ``on_problem`` and the built-in format
    is used; only its styles, theme, font table and page setup are ever read
    (:mod:`dytool.source.reference`).
    """
    document, reference_setup = _open(reference, on_problem)
    builtin = reference_setup is None
    document_part = document.part
    body = document.element.body
    setup = reference_setup or GBT_PAGE
    for child in list(body):
        body.remove(child)

    styles = document.styles.element
    if builtin:
        strip_theme(styles, fonts)
    ids = install_styles(styles, fonts, setup.type_width, replace=builtin)
    update_settings(document.settings.element, chinese_theme=builtin)
    writer = Writer(ids, setup, add_footers(document_part, ids["footer"]))
    pictures = Pictures(document_part, on_problem, fonts, meta.created)
    pictures.root = root
    pictures.ignored = _ignored_images(root, parts)
    markdown = MarkdownRenderer(writer, pictures)

    for part in parts:
        if isinstance(part, Cover):
            writer.begin(numbered=False, own_section=True)
            render_cover(writer, part)
        elif isinstance(part, Contents):
            writer.begin(numbered=False, own_section=True)
            render_contents(writer, part)
        elif isinstance(part, Markdown):
            writer.begin(numbered=True, new_page=part.new_page)
            if part.title and clean(part.title):
                writer.styled("title", part.title)
            if part.byline and clean(part.byline):
                writer.styled("subtitle", part.byline)
            pictures.where = part.source
            markdown.render(part.text, part.base_dir, outline=part.outline, charts=part.charts, top_level=part.top_level)
        elif isinstance(part, Table):
            writer.begin(numbered=True, landscape=part.landscape, new_page=part.new_page)
            render_ledger(writer, part)
        writer.flush()
    pieces = writer.finish()

    document.core_properties  # noqa: B018 - makes sure the package has a core-properties part
    package = document_part.package
    blobs: dict[str, bytes | list[bytes]] = {str(document_part.partname): _document_xml(document, pieces)}
    core, app, font_table = (_related(package, CORE_RELTYPE), _related(package, APP_RELTYPE),
                             _related(document_part, FONT_TABLE_RELTYPE))
    if core is not None:
        blobs[str(core.partname)] = core_xml(meta)
    if app is not None:
        blobs[str(app.partname)] = app_xml(meta)
    if font_table is not None:
        blobs[str(font_table.partname)] = font_table_xml(font_table.blob, fonts)
    return write_package(package, blobs, meta.created)


def _document_xml(document: Any, pieces: list[bytes]) -> list[bytes]:
    """document.xml as pieces: the root's start, the flushed body content, the end."""
    body = document.element.body
    marker = etree.Comment("dytool-body")
    body.append(marker)
    data = etree.tostring(document.element, encoding="UTF-8", standalone=True)
    body.remove(marker)
    head, tail = data.split(b"<!--dytool-body-->")
    return [head, *pieces, tail]


def _ignored_images(root: Path | None, parts: Sequence[Part]) -> Container[str]:
    """The images of ``parts`` that git ignores, asked of git once (and again for a path
    spelled otherwise than the links say)."""
    if root is None:
        return frozenset()
    base = root.resolve()
    candidates = set()
    for part in parts:
        if isinstance(part, Markdown) and part.base_dir is not None and part.base_dir.resolve().is_relative_to(base):
            folder = part.base_dir.resolve().relative_to(base).as_posix()
            candidates |= {image_path("" if folder == "." else folder, link.src) for link in image_links(part.text)}
    return IgnoredImages(root, candidates)
