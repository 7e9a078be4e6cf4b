"""Atom feeds, built with feedgen: the daily updates (one for the site, one per session), and the
treaty record's change log (one for the record, one per state).

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
from build_tools.derive.records import target_label
from build_tools.derive.treaty_record import TreatyStatus
from build_tools.formats.text import day_span
from build_tools.models.dataset import UpdateRecord
from build_tools.models.positions import State
from build_tools.models.treaty import Declaration
from build_tools.prose.markdown import plain_text
from build_tools.render.context import RenderContext
from build_tools.render.treaty_items import (
    DECLARATION_LABELS,
    ONLY_DEPOSITS_COUNT,
    STEP_LABELS,
    event_sentence,
)

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
        files.update(_treaty_feeds(ctx, status, base, site_name))
    return files


class _Change(NamedTuple):
    """One line of a change log: an event, a domestic step or a declaration."""

    state: State
    key: str  # stable within the record: "ghana-ratification"
    link: str  # the section of the state's page that shows it
    title: str
    day: dt.date  # the last day it may have happened: certain from then on
    summary: str  # plain text


def _changes(ctx: RenderContext, status: TreatyStatus) -> list[_Change]:
    """The record's change log, oldest first: every confirmed event, every domestic step and
    every dated declaration (an undated one cannot be placed in time)."""
    state = ctx.dataset.convention.state
    found = [_Change(state(e.participant), f"{e.participant}-{e.action}",
                     urls.state_treaty_anchor(e.participant),
                     f"{state(e.participant).name}: {e.action}", e.latest,
                     event_sentence(e, state(e.participant).name))
             for e in status.events]
    found += [_Change(state(s.participant), f"{s.participant}-{s.step}-{s.date}",
                      urls.state_steps_anchor(s.participant),
                      f"{state(s.participant).name}: {STEP_LABELS[s.step].lower()}", s.date.last,
                      f"{STEP_LABELS[s.step]}, {day_span(s.date)}."
                      + (f" {plain_text(s.what)}" if s.what else "")
                      + f" A domestic step, not a deposit. {ONLY_DEPOSITS_COUNT}")
              for s in status.steps]
    found += [_Change(state(d.participant), f"{d.participant}-{d.kind}-{d.date}",
                      urls.state_declarations_anchor(d.participant),
                      f"{state(d.participant).name}: {DECLARATION_LABELS[d.kind].lower()}",
                      d.date.last, _declaration_summary(ctx, d))
              for d in status.declarations if d.date is not None]
    return sorted(found, key=lambda c: (c.day, c.key))


def _declaration_summary(ctx: RenderContext, item: Declaration) -> str:
    convention = ctx.dataset.convention
    where = "; ".join(target_label(t, convention) for t in item.articles)
    parts = [f"{DECLARATION_LABELS[item.kind]}, {day_span(item.date)}" if item.date
             else DECLARATION_LABELS[item.kind]]
    if item.objects_to:
        parts.append(f"objecting to those of {convention.state(item.objects_to).name}")
    if where:
        parts.append(f"on {where}")
    if item.announced_only:
        parts.append("announced by the state, not shown in the depositary's record")
    unknown = "Their" if item.kind == "declarations-and-reservations" else "Its"
    text = plain_text(item.text) if item.text else f"{unknown} text is not known."
    return ", ".join(parts) + ". " + text


def _treaty_feeds(ctx: RenderContext, status: TreatyStatus, base: str,
                  site_name: str) -> dict[str, str | bytes]:
    """The record's change log, and one per state or organization (empty until something
    happens: a reader may follow a state that has not signed)."""
    changes = _changes(ctx, status)
    files: dict[str, str | bytes] = {urls.TREATY_STATUS_FEED: _change_log(
        changes, status, base, urls.TREATY_STATUS_FEED, urls.TREATY_STATUS,
        f"{site_name}: signatures and ratifications")}
    for state in ctx.dataset.convention.states:
        if state.kind == "state" or state.regional_organization:
            path = urls.state_feed(state.id)
            files[path] = _change_log(
                [c for c in changes if c.state.id == state.id], status, base, path,
                urls.state_page(state.id), f"{site_name}: {state.name} and the convention")
    return files


def _change_log(changes: list[_Change], status: TreatyStatus, base: str, path: str,
                page: str, title: str) -> bytes:
    """An Atom feed of `changes`, newest first; dated by its newest change, or by the record's
    as_of date when that is later (never by the clock)."""
    feed = FeedGenerator()
    feed.id(base + path)
    feed.title(title)
    feed.link(href=base + path, rel="self")
    feed.link(href=base + urls.page_url(page), rel="alternate")
    feed.language("en")
    feed.updated(_midnight(max([status.as_of, *(c.day for c in changes)])))
    for change in changes[-FEED_SIZE:]:  # oldest first: feedgen prepends
        entry = feed.add_entry()
        state_page, _, anchor = change.link.partition("#")
        entry.id(f"{base}{urls.page_url(urls.TREATY_STATUS)}#{change.key}")
        entry.title(change.title)
        entry.link(href=f"{base}{urls.page_url(state_page)}#{anchor}")
        entry.updated(_midnight(change.day))
        entry.published(_midnight(change.day))
        entry.summary(change.summary)
    return bytes(feed.atom_str(pretty=True))


class _Entry(NamedTuple):
    url: str
    title: str
    date: dt.date
    summary: str  # plain text: the summary's lead


def _feed(ctx: RenderContext, updates: Sequence[UpdateRecord], base: str, path: str, title: str,
          empty_date: dt.date) -> bytes:
    newest = max((u.data.date for u in updates), default=empty_date)
    entries = tuple(_Entry(base + urls.page_url(u.page), u.heading, u.data.date,
                           ctx.prose.lead(u.doc, ("summary",))) for u in updates[:FEED_SIZE])
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
        entry.summary(item.summary)
    return bytes(feed.atom_str(pretty=True))


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
