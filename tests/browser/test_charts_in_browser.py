"""A chart's data is reachable by keyboard, and its CSV downloads."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_chart_data_opens_from_the_keyboard_and_downloads(page: Page, site_url: str,
                                                          console_errors: list[str]) -> None:
    page.goto(site_url + "sessions/")
    summary = page.locator("details.uc-chart-data summary").first
    table = page.locator("details.uc-chart-data table").first
    expect(table).to_be_hidden()
    for _ in range(200):  # Tab through the page until the chart's summary has the focus
        page.keyboard.press("Tab")
        if summary.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("the chart's data summary cannot be reached with the Tab key")
    page.keyboard.press("Enter")
    expect(table).to_be_visible()
    with page.expect_download() as download:
        page.locator("details.uc-chart-data a[download]").first.click()
    assert download.value.suggested_filename == "chart-process-timeline.csv"
    content = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert content.splitlines()[0] == "Session,Kind,Start,End,City,Dates"
    img = page.locator("figure.uc-chart img").first
    assert (img.get_attribute("alt") or "").startswith("Timeline of ")
    assert console_errors == []
