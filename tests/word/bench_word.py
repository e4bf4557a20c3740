"""Benchmark of ``dytool.present.word.render_docx`` (not collected by pytest).

    cd /work/main && PYTHONPATH=src .venv/bin/python tests/word/bench_word.py [--reports 500] [--chars 3000]

Generates reports of about ``--chars`` Chinese characters each (a title, headings of four
levels, paragraphs with bold runs and wrapped lines, ordered and bullet lists, a block quote
and a GFM table), renders them as one compilation (cover, contents, every report on a new
page, a landscape ledger) and prints the wall and CPU time, the output size and the peak RSS of
this process.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import resource
import sys
import time
from datetime import datetime

from dytool.present.word import Contents, Cover, DocMeta, Markdown, Table, render_docx

WORDS = ("调研", "企业", "群众", "问题", "整改", "落实", "机制", "服务", "发展", "改革", "创新", "推进", "部门", "基层",
         "营商环境", "数字化", "乡村振兴", "安全生产", "民生实事", "项目建设", "政策", "资金", "人才", "考核")


def _sentence(rng: random.Random, chars: int) -> str:
    out: list[str] = []
    size = 0
    while size < chars:
        word = rng.choice(WORDS)
        out.append(word)
        size += len(word)
        if rng.random() < 0.12:
            out.append("，")
            size += 1
    return "".join(out) + "。"


def report(rng: random.Random, number: int, chars: int) -> str:
    lines: list[str] = [f"# 关于第{number}号课题的调研报告", ""]
    budget = chars
    for section, heading in enumerate(("一、基本情况", "二、存在的问题", "三、原因分析", "四、对策建议")):
        lines += [f"## {heading}", ""]
        for sub in range(2):
            lines += [f"### （{'一二三'[sub]}）第{sub + 1}个方面", ""]
            text = _sentence(rng, 150)
            # Wrapped source lines and an emphasised phrase, as people write them.
            lines += [text[:60], text[60:] + f"**{_sentence(rng, 12)}**" + _sentence(rng, 40), ""]
            budget -= 210
        lines += [f"#### 1.具体表现{section}", "", f"##### （1）{_sentence(rng, 10)}", ""]
        lines += [f"{index}. {_sentence(rng, 40)}" for index in range(1, 4)] + [""]
        lines += [f"- {_sentence(rng, 30)}" for _ in range(2)] + [""]
        budget -= 190
    lines += [f"> {_sentence(rng, 60)}", ""]
    lines += ["| 序号 | 单位 | 问题数 | 已整改 | 销号率 |", "|:-:|---|--:|--:|--:|"]
    lines += [f"| {row} | {rng.choice(WORDS)}局 | {row * 3} | {row * 2} | {row * 66 % 100}% |" for row in range(1, 7)]
    lines.append("")
    while budget > 0:
        lines += [_sentence(rng, 200), ""]
        budget -= 200
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=500)
    parser.add_argument("--chars", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=2023)
    parser.add_argument("--output", help="also write the .docx here")
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    texts = [report(rng, number, args.chars) for number in range(1, args.reports + 1)]
    ledger = Table(title="问题清单", note="截至2023年9月15日", header=("序号", "问题描述", "责任单位", "整改措施", "整改时限", "是否销号"),
                   rows=tuple((str(n), _sentence(rng, 40), "某某局", _sentence(rng, 30), "2023年10月31日", "是") for n in range(1, 201)),
                   widths=(1, 5, 2, 5, 2, 1), landscape=True)
    parts = [Cover(title="2023年大兴调查研究调研成果汇编", issuer="中共某某市委办公室", date_text="二〇二三年十二月",
                   classification="内部资料 注意保存"),
             Contents(entries=tuple((2, f"关于第{n}号课题的调研报告") for n in range(1, args.reports + 1))),
             *(Markdown(text) for text in texts), ledger]
    chinese = sum(1 for text in texts for char in text if ord(char) >= 0x4E00)
    meta = DocMeta(title="调研成果汇编", author="中共某某市委办公室", created=datetime(2023, 12, 1))

    start, cpu_start = time.perf_counter(), time.process_time()
    data = render_docx(parts, meta)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if args.output:
        with open(args.output, "wb") as handle:
            handle.write(data)
    print(f"reports: {args.reports}, Chinese characters per report: {chinese / max(args.reports, 1):.0f}")
    print(f"render_docx: {elapsed:.2f} s wall, {cpu:.2f} s CPU, output {len(data) / 2**20:.1f} MiB, sha256 {hashlib.sha256(data).hexdigest()[:16]}")
    print(f"peak RSS of this process: {peak_kib / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
