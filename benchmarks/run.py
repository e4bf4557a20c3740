#!/usr/bin/env python3
"""Time dytool against the YAML parse floor on a generated campaign repository.

    python benchmarks/run.py [--records 10000] [--shape rich|flat] [--runs 5] [--rows KEYS]
                             [--python PATH] [--repo DIR] [--markdown]

Generates a campaign with benchmarks/generate.py (cached under benchmarks/data/N-<records>/,
N-<records>-flat/ for ``--shape flat``, regenerated when the generator, its arguments or the
shape change), then runs the rows of ``ROWS``, each as its own process, round-robin ``--runs``
times (after ``--warmup`` unmeasured rounds), and prints one table: median and min–max wall
time, the ratio to the row's baseline, CPU time (the process and its workers), peak RSS of the
largest process (``os.wait4`` in a small launcher, see ``RUNNER``), the largest sampled
memory of the whole process tree, and the exit codes seen.  Then the ratios and limits of
``RATIOS`` and ``LIMITS`` (issue 17: a first ``check`` ≤ 0.6× the parse floor by wall and
CPU time, in parallel and on one core; memory limits at 200,000 records; issue 12: an edit
≤ 2× a warm check, ``new --dry-run`` ≤ 1.5×, ``status`` at 200,000 records ≤ 2 s), each
marked ok or MISSED.

"Cold" is a user's first run: the repository's .dytool/ folder is removed before the run and
``check`` writes the cache; the ``--no-cache`` rows are labelled as such.  Rows that need
dytool are skipped, with a message, when ``python -m dytool --version`` does not start; rows
an older release (``--python``) cannot run show their exit code.

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

# The launcher of every measured process: small (python -S -I, standard library only), it
# starts the command, waits for it with wait4 and writes
# "wall_s cpu_s max_rss_kb exit_code tree_pss_kb".  max_rss_kb is the largest single process
# (ru_maxrss covers the command and the children it waited for, each on its own); on Linux a
# thread also sums the proportional set size (Pss, so pages that forked workers share are
# counted once) of the command and all its descendants every TREE_EVERY seconds and keeps the
# largest sum: the memory the whole command needs at once (0 where /proc is missing or the
# command ended before the first sample).
TREE_EVERY = 0.2
RUNNER = """\
import os, signal, sys, threading, time
out, limit, every, argv = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4:]
t0 = time.perf_counter()
pid = os.posix_spawnp(argv[0], argv, os.environ)
signal.signal(signal.SIGALRM, lambda *_: os.kill(pid, signal.SIGKILL))
signal.setitimer(signal.ITIMER_REAL, limit)
peak = [0]
done = threading.Event()

def tree_pss():
    children = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open("/proc/" + name + "/stat", "rb") as f:
                    stat = f.read()
                ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
            except (OSError, ValueError):
                continue
            children.setdefault(ppid, []).append(name)
    total, todo = 0, [str(pid)]
    while todo:
        p = todo.pop()
        todo += children.get(int(p), [])
        try:
            with open("/proc/" + p + "/smaps_rollup", "rb") as f:
                for line in f:
                    if line.startswith(b"Pss:"):
                        total += int(line.split()[1])
                        break
        except (OSError, ValueError):
            pass
    return total

def sample():
    while not done.wait(every):
        peak[0] = max(peak[0], tree_pss())

if os.path.exists("/proc/self/smaps_rollup"):
    threading.Thread(target=sample, daemon=True).start()
_, status, usage = os.wait4(pid, 0)
done.set()
signal.setitimer(signal.ITIMER_REAL, 0)
wall = time.perf_counter() - t0
with open(out, "w") as f:
    f.write(f"{wall!r} {usage.ru_utime + usage.ru_stime!r} {usage.ru_maxrss} "
            f"{os.waitstatus_to_exitcode(status)} {peak[0]}\\n")
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


CHECK = dytool("check", "-C", "{repo}", "--format", "json")
CHECK_CODES = frozenset({0, 1})      # findings are not a failure of the run


