"""What changed between two revisions (``dytool diff``, ``status --since``) as display data.

One block per kind of change that has any, headed by its title and count; the JSON form is
:func:`dytool.status.changes.changes_json`.
"""

from __future__ import annotations

from dytool.core.catalogue import changes as words
from dytool.core.messages import Lang, Text
from dytool.facts.topics import TopicStage
from dytool.present.display import Items, Line, Page, Paragraph, Section
from dytool.status.changes import SECTIONS, Change, Changes

__all__ = ["change_blocks", "changes_page"]


def _stages(detail: str) -> Text:
    """``claimed→planned`` as the stages' labels (领题→立题), or as written when not stages."""
    try:
        stages = [TopicStage.coerce(part) for part in detail.split("→")]
    except Exception:  # noqa: BLE001 - show it as it is
        return Text.of(detail)
    return Text("→".join(s.label_zh for s in stages), "→".join(s.value for s in stages))


def _line(name: str, change: Change, lang: Lang) -> Line:
    detail: Text | None = None
    if change.detail:
        detail = _stages(change.detail) if name == "topic_stages" else words.CHANGED_FIELDS(fields=change.detail) if name == "edited" \
            else Text.of(change.detail)
    tail = f"  {detail.text(lang)}" if detail is not None else ""
    return Line(f"{change.id} {change.title}{tail}")


def change_blocks(changes: Changes, lang: Lang) -> list[tuple[str, Items]]:
    """(heading, items) for each kind of change that has any, in the order of ``SECTIONS``."""
    out = []
    for name in SECTIONS:
        items: tuple[Change, ...] = getattr(changes, name)
        if items:
            heading = words.HEADING(title=words.HEADINGS[name], n=len(items)).text(lang)
            out.append((heading, Items(tuple(_line(name, change, lang) for change in items))))
    return out


def changes_page(changes: Changes, ref: str, ref2: str | None, lang: Lang) -> Page:
    """``dytool diff``: a section per kind of change, or a line that says there is none."""
    target = ref2 or words.WORKING_TREE.text(lang)
    sections = tuple(Section(f"changes-{n}", heading, (items,)) for n, (heading, items) in enumerate(change_blocks(changes, lang)))
    if not sections:
        sections = (Section("changes", "", (Paragraph((Line(words.NO_CHANGES.text(lang)),)),)),)
    return Page(f"{ref} → {target}", lang, (), sections)
