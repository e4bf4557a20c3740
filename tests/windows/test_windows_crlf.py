"""A Windows checkout (git's ``core.autocrlf=true``) has CRLF line ends in every text file: every
command gives what it gives on the same campaign with LF, and what it writes keeps CRLF.

Each test runs a command on two copies of a campaign, one converted to CRLF as git would check
it out, and compares: the findings with their lines and columns, the briefing, the documents
byte for byte, the site, the published summary, the ledgers; the edits (new, close, import,
import-report, the merge driver) leave every file CRLF and equal to the LF edit but for the
line ends; ``diff`` and ``check --changed-since`` run on a real autocrlf checkout.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from crlfkit import copy_pair, dy, git, not_crlf, to_crlf, tree

from util import EXAMPLE

SEED = Path(__file__).resolve().parents[1] / "campaigns" / "seed-001"


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The example campaign, LF and CRLF, for the commands that only read (they share it)."""
    return copy_pair(EXAMPLE, tmp_path_factory.mktemp("crlf-example"))


@pytest.fixture
def fresh(tmp_path: Path) -> tuple[Path, Path]:
    """The example campaign, LF and CRLF, for one test that writes."""
    return copy_pair(EXAMPLE, tmp_path)


@pytest.fixture(autouse=True)
def _same_moment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1694736000")  # documents stamped alike, however long the run takes


def both(pair: tuple[Path, Path], *args: str, as_of: str = "2023-09-15") -> tuple[str, str]:
    lf, crlf = (dy(root, *args, as_of=as_of) for root in pair)
    assert crlf == lf, args
    return lf.out, lf.err


# ----------------------------------------------------------------------------- commands that read


@pytest.mark.parametrize("cache", ["--no-cache", "--lang=zh"])
def test_check_finds_the_same_at_the_same_lines_and_columns(example: tuple[Path, Path], cache: str) -> None:
    out, _ = both(example, cache, "check", "--format", "json")
    findings = json.loads(out)["findings"]
    assert findings and all(f["line"] > 0 for f in findings)
    both(example, cache, "check", "--no-color")
    both(example, cache, "--lang", "en", "check", "--format", "junit")


def test_a_seed_campaign_checks_briefs_and_compiles_alike(tmp_path: Path) -> None:
    pair = copy_pair(SEED, tmp_path)
    out, _ = both(pair, "--no-cache", "check", "--format", "json", as_of="2023-09-05")
    assert json.loads(out)["findings"]
    both(pair, "status", "--format", "json", as_of="2023-09-05")
    both(pair, "compile", "--format", "md,docx", "-o", "ROOT.out", as_of="2024-01-15")
    assert tree(Path(f"{pair[1]}.out")) == tree(Path(f"{pair[0]}.out"))


def test_status_is_the_same_briefing(example: tuple[Path, Path]) -> None:
    out, _ = both(example, "status", "--format", "json")
    assert json.loads(out)["lists"]["problems"]["found"] == 43
    both(example, "status", "--format", "md")
    both(example, "status", "--since", "2023-09-01", "--no-color")


def test_the_compilation_and_the_bulletin_are_the_same_files(example: tuple[Path, Path]) -> None:
    """Reports and the preface come with CRLF: the Markdown written has LF throughout, and the
    Word files are byte-identical."""
    lf, crlf = example
    both(example, "compile", "--format", "md,docx", "-o", "ROOT.compiled")
    both(example, "bulletin", "--month", "2023-08", "--format", "md,docx", "-o", "ROOT.bulletin")
    for name in ("compiled", "bulletin"):
        made = tree(Path(f"{crlf}.{name}"))
        assert made == tree(Path(f"{lf}.{name}")) and len(made) >= 2
        assert not [rel for rel, data in made.items() if rel.endswith(".md") and b"\r" in data]


def test_the_site_and_the_published_summary_are_the_same(example: tuple[Path, Path]) -> None:
    lf, crlf = example
    both(example, "site", "-o", "ROOT.site")
    pages = tree(Path(f"{crlf}.site"), ".html")
    assert len(pages) > 30 and pages == tree(Path(f"{lf}.site"), ".html")
    both(example, "publish", "-o", "ROOT.json")
    published = [json.loads(Path(f"{root}.json").read_text(encoding="utf-8")) for root in example]
    for summary in published:
        summary["source"].pop("digest")  # a digest of the bytes read: the line ends are bytes too
    assert published[1] == published[0]


def test_export_gives_the_same_ledgers(example: tuple[Path, Path]) -> None:
    both(example, "export", "--format", "json")
    both(example, "export", "--format", "csv", "-o", "ROOT.csv")
    assert tree(Path(f"{example[1]}.csv")) == tree(Path(f"{example[0]}.csv"))


