"""The monthly exchange at scale: export of 10,000 problems to xlsx, and import of a returned
ledger with 1,000 changed rows into a 10,000-record repository, beside ``dytool check``.

    .venv/bin/python benchmarks/exchange.py [--runs 3] [--keep DIR]

Campaigns come from ``generate.py`` (33,400 records hold about 10,000 problems; 10,000
records hold about 3,000).  The returned ledger is the export of the 10,000-record campaign's
problems with a progress line added to 1,000 rows (openpyxl, as a unit's spreadsheet program
would save it).  Each import runs on a fresh copy of the campaign.  Times are wall-clock
seconds of the ``dytool`` command (median of the runs) and the CPU seconds it used.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
AS_OF = "2023-12-31"


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DYTOOL_")}
    env.update({"HOME": str(home), "XDG_CACHE_HOME": str(home / "cache"), "DYTOOL_TODAY": AS_OF})
    return env


def _run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "dytool", *args], env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"dytool {' '.join(args)} failed ({done.returncode}): {done.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _generate(out: Path, records: int) -> Path:
    if not (out / "campaign.yaml").is_file():
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(out), "--records", str(records), "-q"], check=True)
    return out


def _returned(ledger: Path, out: Path, rows: int) -> int:
    from openpyxl import load_workbook

    book = load_workbook(ledger)
    sheet = book["问题清单"]
    headers = [c.value for c in sheet[3]]
    progress = headers.index("整改进展") + 1
    changed = 0
    for row in range(4, sheet.max_row + 1):
        if changed == rows:
            break
        if sheet.cell(row=row, column=2).value:
            cell = sheet.cell(row=row, column=progress)
            cell.value = ((cell.value or "") + "\n" if cell.value else "") + "2023-12-20：按月推进，完成阶段目标。"
            changed += 1
    book.save(out)
    return changed


def _median(samples: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="keep the generated campaigns here (reused when present)")
    args = ap.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="dytool-bench-exchange-"))
    base.mkdir(parents=True, exist_ok=True)
    env = _env(base / "home")
    big = _generate(base / "c33k", 33_400)
    ten = _generate(base / "c10k", 10_000)
    rows: list[tuple[str, tuple[float, float]]] = []
    _run(["-C", str(big), "check"], env)  # fills the cache
    rows.append(("check, 33,400 records (cache warm)", _median([_run(["-C", str(big), "check"], env) for _ in range(args.runs)])))
    rows.append(("export --kind problems → xlsx, 10,020 problems",
                 _median([_run(["-C", str(big), "export", "--kind", "problems", "-o", str(base / "big.xlsx")], env) for _ in range(args.runs)])))
    _run(["-C", str(ten), "check"], env)
    rows.append(("check, 10,000 records (cache warm)", _median([_run(["-C", str(ten), "check"], env) for _ in range(args.runs)])))
    rows.append(("check --no-cache, 10,000 records", _median([_run(["--no-cache", "-C", str(ten), "check"], env) for _ in range(args.runs)])))
    _run(["-C", str(ten), "export", "--kind", "problems", "-o", str(base / "ten.xlsx")], env)
    changed = _returned(base / "ten.xlsx", base / "returned.xlsx", 1000)
    samples = []
    dry = []
    for run in range(args.runs):
        copy = base / f"copy-{run}"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(ten, copy)
        dry.append(_run(["-C", str(copy), "import", str(base / "returned.xlsx"), "--dry-run"], env))
        samples.append(_run(["-C", str(copy), "import", str(base / "returned.xlsx")], env))
        shutil.rmtree(copy, ignore_errors=True)
    rows.append((f"import --dry-run, {changed} changed rows, 10,000 records", _median(dry)))
    rows.append((f"import, {changed} changed rows, 10,000 records", _median(samples)))
    print(f"| command (median of {args.runs}) | wall s | CPU s |")
    print("|---|---:|---:|")
    for name, (wall, cpu) in rows:
        print(f"| {name} | {wall:.2f} | {cpu:.2f} |")
    if args.keep is None:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
