"""Pages: the data set -> the Markdown of every generated page.

Pure: everything a page needs arrives as an argument. Editor Markdown is
turned into safe HTML here (see `markdown.py`); links it holds that cannot be
kept become diagnostics placed in the data file they came from.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import jinja2

from build_tools.errors import Diagnostic, Location, error, warning
from build_tools.markdown import LinkContext, LinkProblem, plain_text, render_block, render_inline
from build_tools.models.article import FINAL_TEXT
from build_tools.models.dataset import Dataset, SessionRecord, UpdateRecord
from build_tools.models.source import SourceRef
from build_tools.models.table import Cell, Column, LongCell, cell_value
from build_tools.paths import TEMPLATE_CACHE, TEMPLATES_DIR
from build_tools.prose_cache import ProseCache
from build_tools.render import positions_grid, text
from build_tools.render.article_links import (
    ArticleLinker,
    Mention,
    Origin,
    Problem,
    updates_naming,
)
from build_tools.render.charts import Chart, most_discussed
from build_tools.render.convention_pages import ConventionPages
from build_tools.render.positions_grid import grid, grid_chart
from build_tools.render.state_pages import StatePages
from build_tools.render.tables import csv_path, json_path
from build_tools.yamlio import YamlDocument

HOME_LATEST = 5
# A field's HTML, its link problems, the mentions it makes, its reference problems.
Rendered = tuple[str, list[LinkProblem], list[Mention], list[Problem]]
# Pages that exist whatever the data; sessions and updates add one page each.
INDEX_PAGES = ("index.md", "sessions/index.md", "updates/index.md", "sources/index.md",
               "tables/index.md", "data/index.md")
SESSION_KIND_LABELS = {
    "organizational": "Organizational session",
    "negotiating": "Negotiating session",
    "concluding": "Concluding session",
    "intersessional": "Intersessional consultation",
}


def page_url(page: str) -> str:
    """'sessions/x/index.md' -> 'sessions/x/'; 'a/b.md' -> 'a/b/'; 'index.md' -> ''."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def make_environment() -> jinja2.Environment:
    TEMPLATE_CACHE.mkdir(parents=True, exist_ok=True)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        # Compiled templates kept on disk: compiling them costs more than a small build.
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(TEMPLATE_CACHE)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the output is Markdown; escaping is done by `md` and markdown.py
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=text.md_text,
        long_date=text.long_date,
        partial_date=text.partial_date,
        plural=text.plural,
    )
    env.globals.update(date_range=text.date_range, kind_label=SESSION_KIND_LABELS)
    return env