def test_fmt_check_sees_nothing_to_change_in_crlf_files(fresh: tuple[Path, Path]) -> None:
    lf, crlf = fresh
    assert dy(lf, "fmt").code == 0  # the example in canonical style, line ends aside
    to_crlf(lf)
    shutil.rmtree(crlf)
    shutil.copytree(lf, crlf)
    ran = dy(crlf, "fmt", "--check")
    assert ran.code == 0, ran.out + ran.err
    assert dy(crlf, "fmt").code == 0 and not_crlf(crlf) == []


def test_a_report_with_crlf_front_matter_is_read_at_the_same_lines(fresh: tuple[Path, Path]) -> None:
    for root in fresh:
        path = root / "reports" / "T-001.md"
        text = path.read_bytes().decode("utf-8")
        newline = "\r\n" if "\r\n" in text else "\n"
        path.write_bytes(text.replace(f"unit: fgw{newline}", f"unit: fgw{newline}reviewer: 某人{newline}", 1).encode("utf-8"))
    out, _ = both(fresh, "--no-cache", "check", "--format", "json")
    [found] = [f for f in json.loads(out)["findings"] if f["file"] == "reports/T-001.md"]
    assert (found["code"], found["line"], found["column"]) == ("DY101", 6, 1)


# ----------------------------------------------------------------------------- commands that write


def _same_but_line_ends(pair: tuple[Path, Path]) -> None:
    lf, crlf = pair
    before, after = tree(lf), tree(crlf)
    kept = [rel for rel in before if not rel.startswith(".dytool/")]
    assert sorted(kept) == sorted(rel for rel in after if not rel.startswith(".dytool/"))
    assert [rel for rel in kept if after[rel].replace(b"\r\n", b"\n") != before[rel]] == []
    assert not_crlf(crlf) == []


def test_new_and_close_write_crlf_and_the_same_records(fresh: tuple[Path, Path]) -> None:
    both(fresh, "new", "problem", "--id", "P-900", "--owner-unit", "fgw", "--title", "窗口办事排队时间长", "--due", "2023-10-31")
    both(fresh, "new", "visit", "--id", "V-900", "--date", "2024-01-10", "--leader", "lin-haifeng", "--topic", "T-001",
         "--host", "fgw", "--method", "座谈会")  # a month without a file yet: a new file, CRLF like the others
    both(fresh, "close", "P-008", "--on", "2023-09-10", "--evidence", "已出台厂房盘活办法")
    _same_but_line_ends(fresh)
    assert b"P-900" in (fresh[1] / "problems" / "fgw.yaml").read_bytes()
    assert (fresh[1] / "visits" / "2024-01.yaml").is_file()
    both(fresh, "--no-cache", "check", "--format", "json")


def test_export_then_import_changes_nothing_and_an_edit_keeps_crlf(fresh: tuple[Path, Path]) -> None:
    crlf = fresh[1]
    before = tree(crlf)
    both(fresh, "export", "-o", "ROOT.xlsx")
    out, _ = both(fresh, "import", "ROOT.xlsx")
    assert "没有需要导入的改动" in out
    assert {rel: data for rel, data in tree(crlf).items() if not rel.startswith(".dytool/")} == \
        {rel: data for rel, data in before.items() if not rel.startswith(".dytool/")}
    from openpyxl import load_workbook

    for root in fresh:
        book = load_workbook(f"{root}.xlsx")
        sheet = book["问题清单"]
        header = [cell.value for cell in sheet[3]]  # a title, the as-of line, then the header
        row = next(r for r in sheet.iter_rows(min_row=4) if r[header.index("编号")].value == "P-016")
        row[header.index("整改措施")].value = "新建学校两所，2024年秋季投用"
        book.save(f"{root}.xlsx")
    both(fresh, "import", "ROOT.xlsx")
    _same_but_line_ends(fresh)
    assert "新建学校两所".encode() in (crlf / "problems" / "jyj.yaml").read_bytes()


