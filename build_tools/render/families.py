"""Every family of pages, declared once: its name, its pages with the files each is made of, and
the function that renders it.

The site map (which pages exist, known before any page is rendered), each page's date (the
last commit to the files it is made of), the rendering and the tests of the families all read
`FAMILIES`; a new family is added here and nowhere else. Hand-written pages (content/) are
dated by their own file.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from build_tools import urls
from build_tools.assemble import Produced
from build_tools.formats.text import roman
from build_tools.models.dataset import Dataset
from build_tools.prose.article_links import Mention
from build_tools.render.briefings import render_briefings
from build_tools.render.context import RenderContext
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

Files = frozenset[str]  # repository paths: "data/status.yaml"


class PageFiles:
    """The data files that pages are made of, for the families' declarations. Without
    mentions (before the prose is rendered) the pages are the same; only their files differ."""

    def __init__(self, dataset: Dataset, mentions: Iterable[Mention] = ()) -> None:
        self.dataset, self._mentions = dataset, tuple(mentions)

    def single(self, *names: str) -> Files:
        documents = self.dataset.documents
        return frozenset(documents[n].path for n in names if n in documents)

    @functools.cached_property
    def record(self) -> Files:
        """The convention's files: chapters, states, positions, votes, the treaty record."""
        return frozenset(doc.path for doc in self.dataset.convention.documents.values())

    @functools.cached_property
    def sessions(self) -> Files:
        return frozenset(s.doc.path for s in self.dataset.sessions)

    @functools.cached_property
    def updates(self) -> Files:
        return frozenset(u.doc.path for u in self.dataset.updates)

    @functools.cached_property
    def tables(self) -> Files:
        return frozenset(t.doc.path for t in self.dataset.tables)

    @functools.cached_property
    def annotated(self) -> Files:
        """The articles' and the provisions' files."""
        convention = self.dataset.convention
        return (frozenset(a.doc.path for a in convention.articles)
                | frozenset(p.doc.path for p in convention.provisions))

    @functools.cached_property
    def mentioning(self) -> dict[int, Files]:
        """Article number -> the files of the sessions and updates whose prose mentions it."""
        file_of_page = {s.page: s.doc.path for s in self.dataset.sessions}
        file_of_page |= {u.page: u.doc.path for u in self.dataset.updates}
        found: dict[int, set[str]] = {}
        for mention in self._mentions:
            if mention.origin.page in file_of_page:
                found.setdefault(mention.article, set()).add(file_of_page[mention.origin.page])
        return {number: frozenset(files) for number, files in found.items()}


Pages = Callable[[PageFiles], Mapping[str, Files]]
Render = Callable[[RenderContext], Mapping[str, str | bytes]]


def _no_pages(files: PageFiles) -> Mapping[str, Files]:
    return {}


@dataclass(frozen=True)
class Family:
    name: str  # who it is in messages: "the home page"
    render: Render  # pure: the context -> {path: text or bytes}, its pages and other files
    pages: Pages = _no_pages  # its pages (.md), each with the files it is made of
    where: str | None = None  # the data file behind all its files, for messages

    def produce(self, ctx: RenderContext) -> list[Produced]:
        return [Produced(self.name, self.render(ctx), self.where)]


@dataclass(frozen=True)
class FilesOfEachFile:
    """A family of files made one data file at a time (each table's downloads): a clash
    between two of them, or with another family, names the data file."""

    name: str  # "the table {}": the data file's path goes in the braces
    render: Callable[[RenderContext], Mapping[str, Mapping[str, str | bytes]]]  # file -> files

    def pages(self, files: PageFiles) -> Mapping[str, Files]:
        return {}

    def produce(self, ctx: RenderContext) -> list[Produced]:
        return [Produced(self.name.format(path), made, path)
                for path, made in self.render(ctx).items()]


def _home(f: PageFiles) -> Mapping[str, Files]:
    return {urls.HOME: f.single("status.yaml") | f.sessions | f.updates}


def _sessions(f: PageFiles) -> Mapping[str, Files]:
    pages = {urls.PROCESS: f.single("drafts.yaml") | f.sessions, urls.UPDATES: f.sessions | f.updates}
    for session in f.dataset.sessions:
        pages[session.page] = _session_files(f, session.id)
        for update in session.updates:
            pages[update.page] = frozenset({update.doc.path, session.doc.path})
    return pages


