"""The three lists as 台账 tables: the columns of a paper ledger, one row per record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from dytool.facts.records import Facts
from dytool.models import Institution, Problem, Solution, When
from dytool.models.enums import Handling

__all__ = ["LEDGERS", "Ledger", "ledger_rows"]


def _day(when: When | None) -> str:
    if when is None:
        return ""
    return when.text if not when.text[:1].isdigit() else f"{when.first.year}年{when.first.month}月{when.first.day}日"


def _text(value: str | list[str] | None) -> str:
    if value is None:
        return ""
    return "；".join(value) if isinstance(value, list) else value


@dataclass(frozen=True)
class Ledger:
    kind: str
    title: str
    header: tuple[str, ...]
    widths: tuple[float, ...]
    landscape: bool


LEDGERS = {
    "problems": Ledger("problems", "问题清单", ("序号", "问题", "责任单位", "责任人", "整改措施", "整改时限", "整改进展", "是否销号"),
                       (0.8, 3.4, 1.4, 1.0, 3.2, 1.6, 2.4, 1.6), True),
    "solutions": Ledger("solutions", "问题解决清单", ("序号", "解决事项", "对应问题", "责任单位", "解决措施", "完成时限", "完成情况"),
                        (0.8, 3, 1.2, 1.4, 3.4, 1.6, 1.8), True),
    "institutions": Ledger("institutions", "制度清单", ("序号", "制度名称", "类型", "起草单位", "计划出台时间", "状态", "文号"),
                           (0.8, 4, 0.9, 1.6, 1.6, 1.6, 2.2), False),
}


def _problem_row(p: Problem, facts: Facts, as_of: dt.date) -> tuple[str, ...]:
    progress = [x for x in p.progress if x.on.first <= as_of]
    closed = p.closed_on is not None and p.closed_on.first <= as_of
    if closed:
        assert p.closed_on is not None
        state = f"已销号（{_day(p.closed_on)}）"
    elif p.handling in (Handling.escalated, Handling.long_term):
        assert p.handling is not None
        state = f"未销号（{p.handling.label_zh}）"
    elif p.due is not None and p.due.due < as_of:
        state = "未销号（逾期）"
    else:
        state = "未销号"
    return (p.title + (f"：{_text(p.description)}" if p.description else ""), facts.name_of(p.owner_unit) or "",
            facts.name_of(p.owner) or "", _text(p.measures), _day(p.due), progress[-1].text if progress else "", state)


def _solution_row(s: Solution, facts: Facts, as_of: dt.date) -> tuple[str, ...]:
    done = s.done_on is not None and s.done_on.first <= as_of
    return (s.title, "、".join(s.problems), facts.name_of(s.owner_unit) or "", _text(s.measures), _day(s.due),
            f"已完成（{_day(s.done_on)}）" if done else (s.status or "推进中"))


def _institution_row(i: Institution, facts: Facts, as_of: dt.date) -> tuple[str, ...]:
    issued = i.issued_on is not None and i.issued_on.first <= as_of
    status = f"已出台（{_day(i.issued_on)}）" if issued else (i.status.label_zh if i.status and i.status.value != "issued" else "起草中")
    return (i.title, i.kind.label_zh, facts.name_of(i.drafting_unit) or "", _day(i.due), status, (i.doc_number or "") if issued else "")


_ROWS: dict[str, tuple[Callable[[Facts], Iterable[object]], Callable[..., tuple[str, ...]]]] = {
    "problems": (lambda f: (e.record for e in f.records("problem")), _problem_row),
    "solutions": (lambda f: (e.record for e in f.records("solution")), _solution_row),
    "institutions": (lambda f: (e.record for e in f.records("institution")), _institution_row),
}


def ledger_rows(kind: str, facts: Facts, as_of: dt.date) -> list[tuple[str, ...]]:
    """Rows with their 序号 (assigned here, in document order; never the record id)."""
    records, row = _ROWS[kind]
    out: list[tuple[str, ...]] = []
    for record in records(facts):
        found_on = getattr(record, "found_on", None)
        if isinstance(found_on, When) and found_on.first > as_of:
            continue
        out.append((str(len(out) + 1), *row(record, facts, as_of)))
    return out
