"""Which files each page is made of: what its "Last updated" date and its sitemap date come from.

Input: the validated `Dataset`, the mentions of articles found in editor
prose, and the hand-written pages. Output: page path -> the repository paths
("data/status.yaml", "content/about.md") whose last change dates the page. A
page this module does not know (a new family's) is dated by every data file.
Pure: the dates themselves are `git_dates.py`'s.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from build_tools import urls
from build_tools.models.dataset import Dataset
from build_tools.prose.article_links import Mention
from build_tools.site_map import site_pages

Files = frozenset[str]


def page_sources(dataset: Dataset, mentions: Iterable[Mention], content_dir: Path,
                 repo_root: Path) -> dict[str, Files]:
    singles = {name: doc.path for name, doc in dataset.documents.items()}
    convention = dataset.convention
    record_files = frozenset(doc.path for doc in convention.documents.values())
    sessions = frozenset(s.doc.path for s in dataset.sessions)
    updates = frozenset(u.doc.path for u in dataset.updates)
    tables = frozenset(t.doc.path for t in dataset.tables)
    articles = frozenset(a.doc.path for a in convention.articles)
    provisions = frozenset(p.doc.path for p in convention.provisions)
    everything = (frozenset(singles.values()) | record_files | sessions | updates | tables
                  | articles | provisions)

    def single(*names: str) -> Files:
        return frozenset(singles[n] for n in names if n in singles)

    pages: dict[str, Files] = {
        urls.HOME: single("status.yaml") | sessions | updates,
        urls.PROCESS: single("drafts.yaml") | sessions,
        urls.UPDATES: sessions | updates,
        urls.SOURCES: single("sources.yaml"),
        urls.TABLES: tables | single("drafts.yaml"),
        urls.DATA: tables | record_files,
        urls.GLOSSARY: single("glossary.yaml"),
        urls.STATES: record_files,
        **{p: articles | provisions | record_files for p in urls.CONVENTION_PAGES},
    }
    for session in dataset.sessions:
        own = frozenset(u.doc.path for u in session.updates)
        pages[session.page] = frozenset({session.doc.path}) | own | single("drafts.yaml")
        pages[urls.session_briefing(session.id)] = pages[session.page]
        for update in session.updates:
            pages[update.page] = frozenset({update.doc.path, session.doc.path})
    file_of_page = {s.page: s.doc.path for s in dataset.sessions}
    file_of_page |= {u.page: u.doc.path for u in dataset.updates}
    mentioned_in: dict[int, set[str]] = {}
    for mention in mentions:
        if mention.origin.page in file_of_page:
            mentioned_in.setdefault(mention.article, set()).add(file_of_page[mention.origin.page])
    for article in convention.articles:
        pages[article.page] = (frozenset({article.doc.path, *mentioned_in.get(article.number, ())})
                               | record_files)
    for state in convention.states:
        pages[urls.state_page(state.id)] = record_files
    for page in site_pages(dataset, content_dir):
        source = content_dir / page
        if source.is_file() and source.is_relative_to(repo_root):
            pages[page] = frozenset({source.relative_to(repo_root).as_posix()})
        pages.setdefault(page, everything)
    return pages
