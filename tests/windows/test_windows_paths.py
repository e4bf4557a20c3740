"""Paths in findings and reports are repository-relative with ``/``, whatever the system.

On Windows, ``Path`` joins with ``\\``; a finding whose file came out as ``topics\\sub\\x.yaml``
would not match the annotations of GitHub or GitLab, nor the same finding made on Linux CI.
Here a repository with nested record folders, whose records and reports name files the
Windows way (``reports\\第一组\\T-001.md``, ``图片\\图1.png``), goes through every output
format; and the path helpers are fed Windows-style relative paths.
"""

from __future__ import annotations

import json
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from dytool.cli.main import run
from util import write_repo

AS_OF = "2023-09-15"


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    pixels = zlib.compress(b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


REPORT = "---\ntopic: T-001\ntitle: 调研报告\nauthors: [lin]\nunit: fgw\ndate: 2023-06-20\n---\n\n# 报告\n\n![图1](图片\\图1.png)\n"
FILES: dict[str, str | bytes] = {
    "people.yaml": "- id: lin\n  name: 林海峰\n  rank: 1\n",
    "units.yaml": "- id: fgw\n  name: 市发展改革委\n",
    "topics/第一组/深层/课题.yaml": """\
        - id: T-001
          title: 两湾融合
          leader: lin
          outline:
            file: outlines\\第一组\\T-001.md
          report: reports\\第一组\\T-001.md
        - id: T-002
          title: 第二个课题
          leader: ghost
          lead_unit: nowhere
        """,
    "outlines/第一组/T-001.md": "# 提纲\n",
    "reports/第一组/T-001.md": REPORT + "\n![图2](图片/缺失.png)\n",
    "reports/第一组/图片/图1.png": _png(),
    "problems/2023/三季度/fgw.yaml": """\
        - id: P-001
          title: 停车难
          owner_unit: fgw
          found_on: 2023-07-01
          due: 2023-08-31
          status: bogus
        - id: P-002
          title: 办事难
          owner_unit: fgw
          found_on: 2023-07-02
          due: 2023-08-15
        """,
    "visits/2023/05/走访.yaml": "- id: V-001\n  date: 2023-02-30\n  leaders: [lin]\n  topics: [T-001]\n",
}
NESTED = {"topics/第一组/深层/课题.yaml", "problems/2023/三季度/fgw.yaml", "visits/2023/05/走访.yaml", "reports/第一组/T-001.md"}


@pytest.fixture
def nested(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "campaign").mkdir()
    return write_repo(tmp_path / "campaign", FILES)


def _out(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    run(list(args))
    return capsys.readouterr().out


def test_findings_in_nested_folders_name_their_files_with_slashes_in_every_format(nested: Path, capsys: pytest.CaptureFixture[str]) -> None:
    check = ["check", "-C", str(nested), "--as-of", AS_OF]
    findings = json.loads(_out(capsys, *check, "--format", "json"))["findings"]
    assert {f["file"] for f in findings} == NESTED
    # the files the topic and the report name the Windows way are found: only the missing image is reported
    assert [(f["code"], f["file"]) for f in findings if f["code"] in ("DY203", "DY206", "DY207")] == [("DY207", "reports/第一组/T-001.md")]
    assert "缺失.png" in next(f["message"] for f in findings if f["code"] == "DY207")
    for fmt in ("json", "junit", "github", "gitlab"):
        out = _out(capsys, *check, "--format", fmt)
        assert all(rel in out for rel in NESTED), fmt
        assert "\\" not in out, fmt
    text = _out(capsys, *check, "--no-color")
    assert "problems/2023/三季度/fgw.yaml:6:3" in text and "\\" not in text


def test_findings_are_shown_relative_to_a_parent_folder_with_slashes(nested: Path, capsys: pytest.CaptureFixture[str],
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """CI runs from the workspace, the campaign in a folder of it: annotations carry that prefix."""
    workspace = nested.parent
    monkeypatch.chdir(workspace)
    out = _out(capsys, "check", "-C", "campaign", "--as-of", AS_OF, "--format", "github")
    assert "file=campaign/problems/2023/三季度/fgw.yaml,line=6" in out and "\\" not in out


def test_documents_and_the_site_of_a_nested_repository_hold_no_backslash_paths(nested: Path, tmp_path: Path,
                                                                               capsys: pytest.CaptureFixture[str]) -> None:
    (nested / "reports/第一组/T-001.md").write_text(REPORT, encoding="utf-8")  # without the missing image
    status = json.loads(_out(capsys, "status", "-C", str(nested), "--as-of", AS_OF, "--format", "json"))
    assert "\\" not in json.dumps(status, ensure_ascii=False)
    assert run(["compile", "-C", str(nested), "--as-of", AS_OF, "--format", "docx", "-o", str(tmp_path / "build")]) == 0, capsys.readouterr()
    with zipfile.ZipFile(next((tmp_path / "build").glob("*.docx"))) as docx:
        assert [n for n in docx.namelist() if n.startswith("word/media/") and n.endswith(".png")]  # 图片\图1.png was found
    assert run(["site", "-C", str(nested), "--as-of", AS_OF, "-o", str(tmp_path / "site")]) == 1  # built, though the records have errors
    for page in (tmp_path / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "\\" not in html.replace("\\\\", ""), page
    report_page = (tmp_path / "site" / "topics" / "T-001.html").read_text(encoding="utf-8")
    assert '<img src="../assets/img/' in report_page and 'alt="图1"' in report_page  # 图片\\图1.png was found


def test_path_helpers_read_windows_style_relative_paths(nested: Path) -> None:
    from dytool.edit.targets import target_file
    from dytool.source.readfile import path_state, safe_path
    from dytool.source.tracked import read_tracked_text

    assert target_file(nested, "topic", "topics\\第一组\\新课题.yaml") == "topics/第一组/新课题.yaml"
    assert target_file(nested, "problem", "problems\\2023\\.\\三季度\\fgw.yaml") == "problems/2023/三季度/fgw.yaml"
    assert path_state(nested, "reports\\第一组\\T-001.md").state == "file"
    assert safe_path(nested, "reports\\..\\..\\outside.md")[0] is None
    assert safe_path(nested, "C:\\Users\\秘书\\报告.md")[0] is None
    assert read_tracked_text(nested, "outlines\\第一组\\T-001.md")[0] == "# 提纲\n"


def test_new_with_a_windows_style_file_writes_where_it_says(nested: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run(["-C", str(nested), "--as-of", AS_OF, "new", "problem", "--owner-unit", "fgw", "--title", "新问题", "--due", "2023-10-31",
                "--file", "problems\\2023\\四季度\\fgw.yaml"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert (nested / "problems" / "2023" / "四季度" / "fgw.yaml").is_file()
    assert "problems/2023/四季度/fgw.yaml" in out + err and "\\" not in out + err
