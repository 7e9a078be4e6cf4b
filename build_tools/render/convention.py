"""The annotated convention: its index, one page per article, the concordance, and the
provisions outside the articles. Mentions come from the prose stage, so this family needs no
other page to be rendered first."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from build_tools import urls, verbatim
from build_tools.charts.catalog import MOST_DISCUSSED
from build_tools.derive import records
from build_tools.derive.treaty_record import Side, TreatyStatus
from build_tools.english import listed
from build_tools.formats.citations import cite_short
from build_tools.formats.text import partial_date
from build_tools.load.yamlio import YamlDocument
from build_tools.models.article import FINAL_TEXT, Annotation, Chapter, Quote
from build_tools.models.dataset import ArticleRecord, Convention
from build_tools.models.positions import Target
from build_tools.models.source import Source
from build_tools.prose.article_links import Mention, Origin, updates_naming
from build_tools.prose.markdown import escape_html
from build_tools.render.context import RenderContext
from build_tools.render.sides import side_views
from build_tools.render.treaty_items import declaration_views

CONTEXTS_PER_ORIGIN = 3


@dataclass(frozen=True)
class Note:
    """An annotation, rendered, with the anchor it has on its page."""

    anchor: str
    data: Annotation
    body: str
    sources: list[str]


def render_convention(ctx: RenderContext) -> dict[str, str]:
    convention = ctx.dataset.convention
    if not convention.articles:
        return {}
    positions, votes = records.positions(ctx.dataset), records.votes(ctx.dataset)
    mentions = _by_article(ctx.prose.mentions)
    status, sides = ctx.treaty, list(ctx.standing)
    pages = {
        urls.CONVENTION: _index(ctx),
        urls.CONCORDANCE: _concordance(ctx),
        urls.PROVISIONS: _provisions(ctx, positions, votes),
    }
    articles = convention.articles
    lists = _mention_lists(ctx, mentions)
    for i, article in enumerate(articles):
        pages[article.page] = _article(
            ctx, article, mentions.get(article.number, []), lists.get(article.number, ""),
            positions, votes,
            articles[i - 1] if i else None, articles[i + 1] if i + 1 < len(articles) else None,
            _Standing(status, [s for s in sides
                               if s[1].target and s[1].target.article == article.number]))
    return pages


@dataclass(frozen=True)
class _Standing:
    """Where the states of each side on one article stand today (empty without a record)."""

    status: TreatyStatus | None
    sides: list[tuple[str, Side]]


def _notes(ctx: RenderContext, annotations: tuple[Annotation, ...], doc: YamlDocument,
           page: str, subject: str | int) -> list[Note]:
    return [Note(urls.note_id(subject, i + 1), note,
                 ctx.prose_on(page, doc, ("annotations", i, "body")),
                 [cite_short(r, ctx.dataset.sources) for r in note.sources])
            for i, note in enumerate(annotations)]


def _quotes(ctx: RenderContext, quotes: tuple[Quote, ...],
            numbers: dict[str, int] | None = None) -> list[dict[str, Any]]:
    out = []
    for quote in quotes:
        parts = [ctx.dataset.draft(quote.draft).title]
        number = (numbers or {}).get(quote.draft)
        if number:
            parts.append(f"article {number}")
        if quote.paragraph:
            parts.append(f"paragraph {quote.paragraph}")
        label = ", ".join(parts)
        if quote.proposed_by:
            # A proposal is quoted where a source discusses it, not as part of that draft.
            label = (f"Wording proposed by {quote.proposed_by}, discussed with the "
                     f"{label[0].lower()}{label[1:]}")
        out.append({"quote": quote, "label": label,
                    "source": cite_short(quote.source, ctx.dataset.sources)})
    return out


def _on(ctx: RenderContext, found: list[records.Record], page: str,
        match: Callable[[Target | None], bool]) -> list[records.Record]:
    """The positions or votes about one provision, with their summaries for `page`."""
    return records.with_summaries([r for r in found if match(r["data"].on)], page, ctx.prose,
                                  ctx.dataset.convention)


def _article(ctx: RenderContext, record: ArticleRecord, mentions: list[Mention],
             mention_list: str, all_positions: list[records.Record],
             all_votes: list[records.Record],
             previous: ArticleRecord | None, following: ArticleRecord | None,
             standing: _Standing) -> str:
    article, page = record.data, record.page
    number = article.number

    def on_this(target: Target | None) -> bool:
        return target is not None and target.article == number

    positions = _on(ctx, all_positions, page, on_this)
    votes = _on(ctx, all_votes, page, on_this)
    summaries = {p.number: i for i, p in enumerate(article.paragraphs)}
    numbered = set(summaries)
    numbered |= {p for m in mentions for p in m.paragraphs}
    numbered |= {p for r in (*positions, *votes) for p in r["data"].on.paragraphs}
    # A paragraph a declaration names gets its anchor too: the declaration links to it.
    numbered |= {p for d in (standing.status.declarations_on(number) if standing.status else ())
                 for t in d.articles if t.article == number for p in t.paragraphs}
    paragraphs = [{
        "number": n,
        "summary": ctx.prose_on(page, record.doc, ("paragraphs", summaries[n], "summary"))
        if n in summaries else "",
        "positions": [p for p in positions if n in p["data"].on.paragraphs],
        "votes": [v for v in votes if n in v["data"].on.paragraphs],
        "mentions": sum(1 for m in mentions if n in m.paragraphs),
    } for n in sorted(numbered)]
    drafts = [d for d in ctx.dataset.drafts if d.id != FINAL_TEXT]
    numbers = {n.draft: n for n in article.numbers}
    chapter = ctx.dataset.convention.chapter(article.chapter)
    assert chapter is not None, "validation refuses an article of no chapter"
    sources = ctx.dataset.sources
    return ctx.render(
        "article.md.j2",
        record=record, article=article,
        chapter=chapter,
        title_sources=[cite_short(r, sources) for r in article.title_sources],
        summary=ctx.prose_on(page, record.doc, ("summary",)),
        history=[{"draft": d, "number": numbers.get(d.id),
                  "sources": [cite_short(r, sources)
                              for r in (numbers[d.id].sources if d.id in numbers else ())]}
                 for d in drafts],
        paragraphs=paragraphs,
        quotes=_quotes(ctx, article.quotes, {n.draft: n.number for n in article.numbers}),
        positions=positions, votes=votes,
        notes=_notes(ctx, article.annotations, record.doc, page, number),
        mentions=mention_list,
        previous=previous, following=following,
        siblings=[a for a in ctx.dataset.convention.articles
                  if chapter.first <= a.number <= chapter.last],
        nav_href=_nav_hrefs(ctx, page, number, chapter, previous, following),
        chapter_page=urls.chapter_anchor(chapter.number), all_articles=urls.CONVENTION,
        concordance=urls.concordance_anchor(number),
        status=standing.status, target_page=records.target_page,
        side_views=side_views(ctx, standing.sides, page, explain=False),
        declarations=declaration_views(ctx, standing.status.declarations_on(number), page)
        if standing.status else [],
        official=_official_text(ctx),
    )


def _nav_hrefs(ctx: RenderContext, page: str, number: int, chapter: Chapter,
               *neighbours: ArticleRecord | None) -> dict[str, str]:
    """The links of an article's navigation (HTML: it holds a list), resolved for its page."""
    targets = [a.page for a in ctx.dataset.convention.articles
               if chapter.first <= a.number <= chapter.last]
    targets += [a.page for a in neighbours if a is not None]
    targets += [urls.chapter_anchor(chapter.number), urls.CONVENTION,
                urls.concordance_anchor(number)]
    resolve = urls.resolver(page, ctx.site.directory_urls)
    return {t: resolve(t) for t in targets}


