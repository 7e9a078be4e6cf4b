"""Each session's briefing: its summary and all its daily updates, in order, on one page that
prints well (each update starts a printed page; see the print rules in site.css)."""

from __future__ import annotations

from build_tools import urls
from build_tools.models.dataset import SessionRecord
from build_tools.render.citations import cite
from build_tools.render.context import RenderContext


def render_briefings(ctx: RenderContext) -> dict[str, str]:
    return {urls.session_briefing(s.id): _briefing(ctx, s) for s in ctx.dataset.sessions}


def _briefing(ctx: RenderContext, session: SessionRecord) -> str:
    page, sources = urls.session_briefing(session.id), ctx.dataset.sources
    data = session.data
    return ctx.render(
        "briefing.md.j2",
        session=session,
        draft=ctx.dataset.draft(data.draft) if data.draft else None,
        summary=ctx.prose_on(page, session.doc, ("summary",)),
        updates=[{"record": u, "body": ctx.prose_on(page, u.doc, ("body",)),
                  "sources": [cite(r, sources) for r in u.data.sources]}
                 for u in session.updates],
    )
