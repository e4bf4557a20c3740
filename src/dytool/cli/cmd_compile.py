"""``dytool compile`` and ``dytool bulletin``: the documents, as Markdown, Word and PDF files."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from dytool.checks import SUITE
from dytool.cli.settings import Settings, start_method
from dytool.core.errors import EXIT_FINDINGS, EXIT_OK, UserError
from dytool.core.findings import Lang
from dytool.source.output import default_folder

if TYPE_CHECKING:
    from dytool.documents.model import Part
    from dytool.models import Campaign

__all__ = ["Output", "parse_formats", "run_bulletin", "run_compile", "write_document"]

FORMATS = ("md", "docx", "pdf")
ONLY = ("excellent", "evaluated", "all")


def parse_formats(text: str, allowed: Sequence[str] = FORMATS) -> set[str]:
    """``md``, ``docx``, ``pdf``, ``all`` (Markdown and Word) or a list such as ``docx,pdf``."""
    chosen = {part.strip() for part in text.split(",") if part.strip()}
    if "all" in chosen:
        chosen = (chosen - {"all"}) | {"md", "docx"}
    if not chosen or not chosen <= set(allowed):
        shown = "|".join((*allowed, "all"))
        raise UserError(f"--format 只能是 {shown}（可用逗号连写，如 docx,pdf）", f"--format must be one of {shown} (or a list such as docx,pdf)")
    return chosen


def write_document(path: Path, data: bytes) -> Path:
    """Write a document atomically (a reader never sees half a file); never through a link."""
    from dytool.source.output import write_output

    return write_output(path, data)


def _safe_name(title: str) -> str:
    from dytool.source.filenames import safe_stem

    return safe_stem(title)


@dataclass
class Output:
    """What one command writes, and what it has to tell."""

    lang: Lang
    written: list[Path] = field(default_factory=list)
    problems: list[tuple[str, str, str]] = field(default_factory=list)
    """(where, zh, en): what was left out of a document (an image, the preface); exit code 1."""
    notes: list[tuple[str, str, str]] = field(default_factory=list)
    """(where, zh, en): advice that changes nothing in the document."""
    office_seconds: float = 0.0

    def problem(self, zh: str, en: str, where: str = "") -> None:
        self.problems.append((where, zh, en))

    def note(self, zh: str, en: str, where: str = "") -> None:
        self.notes.append((where, zh, en))

    def finish(self) -> int:
        for where, zh, en in (*self.problems, *self.notes):
            message = en if self.lang is Lang.EN else zh
            print(f"{where}: {message}" if where else message, file=sys.stderr)
        for path in self.written:
            print(path)
        if self.office_seconds:
            print(f"dytool: LibreOffice {self.office_seconds:.1f} s" if self.lang is Lang.EN
                  else f"dytool: LibreOffice 用时 {self.office_seconds:.1f} 秒", file=sys.stderr)
        return EXIT_FINDINGS if self.problems else EXIT_OK


def write_word(out: Output, path: Path, parts: Sequence[Part], formats: set[str], *, title: str, author: str, subject: str,
               as_of: object, campaign: Campaign, reference: Path | None, toc_pages: bool = False, root: Path | None = None) -> None:
    """The Word file and/or the PDF of ``parts`` at ``path`` (its suffix replaced)."""
    import datetime as dt

    from dytool.present.docx import render_word
    from dytool.source.office import find_office

    assert isinstance(as_of, dt.date)
    wants_pdf = "pdf" in formats
    office = find_office(os.environ) if wants_pdf or toc_pages else None
    rendered = render_word(parts, title=title, author=author, subject=subject, as_of=as_of, campaign=campaign, reference=reference,
                           on_problem=out.problem, on_note=out.note, pdf=wants_pdf, toc_pages=toc_pages and "docx" in formats,
                           office=office, env=os.environ, root=root)
    out.office_seconds += rendered.office_seconds
    if "docx" in formats:
        out.written.append(write_document(path.with_suffix(".docx"), rendered.docx))
    if wants_pdf and rendered.pdf is not None:
        out.written.append(write_document(path.with_suffix(".pdf"), rendered.pdf))


def write_figures(out: Output, folder: Path, figures: dict[str, bytes]) -> None:
    """The charts a Markdown file shows, beside it (``charts/…``)."""
    for name, data in sorted(figures.items()):
        write_document(folder / name, data)


def _load(settings: Settings) -> tuple[object, object, Path]:
    root = settings.root()
    from dytool.engine.load import load_repository

    loaded = load_repository(root, SUITE, settings.load_options)
    if loaded.repo.campaign is None:
        raise UserError("campaign.yaml 有错误，无法生成文档；先运行 dytool check 查看并改正",
                        "campaign.yaml has errors; run 'dytool check' and fix them first", exit_code=EXIT_FINDINGS)
    return loaded, loaded.repo.campaign, root


def _reference(root: Path) -> Path | None:
    reference = root / "templates" / "reference.docx"
    return reference if reference.is_file() and not reference.is_symlink() else None


def run_compile(settings: Settings, *, output_format: str, output: Path | None, only: str, anonymize: bool,
                public: bool, template: str | None, theme: str | None, toc_pages: bool = False) -> int:
    formats = parse_formats(output_format)
    if only not in ONLY:
        raise UserError(f"--only 只能是 {'|'.join(ONLY)}", f"--only must be one of {'|'.join(ONLY)}")
    as_of = settings.as_of
    loaded, campaign, root = _load(settings)
    from dytool.documents.compile import CompileOptions, compile_document
    from dytool.documents.templating import TemplateProblem, Templates
    from dytool.engine.load import LoadResult
    from dytool.models import Campaign
    from dytool.present.charts_svg import chart_files

    assert isinstance(loaded, LoadResult) and isinstance(campaign, Campaign)
    out = Output(settings.lang(campaign.language))
    if theme is not None and theme not in {t.id for t in campaign.themes}:
        raise UserError(f"--theme：找不到主题“{theme}”", f"--theme: no theme {theme!r} in campaign.yaml")
    try:
        compiled = compile_document(loaded.repo, campaign, as_of, CompileOptions(only, anonymize, public, theme, template), Templates(root, template, start_method=start_method()))
    except TemplateProblem as problem:
        raise UserError(f"{problem.where}: {problem.zh}", f"{problem.where}: {problem.en}", exit_code=EXIT_FINDINGS) from None
    folder = output or default_folder(settings.cwd, "build")
    path = folder / _safe_name(compiled.title)
    for where, zh, en in compiled.problems:
        out.problem(zh, en, where)
    if "md" in formats:
        out.written.append(write_document(path.with_suffix(".md"), compiled.markdown.encode("utf-8")))
        write_figures(out, folder, chart_files(compiled.charts))
    if formats & {"docx", "pdf"}:
        write_word(out, path, compiled.parts, formats, title=compiled.title, author=compiled.author, subject=compiled.subject,
                   as_of=as_of, campaign=campaign, reference=_reference(root), toc_pages=toc_pages, root=root)
    return out.finish()


def run_bulletin(settings: Settings, *, month: str | None, output_format: str, output: Path | None) -> int:
    formats = parse_formats(output_format)
    as_of = settings.as_of
    month = month or f"{as_of.year}-{as_of.month:02d}"
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
        raise UserError(f"--month 应写成 2023-06，而不是“{month}”", f"--month must look like 2023-06, not {month!r}")
    loaded, campaign, root = _load(settings)
    from dytool.documents.bulletin import bulletin_day, make_bulletin, require_campaign_month
    from dytool.documents.templating import TemplateProblem, Templates
    from dytool.engine.load import LoadResult
    from dytool.models import Campaign
    from dytool.present.charts_svg import chart_files

    assert isinstance(loaded, LoadResult) and isinstance(campaign, Campaign)
    require_campaign_month(campaign, month)
    try:
        bulletin_day(month, as_of)
    except ValueError:
        raise UserError(f"{month} 晚于统计日期 {as_of.isoformat()}，还没有这一期工作动态（用 --as-of 指定日期）",
                        f"{month} begins after the as-of day {as_of.isoformat()}: there is no such bulletin yet (set --as-of)") from None
    out = Output(settings.lang(campaign.language))
    try:
        bulletin = make_bulletin(loaded.repo, campaign, month, Templates(root, start_method=start_method()), as_of)
    except TemplateProblem as problem:
        raise UserError(f"{problem.where}: {problem.zh}", f"{problem.where}: {problem.en}", exit_code=EXIT_FINDINGS) from None
    folder = output or default_folder(settings.cwd, "build")
    path = folder / _safe_name(f"{bulletin.title}第{bulletin.number}期（{month}）")
    if "md" in formats:
        out.written.append(write_document(path.with_suffix(".md"), bulletin.markdown.encode("utf-8")))
        write_figures(out, folder, chart_files(bulletin.charts))
    if formats & {"docx", "pdf"}:
        write_word(out, path, bulletin.parts, formats, title=f"{bulletin.title}第{bulletin.number}期", author=bulletin.issuer,
                   subject=campaign.title, as_of=bulletin.day, campaign=campaign, reference=_reference(root))
    return out.finish()
