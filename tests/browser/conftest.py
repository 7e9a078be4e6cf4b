"""Playwright driving Debian's Chromium; test tools cannot download browsers here."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect, sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without these, Chromium tries to reach Google's services at start-up and
# logs refused connections on a machine with no network.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium is needed at {CHROMIUM} for the browser tests; "
                    "`make test` installs Debian's chromium when run as root")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


class ConsoleErrors(list[str]):
    def record(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.append(f"{message.text} ({message.location.get('url')})")


@pytest.fixture
def console_errors() -> ConsoleErrors:
    return ConsoleErrors()


@pytest.fixture
def page(browser: Browser, console_errors: ConsoleErrors) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("console", console_errors.record)
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    yield page
    context.close()


def search(page: Page, query: str) -> None:
    """Type `query` into the site's search as a reader does, key by key, once the index is
    loaded (in a web worker), and wait for the results."""
    field = page.locator("input.md-search__input")
    field.click()
    page.wait_for_timeout(500)
    field.press_sequentially(query, delay=30)
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching document")
