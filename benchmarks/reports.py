"""A campaign of N long reports, for the compile benchmark (dytool compile against pandoc).

    python benchmarks/reports.py OUT_DIR [--reports 500] [--chars 3000] [--seed 2023]

Each report has about ``--chars`` Chinese characters: headings 一、（一）, paragraphs, a
numbered and a bulleted list, a table, and every tenth report a small PNG image.  The
campaign around them is minimal (one leader, one unit, one topic per report), so the
benchmark measures documents, not the record checks.
"""

from __future__ import annotations

import argparse
import random
import struct
import zlib
from pathlib import Path

WORDS = ["调研", "发现", "问题", "企业", "群众", "反映", "整改", "措施", "落实", "推进", "基层", "治理", "乡村", "振兴", "园区", "项目", "政策", "机制", "服务", "保障", "创新", "发展", "改革", "开放", "环境", "民生", "教育", "医疗", "就业", "产业", "链条", "配套", "人才", "资金", "土地", "审批", "效率"]


def sentence(rng: random.Random) -> str:
    return "".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))) + "。"


def paragraph(rng: random.Random, chars: int) -> str:
    text = ""
    while len(text) < chars:
        text += sentence(rng)
    return text


def png(width: int = 64, height: int = 32) -> bytes:
    raw = b"".join(b"\x00" + bytes(v for x in range(width) for v in (x * 4 % 256, y * 8 % 256, 128)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def report(rng: random.Random, n: int, chars: int, image: bool) -> str:
    per = chars // 9
    parts = [f"---\ntopic: T-{n:04d}\ntitle: 关于第{n}项重点工作的调研报告\nauthors: [leader]\nunit: office\n---\n",
             f"# 关于第{n}项重点工作的调研报告\n", paragraph(rng, per)]
    for i, head in enumerate(("一、基本情况", "二、存在的主要问题", "三、对策建议")):
        parts.append(f"## {head}")
        for j, sub in enumerate(("（一）", "（二）")):
            parts.append(f"### {sub}{''.join(rng.choice(WORDS) for _ in range(4))}")
            parts.append(paragraph(rng, per))
            if i == 2 and j == 0:
                parts.append("\n".join(f"{k}. {sentence(rng)}" for k in range(1, 4)))
            if i == 1 and j == 1:
                parts.append("\n".join(f"- {sentence(rng)}" for _ in range(3)))
        if i == 0:
            parts.append("| 指标 | 2021年 | 2022年 | 2023年 |\n|---|---:|---:|---:|\n"
                         + "\n".join(f"| {rng.choice(WORDS)}{rng.choice(WORDS)} | {rng.randint(1, 999)} | {rng.randint(1, 999)} | {rng.randint(1, 999)} |"
                                     for _ in range(6)))
            if image:
                parts.append("![示意图](figure.png)")
    return "\n\n".join(parts) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--reports", type=int, default=500)
    ap.add_argument("--chars", type=int, default=3400)
    ap.add_argument("--seed", type=int, default=2023)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out: Path = args.out
    (out / "reports").mkdir(parents=True, exist_ok=True)
    (out / "topics").mkdir(exist_ok=True)
    (out / "campaign.yaml").write_text("id: bench\ntitle: 基准测试调研活动\nissuer: 办公室\nperiod: {start: 2023-01-01, end: 2023-12-31}\n",
                                       encoding="utf-8")
    (out / "people.yaml").write_text("- {id: leader, name: 某领导, rank: 1}\n", encoding="utf-8")
    (out / "units.yaml").write_text("- {id: office, name: 办公室}\n", encoding="utf-8")
    (out / "reports" / "figure.png").write_bytes(png())
    topics = []
    for n in range(1, args.reports + 1):
        (out / "reports" / f"T-{n:04d}.md").write_text(report(rng, n, args.chars, n % 10 == 0), encoding="utf-8")
        topics.append(f"- {{id: T-{n:04d}, title: 第{n}项重点工作, leader: leader, report: reports/T-{n:04d}.md}}")
    (out / "topics" / "topics.yaml").write_text("\n".join(topics) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
