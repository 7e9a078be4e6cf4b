"""Pages of the annotated convention: its index, one page per article, the concordance, the
provisions outside the articles.

Rendered after the updates and session pages, whose article references are
the mentions listed under "Mentioned in". Annotations are rendered first of
all the convention's parts, because they mention articles too.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from build_tools.models.article import FINAL_TEXT, Annotation, Quote
from build_tools.models.dataset import ArticleRecord, Convention
from build_tools.models.positions import Target
from build_tools.render.article_links import Mention, Origin, updates_naming
from build_tools.render.text import roman
from build_tools.yamlio import YamlDocument

if TYPE_CHECKING:
    from build_tools.render.pages import PageRenderer

CONVENTION_INDEX = "convention/index.md"
CONVENTION_PAGES = (CONVENTION_INDEX, "convention/concordance.md", "convention/provisions.md")
CONTEXTS_PER_ORIGIN = 3


def target_label(target: Target | None, convention: Convention) -> str:
    """'Art. 6(2)', 'Art. 14(1), (3)', 'Title of the convention'; '' for no target."""
    if target is None:
        return ""
    if target.article is not None:
        paragraphs = ", ".join(f"({p})" for p in target.paragraphs)
        return f"Art. {target.article}{paragraphs}"
    provision = convention.provision(target.provision or "")
    return provision.data.title if provision else str(target.provision)


def target_page(target: Target) -> str:
    """The page (and anchor) a target is shown on, as a docs path for Markdown links."""
    if target.article is not None:
        anchor = f"#art-{target.article}-{target.paragraphs[0]}" if target.paragraphs else ""
        return f"convention/article-{target.article}.md{anchor}"
    return f"convention/provisions.md#{target.provision}"


@dataclass(frozen=True)
class Note:
    """An annotation, rendered, with the anchor it has on its page."""

    anchor: str
    data: Annotation
    body: str
    sources: list[str]


@dataclass
class ConventionPages:
    """Renders the convention's pages with the page renderer's prose and citations."""

    base: PageRenderer

    @property
    def convention(self) -> Convention:
        return self.base.dataset.convention

    def render(self) -> dict[str, str]:
        if not self.convention.articles:
            return {}
        notes = {a.page + str(a.number): self._notes(a.data.annotations, a.doc, a.page,
                                                     f"note-{a.number}", a.heading)
                 for a in self.convention.articles}
        provision_notes = {p.id: self._notes(p.data.annotations, p.doc, p.page,
                                             f"note-{p.id}", p.data.title)
                           for p in self.convention.provisions}
        mentions = _by_article(self.base.mentions)
        pages = {
            CONVENTION_INDEX: self.index(),
            "convention/concordance.md": self.concordance(),
            "convention/provisions.md": self.provisions(provision_notes),
        }
        articles = self.convention.articles
        for i, article in enumerate(articles):
            pages[article.page] = self.article(
                article, notes[article.page + str(article.number)], mentions.get(article.number, []),
                articles[i - 1] if i else None, articles[i + 1] if i + 1 < len(articles) else None)
        return pages

    def _notes(self, annotations: tuple[Annotation, ...], doc: YamlDocument, page: str,
               prefix: str, subject: str) -> list[Note]:
        notes = []
        for i, note in enumerate(annotations):
            anchor = f"{prefix}-{i + 1}"
            source = self.base.dataset.sources.get(note.sources[0].ref or "")
            by = (source.short or source.title) if source else (note.sources[0].title or "")
            origin = Origin("annotation", f"{subject}: note from {by}", page, note.date, anchor)
            body = self.base._prose(doc, ("annotations", i, "body"), note.body, page,
                                    draft=note.draft, origin=origin)
            notes.append(Note(anchor, note, body, [self.base.cite_short(r) for r in note.sources]))
        return notes

    def _quotes(self, quotes: tuple[Quote, ...],
                numbers: dict[str, int] | None = None) -> list[dict[str, Any]]:
        out = []
        for quote in quotes:
            parts = [self.base.dataset.draft(quote.draft).title]
            number = (numbers or {}).get(quote.draft)
            if number:
                parts.append(f"article {number}")
            if quote.paragraph:
                parts.append(f"paragraph {quote.paragraph}")
            label = ", ".join(parts)
            if quote.proposed_by:
                label = f"Wording proposed by {quote.proposed_by} for the {label[0].lower()}{label[1:]}"
            out.append({"quote": quote, "label": label,
                        "source": self.base.cite_short(quote.source)})
        return out

    @cached_property
    def positions(self) -> list[dict[str, Any]]:
        """Every recorded position, as the article, provision and state pages list it; its
        summary is rendered for each page by `with_summaries`."""
        return [{"data": position, "at": ("positions.yaml", ("positions", index, "summary")),
                 "target": target_label(position.on, self.convention),
                 "session": self.base.dataset.session(position.session)
                 if position.session else None,
                 "states": [self.convention.state(s) for s in position.states],
                 "sources": [self.base.cite_short(r) for r in position.sources]}
                for index, position in enumerate(self.convention.positions)]

    @cached_property
    def votes(self) -> list[dict[str, Any]]:
        """Every recorded vote, as the article, provision and state pages list it."""
        return [{"data": vote, "at": ("votes.yaml", ("votes", index, "summary")),
                 "target": target_label(vote.on, self.convention),
                 "session": self.base.dataset.session(vote.session),
                 "requested_by": [self.convention.state(s) for s in vote.requested_by],
                 "supported_by": [self.convention.state(s) for s in vote.supported_by],
                 "sources": [self.base.cite_short(r) for r in vote.sources]}
                for index, vote in enumerate(self.convention.votes)]

    def with_summaries(self, records: list[dict[str, Any]], page: str) -> list[dict[str, Any]]:
        """Positions or votes with their summaries rendered for `page`: links are relative."""
        return [{**r, "summary": self.base._prose(self.convention.documents[r["at"][0]],
                                                  r["at"][1], r["data"].summary, page, inline=True)}
                for r in records]

    def _positions(self, match: Any, page: str) -> list[dict[str, Any]]:
        return self.with_summaries([p for p in self.positions if match(p["data"].on)], page)

    def _votes(self, match: Any, page: str) -> list[dict[str, Any]]:
        return self.with_summaries([v for v in self.votes if match(v["data"].on)], page)

    def article(self, record: ArticleRecord, notes: list[Note], mentions: list[Mention],
                previous: ArticleRecord | None, following: ArticleRecord | None) -> str:
        article = record.data
        number = article.number

        def on_this(target: Target | None) -> bool:
            return target is not None and target.article == number

        positions = self._positions(on_this, record.page)
        votes = self._votes(on_this, record.page)
        summaries = {p.number: (i, p) for i, p in enumerate(article.paragraphs)}
        numbered = set(summaries)
        numbered |= {p for m in mentions for p in m.paragraphs}
        numbered |= {p for record in (*positions, *votes) for p in record["data"].on.paragraphs}
        paragraphs = [{
            "number": n,
            "summary": self.base._prose(record.doc, ("paragraphs", summaries[n][0], "summary"),
                                        summaries[n][1].summary, record.page,
                                        draft=FINAL_TEXT) if n in summaries else "",
            "positions": [p for p in positions if n in p["data"].on.paragraphs],
            "votes": [v for v in votes if n in v["data"].on.paragraphs],
            "mentions": sum(1 for m in mentions if n in m.paragraphs),
        } for n in sorted(numbered)]
        drafts = [d for d in self.base.dataset.drafts if d.id != FINAL_TEXT]
        numbers = {n.draft: n for n in article.numbers}
        return self.base._render(
            "article.md.j2",
            record=record, article=article,
            chapter=self.convention.chapter(article.chapter),
            roman=roman,
            title_sources=[self.base.cite_short(r) for r in article.title_sources],
            summary=self.base._prose(record.doc, ("summary",), article.summary, record.page,
                                     draft=FINAL_TEXT),
            history=[{"draft": d, "number": numbers.get(d.id),
                      "sources": [self.base.cite_short(r)
                                  for r in (numbers[d.id].sources if d.id in numbers else ())]}
                     for d in drafts],
            paragraphs=paragraphs,
            quotes=self._quotes(article.quotes, {n.draft: n.number for n in article.numbers}),
            positions=positions, votes=votes, notes=notes,
            mentions=_grouped(mentions),
            previous=previous, following=following,
        )

    def index(self) -> str:
        updates = updates_naming(self.base.mentions)
        chapters = [{"chapter": c, "articles": [
            {"record": a, "updates": updates.get(a.number, 0), "notes": len(a.data.annotations)}
            for a in self.convention.articles if a.data.chapter == c.number]}
            for c in self.convention.chapters]
        known = {a.data.title_status for a in self.convention.articles}
        return self.base._render(
            "convention.md.j2", chapters=chapters, roman=roman, statuses=known,
            count=len(self.convention.articles),
            provisions=self.convention.provisions,
            charts=[c for c in self.base.figures if c.id == "most-discussed"])

    def concordance(self) -> str:
        drafts = [d for d in self.base.dataset.drafts if d.id != FINAL_TEXT]
        drafts.reverse()  # the latest first, beside the final text
        rows = []
        for record in self.convention.articles:
            numbers = {n.draft: n for n in record.data.numbers}
            cells = [numbers.get(d.id) for d in drafts]
            moved = any(n is not None and n.number != record.number for n in cells)
            rows.append({"record": record, "cells": cells, "moved": moved})
        return self.base._render("concordance.md.j2", drafts=drafts, rows=rows)

    def provisions(self, notes: dict[str, list[Note]]) -> str:
        items = []
        for record in self.convention.provisions:

            def on_this(target: Target | None, pid: str = record.id) -> bool:
                return target is not None and target.provision == pid

            items.append({
                "record": record,
                "summary": self.base._prose(record.doc, ("summary",), record.data.summary,
                                            record.page, draft=FINAL_TEXT),
                "quotes": self._quotes(record.data.quotes),
                "positions": self._positions(on_this, record.page),
                "votes": self._votes(on_this, record.page),
                "notes": notes[record.id]})
        return self.base._render("provisions.md.j2", items=items)


def _by_article(mentions: list[Mention]) -> dict[int, list[Mention]]:
    out: dict[int, list[Mention]] = defaultdict(list)
    for mention in mentions:
        out[mention.article].append(mention)
    return out


def _grouped(mentions: list[Mention]) -> list[dict[str, Any]]:
    """One entry per update or annotation, newest first, with the words around each reference."""
    groups: dict[Origin, list[Mention]] = {}
    for mention in mentions:
        groups.setdefault(mention.origin, []).append(mention)
    ordered = sorted(groups.items(), key=lambda g: (g[0].date, g[0].page, g[0].anchor),
                     reverse=True)
    return [{"origin": origin,
             "paragraphs": sorted({p for m in found for p in m.paragraphs}),
             "contexts": list(dict.fromkeys(m.context for m in found))[:CONTEXTS_PER_ORIGIN]}
            for origin, found in ordered]

