"""The whole program, in the order the data takes through it.

`generate()` returns the whole site as the engine is to publish it: every
generated page complete (its date, its citation block), the files the site has
beside pages, and what the engine's navigation and abbreviations need; or it
raises `DataError` with every diagnostic found. Every diagnostic, those found in
editor prose included, is known before the first page is rendered; nothing is
rendered unless there is no error.

The charts are drawn in a worker process alongside: those of the data alone
from the moment the data is valid, the one that counts the prose's mentions once
the prose is rendered. Writing the files is the caller's (the CLI, the engine
adapter); the only files written here are the caches.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from build_tools.assemble import Produced, assemble
from build_tools.cache import Store
from build_tools.charts.catalog import charts, data_charts
from build_tools.charts.files import ChartJob, start_drawing
from build_tools.charts.spec import Chart
from build_tools.config import BuildConfig
from build_tools.derive.grid import grid
from build_tools.derive.treaty_record import standing_sides, treaty_status
from build_tools.errors import DataError, Diagnostic, Severity, count_errors, sorted_diagnostics
from build_tools.load.git_dates import commit_date, head_commit_date, last_commit_dates, page_dates
from build_tools.load.stage import load
from build_tools.models.dataset import Dataset
from build_tools.prose.stage import NO_PROSE, resolve_prose
from build_tools.render.context import RenderContext
from build_tools.render.families import (
    NavEntry,
    PageFiles,
    content_pages,
    generated_pages,
    navigation,
    produce,
)
from build_tools.render.finish import finish
from build_tools.session import BuildSession
from build_tools.validate.stage import validate

Navigation = dict[str, tuple[NavEntry, ...]]


@dataclass(frozen=True)
class Generated:
    files: dict[str, bytes]  # the docs tree: path -> bytes, every page complete
    beside: dict[str, dict[str, bytes]]  # page -> the files the site has beside it
    content_dates: dict[str, dt.date]  # hand-written page -> its date (its file carries none)
    pages: frozenset[str]  # every page of the site, generated and hand-written
    navigation: Navigation  # page -> the pages listed under it in the navigation (title, page)
    glossary: dict[str, str]  # every abbreviation the pages explain -> its expansion
    dataset: Dataset
    charts: tuple[Chart, ...]
    warnings: list[Diagnostic]
    charts_drawn: int
    page_files: dict[str, frozenset[str]]  # page -> the files it is made of ("data/status.yaml")


def generate(config: BuildConfig, session: BuildSession | None = None) -> Generated:
    """The site from the data (messages name files from the folder that holds data/, as in
    "data/status.yaml"). `session` holds what outlives the build: a server's, else its own."""
    session = session or BuildSession()
    with session.build():
        version = session.version()
        # A first build starts its chart worker now, to import matplotlib while the data is read.
        charts_store = Store.open(config.cache_dir, "charts", version, session.cache_files)
        with start_drawing(charts_store, session.charts) as drawing:
            return _stages(config, session, version, drawing)


def _stages(config: BuildConfig, session: BuildSession, version: str,
            drawing: ChartJob) -> Generated:
    def store(name: str) -> Store:
        return Store.open(config.cache_dir, name, version, session.cache_files)

    repo_root = config.data_dir.parent
    # Load: every file under data/, each node with its file:line:col.
    loaded = load(config.data_dir, repo_root, store("files"))
    # Validate: each file against its model, then the rules that span files.
    dataset, diagnostics = validate(loaded, _built_from(config))
    # Derive what several pages need (the grid, the treaty record); draw their charts meanwhile.
    table, treaty = None, None
    if dataset is not None and not count_errors(diagnostics):
        table, treaty = grid(dataset.convention), treaty_status(dataset, _commit_date(config))
        drawing.draw(data_charts(dataset, table, treaty))
    # The site map: every page, known before any is rendered.
    site_pages = _site_map(dataset, config.content_dir, repo_root) if table else frozenset()
    # Prose: every editor Markdown field once, checked against the pages of valid data only
    # (a broken file would make every link to its page a second, misleading error).
    prose_store = store("prose")
    prose = (resolve_prose(dataset, site_pages, prose_store)
             if dataset is not None and table else NO_PROSE)
    # Stop on any error.
    diagnostics = sorted_diagnostics([*diagnostics, *prose.diagnostics])
    if dataset is None or table is None or count_errors(diagnostics):
        raise DataError(diagnostics)
    # The charts that count the prose's mentions, drawn while the pages are rendered.
    all_charts = charts(dataset, prose.mentions, table, treaty)
    drawing.draw(all_charts)
    ctx = RenderContext(dataset, prose, all_charts, table, config.site,
                        session.environment(config.templates_cache), session.pages, treaty,
                        tuple(standing_sides(dataset, table, treaty)) if treaty else ())
    # Render: each family of pages, a pure function of the context.
    produced = produce(ctx)
    for kept in (loaded.store, prose_store):  # written while the last charts are drawn
        if kept is not None:
            kept.save(later=session.caches_wait)
    # Assemble: one writer per path.
    files = assemble([*produced, Produced("the charts", drawing.files(all_charts))])
    drawing.store.save(later=session.caches_wait)
    # Finish: each page's date (its files' last commit) and its citation.
    sources = generated_pages(PageFiles(dataset, prose.mentions))
    content = content_pages(config.content_dir, repo_root)
    dates = _dates(config, {**sources, **content})
    citations_store = store("citations")
    files, beside = finish(files, dates, ctx, citations_store)
    citations_store.save(later=session.caches_wait)
    return Generated(
        files, beside, {p: d for p, d in dates.items() if p in content}, site_pages,
        navigation(dataset), {t.term: t.expansion for t in dataset.glossary}, dataset,
        all_charts, [d for d in diagnostics if d.severity is Severity.WARNING], drawing.drawn,
        {**sources, **content})


def _site_map(dataset: Dataset | None, content_dir: Path, repo_root: Path) -> frozenset[str]:
    assert dataset is not None
    return frozenset(generated_pages(PageFiles(dataset))) | frozenset(
        content_pages(content_dir, repo_root))


def _built_from(config: BuildConfig) -> dt.date | None:
    """The day of the commit the treaty record is built from, for a tree dated by git."""
    record = config.data_dir / "treaty-status.yaml"
    return commit_date(config.data_dir.parent, record) if config.dated else None


def _dates(config: BuildConfig, sources: dict[str, frozenset[str]]) -> dict[str, dt.date]:
    """Each page's date: the last commit to the files it is made of (none when not dated)."""
    if not config.dated:
        return {}
    folders = sorted({f.split("/", 1)[0] for files in sources.values() for f in files})
    return page_dates(sources, last_commit_dates(config.data_dir.parent, folders))


def _commit_date(config: BuildConfig) -> dt.date | None:
    """The date of the commit being built: the tests' own, else git's for a dated build."""
    if config.commit_date is not None or not config.dated:
        return config.commit_date
    return head_commit_date(config.data_dir.parent)
