"""axe-core in Chromium on a few representative pages: no serious or critical violation."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

PAGES = [
    "",
    "sessions/",
    "sessions/reconvened-concluding-session/",
    "sessions/reconvened-concluding-session/updates/03-the-most-difficult-articles-criminalization/",
    "updates/",
    "tables/",
    "data/",
    "treaty-status/",
]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_no_serious_violation(page: Page, site_url: str, path: str, scheme: str) -> None:
    page.goto(site_url + path)
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    page.wait_for_timeout(600)  # the theme animates colour changes; measure after it settles
    results = Axe().run(page)
    serious = [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
               for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []
