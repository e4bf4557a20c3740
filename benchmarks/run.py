#!/usr/bin/env python3
"""Time dytool against the YAML parse floor on a generated campaign repository.

    python benchmarks/run.py [--records 10000] [--runs 5] [--keep DIR] [--markdown]

Generates a campaign with benchmarks/generate.py (cached under benchmarks/data/N-<records>/,
regenerated when the generator or its arguments change), then runs the rows of ``ROWS``,
each as its own process, round-robin ``--runs`` times (after ``--warmup`` unmeasured
rounds), and prints one table: median and min–max wall time, the ratio to the row's
baseline (``dytool check`` ÷ parse floor, target ≤ 1.5), CPU time, peak RSS of the
measured process (``os.wait4`` in a small launcher, see ``RUNNER``) and the exit codes
seen.  Rows that need dytool are skipped, with a message, when ``python -m dytool
--version`` does not start.

With ``--errors K`` the campaign gets K seeded errors and the run reports which of them
``dytool check --format json`` found (at their file and within the record's lines).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
GENERATOR = HERE / "generate.py"
DATA = HERE / "data"

# The parse floor: read and parse every YAML file, nothing else.  Files that do not
# parse (a seeded error) are counted, not fatal.
PARSE_FLOOR = """\
import os, sys, yaml
ok = bad = 0
for folder, dirs, files in os.walk(sys.argv[1]):
    dirs[:] = [d for d in dirs if not d.startswith(".")]
    for name in files:
        if name.endswith((".yaml", ".yml")):
            try:
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    yaml.load(f.read(), Loader=yaml.CSafeLoader)
                ok += 1
            except Exception:
                bad += 1
print(ok, "files parsed,", bad, "failed")
"""

# The launcher of every measured process: small (python -S -I, builtins only), it starts
# the command, waits for it with wait4 and writes "wall_s cpu_s max_rss_kb exit_code".
RUNNER = """\
import os, signal, sys, time
out, limit, argv = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
t0 = time.perf_counter()
pid = os.posix_spawnp(argv[0], argv, os.environ)
signal.signal(signal.SIGALRM, lambda *_: os.kill(pid, signal.SIGKILL))
signal.setitimer(signal.ITIMER_REAL, limit)
_, status, usage = os.wait4(pid, 0)
signal.setitimer(signal.ITIMER_REAL, 0)
wall = time.perf_counter() - t0
with open(out, "w") as f:
    f.write(f"{wall!r} {usage.ru_utime + usage.ru_stime!r} {usage.ru_maxrss} "
            f"{os.waitstatus_to_exitcode(status)}\\n")
"""

AS_OF = "2023-12-31"


@dataclass(frozen=True)
class Row:
    """One measured command.  ``{python}``, ``{repo}`` and ``{tmp}`` (a scratch folder)
    in argv are filled in."""

    key: str
    label: str
    argv: tuple[str, ...]
    dytool: bool = False                     # skipped when dytool does not start
    ok_codes: frozenset[int] = frozenset({0})
    baseline: str | None = None              # key of the row the ratio divides by
    target: float | None = None              # ratio target (≤)
    before: Callable[[Path], None] | None = None   # run before every run (e.g. clear a cache)
    default: bool = True                     # False: only when named in --rows
    env: tuple[tuple[str, str], ...] = ()    # extra environment for this row


def dytool(*args: str) -> tuple[str, ...]:
    return ("{python}", "-m", "dytool", *args)


def clear_cache(repo: Path) -> None:
    """For a cold-cache row: remove the repository's .dytool/ folder before each run."""
    shutil.rmtree(repo / ".dytool", ignore_errors=True)


def touch_one_file(repo: Path) -> None:
    """For the one-changed-file row: change one visits file (a comment line) before each run."""
    path = min((repo / "visits").rglob("*.yaml"))
    text = path.read_text(encoding="utf-8")
    marker = "# benchmark edit "
    lines = [line for line in text.splitlines() if not line.startswith(marker)]
    stamp = time.perf_counter_ns()
    path.write_text("\n".join([*lines, f"{marker}{stamp}"]) + "\n", encoding="utf-8")