@dataclass(eq=False)
class PageRenderer:
    """Renders the pages of one data set; collects the problems found in editor Markdown."""

    dataset: Dataset
    site_urls: frozenset[str]
    figures: tuple[Chart, ...] = ()
    env: jinja2.Environment = field(default_factory=make_environment)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    cache: ProseCache | None = None  # rendered prose from earlier builds

    def render_all(self) -> dict[str, str]:
        renderers = (self.home, self.process, self.updates_index, self.sources, self.tables,
                     self.data_page)
        pages = {name: render() for name, render in zip(INDEX_PAGES, renderers, strict=True)}
        for session in self.dataset.sessions:
            pages[session.page] = self.session(session)
            for i, update in enumerate(session.updates):
                previous = session.updates[i - 1] if i else None
                following = session.updates[i + 1] if i + 1 < len(session.updates) else None
                pages[update.page] = self.update(update, session, previous, following)
        # The convention's pages list the mentions made above, and show charts drawn from them.
        convention = self.dataset.convention
        table = grid(convention)
        self.figures += tuple(c for c in (self._most_discussed(), grid_chart(convention, table))
                              if c is not None)
        articles = ConventionPages(self)
        pages.update(articles.render())
        pages.update(StatePages(self, articles, table).render())
        return pages

    def _most_discussed(self) -> Chart | None:
        titles = {a.number: a.data.title if a.data.title_status != "unconfirmed"
                  else "heading not confirmed" for a in self.dataset.convention.articles}
        return most_discussed(updates_naming(self.mentions), titles)

    def _render(self, template: str, **context: Any) -> str:
        return self._template(template).render(**context)

    @functools.cache  # noqa: B019 - one renderer per build; templates are looked up once
    def _template(self, name: str) -> jinja2.Template:
        return self.env.get_template(name)

    def _prose(self, doc: YamlDocument, at: tuple[str | int, ...], value: str | None,
               page: str, inline: bool = False, draft: str | None = None,
               origin: Origin | None = None) -> str:
        """Editor Markdown as HTML; with `draft`, its article references become links."""
        if not value:
            return ""
        if draft and self.cache is not None:
            key = self.cache.key(value, page, str(inline), draft, repr(origin))
            rendered: Rendered | None = self.cache.get(key)
            if rendered is None:
                rendered = self._render_prose(value, page, inline, draft, origin)
                self.cache.put(key, rendered)
        else:
            rendered = self._render_prose(value, page, inline, draft, origin)
        html, link_problems, mentions, reference_problems = rendered
        for problem in link_problems:
            self.diagnostics.append(error(_text_location(doc, at, problem.line),
                                          f"{_dotted(at)}: {problem.message}"))
        self.mentions += mentions
        for found in reference_problems:
            where = _text_location(doc, at, found.line)
            self.diagnostics.append(warning(
                Location(where.path, where.line, (where.column or 1) + found.column),
                f"{_dotted(at)}: {found.message}"))
        return html

    def _render_prose(self, value: str, page: str, inline: bool, draft: str | None,
                      origin: Origin | None) -> Rendered:
        context = LinkContext(page_url(page), self.site_urls)
        linker = self._linker(draft, value, page, origin) if draft else None
        context.references = linker
        html = (render_inline if inline and not linker else render_block)(value, context)
        if inline:  # one line, so that it can sit in a list item or a table cell
            html = html.replace("\n", " ")
        return (html.strip(), context.problems, linker.mentions if linker else [],
                linker.problems if linker else [])

    def _linker(self, draft: str, value: str, page: str,
                origin: Origin | None) -> ArticleLinker | None:
        convention = self.dataset.convention
        if not convention.articles:
            return None
        title = self.dataset.draft(draft).title if draft != FINAL_TEXT else "final text"
        return ArticleLinker(convention, draft, title.lower().removesuffix(" of the convention"),
                             page_url(page), value, origin)

    def cite_short(self, ref: SourceRef) -> str:
        """A compact citation for running lists: the source's short name, linked to its entry."""
        if ref.ref is None:
            return f"[{text.md_text(ref.title or '')}]({ref.url})"
        source = self.dataset.sources[ref.ref]
        name = text.md_text(source.short or source.title)
        where = f", {text.md_text(ref.locator)}" if ref.locator else ""
        return f"[{name}](/sources/index.md#{source.id}){where}"

    def cite(self, ref: SourceRef) -> str:
        """One source reference as a Markdown line."""
        if ref.ref is None:
            return f"[{text.md_text(ref.title or '')}]({ref.url})"
        source = self.dataset.sources[ref.ref]
        parts = [f"[*{text.md_text(source.title)}*](/sources/index.md#{source.id})"]
        parts += [text.md_text(p) for p in (source.author, source.publisher) if p]
        parts.append(text.partial_date(source.date) if source.date else "date not known")
        if ref.locator:
            parts.append(text.md_text(ref.locator))
        line = ", ".join(parts)
        return line + (f" · [online]({source.url})" if source.url else "")

    def _update_item(self, update: UpdateRecord, page: str) -> dict[str, Any]:
        return {
            "record": update,
            "session": self.dataset.session(update.session_id),
            "summary": self._prose(update.doc, ("summary",), update.data.summary, page, True),
        }

    def home(self) -> str:
        status = self.dataset.status
        page = "index.md"
        return self._render(
            "home.md.j2",
            status_summary=self._prose(self.dataset.documents["status.yaml"], ("summary",),
                                       status.summary, page),
            milestones=[self._status_item(m, ("milestones", i), page)
                        for i, m in enumerate(status.milestones)],
            next_steps=[self._status_item(s, ("next", i), page)
                        for i, s in enumerate(status.next)],
            latest=[self._update_item(u, page) for u in self.dataset.updates[:HOME_LATEST]],
            update_count=len(self.dataset.updates),
            sessions=self.dataset.sessions,
        )

    def _status_item(self, item: Any, at: tuple[str | int, ...], page: str) -> dict[str, Any]:
        doc = self.dataset.documents["status.yaml"]
        return {"item": item, "body": self._prose(doc, (*at, "body"), item.body, page, True),
                "sources": [self.cite_short(r) for r in item.sources]}

    def process(self) -> str:
        page = "sessions/index.md"
        drafts = [{"draft": d, "description": self._prose(self.dataset.documents["drafts.yaml"],
                                                          ("drafts", i, "description"),
                                                          d.description, page, True),
                   "sources": [self.cite(r) for r in d.sources]}
                  for i, d in enumerate(self.dataset.drafts)]
        return self._render("process.md.j2", sessions=self.dataset.sessions, drafts=drafts,
                            charts=[c for c in self.figures if c.table is None],
                            drafts_by_id={d.id: d for d in self.dataset.drafts})

    def session(self, session: SessionRecord) -> str:
        data = session.data
        return self._render(
            "session.md.j2",
            session=session,
            description=_meta_description(data.summary) or f"{data.title}, {data.city}.",
            draft=self.dataset.draft(data.draft) if data.draft else None,
            summary=self._prose(session.doc, ("summary",), data.summary, session.page,
                                draft=data.draft or FINAL_TEXT,
                                origin=Origin("session", data.title, session.page,
                                              data.start.isoformat())),
            updates=[self._update_item(u, session.page) for u in session.updates],
            sources=[self.cite(r) for r in data.sources],
        )

    def update(self, update: UpdateRecord, session: SessionRecord,
               previous: UpdateRecord | None, following: UpdateRecord | None) -> str:
        return self._render(
            "update.md.j2",
            update=update,
            session=session,
            description=_meta_description(update.data.summary),
            body=self._prose(update.doc, ("body",), update.data.body, update.page,
                             draft=update.data.draft or session.data.draft or FINAL_TEXT,
                             origin=Origin("update", update.heading, update.page,
                                           update.data.date.isoformat())),
            previous=previous,
            following=following,
            sources=[self.cite(r) for r in update.data.sources],
        )

    def updates_index(self) -> str:
        page = "updates/index.md"
        return self._render("updates.md.j2",
                            updates=[self._update_item(u, page) for u in self.dataset.updates])

    def sources(self) -> str:
        return self._render("sources.md.j2", sources=self.dataset.sources.values())

    def tables(self) -> str:
        page = "tables/index.md"
        return self._render("tables.md.j2", tables=[
            {"record": t, "csv": csv_path(t.id), "json": json_path(t.id),
             "caption": self._prose(t.doc, ("caption",), t.data.caption, page),
             "notes": self._prose(t.doc, ("notes",), t.data.notes, page),
             "source": self.cite(t.data.source),
             "draft": self.dataset.draft(t.data.draft) if t.data.draft else None,
             "rows": [[self._cell(row[c.id], c) for c in t.data.columns] for row in t.data.rows],
             "charts": [c for c in self.figures if c.table == t.id]}
            for t in self.dataset.tables])

    def _cell(self, cell: Cell, column: Column) -> str:
        value = cell_value(cell)
        if column.type == "boolean":
            shown = "✓ yes" if value else "no"
        else:
            shown = text.md_text(str(value)).replace("\n", "<br>")
        if isinstance(cell, LongCell):
            extra = [text.md_text(cell.note)] if cell.note else []
            extra += [self.cite_short(r) for r in cell.sources]
            if extra:
                shown += "<br><small>" + " · ".join(extra) + "</small>"
        return shown

    def data_page(self) -> str:
        positions = ({"csv": positions_grid.CSV_PATH, "json": positions_grid.JSON_PATH}
                     if self.dataset.convention.states else None)
        return self._render("data.md.j2", positions=positions, tables=[
            {"record": t, "csv": csv_path(t.id), "json": json_path(t.id)}
            for t in self.dataset.tables])


def _meta_description(markdown: str | None) -> str:
    """The page's description, HTML-escaped: the theme prints it into an attribute as it is."""
    if not markdown:
        return ""
    words = plain_text(markdown.split("\n\n")[0])
    short = words if len(words) <= 200 else words[:197].rsplit(" ", 1)[0] + "…"
    return html.escape(short, quote=True)


def _dotted(at: Iterable[str | int]) -> str:
    out = ""
    for part in at:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _text_location(doc: YamlDocument, at: tuple[str | int, ...], line: int) -> Location:
    origin = doc.texts.get(at)
    if origin is None:
        return doc.location(at)
    if origin.block:
        key = doc.key_location(at)
        return Location(doc.path, origin.line + 1 + line, key.column + 2)
    return Location(doc.path, origin.line + line, origin.column)
