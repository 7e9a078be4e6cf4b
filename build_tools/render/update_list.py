"""Updates as lists show them (home page, session pages, the updates index)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from build_tools.models.dataset import UpdateRecord
from build_tools.render.context import RenderContext


def update_items(ctx: RenderContext, updates: Iterable[UpdateRecord], page: str
                 ) -> list[dict[str, Any]]:
    """Each update with its session and its summary as the page `page` shows it."""
    return [{"record": u, "session": ctx.dataset.session(u.session_id),
             "summary": ctx.prose_on(page, u.doc, ("summary",))} for u in updates]
