"""The results compilation (调研成果汇编): what goes in it and in which order (documents.md).

``compile_document`` returns the document as parts (cover, contents, preface, overview, one
part per report, the ledgers) plus its Markdown; the Word writer renders the same parts.
Every figure is computed from the records as of the day given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from dytool.documents.figures import overview_charts, overview_figures
from dytool.documents.ledgers import LEDGERS, ledger_header, ledger_rows, ledger_sizes, problem_numbers
from dytool.documents.model import Chart, Contents, Cover, Markdown, Part, Table
from dytool.documents.templating import Templates, escape_controls
from dytool.engine.repository import ReportEntry, Repository
from dytool.engine.summary import FileSummary, TopicRow
from dytool.facts.deadlines import chinese_day
from dytool.facts.records import Facts, gather
from dytool.facts.topics import reports_of
from dytool.models import Campaign, StrictModel
from dytool.models.enums import Grade, OrderBy
from dytool.source.locate import Source
from dytool.source.tracked import read_tracked_text

__all__ = ["CompileOptions", "Compiled", "chinese_month", "compile_document", "public_view"]

_DIGITS = "〇一二三四五六七八九"
_NUMERALS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
_HEADING = re.compile(r"^(#{1,6})(?=\s)", re.MULTILINE)
_FENCE = re.compile(r"^(```|~~~)", re.MULTILINE)


def chinese_month(day: dt.date) -> str:
    """2023-12-31 → 二〇二三年十二月, as a cover dates a document."""
    return "".join(_DIGITS[int(d)] for d in str(day.year)) + "年" + _NUMERALS[day.month] + "月"


@dataclass(frozen=True)
class CompileOptions:
    only: str = "all"  # excellent | evaluated | all
    anonymize: bool = False
    public: bool = False
    theme: str | None = None
    template_set: str | None = None


@dataclass
class Compiled:
    title: str
    author: str
    subject: str
    parts: list[Part]
    markdown: str
    problems: list[tuple[str, str, str]] = field(default_factory=list)
    """(file, message_zh, message_en): things worth telling the user, e.g. a missing preface."""
    charts: tuple[Chart, ...] = ()
    """The charts the Markdown shows as images (``charts/…svg``)."""


def public_view(repo: Repository) -> Repository:
    """The repository without classified records (``compile --public``)."""

    def public(entries: list[Any]) -> list[Any]:
        return [e for e in entries if getattr(e.record, "classification", None) is None]

    def records_of(rel: str) -> list[tuple[StrictModel, Source]]:
        return [(record, source) for record, source in repo.records_of(rel) if getattr(record, "classification", None) is None]

    hidden_topics = {e.record.id for e in repo.topics if e.record.classification is not None}
    reports = [r for r in repo.reports if r.meta.classification is None and r.meta.topic not in hidden_topics]
    summaries = {rel: (kind, _public_summary(summary)) for rel, (kind, summary) in repo.summaries.items()}
    return dataclasses.replace(repo, people=public(repo.people), units=public(repo.units), chosen_topics=public(repo.topics),
                               reports=reports, summaries=summaries, records_of=records_of)


def _public_summary(summary: FileSummary) -> FileSummary:
    visits = tuple(v for v in summary.visits if not v.classified)
    problems = tuple(p for p in summary.problems if not p.classified)
    solutions = tuple(s for s in summary.solutions if not s.classified)
    institutions = tuple(i for i in summary.institutions if not i.classified)
    return summary._replace(
        visits=visits, problems=problems, solutions=solutions, institutions=institutions,
        topics=tuple(topic for topic in summary.topics if topic.classification is None),
        solved=tuple(sorted({p for s in solutions for p in s.problems})), instituted=tuple(sorted({p for i in institutions for p in i.problems})),
        visit_topics=tuple((topic, v.first_day) for v in visits for topic in v.topics),
        problem_topics=tuple((p.topic, p.id, p.found_on.first if p.found_on else None) for p in problems if p.topic),
    )


def _demote(markdown: str, levels: int) -> str:
    """Shift ATX headings down by ``levels`` outside fenced code (a report inside the compilation)."""
    out, inside = [], False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            inside = not inside
        out.append(line if inside else _HEADING.sub(lambda m: "#" * min(6, len(m.group(1)) + levels), line))
    return "\n".join(out)


def _strip_title(body: str, title: str) -> str:
    """Drop a leading ``# title`` that repeats the front matter's title."""
    stripped = body.lstrip()
    first, _, rest = stripped.partition("\n")
    if first.startswith("# ") and first[2:].strip() == title.strip():
        return rest.lstrip("\n")
    return body