def shift_one_date(repo: Path) -> None:
    """For the one-changed-date row: move the first visit of one visits file by a day, an
    edit that the cross-file checks see (leaders' days), so the check cannot reuse them."""
    path = min((repo / "visits").rglob("*.yaml"))
    text = path.read_text(encoding="utf-8")
    found = re.search(r"(date|start): (\d{4})-(\d{2})-(\d{2})", text)
    if found is None:
        return
    day = int(found.group(4)) % 28 + 1
    shifted = f"{found.group(1)}: {found.group(2)}-{found.group(3)}-{day:02d}"
    path.write_text(text[: found.start()] + shifted + text[found.end() :], encoding="utf-8")


PANDOC = """\
import glob, os, subprocess, sys
python, repo, tmp = sys.argv[1:4]
md = os.path.join(tmp, "md")
if not glob.glob(os.path.join(md, "*.md")):
    subprocess.run([python, "-m", "dytool", "compile", "-C", repo, "--format", "md", "-o", md], check=True)
source = glob.glob(os.path.join(md, "*.md"))[0]
os.execvp("pandoc", ["pandoc", "--from", "commonmark_x", source, "-o", os.path.join(tmp, "pandoc.docx")])
"""


ROWS: list[Row] = [
    Row("pass", "python -c pass", ("{python}", "-c", "pass")),
    Row("version", "dytool --version", dytool("--version"), dytool=True, baseline="pass"),
    Row("help", "dytool --help", dytool("--help"), dytool=True, baseline="pass"),
    Row("floor", "parse floor (PyYAML CSafeLoader)", ("{python}", "-c", PARSE_FLOOR, "{repo}")),
    Row("serial", "check, no cache, one process", dytool("check", "-C", "{repo}", "--format", "json", "--no-cache"),
        dytool=True, ok_codes=frozenset({0, 1}), baseline="floor", env=(("DYTOOL_JOBS", "1"),)),
    Row("cold", "check, no cache, parallel", dytool("check", "-C", "{repo}", "--format", "json", "--no-cache"),
        dytool=True, ok_codes=frozenset({0, 1}), baseline="floor", target=1.5),
    Row("check", "check, warm cache", dytool("check", "-C", "{repo}", "--format", "json"),
        dytool=True, ok_codes=frozenset({0, 1}), baseline="cold", target=0.15),
    Row("changed", "check, one file changed (a comment added)", dytool("check", "-C", "{repo}", "--format", "json"),
        dytool=True, ok_codes=frozenset({0, 1}), baseline="check", before=touch_one_file),
    Row("moved", "check, one date moved in one file", dytool("check", "-C", "{repo}", "--format", "json"),
        dytool=True, ok_codes=frozenset({0, 1}), baseline="check", before=shift_one_date),
    Row("new", "new problem --dry-run, warm cache", dytool("new", "problem", "-C", "{repo}", "--dry-run", "--no-input",
        "--title", "基准测试新增问题", "--owner-unit", "fgw", "--found-on", "2023-06-01"),
        dytool=True, ok_codes=frozenset({0}), baseline="check", target=1.5),
    Row("status", "status --format json, warm cache", dytool("status", "-C", "{repo}", "--format", "json"),
        dytool=True, baseline="check"),
    Row("site", "site -o DIR, warm cache", dytool("site", "-C", "{repo}", "-o", "{tmp}/site"),
        dytool=True, baseline="status", target=2.0),
    # What a Pages job does on a fresh checkout: no cache at all (pick with --rows status-cold,site-cold).
    Row("status-cold", "status --format json, no cache", dytool("status", "-C", "{repo}", "--format", "json", "--no-cache"),
        dytool=True, default=False),
    Row("site-cold", "site -o DIR, no cache", dytool("site", "-C", "{repo}", "-o", "{tmp}/site", "--no-cache"),
        dytool=True, baseline="status-cold", target=2.0, default=False),
    # Not run by default; pick them with --rows (e.g. --rows compile,pandoc).
    Row("compile", "compile --format docx", dytool("compile", "-C", "{repo}", "--format", "docx", "-o", "{tmp}/build"),
        dytool=True, baseline="pandoc", target=1.0, default=False),
    Row("pandoc", "pandoc, the same Markdown to docx", ("{python}", "-c", PANDOC, "{python}", "{repo}", "{tmp}"),
        default=False),
    # PDF through LibreOffice (contents' page numbers updated), reported apart from the Word output.
    Row("pdf", "compile --format pdf (LibreOffice)", dytool("compile", "-C", "{repo}", "--format", "pdf", "-o", "{tmp}/pdf"),
        dytool=True, baseline="compile", default=False),
]

