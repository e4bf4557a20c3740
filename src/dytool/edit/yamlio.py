"""The one place that configures YAML for writing (ruamel.yaml, round trip).

Reading for checks stays on the fast loader (:mod:`dytool.source.yamlread`); this module only serves
commands that change files.  It keeps comments, key order, quoting and flow/block style, and
writes the canonical style of a campaign repository (see :data:`CANONICAL_STYLE`):

* mappings indented by 2; a sequence under a key is indented by 2 with its items' content 2
  past the dash (``key:\\n  - a: 1\\n    b: 2``); a top-level list starts at column 0;
* no line wrapping; UTF-8 without BOM; one final newline; LF unless the file was CRLF;
* new text is quoted only where needed, and always where dytool's YAML 1.2 reader would take
  it for something else than text (``'010'``, ``'true'``, ``'1e3'``);
* never anchors, aliases or tags.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.error import YAMLError
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import LiteralScalarString

from dytool.core.catalogue import edits as words
from dytool.core.catalogue import files
from dytool.core.errors import EXIT_FINDINGS, UserError
from dytool.source.yamlread import resolve_plain

__all__ = [
    "CANONICAL_STYLE", "KeptNull", "TextStyle", "dump", "dump_item", "join_text", "line_style", "load", "new_file_style", "split_text", "to_node",
]

CANONICAL_STYLE = "indent 2, lists under their key indented 2, top-level list at column 0, no wrapping, UTF-8 without BOM, final newline"

_FLOW_MAX = 60
_FLOW_SAFE = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`~\\][^\s:#,\[\]{}\\]*\Z")
"""Text written bare in a flow list (``[fgw, 东湖区]``): no indicators, no white space."""


@dataclass(frozen=True, slots=True)
class TextStyle:
    """What a file looked like on disk, kept so an edit does not change it."""

    crlf: bool = False
    bom: bool = False


def split_text(raw: bytes, rel: str) -> tuple[str, TextStyle]:
    """Bytes of a YAML file → its text with LF line ends, and its style."""
    bom = raw.startswith(codecs.BOM_UTF8)
    if bom:
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UserError(words.NOT_UTF8(file=rel), exit_code=EXIT_FINDINGS) from None
    crlf = text.count("\r\n") * 2 > text.count("\n") > 0
    return text.replace("\r\n", "\n"), TextStyle(crlf, bom)


def line_style(raw: bytes) -> TextStyle:
    """The line ends of ``raw`` (mostly CRLF, or LF), without a BOM."""
    return TextStyle(crlf=raw.count(b"\r\n") * 2 > raw.count(b"\n") > 0)


def new_file_style(root: Path) -> TextStyle:
    """The line ends of a file dytool adds to the repository: those of campaign.yaml, so a
    checkout with CRLF line ends (git's ``autocrlf`` on Windows) gets CRLF files; no BOM."""
    from dytool.source.readfile import read_guarded

    raw, _ = read_guarded(root, "campaign.yaml")
    return line_style(raw) if raw is not None else TextStyle()


def join_text(text: str, style: TextStyle, *, keep_bom: bool = True) -> bytes:
    if style.crlf:
        text = text.replace("\n", "\r\n")
    data = text.encode("utf-8")
    return codecs.BOM_UTF8 + data if style.bom and keep_bom else data


class _Emitter(Emitter):
    """The top-level list at column 0 (``- id: …``), nested lists indented under their key."""

    def expect_block_sequence_item(self, first: bool = False) -> None:
        if len(self.indents.values) == 1:  # the top-level list
            saved = self.sequence_dash_offset, self.best_sequence_indent
            self.sequence_dash_offset, self.best_sequence_indent = 0, 2
            try:
                super().expect_block_sequence_item(first)
            finally:
                self.sequence_dash_offset, self.best_sequence_indent = saved
            return
        super().expect_block_sequence_item(first)

    def expect_node(self, root: bool = False, sequence: bool = False, mapping: bool = False, simple_key: bool = False) -> None:
        # ruamel.yaml looks at the enclosing indent of a commented top-level flow list ("# …\n[]")
        event = self.event
        dummy = root and not self.indents.values and bool(getattr(event, "flow_style", False)) and bool(event.comment)
        if not dummy:
            super().expect_node(root=root, sequence=sequence, mapping=mapping, simple_key=simple_key)
            return
        self.indents.values.append((None, True))
        saved = self.requested_indent
        self.requested_indent = 0
        try:
            super().expect_node(root=root, sequence=sequence, mapping=mapping, simple_key=simple_key)
        finally:
            self.requested_indent = saved
            if self.indents.values and self.indents.values[0] == (None, True):
                del self.indents.values[0]


class KeptNull:
    """A null as it was written (``~``, ``null`` or nothing), so a round trip keeps it."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __bool__(self) -> bool:
        return False


class _Constructor(RoundTripConstructor):
    def construct_yaml_null(self, node: Any) -> Any:
        return KeptNull(node.value)


_Constructor.add_constructor("tag:yaml.org,2002:null", _Constructor.construct_yaml_null)


class _Representer(RoundTripRepresenter):
    def ignore_aliases(self, data: Any) -> bool:
        return True

    def represent_str(self, data: str) -> Any:
        if "\n" in data or _BREAKS.search(data):  # on one line, with escapes (\x85 etc. are line breaks to libyaml)
            return self.represent_scalar("tag:yaml.org,2002:str", data, style='"')
        if data and (not _reads_as_text(data) or _LOOKS_LIKE_KEY.match(data)):
            return self.represent_scalar("tag:yaml.org,2002:str", data, style="'")
        return super().represent_str(data)

    def represent_kept_null(self, data: KeptNull) -> Any:
        return self.represent_scalar("tag:yaml.org,2002:null", data.text)


_Representer.add_representer(str, _Representer.represent_str)
_Representer.add_representer(KeptNull, _Representer.represent_kept_null)
_BREAKS = re.compile("[\x85\u2028\u2029]")
_UNSAFE_IN_BLOCK = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
_MISREAD_LINE = re.compile(r"[ \t\u3000\u00a0]*(?:-[ \t]+)*[A-Za-z_][A-Za-z0-9_]*[ \t]*[:：]|[ \t]*[\u3000\u00a0]")
"""Lines the reader's hints would flag (a key with a full-width colon, odd indentation)."""
_LOOKS_LIKE_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*[ \t]*：")
"""Text the reader would flag as a key written with a full-width colon, unless quoted."""


def _reads_as_text(text: str) -> bool:
    """Whether dytool's reader takes ``text``, written plain, for that same text."""
    value = resolve_plain(text)
    return isinstance(value, str) and value == text


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Emitter = _Emitter
    yaml.Representer = _Representer
    yaml.Constructor = _Constructor
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    yaml.preserve_quotes = True
    yaml.allow_unicode = True
    yaml.allow_duplicate_keys = False
    return yaml


def load(text: str, rel: str = "") -> Any:
    """The round-trip document of ``text`` (comments attached)."""
    try:
        return _yaml().load(text)
    except (YAMLError, ValueError) as exc:  # ValueError: a timestamp that is no day (2023-13-45)
        raise UserError(files.YAML_NOT_EDITABLE(file=rel, detail=str(exc).strip()), exit_code=EXIT_FINDINGS) from None


def dump(data: Any) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def dump_item(record: Any) -> str:
    """A record as one item of a top-level list: ``- id: …\\n  title: …\\n``."""
    seq = CommentedSeq([record if isinstance(record, CommentedMap) else to_node(record)])
    return dump(seq)


def to_node(value: Any) -> Any:
    """Plain values → round-trip nodes in the canonical style of new text.

    Mappings in block style; short lists of short text in flow style (``[fgw, jyj]``), other
    lists in block style; text with line breaks as a literal block (``|``); days as plain
    ISO dates (``2023-05-10``).
    """
    if isinstance(value, CommentedMap | CommentedSeq):
        return value  # already a node, with its own style
    if isinstance(value, Mapping):
        node = CommentedMap()
        for key, item in value.items():
            node[key] = to_node(item)
        return node
    if isinstance(value, list | tuple):
        seq = CommentedSeq([to_node(item) for item in value])
        if value and all(_flow_ok(item) for item in value) and sum(_width(str(i)) + 2 for i in value) <= _FLOW_MAX:
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and "\n" in value and _literal_ok(value):
        return LiteralScalarString(value)
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _flow_ok(item: Any) -> bool:
    if isinstance(item, bool | int | float | dt.date):
        return True
    return isinstance(item, str) and bool(_FLOW_SAFE.match(item)) and not _UNSAFE_IN_BLOCK.search(item) and _reads_as_text(item)


def _literal_ok(text: str) -> bool:
    lines = text.split("\n")
    if any(line != line.rstrip() or _MISREAD_LINE.match(line) for line in lines):
        return False
    return not text.startswith((" ", "\n")) and not _UNSAFE_IN_BLOCK.search(text)
