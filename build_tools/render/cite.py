"""How to cite a page: a ready citation and its BibTeX and CSL-JSON files, for the pages that
are worth citing on their own (updates, articles, the tables page, states).

`citations(ctx)` says which pages and what each citation holds; `block` is the
"Cite this page" block (`_cite.md.j2`) that `finish.py` adds to each of those
pages, and `downloads` its two files, which the site has beside the page: they
are not pages, so they stay out of the generated tree and of the engine's files,
which would copy thousands of them. The date a reader accessed the page is left to the
reader; an update carries its own date.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from build_tools import urls
from build_tools.render.context import RenderContext


@dataclass(frozen=True)
class Citation:
    page: str
    title: str
    url: str  # absolute
    issued: dt.date | None = None

    @property
    def key(self) -> str:
        return "-".join(["briefing", *re.findall(r"[a-z0-9]+", urls.page_url(self.page).lower())])

    @property
    def bib(self) -> str:
        return urls.citation_file(self.page, "bib")

    @property
    def json(self) -> str:
        return urls.citation_file(self.page, "json")


def citations(ctx: RenderContext) -> dict[str, Citation]:
    """Page path -> its citation."""
    dataset, convention = ctx.dataset, ctx.dataset.convention

    def at(page: str, title: str, issued: dt.date | None = None) -> Citation:
        return Citation(page, title, ctx.site.url + urls.page_url(page), issued)

    found = [at(u.page, u.heading, u.data.date) for u in dataset.updates]
    found += [at(a.page, a.heading + (f": {a.data.title}" if a.data.title_status != "unconfirmed"
                                      else "")) for a in convention.articles]
    found += [at(urls.state_page(s.id), s.name) for s in convention.states]
    found.append(at(urls.TABLES, "Reference tables"))
    return {c.page: c for c in found}


def block(ctx: RenderContext, citation: Citation, updated: dt.date | None) -> str:
    """The "Cite this page" block of the page `citation.page`, last changed on `updated`."""
    href = {f: urls.href(f, citation.page, ctx.site.directory_urls)
            for f in (citation.bib, citation.json)}
    return ctx.render("_cite.md.j2", citation=citation, updated=updated,
                      site_name=ctx.site.name, href=href)


def downloads(ctx: RenderContext, citation: Citation) -> dict[str, bytes]:
    """The two downloads of a citation: site path -> bytes. Kept in the page memo: a rebuild
    under `mkdocs serve` makes again only those of pages whose title or date changed."""
    name = ctx.site.name
    return {citation.bib: ctx.memo(bibtex, citation, name),
            citation.json: ctx.memo(csl_json, citation, name)}


_BIBTEX_SPECIAL = re.compile(r"([\\{}#%&$_~^])")


def _bibtex_text(text: str) -> str:
    def escape(match: re.Match[str]) -> str:
        char = match[1]
        return {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}",
                "^": r"\textasciicircum{}"}.get(char, "\\" + char)
    return _BIBTEX_SPECIAL.sub(escape, text)


def bibtex(citation: Citation, site_name: str) -> bytes:
    fields = [("title", "{" + _bibtex_text(citation.title) + "}"),
              ("organization", _bibtex_text(site_name)),
              ("url", citation.url)]
    if citation.issued:
        fields.append(("date", citation.issued.isoformat()))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@online{{{citation.key},\n{body}\n}}\n".encode()


def csl_json(citation: Citation, site_name: str) -> bytes:
    """The item as `json.dumps([item], indent=2, ensure_ascii=False)` lays it out, each value
    encoded by the C encoder (an indent sends `json.dumps` to its Python one: a thousand pages
    made that a tenth of a second)."""
    item = {"id": citation.key, "type": "webpage", "title": citation.title,
            "container-title": site_name, "URL": citation.url}
    lines = [f"    {_json(name)}: {_json(value)}" for name, value in item.items()]
    if citation.issued:
        day = citation.issued
        parts = ",\n".join(f"          {n}" for n in (day.year, day.month, day.day))
        lines.append(f'    "issued": {{\n      "date-parts": [\n        [\n{parts}\n'
                     "        ]\n      ]\n    }")
    return ("[\n  {\n" + ",\n".join(lines) + "\n  }\n]\n").encode()


def _json(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)
