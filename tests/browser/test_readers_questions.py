"""The questions readers come with, answered on the page at a phone's width and a laptop's.

Each test opens the shipped site as GitHub Pages serves it (under its sub-path) in Chromium,
at 390 × 844 and 1280 × 800, and asserts on what a reader sees.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import ConsoleErrors, search

SIZES = {"phone": (390, 844), "laptop": (1280, 800)}


@pytest.fixture(params=sorted(SIZES))
def sized(request: pytest.FixtureRequest, browser: Browser,
          console_errors: ConsoleErrors) -> Iterator[tuple[str, Page]]:
    width, height = SIZES[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.on("console", console_errors.record)
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    yield request.param, page
    context.close()


def _base_letters(name: str) -> str:
    """How a reader sorts names: 'Côte d'Ivoire' with the Cs, case and accents set aside."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.casefold())
                   if not unicodedata.combining(c))


def no_sideways_scroll(page: Page) -> None:
    """The page itself never scrolls sideways (a wide table may, inside its own box)."""
    width = page.evaluate("document.documentElement.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_who_on_each_side_signed_is_named_on_the_article_page(
        sized: tuple[str, Page], site_url: str, console_errors: ConsoleErrors) -> None:
    """'Which states that wanted article 6(2) deleted signed?': a list per side, by name."""
    _, page = sized
    page.goto(site_url + "convention/article-6/#where-they-stand-today")
    side = page.locator(".uc-side").filter(has_text=re.compile(r"Art\. 6\(2\) · delete\b"))
    expect(side.first).to_be_visible()
    expect(side.first.locator("li").filter(has_text="Signed:").first).to_contain_text(
        "Malaysia")
    expect(side.first.locator("li").filter(has_text="Not signed:").first).to_be_visible()
    no_sideways_scroll(page)
    assert console_errors == []


def test_the_grid_names_every_state_with_its_status_and_keeps_names_in_view(
        page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + "states/")
    named = int(re.search(r"The sources name (\d+) states",
                          page.locator("article").inner_text()).group(1))  # type: ignore[union-attr]
    grid = page.locator(".uc-grid table")
    expect(grid).to_be_visible()
    assert grid.locator("tbody tr").count() == named
    expect(grid.locator("thead th").nth(1)).to_contain_text("Convention today")
    iran = grid.locator("tbody tr").filter(
        has=page.locator("td:first-child", has_text=re.compile(r"^Iran$")))
    iran.scroll_into_view_if_needed()
    expect(iran.locator("td").nth(1)).to_have_text("signed")
    # Scrolled to the far right, the state's name stays at the left edge of the grid's box.
    name = iran.locator("td").first
    left = grid.evaluate("t => { for (let e = t; e; e = e.parentElement) {"
                         " if (e.scrollWidth > e.clientWidth + 10) { e.scrollLeft = 100000;"
                         " return e.scrollLeft > 500 ? e.getBoundingClientRect().left : null; } } }")
    assert left is not None  # the grid is wider than the page, and it did scroll
    page.wait_for_timeout(100)
    assert abs(name.bounding_box()["x"] - left) < 1  # type: ignore[index]
    expect(name).to_be_in_viewport()


def test_each_stance_in_the_grid_is_explained_where_it_leads(page: Page, site_url: str) -> None:
    page.goto(site_url + "states/")
    stance = page.locator(".uc-grid td a[href*='#side-']").first
    target = "#" + str(stance.get_attribute("href")).split("#", 1)[1]
    assert stance.get_attribute("title")  # the topic, when the reader points at it
    stance.click()
    side = page.locator(target)
    expect(side).to_be_in_viewport()
    expect(side.locator(".uc-side-meaning").first).to_be_visible()
    expect(side.locator("li").first).to_contain_text(re.compile(r"Signed|Not signed|deposited"))


def test_on_a_phone_the_grid_becomes_a_list_per_provision(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport=dict(zip(("width", "height"), SIZES["phone"],
                                                    strict=True)))
    page = context.new_page()
    page.goto(site_url + "states/")
    expect(page.locator(".uc-grid")).to_be_hidden()
    note = page.locator(".uc-small-screen-note")
    expect(note).to_be_visible()
    note.get_by_role("link").click()
    expect(page.locator(".uc-side").first).to_be_in_viewport()
    no_sideways_scroll(page)
    context.close()


def test_the_participants_table_sorts_and_filters(sized: tuple[str, Page], site_url: str) -> None:
    _, page = sized
    page.goto(site_url + "treaty-status/")
    table = page.locator(".uc-sortable table").first
    names = table.locator("tbody tr td:first-child")
    first = names.first.inner_text()
    table.get_by_role("button", name="Sort by Participant").click()
    expect(table.locator("thead th").first).to_have_attribute("aria-sort", "ascending")
    table.get_by_role("button", name="Sort by Participant").click()
    expect(table.locator("thead th").first).to_have_attribute("aria-sort", "descending")
    assert names.first.inner_text() != first
    rows = names.all_inner_texts()
    assert rows == sorted(rows, key=_base_letters, reverse=True)
    table.get_by_role("button", name="Sort by Signature").click()
    dates = table.locator("tbody tr td:nth-child(2) time").evaluate_all(
        "times => times.map(t => t.getAttribute('datetime'))")
    assert dates == sorted(dates)
    page.get_by_label("Show only the rows that contain").first.fill("Zimbabwe")
    expect(table.locator("tbody tr:visible")).to_have_count(1)
    expect(page.locator(".uc-filter-count").first).to_contain_text("1 of")


def test_without_scripts_a_sortable_table_stays_a_table(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "treaty-status/")
    table = page.locator(".uc-sortable table").first
    expect(table).to_be_visible()
    assert table.locator("tbody tr").count() > 50
    expect(page.locator(".uc-filter")).to_have_count(0)
    expect(page.locator(".uc-sort")).to_have_count(0)
    context.close()


@pytest.mark.parametrize("query", ["article 24", "Article 24", "art. 24"])
def test_an_articles_own_page_comes_first(page: Page, site_url: str, query: str) -> None:
    page.goto(site_url)
    search(page, query)
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_have_attribute("href", re.compile(r"/convention/article-24/\?h="))
    # Its excerpt is what the article does, not the notice every article page carries.
    expect(page.locator(".md-search-result__item").first).not_to_contain_text(
        "does not reproduce the convention")
    # The results can be shared: the theme's button copies an address that opens them.
    expect(page.locator(".md-search__options [data-clipboard]").first).to_be_attached()


def test_did_germany_sign_is_answered_by_search(page: Page, site_url: str) -> None:
    page.goto(site_url)
    search(page, "Germany")
    page.locator(".md-search-result__item > a").first.click()
    expect(page.locator("h1")).to_have_text(re.compile(r"^Germany"))
    expect(page.locator("article")).to_contain_text("Not signed as of")


def test_the_scoreboard_leads_the_home_and_status_pages(sized: tuple[str, Page],
                                                       site_url: str) -> None:
    """The figures a reader comes for, on the first screen, read in order: what, then how many."""
    _, page = sized
    for path in ("", "treaty-status/"):
        page.goto(site_url + path)
        board = page.locator("dl.uc-scoreboard")
        expect(board).to_be_in_viewport()
        terms = board.locator("dt").all_inner_texts()
        assert terms[:3] == ["Signatories", "Instruments counted towards entry into force",
                             "More instruments needed"]
        figures = board.locator("dd").all_inner_texts()
        assert figures[0].isdigit() and re.fullmatch(r"\d+ of 40.*", figures[1])
        assert "Record last checked" in terms
        no_sideways_scroll(page)
