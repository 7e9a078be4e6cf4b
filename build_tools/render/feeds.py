"""Atom feeds of the daily updates, built with feedgen: one for the site, one per session.

Pure: the updates and the site's address arrive in the render context; no clock is
read (a feed's `updated` is its newest entry's date), so the same data gives
the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from feedgen.feed import FeedGenerator

from build_tools import urls
from build_tools.models.dataset import UpdateRecord
from build_tools.prose.markdown import plain_text
from build_tools.render.context import RenderContext

FEED_SIZE = 50  # newest entries per feed


def render_feeds(ctx: RenderContext) -> dict[str, str | bytes]:
    dataset, site_url, site_name = ctx.dataset, ctx.site.url, ctx.site.name
    base = site_url if site_url.endswith("/") else site_url + "/"
    # An empty feed is dated by the last day of the sessions it covers.
    last_day = max((s.data.end for s in dataset.sessions), default=dt.date(2021, 5, 10))
    files: dict[str, str | bytes] = {
        urls.SITE_FEED: _feed(dataset.updates, base, urls.SITE_FEED,
                              f"{site_name}: daily updates", last_day)}
    for session in dataset.sessions:
        newest_first = tuple(reversed(session.updates))
        path = urls.session_feed(session.id)
        files[path] = _feed(newest_first, base, path,
                            f"{site_name}: {session.data.title}, daily updates", session.data.end)
    return files


def _feed(updates: Sequence[UpdateRecord], base: str, path: str, title: str,
          empty_date: dt.date) -> bytes:
    feed = FeedGenerator()
    feed.id(base + path)
    feed.title(title)
    feed.link(href=base + path, rel="self")
    feed.link(href=base + urls.page_url(urls.UPDATES), rel="alternate")
    feed.language("en")
    newest = max((u.data.date for u in updates), default=empty_date)
    feed.updated(_midnight(newest))
    # feedgen prepends each new entry; add oldest first so the feed reads newest first.
    for update in reversed(updates[:FEED_SIZE]):
        entry = feed.add_entry()
        url = base + urls.page_url(update.page)
        entry.id(url)
        entry.title(update.heading)
        entry.link(href=url)
        entry.updated(_midnight(update.data.date))
        entry.published(_midnight(update.data.date))
        entry.summary(plain_text(update.data.summary))
    return bytes(feed.atom_str(pretty=True))


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
