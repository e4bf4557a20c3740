#!/usr/bin/env python3
"""Time the roll-up of a province: 100 members with 10,000 records each, from their summaries.

    python benchmarks/province.py [--members 100] [--records 10000] [--seeds 3] [--runs 5] [--markdown]

Generates ``--seeds`` campaigns of ``--records`` records with generate.py (cached under
benchmarks/data/, like run.py), publishes each with the real ``dytool publish`` on three days
(2023-12-31, 2023-12-27 and 2023-12-05), and builds a province whose members are those
summaries under campaign ids of their own: cities first, then provincial departments; most
published on the 31st, every fourth on the 27th, every twelfth on the 5th (stale: older than
the 7 days rollup.yaml allows) and one published file cut in half (malformed).  Then each row
runs as its own process, round-robin, as in run.py: wall time, CPU time and peak RSS of the
process (``os.wait4`` in run.py's small launcher).  The target: ``rollup status`` in at most
2 s, whole process, with memory bounded by the summaries, not the records.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from run import DATA, PROJECT, child_env, compile_bytecode, ensure_campaign, run_once

DAYS = ("2023-12-31", "2023-12-27", "2023-12-05")
AS_OF = "2023-12-31"
TARGET_S = 2.0
CITIES = ("武汉", "黄石", "十堰", "宜昌", "襄阳", "鄂州", "荆门", "孝感", "荆州", "黄冈", "咸宁", "随州", "恩施", "仙桃", "潜江", "天门", "神农架")
ROWS = {
    "status-json": ("rollup status --format json", ["rollup", "status", "--format", "json"]),
    "status-md": ("rollup status --format md", ["rollup", "status", "--format", "md"]),
    "status-text": ("rollup status (terminal)", ["rollup", "status"]),
    "bulletin": ("rollup bulletin --month 2023-11 --format md", ["rollup", "bulletin", "--month", "2023-11", "--format", "md", "-o", "{tmp}"]),
    "export": ("rollup export (xlsx)", ["rollup", "export", "-o", "{tmp}/汇总台账.xlsx"]),
}


def published(records: int, seeds: int) -> dict[tuple[int, str], Path]:
    """(seed, day) → the summary ``dytool publish`` wrote for that campaign on that day."""
    out: dict[tuple[int, str], Path] = {}
    env = child_env()
    for seed in range(1, seeds + 1):
        repo = DATA / f"N-{records}-seed{seed}"
        ensure_campaign(repo, records, seed, 0)
        stamp = repo.with_name(repo.name + ".json").read_text(encoding="utf-8")
        for day in DAYS:
            target = DATA / "province" / f"N-{records}-seed{seed}-{day}.json"
            mark = target.with_suffix(".stamp")
            if not (target.is_file() and mark.is_file() and mark.read_text(encoding="utf-8") == stamp):
                print(f"publishing seed {seed} as of {day} …", file=sys.stderr)
                target.parent.mkdir(parents=True, exist_ok=True)
                subprocess.run([sys.executable, "-m", "dytool", "publish", "-C", str(repo), "-o", str(target)],
                               env={**env, "DYTOOL_TODAY": day}, check=True, stdout=subprocess.DEVNULL)
                mark.write_text(stamp, encoding="utf-8")
            out[seed, day] = target
    return out


def build_province(folder: Path, summaries: dict[tuple[int, str], Path], members: int, seeds: int) -> tuple[int, int]:
    """The province's roll-up repository; (bytes of the members' files, stale members)."""
    share = folder / "share"
    share.mkdir(parents=True, exist_ok=True)
    lines = ["id: province-2023", "title: 某省大兴调查研究活动汇总", "issuer: 省委大兴调查研究领导小组办公室", "stale_days: 7", "members:"]
    total = stale = 0
    texts = {key: json.loads(path.read_text(encoding="utf-8")) for key, path in summaries.items()}
    for i in range(members):
        day = DAYS[2] if i % 12 == 5 else DAYS[1] if i % 4 == 1 else DAYS[0]
        stale += day == DAYS[2]
        data = texts[i % seeds + 1, day]
        city = i < len(CITIES)
        name = f"{CITIES[i]}市" if city else f"省直部门{i - len(CITIES) + 1:02d}"
        data = {**data, "campaign": {**data["campaign"], "id": f"m{i:03d}-dxdy-2023", "title": f"{name}2023年大兴调查研究活动"}}
        raw = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
        if i == members // 2:
            raw = raw[: len(raw) // 2]  # the one malformed member
        (share / f"m{i:03d}.json").write_bytes(raw)
        total += len(raw)
        lines.append(f"  - {{name: {name}, kind: {'city' if city else 'department'}, summary: share/m{i:03d}.json}}")
    (folder / "rollup.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return total, stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=100)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--seeds", type=int, default=3, help="distinct generated campaigns behind the members")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--rows", default=",".join(ROWS), help=f"comma-separated, of: {', '.join(ROWS)}")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args(argv)
    rows = [key for key in args.rows.split(",") if key]
    summaries = published(args.records, args.seeds)
    python = sys.executable
    compile_bytecode(python)
    env = {**child_env(), "DYTOOL_TODAY": AS_OF}
    with tempfile.TemporaryDirectory(prefix="dytool-province-") as scratch:
        folder = Path(scratch) / "province"
        size, stale = build_province(folder, summaries, args.members, args.seeds)
        times: dict[str, list[tuple[float, float, int, int]]] = {key: [] for key in rows}
        last = b""
        for i in range(args.warmup + args.runs):
            print(f"  {'warm-up' if i < args.warmup else f'run {i - args.warmup + 1}/{args.runs}'}:", end="", file=sys.stderr, flush=True)
            for key in rows:
                argv_row = [python, "-m", "dytool", "-C", str(folder), *(a.replace("{tmp}", scratch) for a in ROWS[key][1])]
                wall, cpu, code, rss, out, _ = run_once(argv_row, env, 120.0, Path(scratch))
                if i >= args.warmup:
                    times[key].append((wall, cpu, rss, code))
                if key == "status-json":
                    last = out
                print(f" {key} {wall:.2f}", end="", file=sys.stderr, flush=True)
            print(file=sys.stderr)
    report = json.loads(last) if last else {}
    head = ["measurement", "median s", "min–max s", "target", "cpu s", "peak RSS", "exit"]
    lines = []
    for key in rows:
        walls = [t[0] for t in times[key]]
        median = statistics.median(walls)
        target = ("ok" if median <= TARGET_S else "MISSED") if key.startswith("status") else ""
        lines.append([ROWS[key][0], f"{median:.2f}", f"{min(walls):.2f}–{max(walls):.2f}", target,
                      f"{statistics.median(t[1] for t in times[key]):.2f}", f"{max(t[2] for t in times[key]) / 1024:.0f} MB",
                      ",".join(str(c) for c in sorted({t[3] for t in times[key]}))])
    print(f"province: {args.members} members × {args.records:,} records ({args.members * args.records:,} records in all), "
          f"summaries {size / 1e6:.1f} MB; {report.get('members_combined', '?')} combined, {len(report.get('failed', []))} failed, "
          f"{stale} stale; as of {AS_OF}; python {sys.version.split()[0]}; {PROJECT.name}")
    if args.markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "|".join("---" if i == 0 else "---:" for i in range(len(head))) + "|")
        for line in lines:
            print("| " + " | ".join(line) + " |")
    else:
        widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(head)]
        print("  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)))
        for line in lines:
            print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