RATIOS = [
    # label, numerator row, denominator row, target (≤), absolute limit of the numerator (s)
    ("cold check ÷ libyaml parse floor", "cold", "floor", 1.5, None),
    ("warm check ÷ cold check", "check", "cold", 0.15, None),
    ("one file changed ÷ warm check", "changed", "check", 2.0, None),
    ("one date moved ÷ warm check", "moved", "check", 2.0, None),
    ("parallel ÷ serial (cold)", "cold", "serial", 0.6, None),
    ("new --dry-run ÷ warm check", "new", "check", 1.5, None),
    ("status ÷ check (warm)", "status", "check", None, None),
    ("site ÷ status (warm)", "site", "status", 2.0, None),
    ("site ÷ status (no cache)", "site-cold", "status-cold", 2.0, None),
    ("compile ÷ pandoc", "compile", "pandoc", 1.0, None),
    ("compile --format pdf ÷ --format docx (LibreOffice apart)", "pdf", "compile", None, None),
    ("dytool --version ÷ python -c pass", "version", "pass", None, 0.15),
    ("dytool --help ÷ python -c pass", "help", "pass", None, 0.3),
]


@dataclass
class Result:
    row: Row
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss_kb: list[int] = field(default_factory=list)
    codes: list[int] = field(default_factory=list)
    skipped: str = ""
    stdout: bytes = b""
    stderr: bytes = b""

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    src = str(PROJECT / "src")
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.setdefault("DYTOOL_TODAY", AS_OF)
    env["NO_COLOR"] = "1"
    return env


def run_once(argv: Sequence[str], env: dict[str, str], timeout: float,
             scratch: Path) -> tuple[float, float, int, int, bytes, bytes]:
    """Wall and CPU seconds, exit code, peak RSS (kB) of the process, stdout, stderr.

    The command is started by a fresh, small launcher (RUNNER) rather than by this
    process, because a child's ru_maxrss starts from the RSS of the process that forked it.
    """
    result = scratch / "runner-result"
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        subprocess.run([sys.executable, "-S", "-I", "-c", RUNNER, str(result), str(timeout),
                        *argv], stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env,
                       check=False)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    try:
        wall, cpu, rss, code = result.read_text(encoding="ascii").split()
        result.unlink()
    except (OSError, ValueError):
        raise SystemExit(f"run.py: the launcher failed for {list(argv)}: "
                         f"{stderr.decode('utf-8', 'replace')[-500:]}") from None
    return float(wall), float(cpu), int(code), int(rss), stdout, stderr


def fill(argv: Sequence[str], python: str, repo: Path, tmp: str) -> list[str]:
    return [a.replace("{python}", python).replace("{repo}", str(repo)).replace("{tmp}", tmp)
            for a in argv]


def compile_bytecode(python: str) -> None:
    """Write dytool's bytecode first, as ``pip install .`` does: a checkout run with
    PYTHONDONTWRITEBYTECODE set (or never run before) would otherwise compile every module
    on every measured run, which is not what an installed dytool does."""
    subprocess.run([python, "-m", "compileall", "-q", str(PROJECT / "src" / "dytool")],
                   capture_output=True, timeout=300, stdin=subprocess.DEVNULL, check=False)


def dytool_starts(python: str, env: dict[str, str]) -> tuple[bool, str]:
    compile_bytecode(python)
    try:
        proc = subprocess.run([python, "-m", "dytool", "--version"], env=env, capture_output=True,
                              timeout=60, stdin=subprocess.DEVNULL, check=False)
    except (OSError, subprocess.TimeoutExpired) as e:
        return False, str(e)
    text = (proc.stdout or proc.stderr).decode("utf-8", "replace").strip()
    if proc.returncode != 0:
        return False, (text.splitlines() or [f"exit {proc.returncode}"])[-1]
    return True, text


