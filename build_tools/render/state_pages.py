"""Pages of the states: the index with the grid of states by provision, and one page per state."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from build_tools.models.positions import State
from build_tools.render.convention_pages import ConventionPages, target_label, target_page
from build_tools.render.positions_grid import CSV_PATH, JSON_PATH, Grid
from build_tools.render.text import md_text

if TYPE_CHECKING:
    from build_tools.render.pages import PageRenderer


STATES_INDEX = "states/index.md"


def state_page(state_id: str) -> str:
    return f"states/{state_id}.md"


@dataclass
class StatePages:
    base: PageRenderer
    articles: ConventionPages  # whose positions and votes, rendered once, these pages list
    table: Grid

    def render(self) -> dict[str, str]:
        convention = self.base.dataset.convention
        if not convention.states:
            return {}
        pages = {STATES_INDEX: self.index()}
        for state in convention.states:
            pages[state_page(state.id)] = self.state(state)
        return pages

    def index(self) -> str:
        convention = self.base.dataset.convention
        table = self.table
        cells = [[self._cell(cell) for cell in cells] for _, cells in table.rows]
        counts = {s.id: sum(1 for p in convention.positions if s.id in p.states)
                  for s in convention.states}
        return self.base._render(
            "states.md.j2",
            states=convention.states, counts=counts,
            columns=[{"label": target_label(c, convention), "page": target_page(c)}
                     for c in table.columns],
            rows=[{"state": convention.state(state), "cells": row}
                  for (state, _), row in zip(table.rows, cells, strict=True)],
            csv=CSV_PATH, json=JSON_PATH,
            charts=[c for c in self.base.figures if c.id == "positions-grid"])

    def _cell(self, cell: tuple[Any, ...]) -> str:
        """Each stance, linked to the source that records it."""
        return "<br>".join(self._stance(entry) for entry in cell) or "–"

    def _stance(self, entry: Any) -> str:
        ref = entry.sources[0]
        if ref.ref is None:
            return f"[{md_text(entry.stance)}]({ref.url})"
        source = self.base.dataset.sources[ref.ref]
        where = ", ".join(filter(None, (source.short or source.title, ref.locator)))
        title = md_text(where).replace('"', "'")
        return f'[{md_text(entry.stance)}](/sources/index.md#{source.id} "{title}")'

    def state(self, state: State) -> str:
        page, pages = state_page(state.id), self.articles
        positions = sorted((p for p in pages.positions if state.id in p["data"].states),
                           key=lambda p: (p["data"].date, p["data"].id))
        votes = [v for v in pages.votes
                 if state.id in v["data"].requested_by or state.id in v["data"].supported_by]
        return self.base._render("state.md.j2", state=state, target_page=target_page,
                                 positions=pages.with_summaries(positions, page),
                                 votes=pages.with_summaries(votes, page))
