"""``dytool site`` as a user sees its files: what is on the pages, what is left out, where it goes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sitekit import AS_OF, AS_OF_DAY, HOSTILE_FILES, build, committed, example_copy, git, hostile_repo, pages, visible_text

from dytool.checks import SUITE
from dytool.cli.main import run
from dytool.documents.compile import public_view
from dytool.engine.load import LoadOptions, load_repository
from dytool.present.site import CSP, SITE_MARKER
from dytool.status import compute_status


@pytest.fixture
def example(tmp_path: Path) -> tuple[Path, str]:
    repo = example_copy(tmp_path / "campaign")
    return repo, committed(repo)


def _figures(html: str) -> dict[str, str]:
    return {key: visible_text(value).strip() for key, value in re.findall(r'data-figure="([^"]+)">(.*?)</p>', html, re.S)}


def test_every_page_names_the_day_and_the_commit_and_forbids_remote_loads(example: tuple[Path, str], tmp_path: Path,
                                                                            capsys: pytest.CaptureFixture[str]) -> None:
    repo, commit = example
    assert build(repo, tmp_path / "site") == 0
    assert "个页面" in capsys.readouterr().out
    site = tmp_path / "site"
    found = pages(site)
    topics = {p.stem for p in (site / "topics").glob("*.html")}
    assert {"T-001", "T-009"} <= topics
    assert (site / "units" / "xiling-county.html").is_file() and (site / "leaders" / "lin-haifeng.html").is_file()
    for page in found:
        html = page.read_text(encoding="utf-8")
        assert f'<meta http-equiv="Content-Security-Policy" content="{CSP.replace(chr(39), "&#39;")}">' in html, page
        assert f'data-as-of="{AS_OF}"' in html and "2023年9月15日" in html, page
        assert f'data-commit="{commit}"' in html, page
        assert not re.search(r"""(src|href)="(https?:)?//""", html), page
        assert "<script>" not in html and "style=" not in html, page
    assert "含未提交的改动" not in (site / "index.html").read_text(encoding="utf-8")
    overview = site / "index.html"
    assert overview.stat().st_size + sum(f.stat().st_size for f in (site / "assets").glob("*.css")) < 1_000_000


def test_the_overview_shows_the_briefings_figures(example: tuple[Path, str], tmp_path: Path) -> None:
    repo, _ = example
    assert build(repo, tmp_path / "site", "--include-classified") == 0
    assert run(["status", "-C", str(repo), "--as-of", AS_OF, "--format", "json", "-o", str(tmp_path / "status.json")]) == 0
    status = json.loads((tmp_path / "status.json").read_text(encoding="utf-8"))
    problems = status["lists"]["problems"]
    figures = _figures((tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    assert figures["problems-found"] == str(problems["found"]) == "43"
    assert figures["problems-closed"] == str(problems["closed"])
    assert figures["problems-overdue"] == str(problems["overdue"]) == "6"
    assert figures["closure-rate"] == f"{problems['closure_rate'] * 100:.1f}%"
    assert figures["solutions"] == f"{status['lists']['solutions_done']}/{status['lists']['solutions_total']}"
    assert figures["institutions-issued"] == str(status["lists"]["institutions"]["issued"])
    assert figures["campaign-days-left"] == "107 天"
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    ends = dict(re.findall(r'<text class="end s-(\w+)"[^>]*>(\d+)</text>', html))
    assert ends == {"found": str(problems["found"]), "closed": str(problems["closed"]), "overdue": str(problems["overdue"])}


def test_classified_records_stay_out_unless_asked(example: tuple[Path, str], tmp_path: Path) -> None:
    repo, _ = example
    loaded = load_repository(repo, SUITE, LoadOptions(cache=False))
    campaign = loaded.repo.campaign
    assert campaign is not None
    public = compute_status(public_view(loaded.repo), campaign, AS_OF_DAY)
    assert build(repo, tmp_path / "public") == 0
    assert build(repo, tmp_path / "all", "--include-classified") == 0
    classified = [e.record.id for kind in ("problem", "solution") for e in loaded.repo.entries(kind)
                  if getattr(e.record, "classification", None)]
    assert classified
    everything = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "public").rglob("*") if p.suffix in (".html", ".js"))
    for ident in classified:
        assert ident not in everything
    assert _figures((tmp_path / "public" / "index.html").read_text(encoding="utf-8"))["problems-found"] == str(public.lists.problems.found)
    assert "已略去带密级的记录" in (tmp_path / "public" / "index.html").read_text(encoding="utf-8")
    ledger = (tmp_path / "all" / "data" / "ledger.js").read_text(encoding="utf-8")
    assert all(ident in ledger or ident.startswith("S") for ident in classified)


