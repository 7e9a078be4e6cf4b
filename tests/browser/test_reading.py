"""A reader's path through the shipped site, in a real browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

RECONVENED = "Reconvened concluding session"


def test_home_to_session_to_update_and_next(page: Page, site_url: str,
                                            console_errors: list[str]) -> None:
    page.goto(site_url)
    expect(page.locator("h1")).to_have_text("The UN Convention against Cybercrime")
    page.get_by_role("article").get_by_role("link", name=RECONVENED, exact=True).first.click()
    expect(page.locator("h1")).to_have_text(RECONVENED)
    page.get_by_role("article").get_by_role(
        "link", name="#3: The most difficult articles: criminalization").click()
    expect(page.locator("h1")).to_have_text("#3: The most difficult articles: criminalization")
    expect(page.locator("article time").first).to_have_text("5 August 2024")
    page.locator("a[rel=next]").click()
    expect(page.locator("h1")).to_have_text("#4: To deal or not to deal")
    expect(page).to_have_url(re.compile(
        r"/sessions/reconvened-concluding-session/updates/04-to-deal-or-not-to-deal/$"))
    page.locator("a[rel=prev]").click()
    expect(page.locator("h1")).to_have_text("#3: The most difficult articles: criminalization")
    assert console_errors == []


def test_home_links_to_the_latest_update(page: Page, site_url: str,
                                         console_errors: list[str]) -> None:
    page.goto(site_url)
    page.get_by_role("article").get_by_role(
        "link", name="#6: Members approve cyber convention by consensus").click()
    expect(page.locator("h1")).to_have_text("#6: Members approve cyber convention by consensus")
    page.get_by_role("article").get_by_role("link", name=RECONVENED).first.click()
    expect(page.locator("h1")).to_have_text(RECONVENED)
    assert console_errors == []


def test_search_finds_a_word_of_one_update(page: Page, site_url: str,
                                          console_errors: list[str]) -> None:
    page.goto(site_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    search = page.locator("input.md-search__input")
    search.fill("Liechtenstein")
    expect(page.locator(".md-search-result__meta")).to_contain_text("1 matching document")
    page.locator(".md-search-result__item a").first.click()
    expect(page.locator("h1")).to_have_text("#1: Here we go again")
    assert console_errors == []
