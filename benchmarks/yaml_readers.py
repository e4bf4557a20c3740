#!/usr/bin/env python3
"""Compare native YAML parsers with dytool's reader: same values, same refusals, and speed.

    python benchmarks/yaml_readers.py [--candidates NAMES] [--records 10000] [--runs 5]
                                      [--timeout 30] [--suite DIR] [--out DIR] [--no-speed]

The evaluation behind docs/yaml-readers.md, to run again when a candidate has a new release
(or a new candidate appears).  Install the candidates you want to compare into the project's
virtualenv first (``pip install yaml-rs ryaml …``); those not installed are listed and
skipped.

Inputs, each as dytool hands it to its reader (bytes decoded by ``source.hints.decode``, a
Markdown file's front matter only): the YAML test suite (``../shared/yaml-test-suite``,
valid and error cases), ``tests/corpus`` (the hostile inputs, ``<RESIDENT-ID>`` filled in as
the tests do), ``examples/campaign-2023``, three campaigns from generate.py (rich, rich with
32 seeded errors, flat) and the probes in ``PROBES``.  Texts that are byte-identical to an
earlier one are kept once.

Differential: dytool's ``parse_text`` runs once, in this process; each candidate runs in a
worker process of its own, one input at a time, so that a crash (abort, stack overflow) or a
hang longer than ``--timeout`` costs that input only (the worker restarts after it).  Values
are compared exactly: same types (bool is not int, int is not float), same key order, NaN
equal to NaN.  dytool refuses an input when its reader returns a finding other than the two
hints that keep the value (full-width colon, odd indent); a candidate refuses by raising.
Every input falls in one class: same value, same refusal, false refusal (dytool reads it, the
candidate refuses), value diff, false accept (dytool refuses, the candidate returns a value),
crash or timeout.  A candidate can replace the reader only with 0 value diffs, 0 false
accepts, 0 false refusals and 0 crashes.

Speed: CPU time of one pass over every text of the rich and the flat campaign, already in
memory, median of ``--runs`` rounds in a fresh process per candidate and round, round-robin,
beside dytool's reader with and without its fast loop.

Writes ``--out`` (default benchmarks/out/yaml-readers/): ``summary.md`` (what is printed) and
``<candidate>.jsonl`` (one line per input that differs).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import math
import os
import select
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
SUITE = PROJECT.parent / "shared" / "yaml-test-suite"
CORPUS = PROJECT / "tests" / "corpus"
EXAMPLE = PROJECT / "examples" / "campaign-2023"
sys.setrecursionlimit(20000)

PROBES = [
    "a: no", "a: yes", "a: on", "a: 010", "a: 0o17", "a: 0x1F", "a: -0x1F", "a: 0b101", "a: 1_000", "a: 12:30",
    "a: 2023-05-10", "a: 2023-05-10T10:00:00Z", "a: 1.5", "a: 1e3", "a: 5.", "a: .5", "a: +.5", "a: .inf", "a: -.Inf",
    "a: .NaN", "a: ~", "a:", "a: Null", "a: TRUE", "a: True", "a: tRUE", "a: '010'", "a: 99999999999999999999",
    "a: -9223372036854775809", "a: " + "9" * 5000, "a: !!str 3", "a: !!int '3'", "a: !!float 1", "a: ! 12",
    "a: !custom x", "a: &x 1\nb: *x", "a: 1\na: 2", "? [a]\n: 1", "%YAML 1.2\n---\na: 1", "a: 1\n---\nb: 2",
    "--- \na: 1\n...\n", "1: a", "true: x", "null: x", "~: x", ": x", "1: a\n'1': b", "01: a\n1: b",
    "<<: {a: 1}\nb: 2", "a: !!binary aGVsbG8=", "\ufeffa: 1", "a: \x7f", "a: \x85b", "a: b\x00",
    "[" * 65 + "]" * 65, "[" * 64 + "]" * 64, "a: 'it''s'", 'a: "\\u00e9\\t"', "a: |\n  x\n  y\n", "a: >-\n  x\n  y\n",
    "- a\n- - b\n  - c", "{a: 1, b: [2, 3]}", "a: [1, 2,]", "a:\tb", "a: b # c", "a: '  lead'", "", "# c\n", "~",
    "a: 1\n\tb: 2", "key: value: x", "a: @x", "a: `x`", "a: -", "a: -1", "a: +1", "a: -0", "a: 0.", "a: 1e", "a: 1E+2",
    "a: 0o", "a: 0x", "a: x\u3000y", "? a\n? b", "a: [b, c", "'a\nb': 1", 'a: "\\x41"', 'a: "\\/"', "a: !!null ''",
    "a: !!bool true", "[" * 100_000, "[" * 100_000 + "]" * 100_000,
    "".join("  " * i + "k:\n" for i in range(70)) + "  " * 70 + "v\n", "- " * 200 + "x\n",
    "{a: " * 5000 + "1" + "}" * 5000, "a: 1\r\nb: [x, y]\r\nc: |\r\n  line1\r\n  line2\r\n",
    "summary: |\n  text\n  \n", "summary: |\n  text\n   ", "summary: |-\n  text\n\n\n",
    "summary: >\n  folded\n  text\n\n  para\n", "a: x   \nb: 'y'   \n",
    "a: -0x1F\nb: +0x1F\nc: -0o17\nd: +0o17\ne: 0O17\nf: 0X1F\ng: 0B1\nh: 1e400\ni: -1e400\nj: 1.\nk: inf\nl: -.5",
    "- '010'\n- '0755'\n- \"1e3\"\n- 'true'\n- ''\n- '~'",
    "id: x\ntitle：调研课题\n", "a:\n  b: 1\n\u3000c: 2\n",
]
"""Where YAML readers commonly differ: resolution of plain scalars, tags, anchors, keys,
directives, hostile depth, line endings and the blanks editors leave behind."""


# --------------------------------------------------------------------------------------
# Candidates: each called with the options closest to dytool's reader, no guard
# --------------------------------------------------------------------------------------

Loader = Callable[[str], Any]
CANDIDATES: dict[str, tuple[str, str, Callable[[Any], Loader]]] = {}
"""name -> (module to import, distribution, make(module) -> load(text))."""


def candidate(name: str, module: str, dist: str | None = None) -> Callable[[Callable[[Any], Loader]], Callable[[Any], Loader]]:
    def register(make: Callable[[Any], Loader]) -> Callable[[Any], Loader]:
        CANDIDATES[name] = (module, dist or module, make)
        return make
    return register


@candidate("pyyaml-csafe", "yaml", "PyYAML")
def _pyyaml(m: Any) -> Loader:      # the parse floor of benchmarks/run.py: YAML 1.1, a baseline
    return lambda text: m.load(text, Loader=m.CSafeLoader)


@candidate("yaml-rs", "yaml_rs")
def _yaml_rs(m: Any) -> Loader:
    return lambda text: m.loads(text, parse_datetime=False, duplicate_key_policy=m.DuplicateKeyPolicy.Error)


@candidate("ryaml", "ryaml")
def _ryaml(m: Any) -> Loader:
    return m.loads


@candidate("oryaml", "oryaml")
def _oryaml(m: Any) -> Loader:
    return m.loads


@candidate("rustyyaml", "rustyyaml")
def _rustyyaml(m: Any) -> Loader:
    return m.safe_load


@candidate("pyyaml-rs", "pyyaml_rs", "pyyaml-rs")
def _pyyaml_rs(m: Any) -> Loader:
    return m.safe_load


@candidate("libfyaml", "libfyaml")
def _libfyaml(m: Any) -> Loader:
    def load(text: str) -> Any:
        doc = m.loads(text, mode="yaml", dedup=False)
        return doc.to_python() if hasattr(doc, "to_python") else doc
    return load


@candidate("py-yaml12", "yaml12", "py-yaml12")
def _yaml12(m: Any) -> Loader:
    return m.parse_yaml


@candidate("fastyaml-rs", "fast_yaml", "fastyaml-rs")
def _fast_yaml(m: Any) -> Loader:
    return m.safe_load


@candidate("pyrs-yaml", "pyrs_yaml", "pyrs-yaml")
def _pyrs_yaml(m: Any) -> Loader:
    def load(text: str) -> Any:
        docs = m.safe_loads(text, schema="core", allow_duplicate_keys=False)
        if len(docs) > 1:
            raise ValueError("more than one document")
        return docs[0] if docs else None
    return load


@candidate("xoryaml", "xoryaml")
def _xoryaml(m: Any) -> Loader:
    return m.loads


@candidate("rs-turboyaml", "turboyaml", "rs-turboyaml")
def _turboyaml(m: Any) -> Loader:
    return lambda text: m.load(text, strict=True)


@candidate("yamlrocks", "yamlrocks")
def _yamlrocks(m: Any) -> Loader:       # wheels from Python 3.12 on
    return lambda text: m.loads(text, option=m.OPT_DUPLICATE_KEYS_ERROR | m.OPT_REJECT_COMPLEX_KEYS)


@candidate("ruamel-safe-c", "ruamel.yaml", "ruamel.yaml.clib")
def _ruamel(m: Any) -> Loader:          # ruamel.yaml.clib's C scanner and parser, YAML 1.2
    return lambda text: m.YAML(typ="safe", pure=False).load(text)


@candidate("msgspec.yaml", "msgspec.yaml", "msgspec")
def _msgspec(m: Any) -> Loader:
    return m.decode


@candidate("rapidyaml", "ryml", "rapidyaml")
def _ryml(m: Any) -> Loader:
    """rapidyaml hands out a tree of untyped scalars: walked here into values, scalars
    resolved with dytool's own ``resolve_plain``, anchors, tags, duplicates and depth
    refused from the tree's flags."""
    from dytool.source.yamlread import MAX_DEPTH, resolve_plain

    def load(text: str) -> Any:
        tree = m.parse_in_arena(text.encode("utf-8"))
        root = tree.root_id()
        if tree.is_stream(root):
            if tree.num_children(root) != 1:
                if tree.num_children(root) == 0:
                    return None
                raise ValueError("more than one document")
            root = tree.first_child(root)

        def scalar(node: int, key: bool) -> Any:
            if (tree.has_key_anchor(node) or tree.is_key_ref(node) or tree.has_key_tag(node)) if key else \
                    (tree.has_val_anchor(node) or tree.is_val_ref(node) or tree.has_val_tag(node)):
                raise ValueError("anchor, alias or tag")
            if key:
                return bytes(tree.key(node)).decode("utf-8")
            if tree.val_is_null(node) and not tree.is_val_quoted(node):
                return None
            raw = bytes(tree.val(node)).decode("utf-8")
            quoted = tree.is_val_quoted(node) or tree.is_val_literal(node) or tree.is_val_folded(node)
            return raw if quoted else resolve_plain(raw)

        def build(node: int, depth: int) -> Any:
            if not (tree.is_map(node) or tree.is_seq(node)):
                return scalar(node, False)
            if tree.has_val_anchor(node) or tree.is_val_ref(node) or tree.has_val_tag(node) or depth > MAX_DEPTH:
                raise ValueError("anchor, alias, tag or depth")
            child = tree.first_child(node)
            if tree.is_seq(node):
                items = []
                while child != m.NONE:
                    items.append(build(child, depth + 1))
                    child = tree.next_sibling(child)
                return items
            out: dict[str, Any] = {}
            while child != m.NONE:
                if not tree.has_key(child):
                    raise ValueError("complex key")
                key = scalar(child, True)
                if key in out:
                    raise ValueError("duplicate key")
                out[key] = build(child, depth + 1)
                child = tree.next_sibling(child)
            return out

        return build(root, 1)
    return load


