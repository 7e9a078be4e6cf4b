"""Every page the site will have, known before any page is rendered.

The prose stage checks the links editors write against it; the page
families must produce exactly these pages (a test holds them to it).
"""

from __future__ import annotations

from pathlib import Path

from build_tools import urls
from build_tools.models.dataset import Dataset


def site_pages(dataset: Dataset, content_dir: Path) -> set[str]:
    """The page path of every generated and hand-written page."""
    pages = set(urls.INDEX_PAGES)
    pages |= {s.page for s in dataset.sessions}
    pages |= {urls.session_briefing(s.id) for s in dataset.sessions}
    pages |= {u.page for u in dataset.updates}
    convention = dataset.convention
    if convention.articles:
        pages |= set(urls.CONVENTION_PAGES) | {a.page for a in convention.articles}
    if convention.states:
        pages |= {urls.STATES} | {urls.state_page(s.id) for s in convention.states}
    if dataset.treaty is not None:
        pages.add(urls.TREATY_STATUS)
    if content_dir.is_dir():
        pages |= {p.relative_to(content_dir).as_posix() for p in content_dir.rglob("*.md")}
    return pages


def site_urls(dataset: Dataset, content_dir: Path) -> frozenset[str]:
    """The URL of every page ('sessions/x/'), as editors' links name them."""
    return frozenset(urls.page_url(p) for p in site_pages(dataset, content_dir))
