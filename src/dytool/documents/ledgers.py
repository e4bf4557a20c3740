"""The three lists as 台账 tables: the columns of a paper ledger, one row per record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from dytool.documents.model import LEDGER_SIZES
from dytool.facts.deadlines import chinese_day, deadline_day, deadline_text
from dytool.facts.records import Facts
from dytool.models import Campaign, Institution, Problem, Solution, When
from dytool.models.enums import Handling

__all__ = ["LEDGERS", "Ledger", "ledger_header", "ledger_rows", "ledger_sizes", "problem_numbers"]


def _day(when: When | None) -> str:
    """The day something happened (closed, done, issued), the Chinese way; a phrase as written."""
    if when is None:
        return ""
    return when.text if not when.text[:1].isdigit() else chinese_day(when.first)


def _text(value: str | list[str] | None) -> str:
    if value is None:
        return ""
    return "；".join(value) if isinstance(value, list) else value


@dataclass(frozen=True)
class Ledger:
    kind: str
    title: str
    header: tuple[str, ...]


LEDGERS = {
    "problems": Ledger("problems", "问题清单", ("序号", "问题", "责任单位", "责任人", "整改措施", "整改时限", "整改进展", "是否销号")),
    "solutions": Ledger("solutions", "问题解决清单", ("序号", "解决事项", "对应问题", "责任单位", "解决措施", "完成时限", "完成情况")),
    "institutions": Ledger("institutions", "制度清单", ("序号", "制度名称", "类型", "对应问题", "起草单位", "计划出台时间", "状态", "文号")),
}
"""The three ledgers.  The 问题解决清单 and the 制度清单 cite problems: by their 序号 in the
问题清单 when it is attached (the header says which annex), by id otherwise."""


class _Cite:
    """How a ledger names the problems it cites."""

    def __init__(self, numbers: dict[str, int] | None) -> None:
        self.numbers = numbers

    def __call__(self, ids: Sequence[str]) -> str:
        if self.numbers is None:
            return "、".join(ids)
        return "、".join(str(self.numbers[i]) if i in self.numbers else i for i in ids)


def _problem_row(p: Problem, facts: Facts, as_of: dt.date, cite: _Cite) -> tuple[str, ...]:
    """问题 is the problem's name (its description is in the records and the reports: a ledger
    lists); a date that a cell reports starts its own line, so that it is never broken."""
    progress = [x.text for x in p.progress if x.on.first <= as_of]
    closed = p.closed_on is not None and p.closed_on.first <= as_of
    shown = progress[-1:]
    if closed:
        assert p.closed_on is not None
        shown.append(f"{_day(p.closed_on)}销号")
        state = "是"
    elif p.handling in (Handling.escalated, Handling.long_term):
        assert p.handling is not None
        state = f"否\n{p.handling.label_zh}"
    elif (due := deadline_day(p.due)) is not None and due < as_of:
        state = "否\n逾期"
    else:
        state = "否"
    return (p.title, facts.name_of(p.owner_unit) or "", facts.name_of(p.owner) or "", _text(p.measures), deadline_text(p.due),
            "\n".join(shown), state)


def _overdue(due: When | None, as_of: dt.date) -> str:
    """A solution or institution not done by its deadline is marked as a problem is (issue 13, item 4)."""
    day = deadline_day(due)
    return "\n逾期" if day is not None and day < as_of else ""


def _solution_row(s: Solution, facts: Facts, as_of: dt.date, cite: _Cite) -> tuple[str, ...]:
    done = s.done_on is not None and s.done_on.first <= as_of
    state = f"{_day(s.done_on)}完成" if done else (s.status or "推进中") + _overdue(s.due, as_of)
    return (s.title, cite(s.problems), facts.name_of(s.owner_unit) or "", _text(s.measures), deadline_text(s.due), state)


def _institution_row(i: Institution, facts: Facts, as_of: dt.date, cite: _Cite) -> tuple[str, ...]:
    issued = i.issued_on is not None and i.issued_on.first <= as_of
    status = f"{_day(i.issued_on)}出台" if issued else (
        (i.status.label_zh if i.status and i.status.value != "issued" else "起草中") + _overdue(i.due, as_of))
    return (i.title, i.kind.label_zh, cite(i.problems), facts.name_of(i.drafting_unit) or "", deadline_text(i.due), status,
            (i.doc_number or "") if issued else "")


_ROWS: dict[str, tuple[Callable[[Facts], Iterable[object]], Callable[..., tuple[str, ...]]]] = {
    "problems": (lambda f: (e.record for e in f.records("problem")), _problem_row),
    "solutions": (lambda f: (e.record for e in f.records("solution")), _solution_row),
    "institutions": (lambda f: (e.record for e in f.records("institution")), _institution_row),
}


def _listed(kind: str, facts: Facts, as_of: dt.date) -> list[object]:
    records, _ = _ROWS[kind]
    out = []
    for record in records(facts):
        found_on = getattr(record, "found_on", None)
        if isinstance(found_on, When) and found_on.first > as_of:
            continue
        out.append(record)
    return out


def ledger_rows(kind: str, facts: Facts, as_of: dt.date, problem_numbers: dict[str, int] | None = None) -> list[tuple[str, ...]]:
    """Rows with their 序号 (assigned here, in document order).  ``problem_numbers`` (problem
    id → 序号 in the attached 问题清单) makes citations of problems name their 序号."""
    _, row = _ROWS[kind]
    cite = _Cite(problem_numbers)
    return [(str(n), *row(record, facts, as_of, cite)) for n, record in enumerate(_listed(kind, facts, as_of), 1)]


def problem_numbers(facts: Facts, as_of: dt.date) -> dict[str, int]:
    """Problem id → its 序号 in the 问题清单 as of the day."""
    return {str(getattr(p, "id", "")): n for n, p in enumerate(_listed("problems", facts, as_of), 1)}


def ledger_header(ledger: Ledger, problems_annex: int | None) -> tuple[str, ...]:
    """The ledger's header; a citing column says where its numbers point (对应问题（附件1序号）)."""
    cited = f"对应问题（附件{problems_annex}序号）" if problems_annex is not None else "对应问题（编号）"
    return tuple(cited if name == "对应问题" else name for name in ledger.header)


_SIZES = {"小四": 24, "五号": 21, "四号": 28}


def ledger_sizes(campaign: Campaign) -> tuple[int, ...]:
    """The text sizes the ledgers may take (half-points): the campaign's ``fonts.ledger_size``,
    or 小四 and, when a ledger does not fit in 小四, 五号."""
    chosen = campaign.fonts.ledger_size if campaign.fonts is not None else None
    return (_SIZES[chosen],) if chosen in _SIZES else LEDGER_SIZES
