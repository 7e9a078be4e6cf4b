"""A reader's path through the shipped site, in a real browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

RECONVENED = "Reconvened concluding session"


def heading(text: str) -> re.Pattern[str]:
    """The page's h1, followed by the theme's permalink sign."""
    return re.compile("^" + re.escape(text) + "¶?$")


def test_home_to_session_to_update_and_next(page: Page, site_url: str,
                                            console_errors: list[str]) -> None:
    page.goto(site_url)
    expect(page.locator("h1")).to_have_text(heading("The UN Convention against Cybercrime"))
    page.get_by_role("article").get_by_role("link", name=RECONVENED, exact=True).first.click()
    expect(page.locator("h1")).to_have_text(heading(RECONVENED))
    page.get_by_role("article").get_by_role(
        "link", name="#3: The most difficult articles: criminalization").click()
    expect(page.locator("h1")).to_have_text(heading("#3: The most difficult articles: criminalization"))
    expect(page.locator("article time").first).to_have_text("5 August 2024")
    page.locator("a[rel=next]").click()
    expect(page.locator("h1")).to_have_text(heading("#4: To deal or not to deal"))
    expect(page).to_have_url(re.compile(
        r"/sessions/reconvened-concluding-session/updates/04-to-deal-or-not-to-deal/$"))
    page.locator("a[rel=prev]").click()
    expect(page.locator("h1")).to_have_text(heading("#3: The most difficult articles: criminalization"))
    assert console_errors == []


def test_home_links_to_the_latest_update(page: Page, site_url: str,
                                         console_errors: list[str]) -> None:
    page.goto(site_url)
    page.get_by_role("article").get_by_role(
        "link", name="#6: Members approve cyber convention by consensus").click()
    expect(page.locator("h1")).to_have_text(heading("#6: Members approve cyber convention by consensus"))
    page.get_by_role("article").get_by_role("link", name=RECONVENED).first.click()
    expect(page.locator("h1")).to_have_text(heading(RECONVENED))
    assert console_errors == []


def test_search_finds_a_word_of_one_update(page: Page, site_url: str,
                                          console_errors: list[str]) -> None:
    page.goto(site_url)
    search = page.locator("input.md-search__input")
    search.click()
    # The index loads in a web worker; type like a reader, key by key, once it is there.
    page.wait_for_function("() => !!document.querySelector('.md-search__input')")
    page.wait_for_timeout(500)
    search.press_sequentially("Algerian", delay=30)
    expect(page.locator(".md-search-result__meta")).to_contain_text("1 matching document")
    page.locator(".md-search-result__item a").first.click()
    expect(page.locator("h1")).to_have_text(heading("#1: Here we go again"))
    assert console_errors == []


def test_from_an_update_to_an_article_and_back(page: Page, site_url: str,
                                              console_errors: list[str]) -> None:
    page.goto(site_url + "sessions/reconvened-concluding-session/updates/02-a-dark-moment/")
    page.get_by_role("article").get_by_role("link", name="articles 29", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/convention/article-29/$"))
    expect(page.locator("h1")).to_have_text(heading("Article 29"))
    expect(page.get_by_text("Heading not confirmed")).to_be_visible()
    mentioned = page.locator("h2#mentioned-in + ul")
    mentioned.get_by_role("link", name="#2: A dark moment").click()
    expect(page.locator("h1")).to_have_text(heading("#2: A dark moment"))
    page.get_by_role("link", name="States", exact=True).first.click()
    expect(page.locator("h1")).to_have_text(heading("States and their positions"))
    assert console_errors == []


def test_from_the_status_page_to_a_signatory(page: Page, site_url: str,
                                            console_errors: list[str]) -> None:
    page.goto(site_url + "treaty-status/")
    expect(page.locator("h1")).to_have_text(heading("Signatures and ratifications"))
    progress = page.get_by_role("progressbar")
    expect(progress).to_have_attribute("max", "40")
    expect(page.get_by_text("Entry into force: not yet.")).to_be_visible()
    page.get_by_role("article").get_by_role("link", name="Iran", exact=True).click()
    expect(page).to_have_url(re.compile(r"/states/iran/#signature-and-ratification$"))
    expect(page.locator("h1")).to_have_text(heading("Iran"))
    expect(page.locator("h2#signature-and-ratification")).to_be_visible()
    expect(page.get_by_text("none recorded as of 19 November 2025")).to_be_visible()
    assert console_errors == []
