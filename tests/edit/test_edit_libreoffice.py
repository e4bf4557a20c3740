"""The monthly exchange with a real LibreOffice Calc: a unit's ledger out, filled in, saved, back in.

Needs LibreOffice Calc and its Python bridge (Debian: libreoffice-calc-nogui, python3-uno);
skipped without them unless DYTOOL_REQUIRE_RENDER is set (CI sets it, and installs them).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from edit_helpers import EXAMPLE, dy, git, git_repo

SYSTEM_PYTHON = "/usr/bin/python3"
HERE = Path(__file__).resolve().parent


def _calc_available() -> bool:
    if shutil.which("soffice") is None or not Path(SYSTEM_PYTHON).exists():
        return False
    return subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, check=False).returncode == 0


pytestmark = pytest.mark.skipif(not _calc_available() and not os.environ.get("DYTOOL_REQUIRE_RENDER"),
                                reason="LibreOffice Calc with python3-uno is not installed")


def _edit_in_calc(book: Path, out: Path, edits: list[dict[str, object]], tmp_path: Path) -> None:
    script = tmp_path / "edits.json"
    script.write_text(json.dumps(edits, ensure_ascii=False), encoding="utf-8")
    profile = tmp_path / f"lo-profile-{out.stem}"
    env = {**os.environ, "HOME": str(tmp_path / "lo-home")}
    done = subprocess.run([SYSTEM_PYTHON, str(HERE / "calc_edit.py"), str(book), str(out), str(script), str(profile)],
                          capture_output=True, text=True, timeout=300, env=env, check=False)
    assert done.returncode == 0 and out.is_file(), done.stdout + done.stderr


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "campaign"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".dytool"))
    return git_repo(root)


def _added_and_removed(root: Path) -> tuple[list[str], list[str]]:
    diff = git(root, "diff", "-U0")
    added = [line[1:] for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    removed = [line[1:] for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    return added, removed


def test_a_units_ledger_filled_in_calc_comes_back_as_exactly_its_edits(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = tmp_path / "西岭县.xlsx"
    assert dy(capsys, repo, "export", "--unit", "西岭县", "--kind", "problems", "-o", str(ledger)).code == 0
    returned = tmp_path / "西岭县-报回.xlsx"
    _edit_in_calc(ledger, returned, [
        {"sheet": "问题清单", "id": "P-028", "column": "整改进展",
         "text": "2023-08-22：县委常委会研究提出首位产业调整建议。\n2023-11-16：产业链图谱编制完成，首位产业招商专班组建。\n2023-09-20：首位产业确定为新材料。"},
        {"sheet": "问题清单", "id": "P-029", "column": "是否销号", "text": "是"},
        {"sheet": "问题清单", "id": "P-029", "column": "销号时间", "day": "2023-09-20"},
        {"sheet": "问题清单", "id": "P-029", "column": "销号依据", "text": "《西岭县乡镇招商引资考核办法（修订）》已印发"},
        {"sheet": "问题清单", "id": "P-032", "column": "是否销号", "text": "是"},
        {"sheet": "问题清单", "id": "P-032", "column": "销号时间", "day": "2023-09-21"},
        {"sheet": "问题清单", "id": "P-032", "column": "销号依据", "text": "验收报告"},
        {"sheet": "问题清单", "append_row": {"问题": "县城停车位不足", "责任单位": "西岭县", "整改时限": "2023-12-31"}},
    ], tmp_path)
    preview = dy(capsys, repo, "import", str(returned), "--dry-run", as_of="2023-09-25")
    assert preview.code == 0, preview.err
    assert git(repo, "status", "--porcelain") == ""  # a preview writes nothing
    out = preview.out
    assert "修改 3 条记录，新增 1 条" in out
    assert "P-028" in out and "整改进展：+ 2023-09-20：首位产业确定为新材料。" in out
    assert "P-029" in out and "是否销号：否 → 是" in out and "销号时间：+ 2023-09-20" in out
    assert "县城停车位不足" in out
    ran = dy(capsys, repo, "import", str(returned), as_of="2023-09-25")
    assert ran.code == 0, ran.err
    added, removed = _added_and_removed(repo)
    assert removed == []
    assert sorted(added) == sorted([
        "    - on: 2023-09-20", "      text: 首位产业确定为新材料。",
        "  closed_on: 2023-09-20", "  evidence: 《西岭县乡镇招商引资考核办法（修订）》已印发",
        "  closed_on: 2023-09-21", "  evidence: 验收报告",
        "", *[line for line in added if line.startswith(("- id: P-", "  title: 县城", "  owner_unit: xiling-county", "  due: 2023-12-31"))],
    ])
    assert "  owner_unit: xiling-county" in added and "  title: 县城停车位不足" in added  # the unit's name became its id
    assert git(repo, "diff", "--name-only").split() == ["problems/xiling-county.yaml"]
    assert dy(capsys, repo, "check", as_of="2023-09-25").code == 0


def test_a_row_whose_record_changed_after_the_export_is_a_conflict(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = tmp_path / "西岭县.xlsx"
    assert dy(capsys, repo, "export", "--unit", "xiling-county", "-o", str(ledger)).code == 0
    close = dy(capsys, repo, "close", "P-029", "--evidence", "办公室已核实", "--on", "2023-09-14")
    assert close.code == 0, close.err
    git(repo, "commit", "-qam", "办公室先销号")
    returned = tmp_path / "报回.xlsx"
    _edit_in_calc(ledger, returned, [
        {"sheet": "问题清单", "id": "P-029", "column": "销号依据", "text": "单位写的依据"},
        {"sheet": "问题清单", "id": "P-032", "column": "整改措施", "text": "新的整改措施"},
    ], tmp_path)
    ran = dy(capsys, repo, "import", str(returned))
    assert ran.code == 1
    assert "第5行" in ran.err and "P-029" in ran.err and "冲突" in ran.err
    assert git(repo, "status", "--porcelain") == ""
    ran = dy(capsys, repo, "import", str(returned), "--skip-bad")
    assert ran.code == 0 and "P-029" in ran.err
    added, removed = _added_and_removed(repo)
    assert added == ["  measures: 新的整改措施"] and len(removed) == 1
    assert "办公室已核实" in (repo / "problems" / "xiling-county.yaml").read_text(encoding="utf-8")