def loader(name: str) -> Loader:
    module, _dist, make = CANDIDATES[name]
    return make(importlib.import_module(module))


def installed(name: str) -> str | None:
    """The candidate's version, or None when it does not import."""
    module, dist, _make = CANDIDATES[name]
    try:
        importlib.import_module(module)
        from importlib.metadata import version
        return version(dist)
    except Exception:  # noqa: BLE001 - any failure to import means: not available here
        return None


# --------------------------------------------------------------------------------------
# Inputs and the reference
# --------------------------------------------------------------------------------------


def texts_of(source: str, root: Path, paths: list[Path], placeholder: str | None = None) -> Iterator[dict[str, Any]]:
    from dytool.source.hints import decode
    from dytool.source.locate import split_front_matter

    for path in paths:
        data = path.read_bytes()
        if placeholder is not None:
            data = data.replace(b"<RESIDENT-ID>", placeholder.encode())
        rel = path.relative_to(root).as_posix()
        text, _finding = decode(data, rel)
        if text is None:
            continue                       # never reaches the YAML reader
        offset = 0
        if path.suffix == ".md":
            parts = split_front_matter(text)
            if parts is None:
                continue
            text, offset = parts[0], parts[2]
        yield {"source": source, "name": rel, "text": text, "offset": offset}


