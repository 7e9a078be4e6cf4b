"""The states' pages: the index with the grid of states by provision, and one page per state."""

from __future__ import annotations

from typing import Any

from build_tools import urls
from build_tools.models.positions import State
from build_tools.render import records
from build_tools.render.charts import POSITIONS_GRID
from build_tools.render.citations import cite_behind
from build_tools.render.context import RenderContext
from build_tools.render.positions_grid import Entry


def render_states(ctx: RenderContext) -> dict[str, str]:
    convention = ctx.dataset.convention
    if not convention.states:
        return {}
    positions, votes = records.positions(ctx.dataset), records.votes(ctx.dataset)
    pages = {urls.STATES: _index(ctx)}
    for state in convention.states:
        pages[urls.state_page(state.id)] = _state(ctx, state, positions, votes)
    return pages


def _index(ctx: RenderContext) -> str:
    convention, table = ctx.dataset.convention, ctx.grid
    cells = [[_cell(ctx, cell) for cell in cells] for _, cells in table.rows]
    counts = {s.id: sum(1 for p in convention.positions if s.id in p.states)
              for s in convention.states}
    return ctx.render(
        "states.md.j2",
        states=convention.states, counts=counts,
        columns=[{"label": records.target_label(c, convention), "page": records.target_page(c)}
                 for c in table.columns],
        rows=[{"state": convention.state(state), "cells": row}
              for (state, _), row in zip(table.rows, cells, strict=True)],
        charts=ctx.chart(POSITIONS_GRID))


def _cell(ctx: RenderContext, cell: tuple[Entry, ...]) -> str:
    """Each stance, linked to the source that records it."""
    return "<br>".join(cite_behind(e.stance, e.sources[0], ctx.dataset.sources)
                       for e in cell) or "–"


def _state(ctx: RenderContext, state: State, positions: list[records.Record],
           votes: list[records.Record]) -> str:
    page, convention = urls.state_page(state.id), ctx.dataset.convention
    own: list[dict[str, Any]] = sorted(
        (p for p in positions if state.id in p["data"].states),
        key=lambda p: (p["data"].date, p["data"].id))
    joined = [v for v in votes
              if state.id in v["data"].requested_by or state.id in v["data"].supported_by]
    return ctx.render("state.md.j2", state=state, target_page=records.target_page,
                      positions=records.with_summaries(own, page, ctx.prose, convention),
                      votes=records.with_summaries(joined, page, ctx.prose, convention))