def _official_text(ctx: RenderContext) -> Source | None:
    """Where the official text is: the first official record among the final text's sources."""
    final = next((d for d in ctx.dataset.drafts if d.id == FINAL_TEXT), None)
    found = [ctx.dataset.sources.get(r.ref or "") for r in final.sources] if final else []
    return next((s for s in found if s and s.kind == "official-record" and s.url), None)


def _index(ctx: RenderContext) -> str:
    convention = ctx.dataset.convention
    updates = updates_naming(ctx.prose.mentions)
    chapters = [{"chapter": c, "articles": [
        {"record": a, "updates": updates.get(a.number, 0), "notes": len(a.data.annotations)}
        for a in convention.articles if a.data.chapter == c.number]}
        for c in convention.chapters]
    return ctx.render(
        "convention.md.j2", chapters=chapters,
        statuses={a.data.title_status for a in convention.articles},
        count=len(convention.articles), provisions=convention.provisions,
        charts=ctx.chart(MOST_DISCUSSED))


def _concordance(ctx: RenderContext) -> str:
    drafts = [d for d in ctx.dataset.drafts if d.id != FINAL_TEXT]
    drafts.reverse()  # the latest first, beside the final text
    rows = []
    # The latest draft is read in the final numbering; the page names the articles for which a
    # source confirms that, since for the others it is only assumed.
    confirmed: list[str] = []
    for record in ctx.dataset.convention.articles:
        numbers = {n.draft: n for n in record.data.numbers}
        cells = [numbers.get(d.id) for d in drafts]
        moved = any(n is not None and n.number != record.number for n in cells)
        rows.append({"record": record, "cells": cells, "moved": moved})
        latest = cells[0] if cells else None
        if latest and latest.basis == "source" and latest.number == record.number:
            confirmed.append(str(record.number))
    return ctx.render("concordance.md.j2", drafts=drafts, rows=rows,
                      confirmed=listed(confirmed))