def _order(topics: list[TopicRow], campaign: Campaign, facts: Facts) -> list[TopicRow]:
    order = campaign.compilation.order if campaign.compilation else OrderBy.leader_rank
    themes = {t.id: i for i, t in enumerate(campaign.themes)}

    def rank(topic: TopicRow) -> tuple[int, int]:
        leader = facts.people.get(topic.leader or "")
        return (0, leader.rank) if leader is not None and leader.rank is not None else (1, 0)

    if order is OrderBy.topic_id:
        return sorted(topics, key=lambda t: t.id)
    if order is OrderBy.theme:
        return sorted(topics, key=lambda t: (themes.get(t.theme or "", len(themes)), rank(t), t.id))
    return sorted(topics, key=lambda t: (rank(t), t.id))


def _topics(facts: Facts, options: CompileOptions) -> list[TopicRow]:
    """The topics the compilation holds (``--theme``, ``--only``), in its order."""
    chosen = []
    for topic in _order(facts.topics, facts.campaign, facts):
        if options.theme is not None and topic.theme != options.theme:
            continue
        grade = topic.evaluation.grade if topic.evaluation else None
        if options.only == "excellent" and grade is not Grade.excellent:
            continue
        if options.only == "evaluated" and topic.evaluation is None:
            continue
        chosen.append(topic)
    return chosen


def _selected(facts: Facts, options: CompileOptions, as_of: dt.date) -> list[tuple[TopicRow, ReportEntry]]:
    """Every report of every chosen topic, in the order the topic lists them; a report dated
    after the as-of day is not written yet."""
    return [(topic, report) for topic in _topics(facts, options) for report in reports_of(topic, facts.index)
            if report.meta.date is None or report.meta.date.first <= as_of]


def _unread(facts: Facts, options: CompileOptions, loaded: set[str]) -> list[tuple[str, str]]:
    """(topic, file) of each report a chosen topic names that could not be loaded (too large, a
    refused link, unreadable front matter…): the compilation says so instead of leaving it out
    in silence.  A report left out on purpose (``--public``) was loaded and is not listed."""
    return [(topic.id, PurePosixPath(text.replace("\\", "/")).as_posix()) for topic in _topics(facts, options) for text in topic.report
            if PurePosixPath(text.replace("\\", "/")).as_posix() not in loaded]


def _anonymizer(facts: Facts, chosen: list[tuple[TopicRow, ReportEntry]]) -> Callable[[str], str]:
    names: set[str] = set()
    for _, report in chosen:
        for author in report.meta.authors:
            person = facts.people.get(author)
            if person is not None:
                names.add(person.name)
        unit = facts.units.get(report.meta.unit or "")
        if unit is not None:
            names |= {unit.name, *([unit.short_name] if unit.short_name else [])}
    names = {n for n in names if len(n) >= 2}
    if not names:
        return lambda text: text
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    return lambda text: pattern.sub("××", text)


