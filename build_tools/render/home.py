"""The home page: where the process stands, the latest updates, the milestones."""

from __future__ import annotations

from typing import Any

from build_tools import urls
from build_tools.derive.treaty_record import THRESHOLD, by_camp, by_continent
from build_tools.formats.citations import cite_short
from build_tools.render.context import RenderContext
from build_tools.render.update_list import update_list

HOME_LATEST = 5


def render_home(ctx: RenderContext) -> dict[str, str]:
    dataset, page = ctx.dataset, urls.HOME
    doc, status = dataset.documents["status.yaml"], dataset.status

    def item(entry: Any, at: tuple[str | int, ...]) -> dict[str, Any]:
        return {"item": entry, "body": ctx.prose_on(page, doc, (*at, "body")),
                "sources": [cite_short(r, dataset.sources) for r in entry.sources]}

    return {page: ctx.render(
        "home.md.j2",
        status_summary=ctx.prose_on(page, doc, ("summary",)),
        # Newest first: on a phone the latest is at the top of a long page, not at its foot.
        milestones=sorted((item(m, ("milestones", i)) for i, m in enumerate(status.milestones)),
                          key=lambda shown: shown["item"].date, reverse=True),
        next_steps=[item(s, ("next", i)) for i, s in enumerate(status.next)],
        latest=update_list(ctx, dataset.updates[:HOME_LATEST], page),
        update_count=len(dataset.updates),
        sessions=dataset.sessions,
        status=ctx.treaty, threshold=THRESHOLD,
        by_continent=by_continent(ctx.treaty) if ctx.treaty else [],
        by_camp=by_camp(dataset, ctx.treaty) if ctx.treaty else [],
    )}