def clear_cache(repo: Path) -> None:
    """For a first-run row: remove the repository's .dytool/ folder before each run."""
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
    # "Cold" is a user's first run: no .dytool/ folder, and check writes the cache.
    Row("cold", "check, first run (no .dytool/, writes the cache)", CHECK, dytool=True, ok_codes=CHECK_CODES,
        baseline="floor", target=0.6, before=clear_cache),
    Row("cold1", "check, first run, one core (DYTOOL_JOBS=1)", CHECK, dytool=True, ok_codes=CHECK_CODES,
        baseline="floor", target=0.6, before=clear_cache, env=(("DYTOOL_JOBS", "1"),)),
    Row("nocache", "check --no-cache, parallel", (*CHECK, "--no-cache"), dytool=True, ok_codes=CHECK_CODES,
        baseline="floor"),
    Row("serial", "check --no-cache, one process (DYTOOL_JOBS=1)", (*CHECK, "--no-cache"), dytool=True,
        ok_codes=CHECK_CODES, baseline="floor", env=(("DYTOOL_JOBS", "1"),)),
    Row("check", "check, warm cache", CHECK, dytool=True, ok_codes=CHECK_CODES, baseline="cold", target=0.15),
    Row("changed", "check, one file changed (a comment added)", CHECK, dytool=True, ok_codes=CHECK_CODES,
        baseline="check", target=2.0, before=touch_one_file),
    Row("moved", "check, one date moved in one file", CHECK, dytool=True, ok_codes=CHECK_CODES,
        baseline="check", target=2.0, before=shift_one_date),
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


@dataclass(frozen=True)
class Ratio:
    """A ratio of two rows' medians, of wall time or of CPU time, with a target (≤) or none."""

    label: str
    num: str
    den: str
    target: float | None = None
    cpu: bool = False


@dataclass(frozen=True)
class Limit:
    """An absolute limit on one row's median wall time (seconds) or its peak memory (MB),
    checked from a campaign size on (``records``; 0: any size)."""

    label: str
    row: str
    seconds: float | None = None
    mb: float | None = None
    records: int = 0


RATIOS = [
    Ratio("first run ÷ parse floor, wall", "cold", "floor", 0.6),
    Ratio("first run ÷ parse floor, CPU", "cold", "floor", 0.6, cpu=True),
    Ratio("first run, one core ÷ parse floor, wall", "cold1", "floor", 0.6),
    Ratio("first run, one core ÷ parse floor, CPU", "cold1", "floor", 0.6, cpu=True),
    Ratio("check --no-cache ÷ parse floor, wall", "nocache", "floor"),
    Ratio("check --no-cache ÷ parse floor, CPU", "nocache", "floor", cpu=True),
    Ratio("check --no-cache, one process ÷ parse floor, wall", "serial", "floor"),
    Ratio("check --no-cache, one process ÷ parse floor, CPU", "serial", "floor", cpu=True),
    Ratio("first run ÷ check --no-cache (cost of writing the cache), CPU", "cold", "nocache", cpu=True),
    Ratio("first run, parallel ÷ one core, wall", "cold", "cold1", 0.6),
    Ratio("warm check ÷ first run", "check", "cold", 0.15),
    Ratio("one file changed ÷ warm check", "changed", "check", 2.0),
    Ratio("one date moved ÷ warm check", "moved", "check", 2.0),
    Ratio("new --dry-run ÷ warm check", "new", "check", 1.5),
    Ratio("status ÷ check (warm)", "status", "check"),
    Ratio("site ÷ status (warm)", "site", "status", 2.0),
    Ratio("site ÷ status (no cache)", "site-cold", "status-cold", 2.0),
    Ratio("compile ÷ pandoc", "compile", "pandoc", 1.0),
    Ratio("compile --format pdf ÷ --format docx (LibreOffice apart)", "pdf", "compile"),
    Ratio("dytool --version ÷ python -c pass", "version", "pass"),
    Ratio("dytool --help ÷ python -c pass", "help", "pass"),
]