def compile_document(repo: Repository, campaign: Campaign, as_of: dt.date, options: CompileOptions, templates: Templates) -> Compiled:
    loaded = {report.source.file for report in repo.reports}
    if options.public:
        repo = public_view(repo)
    facts = gather(repo, campaign)
    chosen = _selected(facts, options, as_of)
    hide = _anonymizer(facts, chosen) if options.anonymize else (lambda text: text)
    spec = campaign.compilation
    title = (spec.title if spec and spec.title else None) or f"{campaign.title}调研成果汇编"
    if options.only == "excellent" and not (spec and spec.title):
        title = f"{campaign.title}优秀调研成果汇编"
    classification = (spec.classification if spec else None) or campaign.classification
    cover = Cover(title, spec.subtitle if spec else None, campaign.issuer, chinese_month(as_of), classification)
    data: dict[str, Any] = {"campaign": campaign.title, "as_of": chinese_day(as_of), "title": title}
    parts: list[Part] = [cover]
    md: list[str] = [templates.render("compilation/cover.md.j2", {**data, "subtitle": cover.subtitle, "issuer": cover.issuer or "",
                                                                    "date_text": cover.date_text, "classification": classification})]
    toc: list[tuple[int, str]] = []
    body_parts: list[Part] = []
    problems: list[tuple[str, str, str]] = [
        (file, f"课题 {topic} 的调研报告 {file} 无法读取，未编入汇编（运行 dytool check 查看原因）",
         f"the report {file} of topic {topic} could not be read and is not in the compilation (run dytool check to see why)")
        for topic, file in _unread(facts, options, loaded)]
    if spec is not None and spec.preface:
        path = repo.root / spec.preface
        preface, why_zh, why_en = read_tracked_text(repo.root, spec.preface)
        if preface is None:
            problems.append((spec.preface, f"前言文件无法使用（{why_zh}），已略去", f"the preface cannot be used ({why_en}); left out"))
        else:
            preface = hide(preface)
            first = preface.lstrip().split("\n", 1)[0].lstrip("# ").strip() or "前言"
            toc.append((1, first))
            body_parts.append(Markdown(preface, path.parent, source=spec.preface, top_level=True))
            md.append(preface)
    charts = overview_charts(facts, as_of)
    listed = [{"file": chart.file, "title": chart.title} for chart in charts]
    overview = hide(templates.render("compilation/overview.md.j2", {**data, "f": overview_figures(facts, as_of), "charts": listed}))
    toc.append((1, "一、总体情况"))
    charts = tuple(chart for chart in charts if chart.file in overview)
    body_parts.append(Markdown(overview, charts=charts))
    md.append(overview)
    if chosen:
        toc.append((1, "二、调研报告"))
        md.append("## 二、调研报告")
        body_parts.append(Markdown("## 二、调研报告"))
        current_theme: str | None = None
        themes = {t.id: t.title for t in campaign.themes}
        group = spec is not None and spec.group_by_theme
        groups = 0
        for n, (topic, report) in enumerate(chosen):
            starts_group = group and (groups == 0 or topic.theme != current_theme)
            if starts_group:
                current_theme, groups = topic.theme, groups + 1
                heading = f"（{_NUMERALS[groups] if groups <= 12 else groups}）{themes.get(topic.theme or '', '其他')}"
                toc.append((1, heading))
                md.append(f"### {heading}")
                body_parts.append(Markdown(f"### {heading}"))
            meta = report.meta
            byline = None if options.anonymize else _byline(facts, topic, report)
            body = hide(_strip_title(report.body, meta.title))
            abstract = hide("；".join(meta.abstract) if isinstance(meta.abstract, list) else (meta.abstract or ""))
            report_title = hide(meta.title)
            toc.append((2, report_title))
            md.append(templates.render("compilation/report.md.j2", {**data, "title": report_title, "byline": byline or "",
                                                                     "abstract": abstract, "body": _demote(body, 2)}))
            body_parts.append(Markdown(_with_abstract(body, abstract), (repo.root / report.source.file).parent,
                                       new_page=n > 0 and not starts_group, title=report_title, byline=byline, outline=False,
                                       source=report.source.file))
    lists = (spec.append if spec and spec.append else list(LEDGERS))
    ledgers = [LEDGERS[k] for k in lists if k in LEDGERS]
    contents_entries = list(toc)
    if ledgers:
        annex = f"{'三' if chosen else '二'}、附件"
        toc.append((1, annex))
        contents_entries.append((1, annex))
        md.append(f"## {annex}")
        note = f"截至{chinese_day(as_of)}"
        sizes = ledger_sizes(campaign)
        kinds = [ledger.kind for ledger in ledgers]
        annex_of_problems = kinds.index("problems") + 1 if "problems" in kinds else None
        numbers = problem_numbers(facts, as_of) if annex_of_problems is not None else None
        for i, ledger in enumerate(ledgers, 1):
            rows = tuple(tuple(hide(c) for c in row) for row in ledger_rows(ledger.kind, facts, as_of, numbers))
            header = ledger_header(ledger, annex_of_problems)
            name = f"附件{i}　{ledger.title}"
            toc.append((2, name))
            contents_entries.append((2, ledger.title))  # in Word the label 附件N stands apart, above the title
            md.append(templates.render("compilation/ledger.md.j2", {**data, "title": name, "note": note, "header": list(header),
                                                                     "rows": [list(r) for r in rows]}))
            body_parts.append(Table(title=ledger.title, header=header, rows=rows, note=note, landscape=True,
                                    label=f"附件{i}", lead=annex if i == 1 else None, sizes=sizes))
    contents = "## 目录\n\n" + "\n".join(f"{'  ' * (level - 1)}- [{text}](#{_anchor(text)})" for level, text in toc)
    parts.append(Contents(entries=tuple(contents_entries)))
    parts.extend(body_parts)
    markdown = escape_controls("\n\n".join(part.strip("\n") for part in [md[0], contents, *md[1:]]) + "\n")
    return Compiled(title, campaign.issuer or "", campaign.title, parts, markdown, problems, charts)


def _with_abstract(body: str, abstract: str) -> str:
    return f"> 摘要：{abstract}\n\n{body}" if abstract else body


def _anchor(text: str) -> str:
    """A GitHub-style heading anchor."""
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


def _byline(facts: Facts, topic: TopicRow, report: ReportEntry) -> str | None:
    bits = []
    if topic.leader:
        leader = facts.people.get(topic.leader)
        if leader is not None:
            bits.append(f"领题领导：{leader.name}" + (f"（{leader.title}）" if leader.title else ""))
    unit = facts.name_of(report.meta.unit or topic.lead_unit)
    if unit:
        bits.append(f"牵头单位：{unit}")
    return "　".join(bits) or None
