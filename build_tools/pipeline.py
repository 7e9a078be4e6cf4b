"""The whole program: load -> validate -> render, in that order; writing is the caller's.

`generate()` returns every generated file as bytes, or raises `DataError`
with every diagnostic found. Nothing is rendered unless every file loaded
and validated, and nothing is written here at all: the MkDocs hook hands the
files to MkDocs in memory, the CLI hands them to `write.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from build_tools import paths, unpublished
from build_tools.chart_cache import chart_files
from build_tools.errors import DataError, Diagnostic, Severity, count_errors, sorted_diagnostics
from build_tools.load import load
from build_tools.models.dataset import Dataset
from build_tools.prose_cache import ProseCache, fingerprint
from build_tools.render import positions_grid
from build_tools.render.charts import chart_csv, charts
from build_tools.render.convention_pages import CONVENTION_PAGES
from build_tools.render.feeds import feeds
from build_tools.render.pages import INDEX_PAGES, PageRenderer, page_url
from build_tools.render.state_pages import STATES_INDEX, state_page
from build_tools.render.tables import table_downloads
from build_tools.site_info import SiteInfo, site_info
from build_tools.validate import validate


@dataclass(frozen=True)
class Generated:
    files: dict[str, bytes]
    dataset: Dataset
    warnings: list[Diagnostic]
    charts_drawn: int


def generate(data_dir: Path = paths.DATA_DIR, content_dir: Path = paths.CONTENT_DIR,
             chart_cache: Path = paths.CHART_CACHE, site: SiteInfo | None = None,
             prose_cache: Path | None = None) -> Generated:
    """Every generated file (path relative to the docs directory -> bytes).

    Messages name files from the folder that holds data/, as in "data/status.yaml".
    """
    loaded = load(data_dir, data_dir.parent)
    dataset, diagnostics = validate(loaded)
    if dataset is None or count_errors(diagnostics):
        raise DataError(sorted_diagnostics(diagnostics))
    figures = charts(dataset)
    site_urls = frozenset(_site_urls(dataset, content_dir))
    diagnostics += unpublished.link_problems(dataset, site_urls)
    cache = ProseCache.load(prose_cache, fingerprint(_render_context(dataset, site_urls)))
    renderer = PageRenderer(dataset, site_urls, figures, cache=cache)
    pages = renderer.render_all()
    diagnostics = sorted_diagnostics([*diagnostics, *renderer.diagnostics])
    if count_errors(diagnostics):
        raise DataError(diagnostics)
    files = {path: text.encode("utf-8") for path, text in pages.items()}
    files.update(table_downloads(dataset.tables, dataset.sources))
    figures = renderer.figures  # with the charts drawn from what the pages link
    files.update({chart.csv: chart_csv(chart) for chart in figures})
    if dataset.convention.states:
        files[positions_grid.CSV_PATH] = positions_grid.positions_csv(dataset.convention)
        files[positions_grid.JSON_PATH] = positions_grid.positions_json(dataset.convention,
                                                                        dataset.sources)
    site = site or site_info()
    files.update(feeds(dataset, site.url, site.name))
    drawn = chart_files(figures, chart_cache)
    files.update(drawn.files)
    cache.save()
    warnings = [d for d in diagnostics if d.severity is Severity.WARNING]
    return Generated(dict(sorted(files.items())), dataset, warnings, drawn.drawn)


def _render_context(dataset: Dataset, site_urls: frozenset[str]) -> list[str]:
    """What rendered prose depends on besides its own text (see `prose_cache.py`)."""
    convention = dataset.convention
    numbering = sorted(f"{n.draft}:{n.number}:{a.number}"
                       for a in convention.articles for n in a.data.numbers)
    return [*sorted(site_urls), *numbering, *(str(a.number) for a in convention.articles),
            *(f"{d.id}:{d.title}" for d in dataset.drafts)]


def _site_urls(dataset: Dataset, content_dir: Path) -> set[str]:
    """Every page URL of the site, for checking links that editors write."""
    pages = set(INDEX_PAGES)
    pages |= {s.page for s in dataset.sessions}
    pages |= {u.page for u in dataset.updates}
    convention = dataset.convention
    if convention.articles:
        pages |= set(CONVENTION_PAGES) | {a.page for a in convention.articles}
    if convention.states:
        pages |= {STATES_INDEX} | {state_page(s.id) for s in convention.states}
    if content_dir.is_dir():
        pages |= {p.relative_to(content_dir).as_posix() for p in content_dir.rglob("*.md")}
    return {page_url(p) for p in pages}