BIG = 200_000        # the size at which the issues set their memory and time limits
LIMITS = [
    Limit("dytool --version", "version", seconds=0.15),
    Limit("dytool --help", "help", seconds=0.3),
    Limit("check, first run", "cold", mb=400, records=BIG),
    Limit("check, first run, one core", "cold1", mb=400, records=BIG),
    Limit("check --no-cache", "nocache", mb=400, records=BIG),
    Limit("check --no-cache, one process", "serial", mb=400, records=BIG),
    Limit("check, warm cache", "check", seconds=3.0, records=BIG),
    Limit("status, warm cache", "status", seconds=2.0, records=BIG),
    Limit("status, warm cache", "status", mb=400, records=BIG),
    Limit("compile --format docx", "compile", seconds=8.0, records=BIG),
    Limit("compile --format docx", "compile", mb=600, records=BIG),
]


@dataclass
class Result:
    row: Row
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss_kb: list[int] = field(default_factory=list)
    tree_kb: list[int] = field(default_factory=list)
    codes: list[int] = field(default_factory=list)
    skipped: str = ""
    stdout: bytes = b""
    stderr: bytes = b""

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)

    @property
    def peak_mb(self) -> float:
        """ru_maxrss: the largest single process of the command, over all runs."""
        return max(self.rss_kb) / 1024

    @property
    def tree_mb(self) -> float:
        """The largest sampled Pss sum of the command's whole process tree; 0: never sampled."""
        return max(self.tree_kb, default=0) / 1024


@dataclass(frozen=True)
class Sample:
    """One run of one command, as the launcher measured it."""

    wall: float
    cpu: float
    code: int
    rss_kb: int
    tree_kb: int
    stdout: bytes
    stderr: bytes


def child_env(with_src: bool = True) -> dict[str, str]:
    """The environment of every measured process.  ``with_src`` puts this checkout's src/
    first on PYTHONPATH, so the default interpreter measures this checkout; without it the
    interpreter measures the dytool it has installed (``--python`` of another release)."""
    env = dict(os.environ)
    if with_src:
        src = str(PROJECT / "src")
        env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.setdefault("DYTOOL_TODAY", AS_OF)
    env["NO_COLOR"] = "1"
    return env


def run_sample(argv: Sequence[str], env: dict[str, str], timeout: float, scratch: Path) -> Sample:
    """Run argv once through the launcher (RUNNER) and return what it measured.

    The command is started by a fresh, small launcher rather than by this process, because
    a child's ru_maxrss starts from the RSS of the process that forked it.
    """
    result = scratch / "runner-result"
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        subprocess.run([sys.executable, "-S", "-I", "-c", RUNNER, str(result), str(timeout),
                        str(TREE_EVERY), *argv], stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                       env=env, check=False)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    try:
        wall, cpu, rss, code, tree = result.read_text(encoding="ascii").split()
        result.unlink()
    except (OSError, ValueError):
        raise SystemExit(f"run.py: the launcher failed for {list(argv)}: "
                         f"{stderr.decode('utf-8', 'replace')[-500:]}") from None
    return Sample(float(wall), float(cpu), int(code), int(rss), int(tree), stdout, stderr)


def run_once(argv: Sequence[str], env: dict[str, str], timeout: float,
             scratch: Path) -> tuple[float, float, int, int, bytes, bytes]:
    """Wall and CPU seconds, exit code, peak RSS (kB) of the process, stdout, stderr
    (what province.py reads)."""
    s = run_sample(argv, env, timeout, scratch)
    return s.wall, s.cpu, s.code, s.rss_kb, s.stdout, s.stderr


def fill(argv: Sequence[str], python: str, repo: Path, tmp: str) -> list[str]:
    return [a.replace("{python}", python).replace("{repo}", str(repo)).replace("{tmp}", tmp)
            for a in argv]


def compile_bytecode(python: str, env: dict[str, str] | None = None) -> None:
    """Write the bytecode of the dytool that ``python`` imports first, as ``pip install .``
    does: a checkout run with PYTHONDONTWRITEBYTECODE set (or never run before) would
    otherwise compile every module on every measured run, which an installed dytool does not."""
    script = ("import compileall, os, dytool; "
              "compileall.compile_dir(os.path.dirname(dytool.__file__), quiet=1)")
    subprocess.run([python, "-c", script], env=env if env is not None else child_env(),
                   capture_output=True, timeout=300, stdin=subprocess.DEVNULL, check=False)