def measure(rows: Sequence[Row], repo: Path, python: str, runs: int, warmup: int,
            timeout: float) -> list[Result]:
    """Run the rows round-robin (each round runs every row once), so that a change of
    load on the machine hits every row alike and the ratios stay fair."""
    env = child_env()
    starts, version = dytool_starts(python, env)
    if not starts:
        print(f"note: `python -m dytool --version` does not start ({version}); "
              f"skipping: {', '.join(r.label for r in rows if r.dytool) or 'nothing'}",
              file=sys.stderr)
    results = [Result(row, skipped="dytool does not start" if row.dytool and not starts else "")
               for row in rows]
    live = [res for res in results if not res.skipped]
    with tempfile.TemporaryDirectory(prefix="dytool-bench-") as scratch:
        argvs = {res.row.key: fill(res.row.argv, python, repo, scratch) for res in live}
        for i in range(warmup + runs):
            label = "warm-up" if i < warmup else f"run {i - warmup + 1}/{runs}"
            print(f"  {label}:", end="", file=sys.stderr, flush=True)
            for res in live:
                if res.row.before:
                    res.row.before(repo)
                elapsed, cpu, code, rss, out, err = run_once(argvs[res.row.key], {**env, **dict(res.row.env)},
                                                             timeout, Path(scratch))
                if i >= warmup:
                    res.times.append(elapsed)
                    res.cpu.append(cpu)
                    res.codes.append(code)
                    res.rss_kb.append(rss)
                    res.stdout, res.stderr = out, err
                print(f" {res.row.key} {elapsed:.2f}", end="", file=sys.stderr, flush=True)
            print(file=sys.stderr)
    for res in live:
        if any(c not in res.row.ok_codes for c in res.codes):
            tail = res.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            print(f"warning: {res.row.label} exited {sorted(set(res.codes))}: "
                  + " / ".join(tail), file=sys.stderr)
    return results


# --------------------------------------------------------------------------------------
# The table
# --------------------------------------------------------------------------------------

HEADERS = ["measurement", "median s", "min–max s", "ratio", "target", "cpu s", "peak RSS",
           "exit"]


def table_rows(results: Sequence[Result]) -> list[list[str]]:
    by_key = {r.row.key: r for r in results}
    lines = []
    for res in results:
        row = res.row
        if res.skipped or not res.times:
            lines.append([row.label, "—", "—", "—", "—", "—", "—", f"skipped: {res.skipped}"])
            continue
        base = by_key.get(row.baseline or "")
        ratio = target = "—"
        codes = sorted(set(res.codes))
        good = all(c in row.ok_codes for c in codes)
        flag = "" if good else " (!)"
        if base is not None and base.times:
            value = res.median / base.median
            ratio = f"{value:.2f}× {base.row.key}"
            if row.target is not None:
                verdict = "ok" if value <= row.target else "MISSED"
                target = f"≤ {row.target:g}× {verdict if good else 'n/a: bad exit'}"
        elif row.target is not None:
            target = f"≤ {row.target:g}×"
        lines.append([row.label, f"{res.median:.3f}",
                      f"{min(res.times):.3f}–{max(res.times):.3f}", ratio, target,
                      f"{statistics.median(res.cpu):.3f}", f"{max(res.rss_kb) / 1024:.0f} MB", ",".join(map(str, codes)) + flag])
    return lines


def ratio_lines(results: Sequence[Result], markdown: bool) -> list[str]:
    """The ratios the targets are stated in, from the medians of the table above."""
    by_key = {r.row.key: r for r in results if r.times}
    out = ["| ratio | value | target |", "|---|---:|---|"] if markdown else ["ratios:"]
    for label, num, den, target, limit in RATIOS:
        if num not in by_key or den not in by_key:
            continue
        value = by_key[num].median / by_key[den].median
        goal = []
        if target is not None:
            goal.append(f"≤ {target:g} {'ok' if value <= target else 'MISSED'}")
        if limit is not None:
            goal.append(f"median {by_key[num].median:.3f} s ≤ {limit:g} s {'ok' if by_key[num].median <= limit else 'MISSED'}")
        text = "; ".join(goal) or "—"
        out.append(f"| {label} | {value:.2f} | {text} |" if markdown else f"  {label:<40} {value:6.2f}   {text}")
    return out


def format_table(results: Sequence[Result], markdown: bool) -> str:
    rows = table_rows(results)
    numeric = {1, 2, 5, 6}
    if markdown:
        out = ["| " + " | ".join(HEADERS) + " |",
               "|" + "|".join("---:" if i in numeric else "---" for i in range(len(HEADERS))) + "|"]
        out += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(out)
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(HEADERS)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.rjust(w) if i in numeric else c.ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

    return "\n".join([line(HEADERS), line(["-" * w for w in widths]), *map(line, rows)])


