"""A real render: the example's compilation, a bulletin and the briefing through LibreOffice
(``--format pdf``), read back from the PDF as an office would look at it.

Needs LibreOffice with its Python bridge, poppler-utils and the fonts of .ci/run (Debian:
libreoffice-writer-nogui, python3-uno, poppler-utils, fonts-noto-cjk, fonts-arphic-ukai,
fonts-arphic-uming, fonts-liberation2); .ci/run installs them and sets DYTOOL_REQUIRE_RENDER=1
so that CI cannot skip this.  Asserts structure, never pixels: page counts, page sizes, dates
and ids unbroken, contents page numbers, rows whole, no near-empty page.  A few pages are kept
as PNG in ``DYTOOL_ARTIFACTS`` (default: none) for a person to look at.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from dytool.cli.main import run
from dytool.documents.ledgers import LEDGERS, ledger_rows, problem_numbers
from dytool.engine.load import load_repository
from dytool.facts.records import gather
from util import EXAMPLE, ROOT

TOOLS = ("soffice", "pdfinfo", "pdffonts", "pdftotext", "pdftoppm")
if not all(shutil.which(tool) for tool in TOOLS):
    if os.environ.get("DYTOOL_REQUIRE_RENDER") == "1":
        raise RuntimeError(f"DYTOOL_REQUIRE_RENDER=1 but one of {TOOLS} is missing")
    pytest.skip("LibreOffice or poppler-utils not installed", allow_module_level=True)

AS_OF = "2023-12-31"
TOKEN = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日|[A-Z]{1,3}-\d{3,}[A-Z0-9-]*|\d+(?:\.\d+)?%|[\u4e00-\u9fff]{1,8}〔\d{4}〕\d+号")


def _tool(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=300).stdout


@dataclass
class Page:
    number: int
    width: float
    height: float
    text: str
    """pdftotext -layout of the page."""
    bottom: float
    """The lowest text above the footer, as a share of the page height from the top margin."""

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    @property
    def flat(self) -> str:
        return re.sub(r"\s+", "", self.text)

    @property
    def footer(self) -> int | None:
        found = re.findall(r"—\s*(\d+)\s*—", self.text)
        return int(found[-1]) if found else None


def _pages(pdf: Path) -> list[Page]:
    info = _tool("pdfinfo", "-f", "1", "-l", "9999", str(pdf))
    sizes = [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
    texts = _tool("pdftotext", "-layout", str(pdf), "-").split("\f")
    boxes = _tool("pdftotext", "-bbox", str(pdf), "-")
    bottoms = []
    for page in re.findall(r"<page (.*?)</page>", boxes, re.S):
        height = float(re.search(r'height="([\d.]+)"', page).group(1))  # type: ignore[union-attr]
        words = [(float(y), html.unescape(word)) for y, word in re.findall(r'yMax="([\d.]+)">([^<]*)</word>', page)]
        body = [y for y, word in words if not re.fullmatch(r"—|\d+", word) and y < height * 0.9]
        bottoms.append(max(body, default=0.0) / height)
    return [Page(i + 1, w, h, texts[i], bottoms[i]) for i, (w, h) in enumerate(sizes)]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Page]]:
    out = tmp_path_factory.mktemp("pdf")
    home = tmp_path_factory.mktemp("home")
    saved = {key: os.environ.get(key) for key in ("FONTCONFIG_FILE", "HOME", "XDG_CACHE_HOME")}
    os.environ.update(FONTCONFIG_FILE=str(ROOT / ".ci" / "fonts.conf"), HOME=str(home), XDG_CACHE_HOME=str(home / "cache"))
    repo = out / "repo"
    shutil.copytree(EXAMPLE, repo, ignore=shutil.ignore_patterns(".dytool"))
    try:
        assert run(["compile", "-C", str(repo), "--as-of", AS_OF, "--format", "pdf", "-o", str(out)]) == 0
        assert run(["bulletin", "-C", str(repo), "--as-of", AS_OF, "--month", "2023-06", "--format", "pdf", "-o", str(out)]) == 0
        assert run(["status", "-C", str(repo), "--as-of", "2023-09-15", "--format", "pdf", "-o", str(out / "briefing.pdf")]) in (0, 1)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    files = {"compilation": next(out.glob("青川*.pdf")), "bulletin": next(out.glob("工作动态*.pdf")), "briefing": out / "briefing.pdf"}
    for pdf in files.values():
        fonts = _tool("pdffonts", str(pdf))
        assert re.search(r"CJK|UKai|UMing", fonts), fonts
        assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:] if line.strip()), "every font is embedded"
    artifacts = os.environ.get("DYTOOL_ARTIFACTS")
    if artifacts:
        folder = Path(artifacts)
        folder.mkdir(parents=True, exist_ok=True)
        for name, pdf in files.items():
            shutil.copy(pdf, folder / f"{name}.pdf")
            subprocess.run(["pdftoppm", "-r", "60", "-png", "-l", "6", str(pdf), str(folder / name)], check=True, timeout=300)
        ledgers = next(p.number for p in _pages(files["compilation"]) if "附件1" in p.flat)
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", str(ledgers), "-l", str(ledgers + 1), str(files["compilation"]),
                        str(folder / "compilation-ledger")], check=True, timeout=300)
    return {name: _pages(pdf) for name, pdf in files.items()}


def _ledger_pages(pages: list[Page]) -> dict[str, list[Page]]:
    """The pages of each annex, from its label (附件N) to the next."""
    starts = [(p.number, re.search(r"附件(\d)", p.flat)) for p in pages if re.match(r"(三、附件)?附件\d", p.flat)]
    out: dict[str, list[Page]] = {}
    for index, (number, label) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(pages) + 1
        assert label is not None
        out[label.group(1)] = [p for p in pages if number <= p.number < end]
    return out


def test_official_format_and_page_counts(rendered: dict[str, list[Page]]) -> None:
    compilation, bulletin, briefing = rendered["compilation"], rendered["bulletin"], rendered["briefing"]
    assert all(round(min(p.width, p.height)) == 595 and round(max(p.width, p.height)) == 842 for doc in rendered.values() for p in doc)
    assert 50 <= len(compilation) <= 66
    assert len(bulletin) <= 4
    assert len(briefing) <= 5
    assert "青川市2023年大兴调查研究成果汇编" in compilation[0].flat
    assert compilation[0].footer is None and compilation[1].footer is None, "cover and contents carry no page number"
    assert compilation[2].footer == 1, "the contents take one page"
    numbers = [p.footer for p in compilation[2:]]
    assert numbers == list(range(1, len(numbers) + 1))


def test_every_ledger_is_landscape_and_the_problems_fit_six_pages(rendered: dict[str, list[Page]]) -> None:
    annexes = _ledger_pages(rendered["compilation"])
    assert sorted(annexes) == ["1", "2", "3"]
    assert all(page.landscape for pages in annexes.values() for page in pages)
    assert not any(page.landscape for page in rendered["compilation"] if page.number < annexes["1"][0].number)
    assert len(annexes["1"]) <= 6


def _ledger_tokens() -> dict[str, set[str]]:
    loaded = load_repository(EXAMPLE, __import__("dytool.checks", fromlist=["SUITE"]).SUITE)
    assert loaded.repo.campaign is not None
    facts = gather(loaded.repo, loaded.repo.campaign)
    import datetime as dt

    day = dt.date.fromisoformat(AS_OF)
    numbers = problem_numbers(facts, day)
    out = {}
    for annex, kind in enumerate(LEDGERS, 1):
        rows = ledger_rows(kind, facts, day, numbers)
        out[str(annex)] = {token for row in rows for cell in row for token in TOKEN.findall(cell)}
    return out


def test_no_date_or_id_is_broken_in_any_ledger(rendered: dict[str, list[Page]]) -> None:
    annexes = _ledger_pages(rendered["compilation"])
    for annex, tokens in _ledger_tokens().items():
        assert tokens
        lines = [re.sub(r"\s+", "", line) for page in annexes[annex] for line in page.text.splitlines()]
        broken = sorted(token for token in tokens if not any(token in line for line in lines))
        assert broken == [], f"附件{annex}: {broken}"


def test_no_date_is_broken_in_the_tables_of_the_briefing_and_the_bulletin(rendered: dict[str, list[Page]]) -> None:
    tables = rendered_tables()
    for name in ("briefing", "bulletin"):
        lines = [re.sub(r"\s+", "", line) for page in rendered[name] for line in page.text.splitlines()]
        tokens = {token for token in TOKEN.findall(tables[name])}
        assert tokens, name
        assert sorted(token for token in tokens if not any(token in line for line in lines)) == [], name


def rendered_tables() -> dict[str, str]:
    """The table rows (Markdown) of the briefing and the bulletin, where their dates and ids are."""
    import datetime as dt

    from dytool.core.messages import Lang
    from dytool.documents.bulletin import make_bulletin
    from dytool.documents.templating import Templates
    from dytool.present.briefing import briefing_page
    from dytool.present.page_md import page_markdown
    from dytool.status import compute_status

    loaded = load_repository(EXAMPLE, __import__("dytool.checks", fromlist=["SUITE"]).SUITE)
    campaign = loaded.repo.campaign
    assert campaign is not None
    briefing = page_markdown(briefing_page(compute_status(loaded.repo, campaign, dt.date(2023, 9, 15)), Lang.ZH))
    bulletin = make_bulletin(loaded.repo, campaign, "2023-06", Templates(None), dt.date.fromisoformat(AS_OF)).markdown
    return {name: "\n".join(line for line in text.splitlines() if line.startswith("|")) for name, text in
            (("briefing", briefing), ("bulletin", bulletin))}


def test_the_contents_page_numbers_are_where_the_headings_are(rendered: dict[str, list[Page]]) -> None:
    pages = rendered["compilation"]
    by_footer = {p.footer: p for p in pages if p.footer is not None}
    entries = re.findall(r"^\s*(\S.*?)\s*\.{3,}\s*(\d+)\s*$", pages[1].text, re.M)
    assert len(entries) >= 12, pages[1].text
    for title, number in entries:
        key = re.sub(r"\s+", "", title)
        assert key in by_footer[int(number)].flat, (title, number)


def test_no_table_row_is_split_across_pages(rendered: dict[str, list[Page]]) -> None:
    annexes = _ledger_pages(rendered["compilation"])
    loaded = load_repository(EXAMPLE, __import__("dytool.checks", fromlist=["SUITE"]).SUITE)
    assert loaded.repo.campaign is not None
    problems = [p.title for p in gather(loaded.repo, loaded.repo.campaign).problems]
    for title in problems:
        assert any(_whole_on(page, title) for page in annexes["1"]), title


def _whole_on(page: Page, text: str, window: int = 12) -> bool:
    """Whether ``text`` wraps within ``window`` layout lines of ``page`` (its characters in order
    from a line where it starts): a cell split across pages is whole on neither page."""
    key = re.sub(r"\s+", "", text)
    lines = [re.sub(r"\s+", "", line) for line in page.text.splitlines()]
    for start, line in enumerate(lines):
        if key[:2] not in line:
            continue
        rest = iter("".join([line[line.index(key[:2]):], *lines[start + 1:start + window]]))
        if all(char in rest for char in key):
            return True
    return False


def test_no_page_is_nearly_empty_but_the_last_of_a_part(rendered: dict[str, list[Page]]) -> None:
    for name, pages in rendered.items():
        starts = [p for p in pages[1:]]
        for page, following in zip(pages, [*starts, None], strict=True):
            if following is None or (page.number <= 2 and name == "compilation"):
                continue
            new_part = (following.landscape != page.landscape or re.match(r"(二、|三、|附件\d|关于|[一二三]、)", following.flat) is not None
                        or following.text.lstrip().startswith(("关于", "附件")))
            if not new_part:
                assert page.bottom > 0.2 + 0.1, f"{name} page {page.number} is nearly empty"



def test_toc_pages_stores_the_contents_page_numbers_in_the_word_file(tmp_path: Path) -> None:
    """compile --format docx --toc-pages: LibreOffice fills the contents, so WPS (which does not
    update fields) shows page numbers; without it the entries are there without numbers."""
    import zipfile

    from lxml import etree

    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLE, repo, ignore=shutil.ignore_patterns(".dytool"))
    saved = {key: os.environ.get(key) for key in ("HOME", "XDG_CACHE_HOME")}
    os.environ.update(HOME=str(tmp_path / "home"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    try:
        for name, extra in (("plain", []), ("pages", ["--toc-pages"])):
            assert run(["compile", "-C", str(repo), "--as-of", AS_OF, "--format", "docx", *extra, "-o", str(tmp_path / name)]) == 0
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

    def entries(folder: str) -> list[str]:
        docx = next((tmp_path / folder).glob("*.docx"))
        root = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
        return ["".join(t.text or "" for t in p.iter(f"{w}t")) for p in root.iter(f"{w}p")
                if (style := p.find(f"{w}pPr/{w}pStyle")) is not None and re.fullmatch(r"TOC\d", style.get(f"{w}val", ""))]

    plain, pages = entries("plain"), entries("pages")
    assert len(pages) == len(plain) >= 12
    assert not any(re.search(r"\d+$", entry) for entry in plain)
    assert all(re.search(r"\d+$", entry) for entry in pages), pages
    assert re.fullmatch(r"问题清单\d+", pages[-3]) and int(pages[-3][4:]) > 40
