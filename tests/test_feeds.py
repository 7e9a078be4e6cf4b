"""Atom feeds of the daily updates: they parse, read newest first, and every page points to them."""

from __future__ import annotations

from pathlib import Path

import feedparser
from bs4 import BeautifulSoup

from build_tools.site_info import SiteInfo
from tests.conftest import MINIMAL_DATA, build

SITE = SiteInfo("https://example.org/proj/", "Briefing")


def parsed(path: str) -> feedparser.FeedParserDict:
    files = build(MINIMAL_DATA, site=SITE).files
    feed = feedparser.parse(files[path])
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_site_feed_lists_updates_newest_first_with_absolute_links() -> None:
    feed = parsed("feed.xml")
    assert feed.feed.title == "Briefing: daily updates"
    assert [e.title for e in feed.entries] == [
        "#3: Last day", "#2: Second day", "#1: Opening day: who came"]
    first = feed.entries[0]
    assert first.link == "https://example.org/proj/sessions/alpha-session/updates/03-last-day/"
    assert first.summary == "The session closed."
    assert first.updated.startswith("2023-09-01")
    assert feed.entries[2].summary == "Delegates arrived."


def test_each_session_has_its_own_feed() -> None:
    feed = parsed("sessions/alpha-session/feed.xml")
    assert [e.title for e in feed.entries][0] == "#3: Last day"
    empty = parsed("sessions/beta-session/feed.xml")
    assert empty.entries == [] and empty.feed.updated.startswith("2024-08-09")


def test_every_page_advertises_the_feeds(shipped_site: Path) -> None:
    for html_file in sorted(shipped_site.rglob("index.html")):
        page = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        feeds = page.select('head link[rel=alternate][type="application/atom+xml"]')
        assert feeds, html_file
        target = (html_file.parent / feeds[0]["href"]).resolve()
        assert target == (shipped_site / "feed.xml").resolve(), html_file
    session = BeautifulSoup(
        (shipped_site / "sessions/reconvened-concluding-session/index.html").read_text(),
        "html.parser")
    assert session.select_one('article a[href="feed.xml"]').get_text() == "Atom feed"