def dytool_starts(python: str, env: dict[str, str]) -> tuple[bool, str]:
    compile_bytecode(python, env)
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
            timeout: float, env: dict[str, str]) -> tuple[list[Result], str]:
    """Run the rows round-robin (each round runs every row once), so that a change of
    load on the machine hits every row alike and the ratios stay fair.  Returns the
    results and the version dytool printed."""
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
                s = run_sample(argvs[res.row.key], {**env, **dict(res.row.env)}, timeout, Path(scratch))
                if i >= warmup:
                    res.times.append(s.wall)
                    res.cpu.append(s.cpu)
                    res.codes.append(s.code)
                    res.rss_kb.append(s.rss_kb)
                    res.tree_kb.append(s.tree_kb)
                    res.stdout, res.stderr = s.stdout, s.stderr
                print(f" {res.row.key} {s.wall:.2f}", end="", file=sys.stderr, flush=True)
            print(f"  (load {load_average()})", file=sys.stderr, flush=True)
    for res in live:
        if any(c not in res.row.ok_codes for c in res.codes):
            tail = res.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            print(f"warning: {res.row.label} exited {sorted(set(res.codes))}: "
                  + " / ".join(tail), file=sys.stderr)
    return results, version if starts else ""


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


# --------------------------------------------------------------------------------------
# The table
# --------------------------------------------------------------------------------------

HEADERS = ["measurement", "median s", "min–max s", "ratio", "target", "cpu s", "peak RSS",
           "tree", "exit"]


def megabytes(mb: float) -> str:
    return f"{mb:.0f} MB" if mb else "—"


def table_rows(results: Sequence[Result]) -> list[list[str]]:
    by_key = {r.row.key: r for r in results}
    lines = []
    for res in results:
        row = res.row
        if res.skipped or not res.times:
            lines.append([row.label, "—", "—", "—", "—", "—", "—", "—", f"skipped: {res.skipped}"])
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
                      f"{res.median_cpu:.3f}", megabytes(res.peak_mb), megabytes(res.tree_mb),
                      ",".join(map(str, codes)) + flag])
    return lines


def ratio_lines(results: Sequence[Result], markdown: bool, records: int) -> list[str]:
    """The ratios the targets are stated in, from the medians of the table above, then the
    absolute limits that apply to a campaign of ``records`` records."""
    by_key = {r.row.key: r for r in results if r.times}
    entries: list[tuple[str, str, str]] = []

    def line(label: str, value: str, text: str) -> None:
        entries.append((label, value, text))

    for r in RATIOS:
        if r.num not in by_key or r.den not in by_key:
            continue
        num, den = by_key[r.num], by_key[r.den]
        value = num.median_cpu / den.median_cpu if r.cpu else num.median / den.median
        goal = "—" if r.target is None else f"≤ {r.target:g} {'ok' if value <= r.target else 'MISSED'}"
        line(r.label, f"{value:.2f}", goal)
    for lim in LIMITS:
        res = by_key.get(lim.row)
        if res is None or records < lim.records:
            continue
        if lim.seconds is not None:
            value = res.median
            line(f"{lim.label}, median wall", f"{value:.2f} s",
                 f"≤ {lim.seconds:g} s {'ok' if value <= lim.seconds else 'MISSED'}")
        if lim.mb is not None:
            verdict = "ok" if res.peak_mb <= lim.mb else "MISSED"
            text = f"≤ {lim.mb:g} MB {verdict} (largest process)"
            if res.tree_mb:
                tree = "ok" if res.tree_mb <= lim.mb else "MISSED"
                text += f"; all processes {res.tree_mb:.0f} MB: {tree}"
            line(f"{lim.label}, peak memory", f"{res.peak_mb:.0f} MB", text)
    if not entries:
        return []
    if markdown:
        return ["| ratio or limit | value | target |", "|---|---:|---|",
                *(f"| {label} | {value} | {text} |" for label, value, text in entries)]
    width = max((len(label) for label, _, _ in entries), default=0)
    return ["ratios and limits:", *(f"  {label:<{width}}  {value:>9}   {text}" for label, value, text in entries)]