def files(root: Path, suffixes: tuple[str, ...] = (".yaml", ".yml", ".md")) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in suffixes
                  and not {".git", ".dytool"} & set(p.parts))


def collect(records: int, scratch: Path, suite: Path) -> list[dict[str, Any]]:
    sys.path.insert(0, str(PROJECT / "tests"))
    from helpers_repo import resident_id  # the corpus's placeholder, as the tests fill it

    campaigns = {"rich": [], "rich-errors": ["--errors", "32"], "flat": ["--shape", "flat"]}
    for name, extra in campaigns.items():
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(scratch / name), "--records", str(records),
                        "-q", *extra], check=True, stdout=subprocess.DEVNULL)
    groups = [
        texts_of("suite", suite, sorted(suite.glob("*/*.yaml"))),
        texts_of("corpus", CORPUS, [p for p in files(CORPUS) if p.name != "manifest.yaml"], resident_id()),
        texts_of("example", EXAMPLE, files(EXAMPLE)),
        *(texts_of(f"bench-{name}", scratch / name, files(scratch / name)) for name in campaigns),
        ({"source": "probe", "name": f"probe-{i:03d}", "text": t, "offset": 0} for i, t in enumerate(PROBES)),
    ]
    seen: set[str] = set()
    out = []
    for group in groups:
        for item in group:
            digest = hashlib.sha256(item["text"].encode("utf-8", "surrogatepass")).hexdigest()
            if digest not in seen:
                seen.add(digest)
                out.append(item)
    return out


