"""Atom feeds of the daily updates, built with feedgen: one for the site, one per session.

Pure: the updates and the site's address arrive in the render context; no clock is
read (a feed's `updated` is its newest entry's date), so the same data gives
the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from feedgen.feed import FeedGenerator

from build_tools import urls
from build_tools.derive.treaty_record import TreatyStatus
from build_tools.formats.text import day_span
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
        urls.SITE_FEED: _feed(ctx, dataset.updates, base, urls.SITE_FEED,
                              f"{site_name}: daily updates", last_day)}
    for session in dataset.sessions:
        newest_first = tuple(reversed(session.updates))
        path = urls.session_feed(session.id)
        files[path] = _feed(ctx, newest_first, base, path,
                            f"{site_name}: {session.data.title}, daily updates", session.data.end)
    status = ctx.treaty
    if status is not None:
        files[urls.TREATY_STATUS_FEED] = _treaty_feed(status, base, site_name)
    return files


def _treaty_feed(status: TreatyStatus, base: str, site_name: str) -> bytes:
    """One entry per signature or instrument, newest first; dated by the record's as_of."""
    feed = FeedGenerator()
    path = urls.TREATY_STATUS_FEED
    feed.id(base + path)
    feed.title(f"{site_name}: signatures and ratifications")
    feed.link(href=base + path, rel="self")
    feed.link(href=base + urls.page_url(urls.TREATY_STATUS), rel="alternate")
    feed.language("en")
    feed.updated(_midnight(status.as_of))
    names = {p.state.id: p for p in status.participants}
    for event in status.events[-FEED_SIZE:]:  # oldest first: feedgen prepends
        participant = names[event.participant]
        entry = feed.add_entry()
        page, _, anchor = urls.state_treaty_anchor(participant.state.id).partition("#")
        url = f"{base}{urls.page_url(page)}#{anchor}"
        entry.id(f"{base}{urls.page_url(urls.TREATY_STATUS)}#{event.participant}-{event.action}")
        entry.title(f"{participant.name}: {event.action}")
        entry.link(href=url)
        entry.updated(_midnight(event.latest))
        entry.published(_midnight(event.latest))
        what = "signed the convention" if event.action == "signature" else \
            f"deposited its instrument of {event.action}"
        entry.summary(f"{participant.name} {what} on {day_span(event.date)}.")
    return bytes(feed.atom_str(pretty=True))


class _Entry(NamedTuple):
    url: str
    title: str
    date: dt.date
    summary: str  # Markdown


def _feed(ctx: RenderContext, updates: Sequence[UpdateRecord], base: str, path: str, title: str,
          empty_date: dt.date) -> bytes:
    newest = max((u.data.date for u in updates), default=empty_date)
    entries = tuple(_Entry(base + urls.page_url(u.page), u.heading, u.data.date, u.data.summary)
                    for u in updates[:FEED_SIZE])
    return ctx.memo(_atom, entries, base, path, title, newest)


# Kept in the page memo: a rebuild under `mkdocs serve` writes again only the feeds an edit
# changed (those of the edited session and of the site).
def _atom(entries: tuple[_Entry, ...], base: str, path: str, title: str,
          updated: dt.date) -> bytes:
    feed = FeedGenerator()
    feed.id(base + path)
    feed.title(title)
    feed.link(href=base + path, rel="self")
    feed.link(href=base + urls.page_url(urls.UPDATES), rel="alternate")
    feed.language("en")
    feed.updated(_midnight(updated))
    # feedgen prepends each new entry; add oldest first so the feed reads newest first.
    for item in reversed(entries):
        entry = feed.add_entry()
        entry.id(item.url)
        entry.title(item.title)
        entry.link(href=item.url)
        entry.updated(_midnight(item.date))
        entry.published(_midnight(item.date))
        entry.summary(plain_text(item.summary))
    return bytes(feed.atom_str(pretty=True))


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