def format_table(results: Sequence[Result], markdown: bool) -> str:
    rows = table_rows(results)
    numeric = {1, 2, 5, 6, 7}
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


RECORD_FOLDERS = ("topics", "visits", "problems", "solutions", "institutions")


def repo_facts(repo: Path) -> tuple[int, int, int, int]:
    """(YAML files, Markdown files, bytes, records).  Records are counted as generate.py
    writes them, one ``- id:`` line each in the record folders: for another repository the
    count is a guess, used only to decide which size-bound limits apply."""
    n_yaml = n_md = size = records = 0
    for folder, dirs, files in os.walk(repo):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        in_records = Path(folder).relative_to(repo).parts[:1] in [(f,) for f in RECORD_FOLDERS]
        for name in files:
            if name.endswith((".yaml", ".yml")):
                n_yaml += 1
                if in_records:
                    with open(os.path.join(folder, name), "rb") as f:
                        records += sum(line.startswith(b"- id:") for line in f)
            elif name.endswith(".md"):
                n_md += 1
            else:
                continue
            size += os.path.getsize(os.path.join(folder, name))
    return n_yaml, n_md, size, records


def campaign_name(records: int, shape: str = "rich", seed: int = 2023, errors: int = 0,
                  reports: int | None = None) -> str:
    """The folder under benchmarks/data/ of a generated campaign: N-<records>, then what
    differs from the defaults (-flat, -e<errors>, -s<seed>, -r<reports>)."""
    return (f"N-{records}" + ("" if shape == "rich" else f"-{shape}") + (f"-e{errors}" if errors else "")
            + (f"-s{seed}" if seed != 2023 else "") + (f"-r{reports}" if reports else ""))


def ensure_campaign(target: Path, records: int, seed: int, errors: int, reports: int | None = None,
                    shape: str = "rich") -> Path:
    """Generate the campaign into target unless an identical one is already there (same
    generator, same arguments, same shape: the stamp beside the folder says)."""
    stamp_file = target.with_name(target.name + ".json")
    manifest = target.with_name(target.name + ".errors.json")
    stamp = {"records": records, "shape": shape, "seed": seed, "errors": errors, "reports": reports,
             "generator": hashlib.sha256(GENERATOR.read_bytes()).hexdigest()}
    if (target / "campaign.yaml").is_file() and stamp_file.is_file():
        try:
            if json.loads(stamp_file.read_text(encoding="utf-8")) == stamp:
                print(f"reusing {target}", file=sys.stderr)
                if not (target / ".git").exists():
                    make_repository(target)
                return manifest
        except ValueError:
            pass
    target.parent.mkdir(parents=True, exist_ok=True)
    print(f"generating {records} {shape} records into {target} …", file=sys.stderr)
    cmd = [sys.executable, str(GENERATOR), str(target), "--records", str(records), "--shape", shape, "--seed", str(seed),
           "--errors", str(errors), "--manifest", str(manifest), *(["--reports", str(reports)] if reports else [])]
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"run.py: generate.py failed (exit {proc.returncode}); "
                         f"to measure an existing campaign use --repo DIR")
    make_repository(target)
    stamp_file.write_text(json.dumps(stamp) + "\n", encoding="utf-8")
    return manifest


