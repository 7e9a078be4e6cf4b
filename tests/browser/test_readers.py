"""What a new reader needs, in a real browser: the tabs, abbreviations explained from the
keyboard, document symbols found by the search."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pypdf
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import search

pytestmark = pytest.mark.browser

TABS = ["Process", "Daily updates", "Convention", "States", "Tables", "Data", "About"]
DARK_MOMENT = "sessions/reconvened-concluding-session/updates/02-a-dark-moment/"


def test_the_home_page_shows_the_tabs_and_the_sidebar(page: Page, site_url: str,
                                                      console_errors: list[str]) -> None:
    page.goto(site_url)
    tabs = page.locator("nav.md-tabs")
    expect(tabs).to_be_visible()
    for name in TABS:
        expect(tabs.get_by_role("link", name=name, exact=True)).to_be_visible()
    expect(page.locator(".md-sidebar--primary")).to_be_visible()
    tabs.get_by_role("link", name="Process", exact=True).click()
    page.get_by_role("article").get_by_role("link", name="Sixth session", exact=True).first.click()
    path = page.locator("nav.md-path")  # the breadcrumbs above the heading
    expect(path).to_be_visible()
    expect(path.get_by_role("link", name="Process")).to_be_visible()
    assert console_errors == []


def focus_tooltip(page: Page, term: str) -> None:
    abbr = page.locator(f".uc-prose abbr:text-is('{term}')").first
    expect(abbr).to_have_attribute("tabindex", "0")
    # Reach it from the element before it with the Tab key, as a keyboard user would.
    abbr.evaluate("element => { const b = document.createElement('button');"
                  " b.textContent = 'start'; element.before(b); b.focus(); }")
    page.keyboard.press("Tab")
    assert abbr.evaluate("element => element === document.activeElement")
    tooltip = page.locator(".md-tooltip2--active[role=tooltip]")
    expect(tooltip).to_be_visible()
    return None


def test_an_abbreviation_in_an_update_opens_its_tooltip_on_keyboard_focus(
        page: Page, site_url: str, console_errors: list[str]) -> None:
    page.goto(site_url + DARK_MOMENT)
    focus_tooltip(page, "OHCHR")
    expect(page.locator(".md-tooltip2--active")).to_contain_text(
        "Office of the United Nations High Commissioner for Human Rights")
    assert console_errors == []


def test_untoc_in_editor_prose_opens_its_tooltip_on_keyboard_focus(
        page: Page, site_url: str, console_errors: list[str]) -> None:
    # No shipped update names UNTOC; the annotations of article 4 do, through the same prose stage.
    page.goto(site_url + "convention/article-4/")
    focus_tooltip(page, "UNTOC")
    expect(page.locator(".md-tooltip2--active")).to_contain_text(
        "United Nations Convention against Transnational Organized Crime")
    assert console_errors == []


@pytest.mark.parametrize("query, page_url", [
    ("A/AC.291/22", "sources/"),
    ("C.N.196.2025.TREATIES-XVIII.16", "convention/article-64/"),
    ("6(2)", "convention/article-6/"),
])
def test_search_finds_document_symbols_and_article_forms(
        page: Page, site_url: str, console_errors: list[str], query: str, page_url: str) -> None:
    page.goto(site_url)
    search(page, query)
    # The symbol (up to a hyphen) is one word of the index, highlighted whole in the results.
    word = query.split("-")[0].rstrip(")")
    expect(page.locator(".md-search-result mark").filter(has_text=word).first).to_have_text(word)
    expect(page.locator(f'.md-search-result__item > a[href*="/{page_url}?h="]').first).to_be_attached()
    assert console_errors == []


def test_the_404_page_searches_and_links_under_the_sub_path(
        page: Page, site_url: str, shipped_site: Path, console_errors: list[str]) -> None:
    # GitHub Pages answers a missing address with 404.html, at that address.
    missing = site_url + "no/such/page/"
    body = (shipped_site / "404.html").read_text(encoding="utf-8")
    page.route(missing, lambda route: route.fulfill(status=404, body=body, content_type="text/html"))
    page.goto(missing)
    expect(page.locator("h1")).to_have_text("Page not found")
    expect(page.locator(".md-header")).to_have_css("position", "sticky")  # the theme's CSS loaded
    page.locator("article").get_by_role("link", name="Convention", exact=True).click()
    expect(page).to_have_url(site_url + "convention/")
    page.goto(missing)
    page.get_by_label("Search the site").fill("A/AC.291/22")
    page.keyboard.press("Enter")
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching document",
                                                                    timeout=15000)
    assert [e for e in console_errors if "404 (Not Found)" not in e] == []


# Each chart's smallest text as the page shows it: its SVG's smallest font size (in the SVG's
# own units) times the width the image is shown at over the SVG's width.
SMALLEST_TEXT = """async img => {
  const svg = await (await fetch(img.currentSrc || img.src)).text();
  const width = parseFloat(svg.match(/viewBox="0 0 ([\\d.]+)/)[1]);
  const sizes = [...svg.matchAll(/font-size: ?([\\d.]+)px/g)].map(m => parseFloat(m[1]));
  return Math.min(...sizes) * img.getBoundingClientRect().width / width;
}"""


def test_every_chart_is_readable_on_a_phone(browser: Browser, site_url: str,
                                            shipped_site: Path) -> None:
    """Every chart of every page that shows one, at a phone's width: no text under 11 px."""
    shown = sorted(p.parent.relative_to(shipped_site).as_posix() + "/"
                   for p in shipped_site.rglob("index.html")
                   if 'class="uc-chart"' in p.read_text(encoding="utf-8"))
    charts = {p.stem for p in (shipped_site / "charts").glob("*.svg") if not p.stem.endswith("-dark")}
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    page = context.new_page()
    seen = set()
    for path in shown:
        page.goto(site_url + path.removeprefix("./"))
        images = page.locator("figure.uc-chart img[src$='#only-light']")  # the light scheme
        for i in range(images.count()):
            image = images.nth(i)
            image.scroll_into_view_if_needed()
            expect(image).to_have_js_property("complete", True)
            assert image.evaluate("img => img.getBoundingClientRect().right") <= 390
            smallest = image.evaluate(SMALLEST_TEXT)
            source = str(image.get_attribute("src"))
            assert smallest >= 11, f"{path}: {source}: {smallest:.1f} px"
            seen.add(source.rsplit("/", 1)[1].split(".svg")[0])
    context.close()
    assert seen == charts


def test_each_chart_has_an_anchor_and_its_downloads(page: Page, site_url: str) -> None:
    page.goto(site_url + "tables/#chart-tier-reach")
    figure = page.locator("figure#chart-tier-reach")
    expect(figure).to_be_in_viewport()
    for name in ("SVG", "PNG", "CSV"):
        link = figure.get_by_role("link", name=name, exact=True)
        href = link.evaluate("a => a.href")
        assert page.request.get(href).ok, href
    png = page.request.get(site_url + "charts/tier-reach.png").body()
    assert png.startswith(b"\x89PNG")


UPDATES = ["#1: Here we go again", "#2: A dark moment",
           "#3: The most difficult articles: criminalization", "#4: To deal or not to deal",
           "#5: Doomsday", "#6: Members approve cyber convention by consensus"]


def test_a_sessions_briefing_prints_its_updates_in_order(page: Page, site_url: str) -> None:
    page.goto(site_url + "sessions/reconvened-concluding-session/")
    page.get_by_role("link", name="the session's briefing").click()
    expect(page.locator("h1")).to_have_text(re.compile("^Briefing: Reconvened concluding session"))
    button = page.get_by_role("button", name="Print or save as PDF")
    expect(button).to_be_visible()
    page.evaluate("window.print = () => { document.body.dataset.printed = 'yes'; }")
    button.click()
    expect(page.locator("body")).to_have_attribute("data-printed", "yes")
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    sheets = [_lines(sheet) for sheet in pdf.pages]
    feet = [_foot(lines) for lines in sheets]
    texts = ["".join(t for line in lines if line not in foot for t in [line[1]])
             for lines, foot in zip(sheets, feet, strict=True)]
    assert 1 + len(UPDATES) <= len(texts) <= 40
    assert texts[0].startswith("Briefing: Reconvened concluding session")
    # Each update starts a sheet of its own, in the session's order.
    starts = [next(i for i, t in enumerate(texts) if t.startswith(title)) for title in UPDATES]
    assert starts == sorted(starts) and len(set(starts)) == len(UPDATES)
    whole = "\n".join(texts)
    assert "Search" not in texts[0].split("\n")[0]  # no header, tabs or search on paper
    assert whole.index("Algerian diplomat") < whole.index(UPDATES[5])
    address = site_url.split("//", 1)[1].split("/", 1)[0]
    for number, (lines, foot) in enumerate(zip(sheets, feet, strict=True), 1):
        # In the bottom margin, and nothing else there: the page's address and the sheet's
        # number, which therefore never print over the text.
        written = "".join(text for _, text in foot)
        assert f"{number} / {len(sheets)}" in written, (number, written)
        assert "/sessions/reconvened-concluding-session/briefing/ · updated" in written, number
        assert min(y for y, text in lines if (y, text) not in foot) > BOTTOM_MARGIN, number
        # Links within the site print as their words alone; only the foot names the address.
        assert [t for y, t in lines if address in t and (y, t) not in foot] == [], number
    assert any("<https://" in t for t in texts), "the address of another site is printed"


def _lines(sheet: pypdf.PageObject) -> list[tuple[float, str]]:
    """Each piece of text on a PDF sheet, in order, with its height from the bottom in points."""
    found: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            found.append((round(tm[4] * cm[1] + tm[5] * cm[3] + cm[5], 1), text))

    sheet.extract_text(visitor_text=visit)
    return found


BOTTOM_MARGIN = 2 / 2.54 * 72  # the sheet's bottom margin in points (2 cm, site.css)


def _foot(lines: list[tuple[float, str]]) -> list[tuple[float, str]]:
    """What is printed in the bottom margin of a sheet."""
    return [(y, text) for y, text in lines if y < BOTTOM_MARGIN]


def test_the_offline_copy_searches_from_disk(page: Page, shipped_site: Path, tmp_path: Path,
                                             console_errors: list[str]) -> None:
    with zipfile.ZipFile(shipped_site / "downloads" / "un-cybercrime-briefing-offline.zip") as z:
        z.extractall(tmp_path)
    page.goto((tmp_path / "un-cybercrime-briefing" / "index.html").as_uri())
    search(page, "Algerian")
    page.locator(".md-search-result__item a").first.click()
    expect(page.locator("h1")).to_have_text(re.compile("^#1: Here we go again"))
    assert page.url.startswith("file://")
    assert console_errors == []