def test_anonymize_hides_every_name_of_a_person_or_unit(example: tuple[Path, str], tmp_path: Path) -> None:
    repo, _ = example
    assert build(repo, tmp_path / "site", "--anonymize") == 0
    site = tmp_path / "site"
    text = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*") if p.suffix in (".html", ".js"))
    for name in ("林海峰", "西岭县", "市发展改革委", "孙丽娟"):
        assert name not in text
    for ident in ("xiling-county", "nanxi-county", "lin-haifeng"):  # an id spells the name in pinyin
        assert ident not in text
    assert 'href="problems.html#unit=u' in (site / "index.html").read_text(encoding="utf-8")
    assert "××" in text
    assert not (site / "units").exists() and not (site / "leaders").exists()


def test_english_pages(example: tuple[Path, str], tmp_path: Path) -> None:
    repo, _ = example
    assert build(repo, tmp_path / "site", "--lang", "en") == 0
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Data as of" in html and "Closure rate" in html
    assert "数据截至" not in html and "销号率" not in html


def test_a_hostile_record_stays_text(tmp_path: Path) -> None:
    repo = hostile_repo(tmp_path / "campaign")
    assert build(repo, tmp_path / "site") in (0, 1)
    site = tmp_path / "site"
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        assert "<script>" not in html and "<iframe" not in html and "<svg onload" not in html and "<img src=x" not in html, page
        assert not any(href.lower().startswith(("javascript:", "data:")) for href in re.findall(r'(?:href|src)="([^"]*)"', html)), page
    topic = (site / "topics" / "T-001.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned=&#39;body&#39;&lt;/script&gt;" in topic or "&lt;script&gt;window.__pwned='body'&lt;/script&gt;" in topic
    assert '<a href="https://example.org/ok" rel="noopener noreferrer nofollow" class="external">好链接</a>' in topic
    assert "passwd" in topic and "图片未显示" in topic
    data = (site / "data" / "ledger.js").read_text(encoding="utf-8")
    assert "</script" not in data and "\\u003cscript>" in data
    assert HOSTILE_FILES  # the hostile repository is the one the browser test opens too


def test_report_images_are_copied_from_the_report_folder(tmp_path: Path) -> None:
    repo = example_copy(tmp_path / "campaign")
    png = _tiny_png()  # a real PNG: the check's rule for images refuses anything else
    (repo / "reports" / "chart.png").write_bytes(png)
    report = repo / "reports" / "T-001.md"
    report.write_text(report.read_text(encoding="utf-8") + "\n![产业转移项目](chart.png)\n", encoding="utf-8")
    assert build(repo, tmp_path / "site") == 0
    images = list((tmp_path / "site" / "assets" / "img").iterdir())
    assert [p.read_bytes() for p in images] == [png]
    topic = (tmp_path / "site" / "topics" / "T-001.html").read_text(encoding="utf-8")
    assert f'src="../assets/img/{images[0].name}" alt="产业转移项目"' in topic


def test_a_folder_dytool_did_not_write_is_never_replaced(example: tuple[Path, str], tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    repo, _ = example
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("留着", encoding="utf-8")
    assert build(repo, mine) == 1
    assert "拒绝覆盖" in capsys.readouterr().err
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "留着"
    site = tmp_path / "site"
    assert build(repo, site) == 0
    (site / "stale.html").write_text("old", encoding="utf-8")
    assert build(repo, site, as_of="2023-10-01") == 0
    assert not (site / "stale.html").exists() and (site / SITE_MARKER).is_file()
    assert 'data-as-of="2023-10-01"' in (site / "index.html").read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_uncommitted_changes_are_said(example: tuple[Path, str], tmp_path: Path) -> None:
    repo, commit = example
    (repo / "problems" / "fgw.yaml").write_text((repo / "problems" / "fgw.yaml").read_text(encoding="utf-8") + "\n# 改动\n", encoding="utf-8")
    assert build(repo, tmp_path / "site") == 0
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert f'data-commit="{commit}"' in html and "含未提交的改动" in html
    git(repo, "checkout", "--", ".")


def test_outside_git_the_ci_variable_names_the_commit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = example_copy(tmp_path / "campaign")
    assert build(repo, tmp_path / "plain") == 0
    assert "未纳入版本管理" in (tmp_path / "plain" / "index.html").read_text(encoding="utf-8")
    monkeypatch.setenv("CI_COMMIT_SHA", "0123456789abcdef0123456789abcdef01234567")
    assert build(repo, tmp_path / "ci") == 0
    assert 'data-commit="0123456789abcdef0123456789abcdef01234567"' in (tmp_path / "ci" / "index.html").read_text(encoding="utf-8")


def test_a_site_built_inside_the_repository_does_not_count_as_a_change(example: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:
    repo, commit = example
    monkeypatch.chdir(repo)
    assert run(["site", "--as-of", AS_OF]) == 0
    assert run(["site", "--as-of", AS_OF]) == 0
    html = (repo / "build" / "site" / "index.html").read_text(encoding="utf-8")
    assert f'data-commit="{commit}"' in html and "含未提交的改动" not in html


def test_a_rebuild_reuses_what_did_not_change_and_matches_a_build_from_scratch(example: tuple[Path, str], tmp_path: Path) -> None:
    repo, _ = example
    site = tmp_path / "site"
    assert build(repo, site) == 0
    stamp = (site / "index.html").stat().st_mtime_ns
    assert build(repo, site) == 0  # pages from the last build; the folder already holds them
    assert (site / "index.html").stat().st_mtime_ns == stamp
    assert run(["--no-cache", "site", "-C", str(repo), "--as-of", AS_OF, "-o", str(tmp_path / "scratch")]) == 0
    kept = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file() and p.name != ".dytool-files.json"}
    fresh = {p.relative_to(tmp_path / "scratch"): p.read_bytes() for p in (tmp_path / "scratch").rglob("*")
             if p.is_file() and p.name != ".dytool-files.json"}
    assert kept == fresh
    (repo / "problems" / "xiling-county.yaml").write_text(
        (repo / "problems" / "xiling-county.yaml").read_text(encoding="utf-8").replace("县域主导产业不突出", "县域首位产业不突出"), encoding="utf-8")
    (site / "topics.html").write_text("edited by hand", encoding="utf-8")
    assert build(repo, site) == 0
    assert "县域首位产业不突出" in (site / "units" / "xiling-county.html").read_text(encoding="utf-8")
    assert "edited by hand" not in (site / "topics.html").read_text(encoding="utf-8")


def test_a_planted_cache_entry_is_not_served(example: tuple[Path, str], tmp_path: Path) -> None:
    repo, _ = example
    assert build(repo, tmp_path / "site") == 0
    entries = sorted((repo / ".dytool" / "cache").glob("site-*"))
    assert [e.name for e in entries] == ["site-pages", "site-reports"]
    for entry in entries:
        entry.write_bytes(entry.read_bytes().replace("关于推动".encode(), b"<script>x</script>"))
    assert build(repo, tmp_path / "site") == 0
    topic = (tmp_path / "site" / "topics" / "T-001.html").read_text(encoding="utf-8")
    assert "<script>x</script>" not in topic and "关于推动" in topic


def test_the_public_view_of_the_files_with_classified_records_is_the_compilations(example: tuple[Path, str]) -> None:
    from dytool.present.site import _public

    repo, _ = example
    loaded = load_repository(repo, SUITE, LoadOptions(cache=False)).repo
    whole, partial = public_view(loaded), _public(loaded)
    assert list(partial.summaries) == list(whole.summaries)
    assert partial.summaries == whole.summaries
    assert [t.record.id for t in partial.topics] == [t.record.id for t in whole.topics]
    assert [r.source for r in partial.reports] == [r.source for r in whole.reports]


def test_page_names_are_safe_on_every_file_system() -> None:
    from dytool.present.site.context import page_names

    names = page_names(["T-001", "t-001", "con", "..", "课题一", "a.b"])
    assert names["T-001"] == "T-001.html" and names["a.b"] == "a.b.html"
    assert len({n.lower() for n in names.values()}) == len(names)
    for ident in ("t-001", "con", "..", "课题一"):
        assert names[ident] != f"{ident}.html" and names[ident].isascii() and "/" not in names[ident]


def test_narrowed_facts_give_the_status_modules_figures(example: tuple[Path, str]) -> None:
    """A unit's lists and a leader's days per month are computed on facts narrowed for speed:
    the figures must be those of the whole facts."""
    from dytool.facts.records import gather
    from dytool.present.site.context import SiteContext, SiteOptions
    from dytool.present.site.entities import monthly_lines
    from dytool.present.site.overview import month_ends
    from dytool.status.ledger import ledger_lists
    from dytool.status.people import leader_lines

    repo, _ = example
    loaded = load_repository(repo, SUITE, LoadOptions(cache=False)).repo
    assert loaded.campaign is not None
    facts = gather(loaded, loaded.campaign)
    ctx = SiteContext(facts, compute_status(loaded, loaded.campaign, AS_OF_DAY), AS_OF_DAY, SiteOptions())
    for unit in facts.units:
        whole, narrow = ledger_lists(facts, AS_OF_DAY, unit=unit), ledger_lists(ctx.unit_facts(unit), AS_OF_DAY, unit=unit)
        assert (narrow.problems, narrow.overdue, narrow.solutions_done, narrow.solutions_total, narrow.institutions) == \
            (whole.problems, whole.overdue, whole.solutions_done, whole.solutions_total, whole.institutions), unit
    months = monthly_lines(ctx)
    ends = {(d.year, d.month): d for d in month_ends(facts.period.first, AS_OF_DAY)}
    checked = 0
    for leader, lines in months.items():
        for year, month, line in lines:
            [whole] = [w for w in leader_lines(facts, ends[(year, month)]) if w.id == leader]
            assert (line.visit_days, line.required_days, line.meets) == (whole.visit_days, whole.required_days, whole.meets)
            checked += 1
    assert checked > 50
    from dytool.present.site.overview import overview_view
    from dytool.status.ledger import counts, problem_state

    chart = str(overview_view(ctx)["charts"]["found_closed"])
    shown = {(label, name): int(n) for label, name, n in re.findall(r"<title>(\S+) (发现问题|已销号|逾期未销号) (\d+)</title>", chart)}
    for day in month_ends(facts.period.first, AS_OF_DAY):
        label = f"{day.month}月" if day != AS_OF_DAY else f"{day.month}月{day.day}日"
        whole = counts(problem_state(facts.problems, day))
        assert (shown[(label, "发现问题")], shown[(label, "已销号")], shown[(label, "逾期未销号")]) == (whole.found, whole.closed, whole.overdue)


def _tiny_png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
