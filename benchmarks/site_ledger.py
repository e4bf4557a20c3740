#!/usr/bin/env python3
"""How soon the site's problems ledger is usable with 10,000 rows, in headless Chromium.

    python benchmarks/site_ledger.py [--records 34000] [--runs 5] [--keep DIR]

Generates a campaign with benchmarks/generate.py (30 % of the records are problems, so the
default 34,000 records give 10,200 problems), builds its site with ``dytool site``, then opens
``problems.html`` from ``file://`` in Debian's chromium (Playwright, never a downloaded
browser) and measures, each run in a fresh page:

* **interactive**: from the navigation's start to the first page of rows drawn and the
  filters live (the page sets ``data-ledger-ready``), target ≤ 1 s;
* **filter**: choosing a unit and ticking 逾期 until the rows are redrawn;
* **sort**: sorting all rows by due day;
* **search**: typing a word into the search box until the rows are redrawn.

Needs ``pip install '.[browser]'`` and ``apt-get install chromium``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
CHROMIUM = os.environ.get("DYTOOL_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


def build(records: int, keep: Path | None, scratch: Path) -> Path:
    repo = keep or scratch / f"campaign-{records}"
    if not (repo / "campaign.yaml").is_file():
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(repo), "--records", str(records), "-q"],
                       check=True, stdout=subprocess.DEVNULL)
    site = scratch / "site"
    env = {**os.environ, "PYTHONPATH": str(PROJECT / "src"), "DYTOOL_TODAY": "2023-12-31"}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "dytool", "site", "-C", str(repo), "-o", str(site)], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    print(f"site of {repo} built in {time.perf_counter() - started:.1f} s (cold cache included)", file=sys.stderr)
    return site


def until(page: object, condition: str, limit: float = 30.0) -> float:
    """Seconds until ``condition`` holds (the page's policy forbids wait_for_function's eval)."""
    started = time.perf_counter()
    while not page.evaluate(condition):  # type: ignore[attr-defined]
        if time.perf_counter() - started > limit:
            raise SystemExit(f"never true: {condition}")
        page.wait_for_timeout(5)  # type: ignore[attr-defined]
    return time.perf_counter() - started


def measure(site: Path, runs: int) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    times: dict[str, list[float]] = {"interactive": [], "filter": [], "sort": [], "search": []}
    url = (site / "problems.html").as_uri()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            page.goto(url, wait_until="commit")
            until(page, "document.body && document.body.hasAttribute('data-ledger-ready')")
            times["interactive"].append(page.evaluate("performance.now()") / 1000)
            rows = page.evaluate("window.dytoolLedger.rows.length")
            unit = page.evaluate("document.querySelector('#f-unit option:nth-child(2)').value")
            page.evaluate("document.body.removeAttribute('data-ledger-ready')")
            started = time.perf_counter()
            page.select_option("#f-unit", unit)
            page.check("#f-overdue")
            until(page, "document.body.hasAttribute('data-ledger-ready')")
            times["filter"].append(time.perf_counter() - started)
            page.click("#f-reset")
            page.evaluate("document.body.removeAttribute('data-ledger-ready')")
            started = time.perf_counter()
            page.click("th[data-key='due'] button")
            until(page, "document.body.hasAttribute('data-ledger-ready')")
            times["sort"].append(time.perf_counter() - started)
            page.evaluate("document.body.removeAttribute('data-ledger-ready')")
            started = time.perf_counter()
            page.fill("#f-search", "停车")
            until(page, "document.body.hasAttribute('data-ledger-ready')")
            times["search"].append(time.perf_counter() - started)
            page.close()
        browser.close()
    print(f"{rows} rows in the ledger", file=sys.stderr)
    return times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=34000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="generate the campaign into (or reuse) DIR")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="dytool-ledger-") as scratch:
        site = build(args.records, args.keep, Path(scratch))
        times = measure(site, args.runs)
    print("| measurement | median s | min–max s | target |")
    print("|---|---:|---:|---|")
    for name, values in times.items():
        target = ("≤ 1 s " + ("ok" if statistics.median(values) <= 1.0 else "MISSED")) if name == "interactive" else "—"
        print(f"| {name} | {statistics.median(values):.3f} | {min(values):.3f}–{max(values):.3f} | {target} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
