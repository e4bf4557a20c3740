"""``dytool compile`` and ``dytool bulletin``: the documents, as Markdown and Word files."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from dytool.atomic import write_atomic
from dytool.cli.settings import Settings
from dytool.errors import EXIT_FINDINGS, EXIT_OK, UserError
from dytool.findings import Lang

__all__ = ["run_bulletin", "run_compile", "write_document"]

FORMATS = ("md", "docx", "all")
ONLY = ("excellent", "evaluated", "all")


def write_document(path: Path, data: bytes) -> Path:
    """Write a document atomically (a reader never sees half a file); refuse to write through a link."""
    if path.is_symlink():
        raise UserError(f"“{path}”是链接，拒绝写入", f"{str(path)!r} is a link; refusing to write through it")
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise UserError(f"无法写入“{path}”：{exc.strerror}", f"cannot write {str(path)!r}: {exc.strerror}") from None
    return path


def _write(folder: Path, name: str, data: bytes) -> Path:
    return write_document(folder / name, data)


def _safe_name(title: str) -> str:
    from dytool.filenames import safe_stem

    return safe_stem(title)


def _load(settings: Settings) -> tuple[object, object, Path]:
    root = settings.root()
    from dytool.load import load_repository

    loaded = load_repository(root, cache=settings.cache)
    if loaded.repo.campaign is None:
        raise UserError("campaign.yaml 有错误，无法生成文档；先运行 dytool check 查看并改正",
                        "campaign.yaml has errors; run 'dytool check' and fix them first", exit_code=EXIT_FINDINGS)
    return loaded, loaded.repo.campaign, root


def _problems_out(problems: list[tuple[str, str, str]], lang: Lang) -> None:
    for file, zh, en in problems:
        print(f"{file}: {en if lang is Lang.EN else zh}", file=sys.stderr)


def run_compile(settings: Settings, *, output_format: str, output: Path | None, only: str, anonymize: bool,
                public: bool, template: str | None, theme: str | None) -> int:
    if output_format not in FORMATS:
        raise UserError(f"--format 只能是 {'|'.join(FORMATS)}", f"--format must be one of {'|'.join(FORMATS)}")
    if only not in ONLY:
        raise UserError(f"--only 只能是 {'|'.join(ONLY)}", f"--only must be one of {'|'.join(ONLY)}")
    as_of = settings.as_of
    loaded, campaign, root = _load(settings)
    from dytool.documents.compile import CompileOptions, compile_document
    from dytool.documents.templating import TemplateProblem, Templates
    from dytool.load import LoadResult
    from dytool.models import Campaign

    assert isinstance(loaded, LoadResult) and isinstance(campaign, Campaign)
    lang = settings.lang(campaign.language)
    if theme is not None and theme not in {t.id for t in campaign.themes}:
        raise UserError(f"--theme：找不到主题“{theme}”", f"--theme: no theme {theme!r} in campaign.yaml")
    try:
        compiled = compile_document(loaded.repo, campaign, as_of, CompileOptions(only, anonymize, public, theme, template), Templates(root, template))
    except TemplateProblem as problem:
        where = f"{problem.file}:{problem.line}" if problem.line else problem.file
        raise UserError(f"{where}: {problem.zh}", f"{where}: {problem.en}", exit_code=EXIT_FINDINGS) from None
    folder = output or Path.cwd() / "build"
    name = _safe_name(compiled.title)
    problems = list(compiled.problems)
    written = []
    if output_format in ("md", "all"):
        written.append(_write(folder, f"{name}.md", compiled.markdown.encode("utf-8")))
    if output_format in ("docx", "all"):
        from dytool.documents.to_word import to_docx

        reference = root / "templates" / "reference.docx"
        data = to_docx(compiled.parts, title=compiled.title, author=compiled.author, subject=compiled.subject, as_of=as_of,
                       campaign=campaign, reference=reference if reference.is_file() and not reference.is_symlink() else None,
                       on_problem=lambda zh, en: problems.append(("", zh, en)))
        written.append(_write(folder, f"{name}.docx", data))
    _problems_out(problems, lang)
    for path in written:
        print(path)
    return EXIT_OK


def run_bulletin(settings: Settings, *, month: str | None, output_format: str, output: Path | None) -> int:
    if output_format not in FORMATS:
        raise UserError(f"--format 只能是 {'|'.join(FORMATS)}", f"--format must be one of {'|'.join(FORMATS)}")
    as_of = settings.as_of
    month = month or f"{as_of.year}-{as_of.month:02d}"
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
        raise UserError(f"--month 应写成 2023-06，而不是“{month}”", f"--month must look like 2023-06, not {month!r}")
    loaded, campaign, root = _load(settings)
    from dytool.documents.bulletin import make_bulletin
    from dytool.documents.compile import chinese_day
    from dytool.documents.templating import TemplateProblem, Templates
    from dytool.load import LoadResult
    from dytool.models import Campaign

    assert isinstance(loaded, LoadResult) and isinstance(campaign, Campaign)
    try:
        bulletin = make_bulletin(loaded.repo, campaign, month, Templates(root))
    except TemplateProblem as problem:
        where = f"{problem.file}:{problem.line}" if problem.line else problem.file
        raise UserError(f"{where}: {problem.zh}", f"{where}: {problem.en}", exit_code=EXIT_FINDINGS) from None
    folder = output or Path.cwd() / "build"
    name = _safe_name(f"{bulletin.title}第{bulletin.number}期（{month}）")
    written = []
    problems: list[tuple[str, str, str]] = []
    if output_format in ("md", "all"):
        written.append(_write(folder, f"{name}.md", bulletin.markdown.encode("utf-8")))
    if output_format in ("docx", "all"):
        from dytool.documents.to_word import to_docx
        from dytool.word.model import Markdown

        text = bulletin.markdown
        body = text[text.index("\n## ") + 1 :] if "\n## " in text else text  # the masthead is set apart
        masthead = f"第{bulletin.number}期　{bulletin.issuer}　{chinese_day(bulletin.month_last)}"
        data = to_docx([Markdown(body, new_page=False, title=bulletin.title, byline=masthead)], title=f"{bulletin.title}第{bulletin.number}期",
                       author=bulletin.issuer, subject=campaign.title, as_of=bulletin.month_last, campaign=campaign,
                       reference=None, on_problem=lambda zh, en: problems.append(("", zh, en)))
        written.append(_write(folder, f"{name}.docx", data))
    _problems_out(problems, settings.lang(campaign.language))
    for path in written:
        print(path)
    return EXIT_OK
