"""The site in a real browser (headless Chromium): what a leader opening it would see and do.

Every page loads with no console error and no request leaving the site; the overview shows
the briefing's figures; the ledger's filters give exactly the expected rows, by mouse and by
keyboard; a hostile record's script never runs; screenshots at 1366×768 are kept for a person
to look at (``DYTOOL_ARTIFACTS``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import Browser, artifacts, chromium, require_browser
from sitekit import AS_OF_DAY, build, committed, example_copy, hostile_repo, pages, quiet_home

from dytool.checks import SUITE
from dytool.documents.compile import public_view
from dytool.engine.load import LoadOptions, load_repository
from dytool.facts.records import gather
from dytool.status import compute_status
from dytool.status.ledger import ledger_lists, problem_state

require_browser()

COUNTY = "xiling-county"


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("example-site")
    with quiet_home(base):
        repo = example_copy(base / "campaign")
        committed(repo)
        assert build(repo, base / "site") == 0
    return base / "site"


@pytest.fixture(scope="module")
def expected(example_site: Path) -> Any:
    """The briefing of the example as the site shows it (classified records left out)."""
    repo = load_repository(example_site.parent / "campaign", SUITE, LoadOptions(cache=False)).repo
    assert repo.campaign is not None
    view = public_view(repo)
    facts = gather(view, repo.campaign)
    return compute_status(view, repo.campaign, AS_OF_DAY), facts


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("hostile-site")
    with quiet_home(base):
        repo = hostile_repo(base / "campaign")
        assert build(repo, base / "site") == 0
    return base / "site"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as b:
        yield b


def _ledger_ids(b: Browser) -> list[str]:
    b.page.wait_for_selector("body[data-ledger-ready]")
    return [cell.strip() for cell in b.page.locator("#ledger-body tr td.id").all_inner_texts()]


def _until(b: Browser, condition: str) -> None:
    """Wait for a condition (the pages forbid the evaluated strings that wait_for_function uses)."""
    for _ in range(100):
        if b.page.evaluate(condition):
            return
        b.page.wait_for_timeout(50)
    raise AssertionError(f"never true: {condition}")


def _all_ledger_ids(b: Browser) -> set[str]:
    seen = set(_ledger_ids(b))
    while b.page.locator("#p-next").is_enabled():
        b.page.click("#p-next")
        seen |= set(_ledger_ids(b))
    return seen


def test_every_page_loads_with_no_error_and_no_request_leaving_the_site(example_site: Path, browser: Browser) -> None:
    found = pages(example_site)
    assert len(found) > 30
    for page in found:
        visit = browser.open(page)
        if page.name == "problems.html":
            _ledger_ids(browser)
        assert visit.errors == [], (page, visit.errors)
        assert visit.refused == [], (page, visit.refused)


def test_the_overview_shows_the_figures_of_the_as_of_day(example_site: Path, browser: Browser, expected: Any) -> None:
    briefing, _ = expected
    browser.open(example_site / "index.html")
    figure = lambda key: browser.page.locator(f'[data-figure="{key}"]').first.inner_text().strip()  # noqa: E731
    problems = briefing.lists.problems
    assert figure("problems-found") == str(problems.found)
    assert figure("problems-closed") == str(problems.closed)
    assert figure("problems-overdue") == str(problems.overdue) == "6"
    assert figure("closure-rate") == f"{problems.closure_rate * 100:.1f}%"
    assert figure("solutions") == f"{briefing.lists.solutions_done}/{briefing.lists.solutions_total}"
    assert figure("campaign-days-left") == "107 天"
    assert browser.page.locator('[data-figure="stage-days-left"]').all_inner_texts() == [f"剩余 {s.days_left} 天" for s in briefing.stages]
    assert browser.page.locator("[data-as-of]").first.get_attribute("data-as-of") == "2023-09-15"
    assert len(browser.page.locator("[data-commit]").first.get_attribute("data-commit") or "") == 40


def test_filtering_the_ledger_by_a_unit_and_by_overdue_shows_exactly_those_rows(example_site: Path, browser: Browser, expected: Any) -> None:
    _, facts = expected
    of_county = {row.problem.id for row in problem_state(facts.problems_by_unit[COUNTY], AS_OF_DAY)}
    overdue = {item.id for item in ledger_lists(facts, AS_OF_DAY, unit=COUNTY).overdue}
    assert overdue == {"P-029"} and len(of_county) > len(overdue)
    browser.open(example_site / "problems.html")
    assert len(_all_ledger_ids(browser)) == len(problem_state(facts.problems, AS_OF_DAY))
    browser.page.select_option("#f-unit", label="西岭县")
    assert _all_ledger_ids(browser) == of_county
    browser.page.check("#f-overdue")
    assert set(_ledger_ids(browser)) == overdue
    assert "#unit=xiling-county" in browser.page.url and "overdue=1" in browser.page.url
    browser.page.click("#f-reset")
    browser.page.check("#f-overdue")
    assert set(_ledger_ids(browser)) == {o.id for o in ledger_lists(facts, AS_OF_DAY).overdue if o.kind == "problem"}


def test_the_filters_work_from_the_keyboard(example_site: Path, browser: Browser) -> None:
    browser.open(example_site / "problems.html")
    page = browser.page
    _ledger_ids(browser)
    page.focus("#f-search")
    page.keyboard.type("P-02")
    _until(browser, "document.querySelectorAll('#ledger-body tr').length < 20")
    assert all(i.startswith("P-02") for i in _ledger_ids(browser))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "f-unit"
    while page.evaluate("document.getElementById('f-unit').selectedOptions[0].text") != "西岭县":
        page.keyboard.press("ArrowDown")
    for _ in range(4):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "f-overdue"
    page.keyboard.press("Space")
    assert _ledger_ids(browser) == ["P-029"]
    page.focus("th[data-key='due'] button")
    page.keyboard.press("Enter")
    assert page.get_attribute("th[data-key='due']", "aria-sort") == "ascending"


def test_a_leader_finds_a_countys_overdue_problems_and_reads_a_report(example_site: Path, browser: Browser) -> None:
    browser.open(example_site / "index.html")
    page = browser.page
    page.click(f'a.count[href*="unit={COUNTY}"]')
    assert _ledger_ids(browser) == ["P-029"]
    assert page.locator("#f-unit option:checked").inner_text() == "西岭县" and page.is_checked("#f-overdue")
    page.click("nav.tabs >> text=调研课题")
    page.click("text=推动“两湾”产业融合发展先行试验区建设的路径研究")
    assert page.locator(".report-title").inner_text() == "关于推动“两湾”产业融合发展先行试验区建设的调研报告"
    assert page.locator(".prose table").count() >= 1 and page.locator(".prose h3").count() >= 2


def _each_overdue_count_opens_exactly_its_rows(b: Browser, site: Path) -> list[str]:
    """Click every count of the overview's 逾期问题 table and its 查看全部 link: the ledger shows
    exactly that many rows.  Returns the addresses clicked."""
    links = "a.count[href^='problems.html#unit=']"
    b.open(site / "index.html")
    counts = [int(text) for text in b.page.locator(links).all_inner_texts()]
    assert len(counts) >= 2
    hrefs = []
    for n, count in enumerate(counts):
        b.open(site / "index.html")
        hrefs.append(b.page.locator(links).nth(n).get_attribute("href") or "")
        b.page.locator(links).nth(n).click()
        assert len(_ledger_ids(b)) == count, hrefs[-1]
    b.open(site / "index.html")
    total = int("".join(c for c in b.page.locator("p.more a[href='problems.html#overdue=1']").inner_text() if c.isdigit()))
    b.page.click("p.more a[href='problems.html#overdue=1']")
    assert len(_ledger_ids(b)) == total
    return hrefs


def test_each_overdue_count_of_the_overview_opens_exactly_its_rows(example_site: Path, browser: Browser) -> None:
    hrefs = _each_overdue_count_opens_exactly_its_rows(browser, example_site)
    assert any(COUNTY in href for href in hrefs)


def test_an_anonymized_sites_overdue_counts_open_their_rows_and_name_no_unit(
        example_site: Path, browser: Browser, tmp_path: Path) -> None:
    """With --anonymize the ledger has no unit list, yet each count still opens that unit's
    overdue problems, and the address names no unit (an id such as xiling-county spells it)."""
    with quiet_home(tmp_path):
        assert build(example_site.parent / "campaign", tmp_path / "site", "--anonymize") == 0
    hrefs = _each_overdue_count_opens_exactly_its_rows(browser, tmp_path / "site")
    assert all(COUNTY not in href and "fgw" not in href for href in hrefs)
    browser.open(tmp_path / "site" / "problems.html", "#" + hrefs[0].split("#", 1)[1])
    browser.page.click("#f-reset")
    _until(browser, "!location.hash.includes('unit=')")


def test_a_hostile_records_script_never_runs(hostile_site: Path, browser: Browser) -> None:
    for page in pages(hostile_site):
        visit = browser.open(page)
        if page.name == "problems.html":
            _ledger_ids(browser)
            browser.page.hover("#ledger-body tr td:nth-child(2)")
        assert browser.page.evaluate("typeof window.__pwned") == "undefined", page
        assert visit.errors == [] and visit.refused == [] and visit.dialogs == [], (page, visit)
        scripts = browser.page.evaluate("[...document.scripts].map(s => s.getAttribute('src'))")
        assert all(src and not src.startswith(("http", "//", "data:", "javascript:")) for src in scripts), (page, scripts)
        assert browser.page.locator("iframe, object, embed, a[href^='javascript'], a[href^='data'], img[src^='data']").count() == 0
    browser.open(hostile_site / "topics" / "T-001.html")
    browser.page.click("text=点我")
    assert browser.page.evaluate("typeof window.__pwned") == "undefined"
    browser.open(hostile_site / "problems.html")
    _ledger_ids(browser)
    assert "<script>window.__pwned='problem'</script>" in browser.page.locator("#ledger-body").inner_text()


def _headings(b: Browser) -> list[int]:
    return b.page.evaluate("[...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')].map(h => +h.tagName[1])")


def test_headings_in_order_and_tables_with_headers(example_site: Path, browser: Browser) -> None:
    for page in pages(example_site):
        browser.open(page)
        levels = _headings(browser)
        assert levels[0] == 1 and levels.count(1) == 1, page
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), (page, levels)
        bad = browser.page.evaluate("""[...document.querySelectorAll('table')].filter(t =>
            !t.tHead || t.tHead.querySelectorAll('th').length === 0 ||
            [...t.tHead.querySelectorAll('th')].some(th => th.getAttribute('scope') !== 'col')).length""")
        assert bad == 0, page
        unlabeled = browser.page.evaluate("""[...document.querySelectorAll('input, select')].filter(el =>
            !(el.labels && el.labels.length)).length""")
        assert unlabeled == 0, page


CONTRAST = """(selector) => [...document.querySelectorAll(selector)].map(el => {
  const rgb = s => s.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
  const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const style = getComputedStyle(el);
  const [a, b] = [lum(rgb(style.color)), lum(rgb(style.backgroundColor))];
  return [el.className, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
})"""


def test_the_status_colours_are_readable(example_site: Path, browser: Browser) -> None:
    seen: dict[str, float] = {}
    for name in ("index.html", "leaders.html", "units/xiling-county.html", "topics/T-009.html"):
        browser.open(example_site / name)
        for css, ratio in browser.page.evaluate(CONTRAST, ".badge"):
            seen[css] = min(ratio, seen.get(css, 99.0))
    browser.open(example_site / "problems.html")
    _ledger_ids(browser)
    for css, ratio in browser.page.evaluate(CONTRAST, ".badge"):
        seen[css] = min(ratio, seen.get(css, 99.0))
    assert {"badge overdue", "badge done", "badge due-soon", "badge pending"} <= set(seen)
    assert all(ratio >= 4.5 for ratio in seen.values()), seen


def test_screenshots_for_a_person_to_look_at(example_site: Path, browser: Browser, tmp_path: Path) -> None:
    folder = artifacts(tmp_path / "screenshots")
    for name, path, fragment in (("overview", "index.html", ""), ("ledger", "problems.html", "#unit=xiling-county"),
                                 ("topic", "topics/T-001.html", "")):
        browser.open(example_site / path, fragment)
        if name == "ledger":
            _ledger_ids(browser)
        browser.page.screenshot(path=str(folder / f"site-{name}-1366x768.png"))
        browser.page.screenshot(path=str(folder / f"site-{name}-full.png"), full_page=True)
    assert len(list(folder.glob("site-*.png"))) == 6
