"""The documents: the results compilation, the monthly bulletin, and any document in Word
(and PDF through LibreOffice)."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dytool.core.catalogue import documents as words
from dytool.core.catalogue import usage
from dytool.core.errors import EXIT_FINDINGS, UserError
from dytool.core.messages import Lang, Text
from dytool.documents.bulletin import Bulletin
from dytool.documents.compile import Compiled, CompileOptions
from dytool.documents.model import Document
from dytool.engine.load import LoadResult
from dytool.engine.options import LoadOptions
from dytool.models import Campaign
from dytool.models.campaign import Fonts as FontSpec
from dytool.source.office import Office

__all__ = [
    "CompileOptions", "Document", "Problem", "WordFiles", "bulletin", "bulletin_document", "compile", "compiled_document", "reference_document",
    "word",
]

Problem = tuple[str, Text]
"""(where, what): something left out of a document (an image, the preface)."""


def _load(root: Path, load: LoadOptions | None) -> tuple[LoadResult, Campaign]:
    from dytool.checks import SUITE
    from dytool.engine.load import load_repository

    loaded = load_repository(root, SUITE, load or LoadOptions(cache=False))
    if loaded.repo.campaign is None:
        raise UserError(usage.CAMPAIGN_ERRORS(what=usage.WHAT_DOCUMENT), exit_code=EXIT_FINDINGS)
    return loaded, loaded.repo.campaign


def _template_error(problem: Exception) -> UserError:
    from dytool.documents.templating import TemplateProblem

    assert isinstance(problem, TemplateProblem)
    return UserError(words.TEMPLATE_PROBLEM(where=problem.where, message=Text.plain(problem.zh, problem.en)), exit_code=EXIT_FINDINGS)


def compile(root: Path, *, as_of: dt.date, options: CompileOptions | None = None, load: LoadOptions | None = None) -> tuple[Compiled, Campaign]:
    """The results compilation 调研成果汇编 (``dytool compile``): its Markdown and its parts for Word."""
    from dytool.documents.compile import compile_document
    from dytool.documents.templating import TemplateProblem, Templates

    options = options or CompileOptions()
    loaded, campaign = _load(root, load)
    if options.theme is not None and options.theme not in {t.id for t in campaign.themes}:
        raise UserError(usage.NO_THEME(theme=options.theme))
    try:
        return compile_document(loaded.repo, campaign, as_of, options, Templates(root, options.template_set, start_method=load.start_method if load else None)), campaign
    except TemplateProblem as problem:
        raise _template_error(problem) from None


def bulletin(root: Path, *, as_of: dt.date, month: str | None = None, load: LoadOptions | None = None) -> tuple[Bulletin, Campaign]:
    """The monthly bulletin 工作动态 for ``month`` (``2023-06``; default: the as-of day's month)."""
    from dytool.documents.bulletin import bulletin_day, make_bulletin, require_campaign_month
    from dytool.documents.templating import TemplateProblem, Templates

    month = month or f"{as_of.year}-{as_of.month:02d}"
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
        raise UserError(usage.BAD_MONTH(month=month))
    loaded, campaign = _load(root, load)
    require_campaign_month(campaign, month)
    try:
        bulletin_day(month, as_of)
    except ValueError:
        raise UserError(words.MONTH_AFTER_AS_OF(month=month, day=as_of.isoformat())) from None
    try:
        return make_bulletin(loaded.repo, campaign, month, Templates(root, start_method=load.start_method if load else None), as_of), campaign
    except TemplateProblem as problem:
        raise _template_error(problem) from None


def compiled_document(compiled: Compiled, as_of: dt.date, stem: str) -> Document:
    """The compilation as a document for :func:`word`, written as ``stem``."""
    return Document(compiled.title, tuple(compiled.parts), compiled.author, compiled.subject, as_of, stem)


def bulletin_document(made: Bulletin, campaign: Campaign, stem: str, lang: Lang = Lang.ZH) -> Document:
    """The bulletin as a document for :func:`word` (dated its own day), written as ``stem``."""
    title = words.BULLETIN_TITLE(title=made.title, number=made.number).text(lang)
    return Document(title, made.parts, made.issuer, campaign.title, made.day, stem)


def reference_document(root: Path) -> Path | None:
    """The campaign's own Word styles (``templates/reference.docx``), when something has that
    name: a link, a folder or a file in a linked ``templates`` is then refused by the Word
    writer with a finding (DY208), never followed nor passed over in silence."""
    reference = root / "templates" / "reference.docx"
    return reference if os.path.lexists(reference) else None


@dataclass
class WordFiles:
    """A document in Word and/or PDF, and what there is to tell about it."""

    files: dict[str, bytes] = field(default_factory=dict)
    """By suffix: ``.docx``, ``.pdf``."""
    problems: list[Problem] = field(default_factory=list)
    """What was left out of the document: the command exits with 1."""
    notes: list[Problem] = field(default_factory=list)
    """Advice that changes nothing in the document."""
    office_seconds: float = 0.0


def word(document: Document, formats: set[str], *, fonts: FontSpec | None = None, reference: Path | None = None,
         office: Office | None = None, env: Mapping[str, str] | None = None, root: Path | None = None, toc_pages: bool = False) -> WordFiles:
    """``document`` as a Word file (``docx`` in ``formats``) and a PDF (``pdf``; needs ``office``,
    LibreOffice).  With ``toc_pages`` LibreOffice also writes the contents' page numbers into
    the Word file, for WPS."""
    from dytool.present.docx import render_word

    out = WordFiles()
    rendered = render_word(list(document.parts), title=document.title, author=document.author, subject=document.subject, as_of=document.as_of,
                           fonts=fonts, reference=reference,
                           on_problem=lambda zh, en: out.problems.append(("", Text.plain(zh, en))),
                           on_note=lambda zh, en: out.notes.append(("", Text.plain(zh, en))),
                           pdf="pdf" in formats, toc_pages=toc_pages and "docx" in formats, office=office, env=env or {}, root=root)
    out.office_seconds = rendered.office_seconds
    if "docx" in formats:
        out.files[".docx"] = rendered.docx
    if "pdf" in formats and rendered.pdf is not None:
        out.files[".pdf"] = rendered.pdf
    return out