# --------------------------------------------------------------------------------------
# The campaign: generated once, cached
# --------------------------------------------------------------------------------------


def repo_facts(repo: Path) -> tuple[int, int, int]:
    """(YAML files, Markdown files, bytes)."""
    n_yaml = n_md = size = 0
    for folder, dirs, files in os.walk(repo):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.endswith((".yaml", ".yml")):
                n_yaml += 1
            elif name.endswith(".md"):
                n_md += 1
            else:
                continue
            size += os.path.getsize(os.path.join(folder, name))
    return n_yaml, n_md, size


def ensure_campaign(target: Path, records: int, seed: int, errors: int, reports: int | None = None) -> Path:
    """Generate the campaign into target unless an identical one is already there."""
    stamp_file = target.with_name(target.name + ".json")
    manifest = target.with_name(target.name + ".errors.json")
    stamp = {"records": records, "seed": seed, "errors": errors, "reports": reports,
             "generator": hashlib.sha256(GENERATOR.read_bytes()).hexdigest()}
    if (target / "campaign.yaml").is_file() and stamp_file.is_file():
        try:
            if json.loads(stamp_file.read_text(encoding="utf-8")) == stamp:
                print(f"reusing {target}", file=sys.stderr)
                return manifest
        except ValueError:
            pass
    target.parent.mkdir(parents=True, exist_ok=True)
    print(f"generating {records} records into {target} …", file=sys.stderr)
    cmd = [sys.executable, str(GENERATOR), str(target), "--records", str(records), "--seed", str(seed),
           "--errors", str(errors), "--manifest", str(manifest), *(["--reports", str(reports)] if reports else [])]
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"run.py: generate.py failed (exit {proc.returncode}); "
                         f"to measure an existing campaign use --repo DIR")
    stamp_file.write_text(json.dumps(stamp) + "\n", encoding="utf-8")
    return manifest


# --------------------------------------------------------------------------------------
# Seeded errors: did check find them?
# --------------------------------------------------------------------------------------


def diagnostics(doc: object) -> Iterator[dict[str, object]]:
    """Every mapping in the JSON that names a file and a line, wherever it sits."""
    if isinstance(doc, dict):
        keys = set(doc)
        if keys & {"file", "path", "filename"} and "line" in keys:
            yield doc
        for value in doc.values():
            yield from diagnostics(value)
    elif isinstance(doc, list):
        for value in doc:
            yield from diagnostics(value)


def relative(path: str, repo: Path) -> str:
    p = Path(path)
    if p.is_absolute():
        try:
            return p.resolve().relative_to(repo.resolve()).as_posix()
        except ValueError:
            return p.as_posix()
    return p.as_posix().removeprefix("./")


def summarize_check(res: Result, repo: Path, manifest: Path | None) -> list[str]:
    if res.skipped or not res.times:
        return []
    try:
        doc = json.loads(res.stdout.decode("utf-8"))
    except ValueError:
        return [f"check: exit {res.codes[-1]}; its output is not JSON "
                f"({len(res.stdout)} bytes on stdout)"]
    found = list(diagnostics(doc))
    severities: dict[str, int] = {}
    for d in found:
        sev = str(d.get("severity", d.get("level", "?")))
        severities[sev] = severities.get(sev, 0) + 1
    out = [f"check: exit {res.codes[-1]}, {len(found)} diagnostics "
           f"({', '.join(f'{n} {s}' for s, n in sorted(severities.items())) or 'none'})"]
    if manifest is None or not manifest.is_file():
        return out
    seeded = json.loads(manifest.read_text(encoding="utf-8"))
    located: list[tuple[str, int, dict[str, object]]] = []
    for d in found:
        path = d.get("file", d.get("path", d.get("filename")))
        line = d.get("line")
        if isinstance(path, str) and isinstance(line, int):
            located.append((relative(path, repo), line, d))
    places = [[(e["path"], *e["span"])] + [(a["path"], a["line"], a["line"]) for a in e["also"]]
              for e in seeded]

    def hits(d_path: str, line: int, where: list[tuple[str, int, int]]) -> bool:
        return any(d_path == p and lo <= line <= hi for p, lo, hi in where)

    missed = [e for e, where in zip(seeded, places, strict=True)
              if not any(hits(p, n, where) for p, n, _ in located)]
    extra = [(p, n, d) for p, n, d in located if not any(hits(p, n, w) for w in places)
             and d.get("severity", d.get("level", "error")) == "error"]
    out.append(f"seeded errors found: {len(seeded) - len(missed)}/{len(seeded)}")
    out += [f"  missed {e['kind']}: {e['path']}:{e['line']} {e['message']}" for e in missed]
    if extra:
        out.append(f"errors away from any seeded error (cascades?): {len(extra)}")
        out += [f"  {p}:{n}: {d.get('severity', '')} {d.get('code', '')} {d.get('message', '')}"
                for p, n, d in extra[:20]]
    return out


