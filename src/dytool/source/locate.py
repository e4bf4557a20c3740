"""Where a value stands in its file: the slow path that findings use.

The fast read path (:mod:`dytool.source.yamlread`) keeps no positions.  When a finding needs one,
the file is parsed once more with marks and every node is indexed by its path (the keys and
list indexes leading to it, as in pydantic's error locations).  Only files with findings pay.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any, NamedTuple

from yaml import (
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from dytool.core.codes import Pos
from dytool.source.hints import decode
from dytool.source.readfile import read_guarded
from dytool.source.yamlread import make_parser

__all__ = ["Locator", "NodePos", "Path", "PositionIndex", "Source", "index_positions", "split_front_matter"]

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class NodePos:
    """1-based positions of a node's key (for mapping values) and of the value itself."""

    key_line: int
    key_column: int
    line: int
    column: int
    raw: str | None  # the scalar as written, for messages such as "write '010' in quotes"


class PositionIndex:
    def __init__(self, nodes: dict[Path, NodePos]) -> None:
        self._nodes = nodes

    def find(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """The position of ``path``, or of its nearest ancestor that exists (a missing field
        is reported at the record that lacks it)."""
        while True:
            node = self._nodes.get(path)
            if node is not None:
                return (node.key_line, node.key_column) if key else (node.line, node.column)
            if not path:
                return (1, 1)
            path = path[:-1]

    def path_at(self, line: int, column: int) -> Path:
        """The path of the last node that starts at or before ``line:column``."""
        best: Path = ()
        best_pos = (0, 0)
        for path, node in self._nodes.items():
            pos = (node.line, node.column)
            if best_pos <= pos <= (line, column):
                best, best_pos = path, pos
        return best

    def raw(self, path: Path) -> str | None:
        node = self._nodes.get(path)
        return node.raw if node else None


def index_positions(text: str, *, line_offset: int = 0) -> PositionIndex:
    nodes: dict[Path, NodePos] = {}
    get = make_parser(text).get_event
    # frames: [path, is_mapping, next index or pending key, key mark]
    frames: list[list[Any]] = []
    try:
        while True:
            ev = get()
            cls = type(ev)
            if cls is StreamEndEvent:
                break
            if cls is MappingEndEvent or cls is SequenceEndEvent:
                frames.pop()
                continue
            if cls not in (ScalarEvent, MappingStartEvent, SequenceStartEvent):
                continue
            mark = ev.start_mark
            line, column = mark.line + 1 + line_offset, mark.column + 1
            if not frames:
                path: Path = ()
                key_pos = (line, column)
            else:
                frame = frames[-1]
                if frame[1]:  # mapping
                    if frame[2] is None:
                        frame[2] = ev.value if cls is ScalarEvent else "?"
                        frame[3] = (line, column)
                        continue
                    path = (*frame[0], frame[2])
                    key_pos = frame[3]
                    frame[2] = None
                else:
                    path = (*frame[0], frame[2])
                    key_pos = (line, column)
                    frame[2] += 1
            raw = ev.value if cls is ScalarEvent else None
            nodes[path] = NodePos(key_pos[0], key_pos[1], line, column, raw)
            if cls is MappingStartEvent:
                frames.append([path, True, None, None])
            elif cls is SequenceStartEvent:
                frames.append([path, False, 0, None])
    except Exception:  # noqa: BLE001, S110 - partial positions are still useful
        pass
    return PositionIndex(nodes)


class Source(NamedTuple):
    """Where a record came from: its file and its path inside the file (``()`` or ``(i,)``)."""

    file: str
    path: Path = ()


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

    def __init__(self, root: FsPath, overlay: Mapping[str, bytes] | None = None) -> None:
        self._root = root
        self._overlay = overlay or {}
        self._cache: dict[str, PositionIndex] = {}

    def _index(self, file: str) -> PositionIndex:
        index = self._cache.get(file)
        if index is None:
            index = PositionIndex({})
            data = self._overlay.get(file)
            if data is None:
                data, _ = read_guarded(self._root, file)
            text = decode(data, file)[0] if data is not None else None
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
