"""Control characters and bidirectional overrides in a record never reach a page of the site
raw: every value a page shows makes them visible as escapes, as the terminal does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dytool.cli.main import run
from util import write_repo

RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize("hostile", ["\x1b]8;;http://evil\x1b\\链接\x1b]8;;\x1b\\", "\x1b[2J清屏\x07", "反\u202e转", "隔\u2066离\u2069"])
def test_no_control_character_of_a_record_reaches_a_page(tmp_path: Path, hostile: str) -> None:
    (tmp_path / "repo").mkdir()
    escaped = hostile.encode("unicode_escape").decode()
    root = write_repo(tmp_path / "repo", {
        "units.yaml": f'- {{id: fgw, name: "发改委{escaped}"}}\n',
        "people.yaml": f'- {{id: li, name: "李{escaped}", unit: fgw, role: city_leader}}\n',
        "topics/t.yaml": f'- {{id: T-1, title: "课题{escaped}", lead_unit: fgw, leader: li}}\n',
        "problems/fgw.yaml": f'- {{id: P-1, title: "问题{escaped}", owner_unit: fgw, due: 2023-10-01, found_on: 2023-05-01}}\n',
    })
    site = tmp_path / "site"
    assert run(["--no-cache", "site", "-C", str(root), "--as-of", "2023-09-15", "-o", str(site)]) in (0, 1)
    pages = sorted(site.rglob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert RAW.search(html) is None, (page.name, RAW.search(html))
    assert any("发改委" in page.read_text(encoding="utf-8") for page in pages)
