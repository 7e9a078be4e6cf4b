"""The live preview in a real browser: a data error replaces the page, and fixing it brings it back."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.test_serve import PAGE, serve

pytestmark = pytest.mark.browser

UPDATE = "sessions/alpha-session/updates/02-second-day.yaml"
SECONDS = 15  # "within a few seconds": a rebuild takes one or two; generous on a busy machine


def test_preview_shows_a_data_error_where_the_editor_looks_and_recovers(
        page: Page, data_tree: Callable[..., Path], console_errors: list[str]) -> None:
    data = data_tree()
    update = data / UPDATE
    good = update.read_text(encoding="utf-8")
    with serve(data) as base:
        page.goto(base + PAGE)
        expect(page.locator("h1")).to_have_text(re.compile(r"^#2: Second day"))
        update.write_text(good.replace("date: 2023-08-22", "date: 2023-02-30"), encoding="utf-8")
        started = time.monotonic()
        expect(page.locator("h1")).to_have_text("The data has errors", timeout=SECONDS * 1000)
        shown_after = time.monotonic() - started
        expect(page.locator("#problems li")).to_have_text([
            f"data/{UPDATE}:3:7: error: date: expected a date YYYY-MM-DD that exists in the "
            "calendar, received '2023-02-30'"])
        update.write_text(good.replace("title: Second day", "title: A renamed day"),
                          encoding="utf-8")
        expect(page.locator("h1")).to_have_text(re.compile(r"^#2: A renamed day"),
                                                timeout=SECONDS * 1000)
    print(f"error page shown {shown_after:.1f} s after the save")
    assert shown_after < SECONDS
    assert [e for e in console_errors if "livereload" not in e] == []
