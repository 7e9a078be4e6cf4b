"""Prose stage: every editor Markdown field rendered once per build, before any page.

Input: the validated `Dataset`, the URL of every page of the site, and a
cache `Store`. Output: `Prose`: the safe HTML of each field with its site
links in root form, every mention of an article, and every link problem
(an error) or unknown article reference (a warning), placed at
`path:line:col` in its file. A page shows a field with `Prose.on(page, ...)`,
which makes the links relative to that page.

A field's HTML depends on its text, how it is rendered, the convention's
numbering, the glossary's terms and the code; those make its cache key. Which pages exist is
checked again on every build, so an entry is reused only while every page it
links to still exists.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from build_tools import urls
from build_tools.cache import Store
from build_tools.english import field_path
from build_tools.errors import Diagnostic, Location, error, warning
from build_tools.load.yamlio import YamlDocument
from build_tools.models.article import FINAL_TEXT
from build_tools.models.dataset import Dataset
from build_tools.prose.article_links import ArticleLinker, Mention, Problem
from build_tools.prose.fields import At, Field, fields, unpublished_fields
from build_tools.prose.glossary_terms import Glossary
from build_tools.prose.markdown import (
    LinkContext,
    LinkProblem,
    plain_text,
    render_block,
    render_inline,
)


@dataclass(frozen=True)
class Rendered:
    """One field, rendered: what the cache keeps."""

    html: urls.RootLinked  # cut at its root-form links (see `urls.split_root_links`)
    linked: frozenset[str]  # the pages it links to
    mentions: tuple[Mention, ...]
    link_problems: tuple[LinkProblem, ...]
    reference_problems: tuple[Problem, ...]
    lead: str = ""  # a summary's first paragraph as plain text: descriptions and feeds


@dataclass(frozen=True)
class Prose:
    html: dict[tuple[str, At], urls.RootLinked]  # (file, field path) -> HTML, links in root form
    mentions: tuple[Mention, ...]  # in the order of `fields.fields`
    diagnostics: tuple[Diagnostic, ...]
    leads: dict[tuple[str, At], str] = dataclasses.field(default_factory=dict)  # summary -> lead

    def lead(self, doc: YamlDocument, at: At) -> str:
        """A summary's first paragraph as plain text ("" for none): made with the prose, and
        cached with it, so that a warm build parses no Markdown for descriptions and feeds."""
        return self.leads.get((doc.path, at), "")

    def on(self, page: str, doc: YamlDocument, at: At, directory_urls: bool = True) -> str:
        """The field as the page `page` shows it (in a site of files, not folders, when
        `directory_urls` is false: the offline copy)."""
        return urls.join_relative(self.html[(doc.path, at)], page, directory_urls)


NO_PROSE = Prose({}, (), ())


def resolve_prose(dataset: Dataset, site_pages: frozenset[str], store: Store) -> Prose:
    """Every editor Markdown field rendered once; links checked against `site_pages`."""
    renderer = _Renderer(dataset, site_pages, store)
    html: dict[tuple[str, At], urls.RootLinked] = {}
    mentions: list[Mention] = []
    diagnostics: list[Diagnostic] = []
    leads: dict[tuple[str, At], str] = {}
    for field in fields(dataset):
        rendered = renderer.render(field)
        html[field.key] = rendered.html
        if rendered.lead:
            leads[field.key] = rendered.lead
        mentions += rendered.mentions
        diagnostics += _diagnostics(field, rendered)
    # Held-back updates may link to their own pages, which exist once they are published.
    held = frozenset(u.page for u in dataset.unpublished)
    checker = _Renderer(dataset, site_pages | held, store)
    for field in unpublished_fields(dataset):
        diagnostics += _diagnostics(field, checker.render(field))
    return Prose(html, tuple(mentions), tuple(diagnostics), leads)


class _Renderer:
    def __init__(self, dataset: Dataset, site_pages: frozenset[str], store: Store):
        self.dataset, self.site_pages, self.store = dataset, site_pages, store
        self.by_url = {urls.page_url(page): page for page in site_pages}
        self.drafts = {d.id: d.title for d in dataset.drafts}
        self.numbering = _numbering_digest(dataset)
        self.glossary = Glossary(dataset.glossary)
        self.glossary_digest = self.glossary.digest()

    def render(self, field: Field) -> Rendered:
        if not field.text:
            return Rendered(("",), frozenset(), (), (), ())
        key = self.store.key(self.numbering, self.glossary_digest, field.text, str(field.inline),
                             field.draft or "", repr(field.origin))
        cached: Rendered | None = self.store.get(key)
        if cached is not None and cached.linked <= self.site_pages:
            return cached
        rendered = self._render(field)
        if not rendered.link_problems:  # a broken link stops the build: nothing to reuse
            self.store.put(key, rendered)
        return rendered

    def _render(self, field: Field) -> Rendered:
        context = LinkContext(self.by_url, terms=self.glossary)
        linker = self._linker(field)
        context.references = linker
        html = (render_inline if field.inline and not linker else render_block)(field.text, context)
        if field.inline:  # one line, so that it can sit in a list item or a table cell
            html = html.replace("\n", " ")
        lead = plain_text(field.text.split("\n\n")[0]) if field.key[1][-1:] == ("summary",) else ""
        return Rendered(urls.split_root_links(html.strip()), frozenset(context.linked),
                        self._marked(linker.mentions) if linker else (), tuple(context.problems),
                        tuple(linker.problems) if linker else (), lead)

    def _marked(self, mentions: list[Mention]) -> tuple[Mention, ...]:
        """The mentions with their contexts as HTML, terms marked as in the field's HTML."""
        html: dict[str, str] = {}  # a reference to several articles gives each the same words
        for mention in mentions:
            if mention.context not in html:
                html[mention.context] = self.glossary.html(mention.context)
        return tuple(m._replace(context=html[m.context]) for m in mentions)

    def _linker(self, field: Field) -> ArticleLinker | None:
        draft = field.draft
        if not draft or not self.dataset.convention.articles:
            return None
        if draft == FINAL_TEXT:
            title = "final text"
        elif draft in self.drafts:
            title = self.drafts[draft].lower().removesuffix(" of the convention")
        else:
            return None  # an unknown draft is reported by validation
        return ArticleLinker(self.dataset.convention, draft, title, field.text, field.origin)


def _numbering_digest(dataset: Dataset) -> str:
    """What linking article references depends on besides the text: the numbering of every
    draft, the articles of the final text, and the drafts' titles (in messages)."""
    convention = dataset.convention
    parts = sorted(f"{n.draft}:{n.number}:{a.number}"
                   for a in convention.articles for n in a.data.numbers)
    parts += [str(a.number) for a in convention.articles]
    parts += [f"{d.id}:{d.title}" for d in dataset.drafts]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _diagnostics(field: Field, rendered: Rendered) -> Iterable[Diagnostic]:
    name = field_path(field.at, field.doc.line_of)
    for problem in rendered.link_problems:
        yield error(field.doc.text_location(field.at, problem.line), f"{name}: {problem.message}")
    for found in rendered.reference_problems:
        where = field.doc.text_location(field.at, found.line)
        yield warning(Location(where.path, where.line, (where.column or 1) + found.column),
                      f"{name}: {found.message}")