def _session_files(f: PageFiles, session_id: str) -> Files:
    session = f.dataset.session(session_id)
    return (frozenset({session.doc.path, *(u.doc.path for u in session.updates)})
            | f.single("drafts.yaml"))


def _briefings(f: PageFiles) -> Mapping[str, Files]:
    return {urls.session_briefing(s.id): _session_files(f, s.id) for s in f.dataset.sessions}


def _convention(f: PageFiles) -> Mapping[str, Files]:
    articles = f.dataset.convention.articles
    if not articles:
        return {}
    pages = {page: f.annotated | f.record for page in urls.CONVENTION_PAGES}
    for article in articles:
        pages[article.page] = (frozenset({article.doc.path, *f.mentioning.get(article.number, ())})
                               | f.record)
    return pages


def _states(f: PageFiles) -> Mapping[str, Files]:
    states = f.dataset.convention.states
    if not states:
        return {}
    return {urls.STATES: f.record} | {urls.state_page(s.id): f.record for s in states}


def _treaty_status(f: PageFiles) -> Mapping[str, Files]:
    return {urls.TREATY_STATUS: f.record | f.single("sources.yaml")} if f.dataset.treaty else {}


FAMILIES: tuple[Family | FilesOfEachFile, ...] = (
    Family("the home page", render_home, _home),
    Family("the sessions and their updates", render_sessions, _sessions),
    Family("the convention's pages", render_convention, _convention),
    Family("the states' pages", render_states, _states),
    Family("the signatures and ratifications page", render_treaty_status, _treaty_status),
    Family("the tables page", render_tables,
           lambda f: {urls.TABLES: f.tables | f.single("drafts.yaml")}),
    Family("the sources page", render_sources, lambda f: {urls.SOURCES: f.single("sources.yaml")}),
    Family("the data page", render_data, lambda f: {urls.DATA: f.tables | f.record}),
    Family("the feeds", render_feeds),
    Family("the glossary", render_glossary, lambda f: {urls.GLOSSARY: f.single("glossary.yaml")}),
    Family("the sessions' briefings", render_briefings, _briefings),
    FilesOfEachFile("the table {}", render_table_downloads),
    Family("the grid of positions (data/positions.yaml)", render_positions_downloads,
           where="data/positions.yaml"),
    Family("the record of signatures and ratifications (data/treaty-status.yaml)",
           render_treaty_status_downloads, where="data/treaty-status.yaml"),
)


def generated_pages(files: PageFiles) -> dict[str, Files]:
    """Every page the families render, with the files each is made of."""
    return {page: sources for family in FAMILIES for page, sources in family.pages(files).items()}


def content_pages(content_dir: Path, repo_root: Path) -> dict[str, Files]:
    """The hand-written pages (content/), each made of its own file."""
    if not content_dir.is_dir():
        return {}
    return {path.relative_to(content_dir).as_posix(): _own_file(path, repo_root)
            for path in sorted(content_dir.rglob("*.md"))}


def _own_file(path: Path, repo_root: Path) -> Files:
    inside = path.is_relative_to(repo_root)
    return frozenset({path.relative_to(repo_root).as_posix()}) if inside else frozenset()


# An entry of the site's navigation: a page (title, page path), or a section (title, entries).
NavEntry = tuple[str, "str | tuple[NavEntry, ...]"]


def navigation(dataset: Dataset) -> dict[str, tuple[NavEntry, ...]]:
    """Page -> the entries listed under it in the site's navigation: each session under the
    sessions' index; under the convention's, each chapter with its articles, so that an
    article's page shows its chapter beside it."""
    listed: dict[str, tuple[NavEntry, ...]] = {
        urls.PROCESS: tuple((s.data.title, s.page) for s in dataset.sessions)}
    convention = dataset.convention
    if convention.articles:
        listed[urls.CONVENTION] = tuple(
            (f"Chapter {roman(c.number)}: {c.title}",
             tuple((a.titled, a.page) for a in convention.articles
                   if c.first <= a.number <= c.last))
            for c in convention.chapters)
    return listed


def produce(ctx: RenderContext) -> list[Produced]:
    """Every family's files, in the order of `FAMILIES` (a clash names the first writer's file)."""
    return [produced for family in FAMILIES for produced in family.produce(ctx)]
