"""Each session's briefing: its summary and all its daily updates, in order, on one page that
prints well (each update starts a printed page; see the print rules in site.css)."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from build_tools import urls
from build_tools.formats.citations import cite
from build_tools.models.dataset import SessionRecord
from build_tools.render.context import RenderContext


def render_briefings(ctx: RenderContext) -> dict[str, bytes]:
    return {urls.session_briefing(s.id): _briefing(ctx, s) for s in ctx.dataset.sessions}


class _Update(NamedTuple):
    heading: str
    date: dt.date
    page: str
    body: str
    sources: tuple[str, ...]


class _BriefingPage(NamedTuple):
    """All a briefing shows (see `RenderContext.render_page`)."""

    title: str
    start: dt.date
    end: dt.date
    city: str
    draft: tuple[str, dt.date | None] | None  # the text on the table: its title and date
    session_page: str
    summary: str
    updates: tuple[_Update, ...]


def _briefing(ctx: RenderContext, session: SessionRecord) -> bytes:
    page, sources = urls.session_briefing(session.id), ctx.dataset.sources
    data = session.data
    draft = ctx.dataset.draft(data.draft) if data.draft else None
    return ctx.render_page("briefing.md.j2", _BriefingPage(
        title=data.title, start=data.start, end=data.end, city=data.city,
        draft=(draft.title, draft.date) if draft else None,
        session_page=session.page,
        summary=ctx.prose_on(page, session.doc, ("summary",)),
        updates=tuple(_Update(u.heading, u.data.date, u.page, ctx.prose_on(page, u.doc, ("body",)),
                              tuple(cite(r, sources) for r in u.data.sources))
                      for u in session.updates),
    ))