# --------------------------------------------------------------------------------------


def python_version(python: str) -> str:
    try:
        proc = subprocess.run([python, "-c", "import platform; print(platform.python_version())"],
                              capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return proc.stdout.decode().strip() or "?"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=10000, metavar="N", help="campaign size (default 10000)")
    ap.add_argument("--runs", type=int, default=5, metavar="N", help="measured runs per row (default 5)")
    ap.add_argument("--warmup", type=int, default=1, metavar="N", help="unmeasured runs first (default 1)")
    ap.add_argument("--seed", type=int, default=2023, metavar="S", help="generator seed (default 2023)")
    ap.add_argument("--errors", type=int, default=0, metavar="K",
                    help="seed K errors and report which check finds (default 0)")
    ap.add_argument("--reports", type=int, metavar="R", help="number of reports to generate (default: the generator's)")
    ap.add_argument("--keep", type=Path, metavar="DIR",
                    help="generate into (or reuse) DIR instead of benchmarks/data/N-<records>/")
    ap.add_argument("--repo", type=Path, metavar="DIR",
                    help="measure an existing campaign repository; generate nothing")
    ap.add_argument("--rows", metavar="KEYS",
                    help=f"comma-separated rows to run, of {','.join(r.key for r in ROWS)} "
                         f"(default {','.join(r.key for r in ROWS if r.default)})")
    ap.add_argument("--python", default=sys.executable, metavar="PATH",
                    help="interpreter for every row (default: this one)")
    ap.add_argument("--timeout", type=float, default=900, metavar="SECONDS", help="seconds per run (default 900)")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    rows = [r for r in ROWS if r.default]
    if args.rows:
        wanted = args.rows.split(",")
        unknown = [w for w in wanted if w not in {r.key for r in ROWS}]
        if unknown:
            print(f"run.py: unknown rows {unknown}; known: {[r.key for r in ROWS]}", file=sys.stderr)
            return 2
        rows = [r for r in ROWS if r.key in wanted]
    manifest: Path | None = None
    if args.repo:
        repo = args.repo.resolve()
        if not (repo / "campaign.yaml").is_file():
            print(f"run.py: {repo} holds no campaign.yaml", file=sys.stderr)
            return 2
    else:
        name = f"N-{args.records}" + (f"-e{args.errors}" if args.errors else "") + \
            (f"-s{args.seed}" if args.seed != 2023 else "") + (f"-r{args.reports}" if args.reports else "")
        repo = (args.keep or DATA / name).resolve()
        manifest = ensure_campaign(repo, args.records, args.seed, args.errors, args.reports)
        if not args.errors:
            manifest = None

    n_yaml, n_md, size = repo_facts(repo)
    print(f"measuring {len(rows)} rows × {args.runs} runs (+{args.warmup} warm-up) on {repo}",
          file=sys.stderr)
    results = measure(rows, repo, args.python, args.runs, args.warmup, args.timeout)

    records = f"{args.records} records, " if not args.repo else ""
    print(f"campaign: {repo} ({records}{n_yaml} YAML + {n_md} Markdown files, "
          f"{size / 1e6:.1f} MB)")
    print(f"python {python_version(args.python)} on {platform.system()} {platform.machine()}, "
          f"{os.cpu_count()} CPUs; {args.runs} measured run(s) per row after {args.warmup} "
          f"warm-up; wall time of the whole process; DYTOOL_TODAY={child_env()['DYTOOL_TODAY']}")
    print()
    print(format_table(results, args.markdown))
    print()
    print("\n".join(ratio_lines(results, args.markdown)))
    check = next((r for r in results if r.row.key == "cold"), None)
    if check is not None:
        notes = summarize_check(check, repo, manifest)
        if notes:
            print()
            print("\n".join(notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
