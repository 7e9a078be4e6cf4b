"""How a source is cited: in full, in short, as a tooltip, and in the JSON downloads.

Every citation links to the source's entry on the sources page; a reference
written out in place (a title and an address, no `ref`) links to its address.
"""

from __future__ import annotations

from typing import Any

from build_tools import urls
from build_tools.formats.text import md_text, partial_date
from build_tools.models.source import Source, SourceRef


def _link(ref: SourceRef, words: str, title: str = "") -> str:
    """[words](where the reference points), words already in Markdown."""
    if ref.ref is None:
        return f"[{md_text(ref.title or '')}]({ref.url})"
    tooltip = f' "{title}"' if title else ""
    return f"[{words}](/{urls.source_anchor(ref.ref)}{tooltip})"


def cite(ref: SourceRef, sources: dict[str, Source]) -> str:
    """One source reference as a Markdown line: title, author, publisher, date, locator."""
    if ref.ref is None:
        return _link(ref, "")
    source = sources[ref.ref]
    parts = [_link(ref, f"*{md_text(source.title)}*")]
    parts += [md_text(p) for p in (source.author, source.publisher) if p]
    parts.append(partial_date(source.date) if source.date else "date not known")
    if ref.locator:
        parts.append(md_text(ref.locator))
    line = ", ".join(parts)
    return line + (f" · [online]({source.url})" if source.url else "")


def cite_direct(ref: SourceRef, sources: dict[str, Source]) -> str:
    """The source's short name linked to the document itself where it is online (a reader
    checking the record goes straight to it), else to its entry on the sources page."""
    if ref.ref is None or not sources[ref.ref].url:
        return cite_short(ref, sources)
    source = sources[ref.ref]
    return f"[{md_text(source.short or source.title)}]({source.url})"


def cite_short(ref: SourceRef, sources: dict[str, Source]) -> str:
    """A compact citation for running lists: the source's short name, linked to its entry."""
    if ref.ref is None:
        return _link(ref, "")
    source = sources[ref.ref]
    where = f", {md_text(ref.locator)}" if ref.locator else ""
    return _link(ref, md_text(source.short or source.title)) + where


def cite_behind(words: str, ref: SourceRef, sources: dict[str, Source]) -> str:
    """`words` linked to their source, which is named when the reader points at them."""
    if ref.ref is None:
        return f"[{md_text(words)}]({ref.url})"
    source = sources[ref.ref]
    where = ", ".join(filter(None, (source.short or source.title, ref.locator)))
    return _link(ref, md_text(words), md_text(where).replace('"', "'"))


def source_json(ref: SourceRef, sources: dict[str, Source]) -> dict[str, Any]:
    if ref.ref is None:
        return {"title": ref.title, "url": ref.url}
    source = sources[ref.ref]
    return {"id": source.id, "title": source.title, "author": source.author,
            "publisher": source.publisher, "date": source.date, "url": source.url,
            "locator": ref.locator}
