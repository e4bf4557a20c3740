"""The compilation and the bulletin in Markdown, from the example campaign.

Golden files: ``DYTOOL_REGENERATE=1 python -m pytest tests/documents`` rewrites them; review
the diff before committing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from dytool.cli.main import run
from goldens import assert_golden
from util import EXAMPLE


def compile_md(tmp_path: Path, capsys: pytest.CaptureFixture[str], *options: str, as_of: str = "2023-12-31") -> str:
    out = tmp_path / "out"
    assert run(["compile", "-C", str(EXAMPLE), "--as-of", as_of, "--format", "md", "-o", str(out), *options]) == 0
    capsys.readouterr()
    [path] = out.glob("*.md")
    return path.read_text(encoding="utf-8")


def check_golden(name: str, text: str) -> None:
    assert_golden(f"documents/{name}", text)


def test_compilation_golden(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    check_golden("compilation-2023-12-31.md", compile_md(tmp_path, capsys))


def test_sections_come_in_the_documented_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = compile_md(tmp_path, capsys)
    marks = ["内部资料 注意保存", "二〇二三年十二月", "## 目录", "前　言", "## 一、总体情况", "## 二、调研报告", "## 三、附件",
             "附件1　问题清单", "截至2023年12月31日", "附件2　问题解决清单", "附件3　制度清单"]
    position = 0
    for mark in marks:
        position = text.index(mark, position)  # raises if a section is missing or out of order


def test_reports_follow_the_leaders_rank(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = compile_md(tmp_path, capsys)
    titles = re.findall(r"^### (关于.+)$", text, re.MULTILINE)
    assert titles[0].startswith("关于推动“两湾”")  # T-001, led by the secretary (rank 1)
    assert len(titles) == 9


def test_visit_figures_are_computed_from_the_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    visits = [v for f in (EXAMPLE / "visits").glob("*.yaml") for v in yaml.safe_load(f.read_text(encoding="utf-8"))]
    text = compile_md(tmp_path, capsys, as_of="2023-06-30")
    by_june = [v for v in visits if str(v.get("date") or v.get("start")) <= "2023-06-30"]
    assert f"共开展调研{len(by_june)}次" in text


def test_only_excellent_keeps_excellent_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loaded = [yaml.safe_load(f.read_text(encoding="utf-8")) for f in (EXAMPLE / "topics").glob("*.yaml")]
    topics = [t for data in loaded for t in (data if isinstance(data, list) else [data])]
    reports = {yaml.safe_load(f.read_text(encoding="utf-8").split("---")[1])["topic"]: f for f in (EXAMPLE / "reports").glob("*.md")}
    excellent = [t for t in topics if (t.get("evaluation") or {}).get("grade") in ("excellent", "优秀") and t["id"] in reports]
    text = compile_md(tmp_path, capsys, "--only", "excellent")
    body = text.split("## 二、调研报告", 1)[1].split("\n## ", 1)[0]
    assert body.count("\n### ") == len(excellent) >= 1


def test_anonymize_removes_authors_and_units(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = compile_md(tmp_path, capsys, "--anonymize")
    for name in ("林海峰", "孙丽娟", "市发展改革委", "领题领导："):
        assert name not in text


def test_public_leaves_out_classified_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    full = compile_md(tmp_path / "a", capsys)
    public = compile_md(tmp_path / "b", capsys, "--public")
    assert "个别社区党组织整顿后存在反弹风险" in full  # P-027, classification: 内部
    assert "个别社区党组织整顿后存在反弹风险" not in public


def test_theme_keeps_one_theme(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = compile_md(tmp_path, capsys, "--theme", "rural")
    assert 0 < text.count("\n### 关于") < 9


def test_unknown_theme_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["compile", "-C", str(EXAMPLE), "--theme", "nope", "-o", str(tmp_path)]) == 2


def test_bulletin_golden(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["bulletin", "-C", str(EXAMPLE), "--month", "2023-08", "--format", "md", "-o", str(tmp_path)]) == 0
    [path] = tmp_path.glob("*.md")
    assert path.name == "工作动态第5期（2023-08）.md"
    text = path.read_text(encoding="utf-8")
    assert "| 序号 | 单位 | 问题总数 | 按时销号 | 逾期销号 | 未销号 | 销号率 | 按时销号率 |" in text
    # counties and districts come before departments
    assert text.index("东湖区") < text.index("市委办公室")
    check_golden("bulletin-2023-08.md", text)


def test_bulletin_month_must_be_a_month(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["bulletin", "-C", str(EXAMPLE), "--month", "2023-13", "-o", str(tmp_path)]) == 2
