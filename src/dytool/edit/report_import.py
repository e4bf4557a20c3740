"""``import-report``: reports written in Word or WPS → ``reports/<topic>.md`` with front matter.

Each file is converted (:mod:`dytool.edit.wordread`; a .doc or .wps first through LibreOffice,
:mod:`dytool.source.office`), its images written to ``reports/images/<topic>-N.png``, and the
topic's ``report`` field set to the new file, all through the safe writer: under the lock,
checked as a whole, nothing written unless the repository still checks.

The topic is the one ``--topic`` names (id or title), else the one whose id starts the file's
name (``T-001 关于….docx``), else the one whose title is the report's.  The front matter takes
the title from ``--title``, the document's Title paragraph or its properties; the authors from
``--author`` (ids or names) or the document's author when that is a person's name; the unit
from ``--unit`` or the topic's lead unit; the date from ``--date``, a date line closing the
report (``2023年6月20日``), or the day the document was created when that falls in the campaign.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dytool.core.catalogue import edits as words
from dytool.core.catalogue import files
from dytool.core.errors import EXIT_FINDINGS, UserError
from dytool.core.messages import Text
from dytool.dates import explicit_day
from dytool.edit.ledger_read import check_zip
from dytool.edit.names import Names
from dytool.edit.new import load_for_edit
from dytool.edit.safewrite import Plan, RefusedWrite, check_plan, editing, scratch_folder, write_plan
from dytool.edit.splice import FieldChange, change_fields
from dytool.edit.wordread import MAX_PARAGRAPHS, Converted, TooManyParagraphs, WordImage, convert_docx
from dytool.edit.yamlio import dump, join_text, line_style, new_file_style, split_text, to_node
from dytool.engine.options import LoadOptions
from dytool.models import KINDS
from dytool.source.atomic import repository_path
from dytool.source.office import CONVERTIBLE, convert_to_docx

__all__ = ["READABLE", "ImportedReport", "ReportOptions", "import_reports"]

READABLE = (".docx", *CONVERTIBLE)
_CLOSING_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*\Z")
_MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class ReportOptions:
    topic: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    unit: str | None = None
    date: str | None = None
    replace: bool = False


@dataclass
class ImportedReport:
    source: str
    target: str
    topic: str
    title: str
    images: list[str] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)


def _refuse(source: Path, why: Text) -> UserError:
    return UserError(words.IN_FILE(name=source.name, why=why), exit_code=EXIT_FINDINGS)


def _topic(source: Path, converted: Converted, given: str | None, names: Names, topics: dict[str, Any]) -> str:
    if given:
        found = names.resolve(["topic"], given)
        if found.id is None:
            raise _refuse(source, words.NO_SUCH_TOPIC(given=given))
        return found.id
    for ident in sorted(topics, key=len, reverse=True):
        if source.stem == ident or re.match(rf"{re.escape(ident)}(?![\w-])", source.stem):
            return ident
    if converted.title:
        found = names.resolve(["topic"], converted.title)
        if found.id is not None:
            return found.id
    raise _refuse(source, words.WHICH_TOPIC)


def _people(source: Path, texts: list[str], names: Names, strict: bool) -> list[str]:
    out = []
    for text in texts:
        found = names.resolve(["person"], text)
        if found.id is not None:
            out.append(found.id)
        elif strict:
            raise _refuse(source, words.NO_SUCH_AUTHOR(text=text))
    return out


def _date(options: ReportOptions, converted: Converted, period: tuple[dt.date, dt.date] | None) -> dt.date | None:
    if options.date:
        day = explicit_day(options.date)
        if day is None:
            raise UserError(words.NOT_A_DAY(text=options.date))
        return day
    tail = converted.markdown.rstrip().rsplit("\n", 1)[-1].strip()
    match = _CLOSING_DATE.search(tail)
    if match and len(tail) <= 16:
        try:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            pass
    if converted.created and period:
        day = dt.date.fromisoformat(converted.created)
        if period[0] <= day <= period[1]:
            return day
    return None


def _front_matter(meta: dict[str, Any]) -> str:
    return "---\n" + dump(to_node({k: v for k, v in meta.items() if v not in (None, [], "")})) + "---\n\n"


def _convert(source: Path, work: Path, prefix: str) -> Converted:
    if source.suffix.lower() in CONVERTIBLE:
        source = convert_to_docx(source, work)
    if source.stat().st_size > _MAX_BYTES:
        raise _refuse(source, words.LARGER_THAN(size="64 MiB"))
    check_zip(source)
    try:
        return convert_docx(source, prefix)
    except UserError:
        raise
    except TooManyParagraphs:
        raise _refuse(source, words.TOO_MANY_PARAGRAPHS(n=f"{MAX_PARAGRAPHS:,}")) from None
    except Exception as exc:  # noqa: BLE001 - any unreadable document is the same user error
        raise _refuse(source, files.WORD_UNREADABLE(kind=type(exc).__name__, detail=str(exc))) from None


def import_reports(root: Path, sources: list[Path], options: ReportOptions, *, as_of: dt.date, dry_run: bool = False,
                   load: LoadOptions | None = None) -> list[ImportedReport]:
    """Import each of ``sources`` as the report of its topic; all or nothing."""
    if options.topic and len(sources) > 1:
        raise UserError(words.TOPIC_FOR_ONE_FILE)
    with editing(root):
        baseline, campaign = load_for_edit(root, as_of, load)
        repo = baseline.repo
        names = Names.of(repo)
        topics = {e.record.id: e for e in repo.entries("topic")}
        period = (campaign.period.start.first, campaign.period.end.last)
        plan = Plan()
        texts: dict[str, tuple[bytes, str]] = {}
        done: list[ImportedReport] = []
        with scratch_folder() as tmp:
            for source in sources:
                done.append(_one(root, source, options, names, topics, period, plan, texts, tmp))
        for rel, (raw, text) in texts.items():
            plan.put(rel, join_text(text, split_text(raw, rel)[1]), raw)
        added = check_plan(root, plan, as_of, baseline.findings, load)
        if added:
            raise RefusedWrite(added)
        if not dry_run:
            write_plan(root, plan)
        return done


def _one(root: Path, source: Path, options: ReportOptions, names: Names, topics: dict[str, Any], period: tuple[dt.date, dt.date],
         plan: Plan, texts: dict[str, tuple[bytes, str]], work: Path) -> ImportedReport:
    converted = _convert(source, work, "img")
    topic_id = _topic(source, converted, options.topic, names, topics)
    if converted.images:  # the images are named after the topic, known only now
        converted.markdown = converted.markdown.replace("](images/img-", f"](images/{topic_id}-")
        converted.images = [WordImage(f"{topic_id}-{image.name.removeprefix('img-')}", image.data) for image in converted.images]
    entry = topics[topic_id]
    target = f"reports/{topic_id}.md"
    current = entry.record.report
    if target in plan.files:
        raise _refuse(source, words.TOPIC_REPORT_TWICE(topic=topic_id))
    exists = repository_path(root, target).exists()
    if (exists or (current and current != target)) and not options.replace:
        raise _refuse(source, words.TOPIC_HAS_REPORT(topic=topic_id, report=current or target))
    title = options.title or converted.title
    if not title:
        raise _refuse(source, words.NO_TITLE)
    authors = _people(source, list(options.authors), names, True) if options.authors else _people(source, [converted.author or ""], names, False)
    unit = options.unit or getattr(entry.record, "lead_unit", None)
    if options.unit:
        found = names.resolve(["unit"], options.unit)
        if found.id is None:
            raise _refuse(source, words.NO_SUCH_UNIT(unit=options.unit))
        unit = found.id
    body = converted.markdown if converted.markdown.startswith("# ") else f"# {title}\n\n{converted.markdown}"
    meta = {"topic": topic_id, "title": title, "authors": authors, "unit": unit, "date": _date(options, converted, period)}
    was = repository_path(root, target).read_bytes() if exists else None
    style = line_style(was) if was is not None else new_file_style(root)  # the line ends it had, or the repository's
    plan.put(target, join_text(_front_matter(meta) + body, style), was)
    for image in converted.images:
        rel = f"reports/images/{image.name}"
        path = repository_path(root, rel)
        plan.put(rel, image.data, path.read_bytes() if path.exists() else None)
    if current != target:
        rel = entry.source.file
        raw, text = texts.get(rel) or (repository_path(root, rel).read_bytes(), "")
        text = text or split_text(raw, rel)[0]
        texts[rel] = (raw, change_fields(text, FieldChange(entry.source.path, {"report": target}, {}, list(KINDS["topic"].model_fields)), rel))
    return ImportedReport(str(source), target, topic_id, title, [f"reports/images/{i.name}" for i in converted.images], converted.problems)
