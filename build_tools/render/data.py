"""The reference pages and the downloads: the sources page, the data page, and every CSV and
JSON file the data page lists."""

from __future__ import annotations

from build_tools import urls
from build_tools.derive import grid as positions_grid
from build_tools.render.context import RenderContext
from build_tools.render.downloads import table_downloads


def render_sources(ctx: RenderContext) -> dict[str, str]:
    return {urls.SOURCES: ctx.render("sources.md.j2", sources=ctx.dataset.sources.values())}


def render_data(ctx: RenderContext) -> dict[str, str]:
    return {urls.DATA: ctx.render("data.md.j2", tables=ctx.dataset.tables,
                                  positions=bool(ctx.dataset.convention.states),
                                  treaty=ctx.dataset.treaty is not None,
                                  offline_copy=_offline_copy(ctx))}


def _offline_copy(ctx: RenderContext) -> dict[str, str | bool]:
    """Where the offline copy is: beside the website's pages; from the copy itself, on the
    website (a copy cannot hold itself)."""
    website = ctx.site.url if ctx.site.url.endswith("/") else ctx.site.url + "/"
    if ctx.site.directory_urls:
        return {"href": urls.href(urls.OFFLINE_ZIP, urls.DATA), "inside": False}
    return {"href": website + urls.OFFLINE_ZIP, "inside": True, "website": website}


def render_table_downloads(ctx: RenderContext) -> dict[str, dict[str, str | bytes]]:
    """Each table's CSV and JSON, by the file they are made from."""
    return {t.doc.path: table_downloads(t, ctx.dataset.sources) for t in ctx.dataset.tables}


def render_positions_downloads(ctx: RenderContext) -> dict[str, str | bytes]:
    convention = ctx.dataset.convention
    if not convention.states:
        return {}
    return {urls.POSITIONS_CSV: positions_grid.positions_csv(convention),
            urls.POSITIONS_JSON: positions_grid.positions_json(convention, ctx.dataset.sources)}
