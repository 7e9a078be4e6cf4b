"""The whole program: load -> validate -> prose -> stop on any error -> charts -> pages -> assemble.

The charts are drawn in a worker process alongside: those of the data alone
from the moment the data is valid, the one that counts the prose's mentions
once the prose is rendered.

`generate()` returns every generated file as bytes, or raises `DataError`
with every diagnostic found. Every diagnostic, those found in editor prose
included, is known before the first page is rendered; nothing is rendered
unless there is no error. Writing the files is the caller's: the CLI hands
them to `write.py`, the MkDocs hook stages them for MkDocs. The only files
written here are the caches.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from build_tools import cache
from build_tools.assemble import Produced, assemble
from build_tools.cache import Store
from build_tools.charts.catalog import charts, data_charts
from build_tools.charts.files import ChartJob, start_drawing
from build_tools.charts.spec import Chart
from build_tools.config import BuildConfig
from build_tools.derive.grid import grid
from build_tools.derive.treaty_record import standing_sides, treaty_status
from build_tools.errors import DataError, Diagnostic, Severity, count_errors, sorted_diagnostics
from build_tools.load.stage import load
from build_tools.models.dataset import Dataset
from build_tools.prose.stage import NO_PROSE, resolve_prose
from build_tools.render.briefings import render_briefings
from build_tools.render.context import RenderContext, make_environment
from build_tools.render.convention import render_convention
from build_tools.render.data import (
    render_data,
    render_positions_downloads,
    render_sources,
    render_table_downloads,
)
from build_tools.render.feeds import render_feeds
from build_tools.render.glossary import render_glossary
from build_tools.render.home import render_home
from build_tools.render.sessions import render_sessions
from build_tools.render.states import render_states
from build_tools.render.tables import render_tables
from build_tools.render.treaty_status import render_treaty_status, render_treaty_status_downloads
from build_tools.site_map import site_urls
from build_tools.validate.stage import validate

# Each family of pages: who it is in messages, and the function that renders it.
PAGE_FAMILIES: tuple[tuple[str, Callable[[RenderContext], Mapping[str, str | bytes]]], ...] = (
    ("the home page", render_home),
    ("the sessions and their updates", render_sessions),
    ("the convention's pages", render_convention),
    ("the states' pages", render_states),
    ("the signatures and ratifications page", render_treaty_status),
    ("the tables page", render_tables),
    ("the sources page", render_sources),
    ("the data page", render_data),
    ("the feeds", render_feeds),
    ("the glossary", render_glossary),
    ("the sessions' briefings", render_briefings),
)


@dataclass(frozen=True)
class Generated:
    files: dict[str, bytes]
    context: RenderContext  # what the pages were rendered from
    warnings: list[Diagnostic]
    charts_drawn: int

    @property
    def dataset(self) -> Dataset:
        return self.context.dataset

    @property
    def charts(self) -> tuple[Chart, ...]:
        return self.context.charts


def generate(config: BuildConfig) -> Generated:
    """Every generated file (path relative to the docs directory -> bytes).

    Messages name files from the folder that holds data/, as in "data/status.yaml".
    """
    with _collector_paused():
        return _generate(config)


def _generate(config: BuildConfig) -> Generated:
    version = cache.code_version()
    # A first build starts its chart worker now, to import matplotlib while the data is read.
    with start_drawing(Store.open(config.cache_dir, "charts", version)) as drawing:
        return _stages(config, version, drawing)


def _stages(config: BuildConfig, version: str, drawing: ChartJob) -> Generated:
    file_store = Store.open(config.cache_dir, "files", version)
    loaded = load(config.data_dir, config.data_dir.parent, file_store)
    dataset, diagnostics = validate(loaded)
    valid = dataset is not None and not count_errors(diagnostics)
    if valid:  # the charts of the data alone are drawn while the prose is rendered
        assert dataset is not None
        table, treaty = grid(dataset.convention), treaty_status(dataset)
        drawing.draw(data_charts(dataset, table, treaty))
    prose_store = Store.open(config.cache_dir, "prose", version)
    # Prose is checked against the pages and ids of valid data only: a broken file would
    # make every link to its page a second, misleading error.
    prose = (resolve_prose(dataset, site_urls(dataset, config.content_dir), prose_store)
             if dataset is not None and valid else NO_PROSE)
    diagnostics = sorted_diagnostics([*diagnostics, *prose.diagnostics])
    if dataset is None or count_errors(diagnostics):
        raise DataError(diagnostics)

    all_charts = charts(dataset, prose.mentions, table, treaty)
    drawing.draw(all_charts)  # the rest, drawn while the pages are rendered
    ctx = RenderContext(dataset, prose, all_charts, table, config.site,
                        make_environment(config.templates_cache), treaty,
                        tuple(standing_sides(dataset, table, treaty)) if treaty else ())
    produced = [
        *(Produced(name, family(ctx)) for name, family in PAGE_FAMILIES),
        *(Produced(f"the table {path}", downloads, path)
          for path, downloads in render_table_downloads(ctx).items()),
        Produced("the grid of positions (data/positions.yaml)", render_positions_downloads(ctx),
                 "data/positions.yaml"),
        Produced("the record of signatures and ratifications (data/treaty-status.yaml)",
                 render_treaty_status_downloads(ctx), "data/treaty-status.yaml"),
    ]
    for store in (file_store, prose_store):  # kept while the last charts are drawn
        store.save(later=config.caches_in_memory)
    files = assemble([*produced, Produced("the charts", drawing.files(all_charts))])
    drawing.store.save(later=config.caches_in_memory)
    warnings = [d for d in diagnostics if d.severity is Severity.WARNING]
    return Generated(files, ctx, warnings, drawing.drawn)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while the build runs: the build makes almost no garbage
    in cycles, and the collector's passes over the many objects of a large data set cost a
    quarter of its time. It runs as usual afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # The build's objects straight to the oldest generation: else the first collection
        # after it would look at every one of them, for nothing.
        gc.freeze()
        gc.unfreeze()
        if was_enabled:
            gc.enable()
