"""The tables page: every reference table with its caption, cells, notes, source and charts."""

from __future__ import annotations

from build_tools import urls
from build_tools.formats.citations import cite, cite_short
from build_tools.models.dataset import Convention
from build_tools.models.source import Source
from build_tools.models.table import Cell, Column, LongCell, cell_value
from build_tools.render.cell_links import linked_cell
from build_tools.render.context import RenderContext


def render_tables(ctx: RenderContext) -> dict[str, str]:
    dataset, page = ctx.dataset, urls.TABLES
    return {page: ctx.render("tables.md.j2", tables=[
        {"record": t,
         "caption": ctx.prose_on(page, t.doc, ("caption",)),
         "notes": ctx.prose_on(page, t.doc, ("notes",)),
         "source": cite(t.data.source, dataset.sources),
         "draft": dataset.draft(t.data.draft) if t.data.draft else None,
         "rows": [[_cell(row[c.id], c, dataset.sources, dataset.convention, t.data.draft)
                   for c in t.data.columns] for row in t.data.rows],
         "charts": ctx.table_charts(t.id)}
        for t in dataset.tables])}


def _cell(cell: Cell, column: Column, sources: dict[str, Source], convention: Convention,
          draft: str | None) -> str:
    value = cell_value(cell)
    if column.type == "boolean":
        shown = "✓ yes" if value else "no"
    else:
        shown = linked_cell(str(value), convention, draft).replace("\n", "<br>")
    if isinstance(cell, LongCell):
        extra = [linked_cell(cell.note, convention, draft)] if cell.note else []
        extra += [cite_short(r, sources) for r in cell.sources]
        if extra:
            shown += "<br><small>" + " · ".join(extra) + "</small>"
    return shown
