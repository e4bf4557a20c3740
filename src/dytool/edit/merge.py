"""A merge of record files that knows what a record is (git's merge driver ``dytool``).

``merge=union`` lost fields: two branches that each appended a problem to ``problems/fgw.yaml``
merged "cleanly", and lines union took for duplicates (``owner_unit: fgw``, ``due: …``) were
dropped from the second record.  This merge cuts each version of the file into its head (the
lines before the first record) and one block per top-level record (from its ``- `` line to
the next one, comments included), keyed by ``id``, and merges block by block:

* a block only one side changed (added, edited, removed) takes that side's version;
* blocks both sides changed the same way are taken once;
* blocks both sides changed differently (or two records added with the same id) are a
  conflict: both versions are written between conflict markers and git reports the file as
  conflicted, as with any merge;
* records one side added go after the record they follow on that side.

The result must read back as YAML with unique ids, or the merge is left to git's own line
merge (``None``), which conflicts rather than guess.  Files that are not a top-level list at
column 0 (a single record, a flow list) are left to git's line merge too.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from dytool.source.yamlread import parse_text

__all__ = ["MergeResult", "merge_records"]

_ITEM = re.compile(r"-(?:[ \t]|$)")
_HEAD = "\0head"


@dataclass(frozen=True)
class MergeResult:
    text: str
    conflicts: list[str]
    """Ids of the records both sides changed differently (written between markers)."""


def _blocks(text: str, rel: str) -> list[tuple[str, str, str]] | None:
    """(key, text, trailing blank lines) of the head and of each top-level record, in order;
    None if the text is not a plain list of records."""
    parsed = parse_text(text, rel)
    if parsed.value is None:
        quiet = all(not line.strip() or line.lstrip().startswith("#") for line in text.split("\n"))
        return [(_HEAD, text, "")] if quiet else None
    if not isinstance(parsed.value, list) or not all(isinstance(item, dict) and "id" in item for item in parsed.value):
        return None
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if _ITEM.match(line)]
    if len(starts) != len(parsed.value):
        return None
    out = [(_HEAD, "".join(lines[: starts[0]] if starts else lines), "")]
    for number, (start, item) in enumerate(zip(starts, parsed.value, strict=True)):
        end = starts[number + 1] if number + 1 < len(starts) else len(lines)
        cut = end
        while cut > start + 1 and not lines[cut - 1].strip():
            cut -= 1
        out.append((str(item["id"]), "".join(lines[start:cut]), "".join(lines[cut:end])))
    keys = [key for key, _, _ in out]
    return out if len(keys) == len(set(keys)) else None


def _joined(pieces: list[str]) -> str:
    out = ""
    for piece in pieces:
        if out and not out.endswith("\n"):
            out += "\n"
        out += piece
    return out


def merge_records(base: str, ours: str, theirs: str, rel: str = "") -> MergeResult | None:
    """The merge of two versions of a record file with their common ancestor, or None when
    it must be left to a line merge.  Line ends do not count as changes (one side may come
    from a Windows checkout that committed CRLF); the result has the line ends of ours."""
    crlf = ours.count("\r\n") * 2 > ours.count("\n") > 0
    merged = _merge(base.replace("\r\n", "\n"), ours.replace("\r\n", "\n"), theirs.replace("\r\n", "\n"), rel)
    if merged is None or not crlf:
        return merged
    return MergeResult(merged.text.replace("\n", "\r\n"), merged.conflicts)


def _merge(base: str, ours: str, theirs: str, rel: str) -> MergeResult | None:
    if ours == theirs:
        return MergeResult(ours, [])
    split = [_blocks(t, rel) for t in (base, ours, theirs)]
    if any(s is None for s in split):
        return None
    b_list, o_list, t_list = (s or [] for s in split)
    b, o, t = ({k: body for k, body, _ in one} for one in (b_list, o_list, t_list))
    order = [key for key, _, _ in o_list]
    for index, (key, body, _) in enumerate(t_list):  # records ours lacks go after the one they follow in theirs
        if key in o or b.get(key) == body:  # ours has it, or ours removed it and theirs left it alone
            continue
        before = next((k for k, _, _ in reversed(t_list[:index]) if k in order), _HEAD)
        at = order.index(before) + 1
        while at < len(order) and order[at] not in t:
            at += 1  # past what ours added (or theirs removed) there: ours first, then theirs
        order.insert(at, key)
    trail = {k: gap for k, _, gap in o_list}
    follows = {a[0]: c[0] for a, c in itertools.pairwise(o_list)}
    spaced = "\n" if any(gap for _, _, gap in [*o_list[1:-1], *t_list[1:-1]]) else ""
    chosen_keys: list[str] = []
    bodies: list[str] = []
    conflicts: list[str] = []
    for key in order:
        mine, yours, was = o.get(key), t.get(key), b.get(key)
        if yours in (mine, was):
            chosen = mine
        elif mine == was:
            chosen = yours
        else:
            conflicts.append(key)
            chosen = f"<<<<<<< ours\n{mine or ''}=======\n{yours or ''}>>>>>>> theirs\n"
        if chosen is not None:
            chosen_keys.append(key)
            bodies.append(chosen)
    pieces = []
    for index, (key, body) in enumerate(zip(chosen_keys, bodies, strict=True)):
        after = chosen_keys[index + 1] if index + 1 < len(chosen_keys) else None
        if key == _HEAD:
            gap = ""
        elif after is None:
            gap = trail.get(o_list[-1][0], "") if len(o_list) > 1 else ""
        elif key in follows and follows[key] == after:
            gap = trail[key]  # the same neighbour as in ours: the same lines between them
        else:
            gap = spaced  # a new neighbour: what the file puts between records
        pieces.append(body + gap)
    text = _joined(pieces)
    if not conflicts and _blocks(text, rel) is None:
        return None
    return MergeResult(text, conflicts)
