"""Render document parts to Word (and, through LibreOffice, to PDF) with the campaign's fonts
and fixed dates."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from dytool.core.catalogue import documents as words
from dytool.core.errors import UserError
from dytool.documents.model import Contents, DocMeta, Fonts, Part
from dytool.models.campaign import Fonts as FontSpec
from dytool.source.office import Office, export

__all__ = ["Rendered", "contents_pages", "created_time", "fonts_of", "render_word", "to_docx"]


def created_time(as_of: dt.date, source_date_epoch: str | None = None) -> dt.datetime:
    """The fixed document date: ``source_date_epoch`` (the environment's ``SOURCE_DATE_EPOCH``,
    for reproducible builds) when it is one, else the as-of day at midnight UTC, so the same
    input gives the same bytes."""
    epoch = (source_date_epoch or "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime(as_of.year, as_of.month, as_of.day, tzinfo=dt.UTC)


def fonts_of(spec: FontSpec | None) -> Fonts:
    """The fonts of campaign.yaml or rollup.yaml (``fonts:``), the GB/T 9704 ones where it names none."""
    if spec is None:
        return Fonts()
    changes = {name: value for name, value in (("body", spec.body), ("title", spec.title), ("heading1", spec.heading1),
                                               ("heading2", spec.heading2), ("page_number", spec.page_number)) if value}
    return Fonts(**changes)


def to_docx(
    parts: Sequence[Part],
    *,
    title: str,
    author: str,
    subject: str,
    as_of: dt.date,
    fonts: FontSpec | None,
    reference: Path | None,
    on_problem: Callable[[str, str], None],
    root: Path | None = None,
    source_date_epoch: str | None = None,
) -> bytes:
    from dytool.present.word.render import render_docx  # python-docx is imported only for Word output

    meta = DocMeta(title=title, author=author, subject=subject, created=created_time(as_of, source_date_epoch))
    return render_docx(parts, meta, fonts=fonts_of(fonts), reference=reference, on_problem=on_problem, root=root)


@dataclass(frozen=True)
class Rendered:
    docx: bytes
    pdf: bytes | None
    office_seconds: float
    """Time spent in LibreOffice (PDF conversion and the contents' page numbers)."""
    pages_known: bool
    """Whether the contents carry page numbers (in the PDF, and in the Word file when asked)."""


_SPACE = re.compile(r"\s+")


def contents_pages(entries: Sequence[tuple[int, str]], lines: Sequence[str]) -> tuple[str, ...]:
    """The page number of each contents entry, read from the lines LibreOffice set
    (``title<TAB>page``, in order); empty when they do not match the entries."""
    found: list[str] = []
    rest = [(_SPACE.sub("", line.rpartition("\t")[0]), line.rpartition("\t")[2].strip()) for line in lines if "\t" in line]
    position = 0
    for _, text in entries:
        key = _SPACE.sub("", text)
        while position < len(rest) and rest[position][0] != key:
            position += 1
        if position == len(rest) or not rest[position][1].isdigit():
            return ()
        found.append(rest[position][1])
        position += 1
    return tuple(found)


def render_word(parts: Sequence[Part], *, title: str, author: str, subject: str, as_of: dt.date, fonts: FontSpec | None,
                reference: Path | None, on_problem: Callable[[str, str], None], pdf: bool, toc_pages: bool,
                office: Office | None, env: Mapping[str, str], on_note: Callable[[str, str], None] | None = None,
                root: Path | None = None) -> Rendered:
    """The Word file, and the PDF when ``pdf``.  The PDF comes from LibreOffice with its contents
    updated; with ``toc_pages`` the Word file stores those page numbers too (for WPS)."""
    def word(chosen: Sequence[Part]) -> bytes:
        return to_docx(chosen, title=title, author=author, subject=subject, as_of=as_of, fonts=fonts,
                       reference=reference, on_problem=on_problem, root=root, source_date_epoch=env.get("SOURCE_DATE_EPOCH"))

    note = on_note or on_problem
    data = word(parts)
    contents = next((part for part in parts if isinstance(part, Contents)), None)
    wants_pages = toc_pages and contents is not None
    if not pdf and not wants_pages:
        return Rendered(data, None, 0.0, False)
    if office is None:
        if pdf:
            raise UserError(words.NEEDS_OFFICE_FOR_PDF)
        note(*words.NO_OFFICE_FOR_PAGES.pair)
        return Rendered(data, None, 0.0, False)
    started = time.perf_counter()
    [exported] = export(office, [(data, pdf)], env)
    seconds = time.perf_counter() - started
    pages = contents_pages(contents.entries, exported.contents) if contents is not None else ()
    if contents is not None and not pages:
        note(*words.PAGES_NOT_UPDATED.pair)
    if wants_pages and pages:
        data = word([dataclasses.replace(part, pages=pages) if part is contents else part for part in parts])
    return Rendered(data, exported.pdf, seconds, bool(pages) or contents is None)