def test_import_report_writes_the_report_with_the_repository_line_ends(fresh: tuple[Path, Path], tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("关于城区停车难问题的调研报告", level=0)
    document.add_paragraph("一、基本情况")
    document.add_paragraph("城区机动车保有量逐年上升，停车泊位缺口较大。")
    source = tmp_path / "T-013 停车调研报告.docx"
    document.save(str(source))
    both(fresh, "import-report", str(source), "--topic", "T-013", "--date", "2023-08-20", "--author", "lin-haifeng")
    _same_but_line_ends(fresh)
    assert (fresh[1] / "reports" / "T-013.md").read_bytes().startswith(b"---\r\ntopic: T-013\r\n")


def test_the_merge_driver_keeps_crlf_and_ignores_line_ends(tmp_path: Path) -> None:
    """Ours from a Windows checkout (CRLF), theirs and the ancestor with LF: only the records count."""
    base = "- id: P-001\n  title: 甲\n  owner_unit: fgw\n\n- id: P-002\n  title: 乙\n  owner_unit: fgw\n"
    ours = (base + "\n- id: P-003\n  title: 我方新增\n  owner_unit: fgw\n").replace("\n", "\r\n")
    theirs = base.replace("title: 甲", "title: 甲（修改）") + "\n- id: P-004\n  title: 对方新增\n  owner_unit: fgw\n"
    files = []
    for name, text in (("base", base), ("ours", ours), ("theirs", theirs)):
        (tmp_path / name).write_bytes(text.encode("utf-8"))
        files.append(str(tmp_path / name))
    ran = dy(tmp_path, "merge-records", *files, "problems/fgw.yaml")
    assert ran.code == 0, ran.err
    merged = (tmp_path / "ours").read_bytes()
    assert merged.count(b"\n") == merged.count(b"\r\n")
    text = merged.decode("utf-8").replace("\r\n", "\n")
    assert "title: 甲（修改）" in text and "我方新增" in text and "对方新增" in text and "<<<<" not in text


def test_a_rollup_over_crlf_files_is_the_same(tmp_path: Path) -> None:
    """rollup.yaml and a member's repository (a submodule checked out on Windows) with CRLF."""
    shown = []
    for name in ("lf", "crlf"):
        root = tmp_path / name / "汇总"
        assert dy(tmp_path, "init", str(root), "--rollup", "--title", "测试汇总", "--issuer", "市调研办", "--no-input", "--no-git").code == 0
        shutil.copytree(EXAMPLE, root / "members" / "fgw", ignore=shutil.ignore_patterns(".dytool"))
        config = root / "rollup.yaml"
        config.write_text(config.read_text(encoding="utf-8").rstrip("\n") + "\n  - {name: 市发改委, kind: department, path: members/fgw}\n",
                          encoding="utf-8")
        if name == "crlf":
            to_crlf(root)
        ran = dy(root, "rollup", "status", "--format", "json")
        assert ran.code == 0, ran.err
        data = json.loads(ran.out)
        assert [m["name"] for m in data["members"]] == ["市发改委"] and data["failed"] == []
        data["members"][0].pop("digest")  # of the bytes read; the commit would be the same
        shown.append(data)
    assert shown[1] == shown[0]


# ----------------------------------------------------------------------------- a real autocrlf checkout


def test_diff_and_changed_since_on_an_autocrlf_checkout(tmp_path: Path) -> None:
    roots = []
    for name, autocrlf in (("lf", "false"), ("crlf", "true")):
        root = tmp_path / name / "campaign"
        shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".dytool"))
        git(root, "init", "-q")
        git(root, "config", "core.autocrlf", autocrlf)
        (root / ".gitignore").write_text(".dytool/\n", encoding="utf-8")
        git(root, "add", "-A")
        git(root, "commit", "-qm", "记录")
        if autocrlf == "true":  # check everything out again, as a Windows clone has it
            for path in root.iterdir():
                if path.name != ".git":
                    shutil.rmtree(path) if path.is_dir() else path.unlink()
            git(root, "checkout", "--", ".")
            assert b"\r\n" in (root / "people.yaml").read_bytes()
        roots.append(root)
    pair = (roots[0], roots[1])
    both(pair, "new", "problem", "--id", "P-900", "--owner-unit", "fgw", "--title", "窗口办事排队时间长", "--due", "2023-10-31")
    both(pair, "close", "P-008", "--on", "2023-09-10", "--evidence", "已出台厂房盘活办法")
    assert git(pair[1], "status", "--porcelain").split() == ["M", "problems/fgw.yaml", "M", "problems/gxj.yaml"]
    assert "P-900" in git(pair[1], "diff", "--", "problems/fgw.yaml")
    out, _ = both(pair, "diff", "HEAD")
    assert "P-900" in out and "P-008" in out
    for root in pair:
        git(root, "commit", "-qam", "新增与销号")
    out, _ = both(pair, "diff", "HEAD~1")
    assert "P-900" in out
    both(pair, "--no-cache", "check", "--changed-since", "HEAD~1", "--format", "json")
    both(pair, "status", "--since", "2023-09-01", "--format", "json")
