"""The loaded campaign repository: records with their sources, and a way back to positions.

Immutable once loaded; checks and status read it and never change it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Generic, NamedTuple, TypeVar

from dytool.codes import Pos
from dytool.hints import decode
from dytool.locate import Path, PositionIndex, index_positions
from dytool.models import Campaign, Record, ReportMeta

if TYPE_CHECKING:
    from dytool.summary import FileSummary

__all__ = ["Entry", "Locator", "ReportEntry", "Repository", "Source", "split_front_matter"]

R = TypeVar("R", bound=Record)


class Source(NamedTuple):
    """Where a record came from: its file and its path inside the file (``()`` or ``(i,)``)."""

    file: str
    path: Path = ()


class Entry(NamedTuple, Generic[R]):
    """A record and its source (tuples: the load cache pickles tens of thousands of them)."""

    record: R
    source: Source


class ReportEntry(NamedTuple):
    meta: ReportMeta
    body: str
    source: Source


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """``(front matter, body, line where the front matter starts)`` or None without one."""
    if not text.startswith("---"):
        return None
    first_nl = text.find("\n")
    if first_nl < 0 or text[:first_nl].strip() != "---":
        return None
    pos = first_nl + 1
    while True:
        nl = text.find("\n", pos)
        line = text[pos:] if nl < 0 else text[pos:nl]
        if line.rstrip("\r").strip() in ("---", "..."):
            body = "" if nl < 0 else text[nl + 1 :]
            return text[first_nl + 1 : pos], body, 1
        if nl < 0:
            return None
        pos = nl + 1


class Locator:
    """Finds line and column of any value of any loaded file, parsing a file again on demand."""

    def __init__(self, root: FsPath) -> None:
        self._root = root
        self._cache: dict[str, PositionIndex] = {}

    def _index(self, file: str) -> PositionIndex:
        index = self._cache.get(file)
        if index is None:
            index = PositionIndex({})
            try:
                text, _ = decode((self._root / file).read_bytes(), file)
            except OSError:
                text = None
            if text is not None:
                offset = 0
                if file.endswith(".md"):
                    parts = split_front_matter(text)
                    text, offset = (parts[0], parts[2]) if parts else ("", 0)
                index = index_positions(text, line_offset=offset)
            self._cache[file] = index
        return index

    def pos(self, source: Source, sub: Path = (), *, key: bool = False) -> Pos:
        line, column = self._index(source.file).find((*source.path, *sub), key=key)
        return Pos(source.file, line, column)

    def path_at(self, file: str, line: int, column: int) -> Path:
        return self._index(file).path_at(line, column)

    def raw(self, source: Source, sub: Path = ()) -> str | None:
        return self._index(source.file).raw((*source.path, *sub))


@dataclass(frozen=True)
class Repository:
    root: FsPath
    campaign: Campaign | None
    campaign_source: Source
    records: dict[str, list[Entry[Record]]]
    reports: list[ReportEntry]
    files: tuple[str, ...]
    unreadable_kinds: frozenset[str]
    locator: Locator = field(compare=False, repr=False)
    invalid_ids: dict[str, frozenset[str]] = field(default_factory=dict)
    """Ids of records that exist but failed validation: references to them are not dangling."""
    empty_files: frozenset[str] = frozenset()
    """Record files that hold no record (``[]``): in problems/, "filed, nothing found"."""
    summaries: dict[str, tuple[str, FileSummary]] = field(default_factory=dict)
    """File → (kind, summary) for every file read, in load order (:mod:`dytool.summary`)."""

    def entries(self, kind: str) -> list[Entry[Record]]:
        return self.records.get(kind, [])

    def all_entries(self) -> Iterator[tuple[str, Entry[Record]]]:
        for kind, entries in self.records.items():
            for entry in entries:
                yield kind, entry
