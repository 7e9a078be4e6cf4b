"""The negotiation's pages: the process page with the drafts, a page per session and per
daily update, and the index of all updates."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from build_tools import urls
from build_tools.charts.catalog import TIMELINE
from build_tools.formats.citations import cite
from build_tools.formats.text import meta_description
from build_tools.models.dataset import SessionRecord, UpdateRecord
from build_tools.render.context import RenderContext
from build_tools.render.update_list import update_list


def render_sessions(ctx: RenderContext) -> dict[str, str | bytes]:
    pages: dict[str, str | bytes] = {urls.PROCESS: _process(ctx), urls.UPDATES: _updates_index(ctx)}
    for session in ctx.dataset.sessions:
        pages[session.page] = _session(ctx, session)
        updates = session.updates
        for i, update in enumerate(updates):
            previous = updates[i - 1] if i else None
            following = updates[i + 1] if i + 1 < len(updates) else None
            pages[update.page] = _update(ctx, update, session, previous, following)
    return pages


def _process(ctx: RenderContext) -> str:
    dataset, page = ctx.dataset, urls.PROCESS
    doc = dataset.documents["drafts.yaml"]
    drafts = [{"draft": d, "description": ctx.prose_on(page, doc, ("drafts", i, "description")),
               "sources": [cite(r, dataset.sources) for r in d.sources]}
              for i, d in enumerate(dataset.drafts)]
    return ctx.render("process.md.j2", sessions=dataset.sessions, drafts=drafts,
                      charts=ctx.chart(TIMELINE), drafts_by_id={d.id: d for d in dataset.drafts})


def _session(ctx: RenderContext, session: SessionRecord) -> str:
    data = session.data
    return ctx.render(
        "session.md.j2",
        session=session,
        description=(meta_description(ctx.prose.lead(session.doc, ("summary",)))
                     or f"{data.title}, {data.city}."),
        draft=ctx.dataset.draft(data.draft) if data.draft else None,
        summary=ctx.prose_on(session.page, session.doc, ("summary",)),
        updates=update_list(ctx, session.updates, session.page, show_session=False),
        sources=[cite(r, ctx.dataset.sources) for r in data.sources],
    )


class _Link(NamedTuple):
    text: str
    page: str


class _UpdatePage(NamedTuple):
    """All an update's page shows: a page per update, thousands of them (see
    `RenderContext.render_page`)."""

    heading: str
    date: dt.date
    number: int
    session: _Link
    description: str
    body: str
    sources: tuple[str, ...]
    previous: _Link | None
    following: _Link | None


def _update(ctx: RenderContext, update: UpdateRecord, session: SessionRecord,
            previous: UpdateRecord | None, following: UpdateRecord | None) -> bytes:
    return ctx.render_page("update.md.j2", _UpdatePage(
        heading=update.heading,
        date=update.data.date,
        number=update.data.number,
        session=_Link(session.data.title, session.page),
        description=meta_description(ctx.prose.lead(update.doc, ("summary",))),
        body=ctx.prose_on(update.page, update.doc, ("body",)),
        sources=tuple(cite(r, ctx.dataset.sources) for r in update.data.sources),
        previous=_Link(previous.heading, previous.page) if previous else None,
        following=_Link(following.heading, following.page) if following else None,
    ))


def _updates_index(ctx: RenderContext) -> str:
    return ctx.render("updates.md.j2", count=len(ctx.dataset.updates),
                      updates=update_list(ctx, ctx.dataset.updates, urls.UPDATES))
