"""Charts and tables in the browser: data reachable by keyboard, downloads that work."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def tab_to(page: Page, selector: str) -> None:
    target = page.locator(selector).first
    for _ in range(400):  # Tab through the page until the element has the focus
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"{selector} cannot be reached with the Tab key")


@pytest.mark.parametrize("path, csv_name, header", [
    ("sessions/", "chart-process-timeline.csv", "Session,Kind,Start,End,City,Dates"),
    ("tables/", "chart-tier-reach.csv", "Crime tier,Procedural measures (Chapter IV),"
     "International cooperation (Chapter V),Prevention (Chapter VI),"
     "Technical assistance (Chapter VII)"),
])
def test_chart_data_opens_from_the_keyboard_and_downloads(
        page: Page, site_url: str, console_errors: list[str], path: str, csv_name: str,
        header: str) -> None:
    page.goto(site_url + path)
    table = page.locator("details.uc-chart-data table").first
    expect(table).to_be_hidden()
    tab_to(page, "details.uc-chart-data summary")
    page.keyboard.press("Enter")
    expect(table).to_be_visible()
    with page.expect_download() as download:
        page.locator("details.uc-chart-data a[download]").first.click()
    assert download.value.suggested_filename == csv_name
    content = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert content.splitlines()[0] == header
    alt = page.locator("figure.uc-chart img").first.get_attribute("alt") or ""
    assert len(alt) > 80
    assert console_errors == []


def test_tables_page_offers_each_table_as_csv(page: Page, site_url: str,
                                              console_errors: list[str]) -> None:
    page.goto(site_url + "tables/")
    expect(page.locator("h2#crime-tiers")).to_have_count(1)
    with page.expect_download() as download:
        page.locator('a[download][href$="data/crime-tiers.csv"]').click()
    lines = Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("tier,where_defined,")
    assert lines[1].startswith('"Specific, defined crimes","Articles 1–16, Chapter II: ')
    assert console_errors == []