def _provisions(ctx: RenderContext, positions: list[records.Record],
                votes: list[records.Record]) -> str:
    items = []
    convention: Convention = ctx.dataset.convention
    for record in convention.provisions:

        def on_this(target: Target | None, pid: str = record.id) -> bool:
            return target is not None and target.provision == pid

        items.append({
            "record": record,
            "summary": ctx.prose_on(record.page, record.doc, ("summary",)),
            "quotes": _quotes(ctx, record.data.quotes),
            "positions": _on(ctx, positions, record.page, on_this),
            "votes": _on(ctx, votes, record.page, on_this),
            "notes": _notes(ctx, record.data.annotations, record.doc, record.page, record.id)})
    return ctx.render("provisions.md.j2", items=items)


def _by_article(mentions: tuple[Mention, ...]) -> dict[int, list[Mention]]:
    out: dict[int, list[Mention]] = defaultdict(list)
    for mention in mentions:
        out[mention.article].append(mention)
    return out


def _grouped(mentions: tuple[Mention, ...]) -> list[dict[str, Any]]:
    """One entry per update or annotation, newest first, with the words around each reference."""
    groups: dict[Origin, tuple[set[int], dict[str, None]]] = {}
    for mention in mentions:
        found = groups.get(mention.origin)
        if found is None:
            found = groups[mention.origin] = (set(), {})
        found[0].update(mention.paragraphs)
        found[1][mention.context] = None
    ordered = sorted(groups.items(), key=lambda g: (g[0].date, g[0].page, g[0].anchor),
                     reverse=True)
    return [{"origin": origin, "paragraphs": sorted(paragraphs),
             "contexts": list(contexts)[:CONTEXTS_PER_ORIGIN]}
            for origin, (paragraphs, contexts) in ordered]


def _mention_lists(ctx: RenderContext, by_article: dict[int, list[Mention]]) -> dict[int, str]:
    """Each article's "Mentioned in" list. An update is named in the lists of the several
    articles it mentions: its link, title and date are written once for them all. Every
    article's page sits in the same folder, so a link reads the same from any of them, but for
    a link to the page itself (an article's own annotation)."""
    directory_urls = ctx.site.directory_urls
    # The page of article 0, which no article has: a sibling of every article's page.
    sibling = urls.resolver(urls.article_page(0), directory_urls)
    heads: dict[Origin, str] = {}

    def head(origin: Origin, page: str) -> str:
        if origin.page == page:
            return _origin_head(origin, urls.resolver(page, directory_urls))
        if origin not in heads:
            heads[origin] = _origin_head(origin, sibling)
        return heads[origin]

    lists = {}
    for number, mentions in by_article.items():
        page = urls.article_page(number)
        items = tuple((head(g["origin"], page), tuple(g["paragraphs"]), tuple(g["contexts"]))
                      for g in _grouped(tuple(mentions)))
        lists[number] = ctx.memo(_mention_list, items)
    return lists


def _origin_head(origin: Origin, resolve: Callable[[str], str]) -> str:
    anchor = f"#{origin.anchor}" if origin.anchor else ""
    return (f'<a href="{resolve(origin.page + anchor)}">{escape_html(origin.title)}</a>, '
            f"{partial_date(origin.date)}")


# Kept in the page memo: a rebuild under `mkdocs serve` writes again only the lists that an
# edit changed (mentions are values; those of an unchanged field are the cached ones).
def _mention_list(items: tuple[tuple[str, tuple[int, ...], tuple[str, ...]], ...]) -> str:
    """The "Mentioned in" list, as HTML: an item per origin (its link and date, written for
    the page), its contexts quoted below.

    HTML rather than Markdown: an article named in thousands of updates lists them all, and
    a block of HTML marked `verbatim` costs Python-Markdown nothing. Its contexts, words of
    editor prose, come from the prose stage as HTML."""
    if not items:
        return ""
    lines = ["<ul>"]
    for head, paragraphs, contexts in items:
        item = f"<li>{head}"
        if paragraphs:
            item += (f" (paragraph{'s' if len(paragraphs) > 1 else ''} "
                     f"{', '.join(str(p) for p in paragraphs)})")
        if contexts:
            lines.append(item + "<ul>")
            lines += [f"<li>“{context}”</li>" for context in contexts]
            lines += ["</ul>", "</li>"]
        else:
            lines.append(item + "</li>")
    lines.append("</ul>")
    return verbatim.block("\n".join(lines))