def canon(value: Any, depth: int = 0) -> Any:
    """Equal only for equal values of equal types, NaN equal to NaN."""
    if depth > 300:
        return ["deep"]
    kind = type(value)
    if kind is dict:
        return ["d", [[canon(k, depth + 1), canon(v, depth + 1)] for k, v in value.items()]]
    if kind is list:
        return ["l", [canon(v, depth + 1) for v in value]]
    if kind is float:
        return ["f", "nan" if math.isnan(value) else repr(value)]
    if kind is int:
        return ["i", str(value) if value.bit_length() < 10_000 else f"<{value.bit_length()} bits>"]
    if kind in (str, bool) or value is None:
        return [kind.__name__, value]
    return ["?", f"{kind.__module__}.{kind.__name__}", repr(value)[:200]]


def digest_of(value: Any) -> tuple[str, str]:
    text = json.dumps(canon(value), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(), text[:300]


HINTS = {"fullwidth-colon", "bad-indent"}     # findings that keep the value


def reference(inputs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from dytool.core.codes import CODES
    from dytool.source.yamlread import parse_text

    hints = {CODES[name].code for name in HINTS}
    out = []
    for item in inputs:
        parsed = parse_text(item["text"], item["name"], line_offset=item["offset"])
        stops = sorted({f.code for f in parsed.findings} - hints)
        out.append({"ok": False, "why": ",".join(stops)} if stops else {"ok": True, "value": digest_of(parsed.value)})
    return out


# --------------------------------------------------------------------------------------
# Workers: one candidate, inputs from an index on, one JSON line per input
# --------------------------------------------------------------------------------------


def worker(name: str, inputs_file: str, start: int) -> None:
    load = loader(name)
    with open(inputs_file, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    for i in range(start, len(texts)):
        try:
            line = {"i": i, "ok": True, "value": digest_of(load(texts[i]))}
        except BaseException as exc:  # noqa: BLE001 - any exception is the candidate refusing
            line = {"i": i, "ok": False, "why": type(exc).__name__}
        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        sys.stdout.flush()


def run_candidate(name: str, inputs_file: Path, count: int, timeout: float) -> list[dict[str, Any]]:
    """Each input's outcome; a crash or hang costs that input, and the worker restarts after it."""
    results: list[dict[str, Any]] = []
    while len(results) < count:
        proc = subprocess.Popen([sys.executable, __file__, "--worker", name, str(inputs_file), str(len(results))],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        assert proc.stdout is not None
        buffer = b""
        while len(results) < count:
            ready, _, _ = select.select([proc.stdout], [], [], timeout)
            if not ready:
                proc.kill()
                results.append({"ok": None, "why": f"timeout > {timeout:g} s"})
                break
            chunk = os.read(proc.stdout.fileno(), 1 << 20)
            if not chunk:
                code = proc.wait()
                results.append({"ok": None, "why": f"crash (exit {code})"})
                break
            buffer += chunk
            *lines, buffer = buffer.split(b"\n")
            results += [json.loads(line) for line in lines]
        proc.kill()
        proc.wait()
    return results


def classify(ref: dict[str, Any], got: dict[str, Any]) -> str:
    if got["ok"] is None:
        return "crash/timeout"
    if ref["ok"] and got["ok"]:
        return "same value" if ref["value"][0] == got["value"][0] else "value diff"
    if not ref["ok"] and not got["ok"]:
        return "same refusal"
    return "false refusal" if ref["ok"] else "false accept"


CLASSES = ["same value", "same refusal", "false refusal", "value diff", "false accept", "crash/timeout"]


# --------------------------------------------------------------------------------------
# Speed
# --------------------------------------------------------------------------------------


def time_once(name: str, texts_file: str) -> None:
    """Print the CPU seconds of one pass of ``name`` over the texts (a fresh process)."""
    with open(texts_file, encoding="utf-8") as f:
        texts = json.load(f)
    load: Loader
    if name.startswith("dytool"):
        from dytool.source import yamlread
        yamlread._FAST = yamlread._FAST and name == "dytool"     # dytool-original: the loop without it
        load = lambda text: yamlread.parse_text(text, "f.yaml")   # noqa: E731
    else:
        load = loader(name)
    start = time.process_time()
    for text in texts:
        try:
            load(text)
        except Exception:  # noqa: BLE001 - a refusal costs what it costs
            continue
    print(time.process_time() - start)


def speed(names: list[str], inputs: list[dict[str, Any]], runs: int, scratch: Path) -> list[str]:
    sources = {"rich": "bench-rich", "flat": "bench-flat"}
    text_files = {}
    for label, source in sources.items():
        path = scratch / f"texts-{label}.json"
        path.write_text(json.dumps([i["text"] for i in inputs if i["source"] == source], ensure_ascii=False), encoding="utf-8")
        text_files[label] = path
    rows = ["dytool", "dytool-original", *names]
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(runs):
        for label, path in text_files.items():
            for name in rows:
                proc = subprocess.run([sys.executable, __file__, "--time", name, str(path)], capture_output=True, check=False)
                if proc.returncode == 0:
                    times.setdefault((name, label), []).append(float(proc.stdout))
    out = ["| reader | rich, CPU s | ÷ dytool | flat, CPU s | ÷ dytool |", "|---|---:|---:|---:|---:|"]
    base = {label: statistics.median(times.get(("dytool", label), [math.nan])) for label in text_files}
    for name in rows:
        cells = []
        for label in text_files:
            got = times.get((name, label))
            med = statistics.median(got) if got else math.nan
            cells += [f"{med:.3f}" if got else "failed", f"{med / base[label]:.2f}×" if got else "—"]
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    return out


# --------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--candidates", metavar="NAMES",
                    help=f"comma-separated, of {','.join(CANDIDATES)} (default: every one installed)")
    ap.add_argument("--records", type=int, default=10000, metavar="N", help="size of the generated campaigns (default 10000)")
    ap.add_argument("--runs", type=int, default=5, metavar="N", help="rounds of the speed comparison (default 5)")
    ap.add_argument("--timeout", type=float, default=30, metavar="SECONDS", help="per input, before a hang is recorded (default 30)")
    ap.add_argument("--suite", type=Path, default=SUITE, metavar="DIR",
                    help="the YAML test suite (default ../shared/yaml-test-suite beside the project, as the tests find it)")
    ap.add_argument("--out", type=Path, default=HERE / "out" / "yaml-readers", metavar="DIR")
    ap.add_argument("--no-speed", action="store_true", help="the differential only")
    ap.add_argument("--worker", nargs=3, help=argparse.SUPPRESS)
    ap.add_argument("--time", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        worker(args.worker[0], args.worker[1], int(args.worker[2]))
        return 0
    if args.time:
        time_once(*args.time)
        return 0

    wanted = args.candidates.split(",") if args.candidates else list(CANDIDATES)
    unknown = [w for w in wanted if w not in CANDIDATES]
    if unknown:
        print(f"yaml_readers.py: unknown candidates {unknown}; known: {list(CANDIDATES)}", file=sys.stderr)
        return 2
    versions = {name: installed(name) for name in wanted}
    names = [n for n in wanted if versions[n]]
    missing = [n for n in wanted if not versions[n]]
    if not args.suite.is_dir():
        print(f"yaml_readers.py: no YAML test suite at {args.suite} (--suite DIR)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    report = [f"# YAML readers against dytool's reader ({time.strftime('%Y-%m-%d')}, Python {sys.version.split()[0]})", ""]
    if missing:
        report += [f"Not installed, skipped: {', '.join(missing)}.", ""]
    with tempfile.TemporaryDirectory(prefix="yaml-readers-") as tmp:
        scratch = Path(tmp)
        print("collecting inputs …", file=sys.stderr)
        inputs = collect(args.records, scratch, args.suite)
        inputs_file = scratch / "inputs.jsonl"
        inputs_file.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in inputs), encoding="utf-8")
        ref = reference(inputs)
        sources = list(dict.fromkeys(i["source"] for i in inputs))
        per_source = Counter(i["source"] for i in inputs)
        report += [f"{len(inputs)} inputs: " + ", ".join(f"{s} {per_source[s]}" for s in sources)
                   + f"; dytool refuses {sum(not r['ok'] for r in ref)}.", "",
                   "| candidate | version | " + " | ".join(CLASSES) + " |", "|---|---|" + "---:|" * len(CLASSES)]
        for name in names:
            print(f"differential: {name} …", file=sys.stderr)
            got = run_candidate(name, inputs_file, len(inputs), args.timeout)
            classes = [classify(r, g) for r, g in zip(ref, got, strict=True)]
            counts = Counter(classes)
            report.append(f"| {name} | {versions[name]} | " + " | ".join(str(counts[c]) for c in CLASSES) + " |")
            with open(args.out / f"{name}.jsonl", "w", encoding="utf-8") as f:
                for item, r, g, c in zip(inputs, ref, got, classes, strict=True):
                    if c not in ("same value", "same refusal"):
                        f.write(json.dumps({"class": c, "source": item["source"], "name": item["name"],
                                            "text": item["text"][:300], "dytool": r.get("value", [None, r.get("why")])[1],
                                            "candidate": g.get("value", [None, g.get("why")])[1]}, ensure_ascii=False) + "\n")
        if not args.no_speed:
            print("speed …", file=sys.stderr)
            report += ["", f"CPU seconds of one pass over the generated campaigns' texts ({args.records} records "
                       f"each), median of {args.runs}:", "", *speed(names, inputs, args.runs, scratch)]
    text = "\n".join(report) + "\n"
    (args.out / "summary.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