def make_repository(folder: Path) -> None:
    """``git init`` the generated campaign: a real campaign is a git repository of its own,
    and one under benchmarks/data/ must be, or git would answer for this checkout, whose
    .gitignore ignores benchmarks/data/, and every report a topic names would be an ignored
    file.  The files stay untracked (dytool asks git only what it ignores).  Without git
    there is nothing that could be ignored, so nothing is needed."""
    if shutil.which("git") is None:
        return
    proc = subprocess.run(["git", "init", "-q", str(folder)], capture_output=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"run.py: git init {folder} failed: {proc.stderr.decode('utf-8', 'replace').strip()}")


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
    ap.add_argument("--shape", choices=("rich", "flat"), default="rich",
                    help="generated data: rich records with free text (default) or short flat records "
                         "of a handful of scalar fields (generate.py --shape)")
    ap.add_argument("--runs", type=int, default=5, metavar="N", help="measured runs per row (default 5)")
    ap.add_argument("--warmup", type=int, default=1, metavar="N", help="unmeasured runs first (default 1)")
    ap.add_argument("--seed", type=int, default=2023, metavar="S", help="generator seed (default 2023)")
    ap.add_argument("--errors", type=int, default=0, metavar="K",
                    help="seed K errors and report which check finds (default 0)")
    ap.add_argument("--reports", type=int, metavar="R", help="number of reports to generate (default: the generator's)")
    ap.add_argument("--keep", type=Path, metavar="DIR",
                    help="generate into (or reuse) DIR instead of benchmarks/data/N-<records>[-flat]/")
    ap.add_argument("--repo", type=Path, metavar="DIR",
                    help="measure an existing campaign repository; generate nothing (rows that edit "
                         "files, changed and moved, edit it)")
    ap.add_argument("--rows", metavar="KEYS",
                    help=f"comma-separated rows to run, of {','.join(r.key for r in ROWS)} "
                         f"(default {','.join(r.key for r in ROWS if r.default)})")
    ap.add_argument("--python", metavar="PATH",
                    help="interpreter for every row, measuring the dytool it has installed (e.g. an "
                         "older release's virtualenv); default: this interpreter with this checkout's "
                         "src/ first on PYTHONPATH")
    ap.add_argument("--timeout", type=float, default=900, metavar="SECONDS", help="seconds per run (default 900)")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    return ap.parse_args(argv)


def checkout_commit() -> str:
    try:
        proc = subprocess.run(["git", "-C", str(PROJECT), "describe", "--always", "--dirty"],
                              capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return proc.stdout.decode().strip() or "?"


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
        name = campaign_name(args.records, args.shape, args.seed, args.errors, args.reports)
        repo = (args.keep or DATA / name).resolve()
        manifest = ensure_campaign(repo, args.records, args.seed, args.errors, args.reports, args.shape)
        if not args.errors:
            manifest = None

    python = args.python or sys.executable
    env = child_env(with_src=args.python is None)
    n_yaml, n_md, size, counted = repo_facts(repo)
    records = counted if args.repo else args.records
    print(f"measuring {len(rows)} rows × {args.runs} runs (+{args.warmup} warm-up) on {repo}",
          file=sys.stderr)
    load_before, began = load_average(), time.strftime("%Y-%m-%d %H:%M")
    source = f"this checkout ({checkout_commit()})" if args.python is None else f"as installed for {python}"
    results, version = measure(rows, repo, python, args.runs, args.warmup, args.timeout, env)

    what = f"about {records} records" if args.repo else f"{records} {args.shape} records"
    print(f"campaign: {repo} ({what}, {n_yaml} YAML + {n_md} Markdown files, {size / 1e6:.1f} MB)")
    print(f"measured: {version or 'dytool'} {source}; python {python_version(python)} on {platform.system()} "
          f"{platform.machine()}, {os.cpu_count()} CPUs; {began}, load average {load_before} before "
          f"and {load_average()} after")
    print(f"{args.runs} measured run(s) per row, round-robin, after {args.warmup} warm-up; wall and "
          f"CPU time of the whole process (CPU includes its workers); peak RSS: largest process; "
          f"tree: largest sampled Pss of all its processes; DYTOOL_TODAY={env['DYTOOL_TODAY']}")
    print()
    print(format_table(results, args.markdown))
    print()
    print("\n".join(ratio_lines(results, args.markdown, records)))
    check = next((r for key in ("cold", "cold1", "nocache", "serial", "check")
                  for r in results if r.row.key == key and r.times), None)
    if check is not None:
        notes = summarize_check(check, repo, manifest)
        if notes:
            print()
            print("\n".join(notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
