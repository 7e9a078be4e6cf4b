"""Article references in table cells ("Articles 1–16", "Art. 23(2)") -> Markdown links to the
article pages, as editor prose gets them.

Cells are plain text, not prose: they are found with the same reference finder
(`prose/references.py`) and read in the numbering of the table's draft, but
written as Markdown links to page paths for MkDocs to resolve. A number that
no article had in that draft stays unlinked (validation of prose reports such
numbers; a cell is data, and its downloads keep it as written).
"""

from __future__ import annotations

from build_tools import urls
from build_tools.formats.text import md_text
from build_tools.models.dataset import Convention
from build_tools.prose.references import find_references


def linked_cell(value: str, convention: Convention, draft: str | None) -> str:
    """`value` as Markdown, its article references linked when the table's draft is known."""
    if not draft or not convention.articles:
        return md_text(value)
    out: list[str] = []
    position = 0
    for reference in find_references(value):
        for item in reference.items:
            found = [a for a in (convention.resolve(draft, n) for n in item.articles) if a]
            if not found:
                continue
            paragraphs = (item.paragraphs if item.last is None and convention.keeps_paragraphs(draft)
                          else ())
            target = urls.article_link(found[0], paragraphs[:1])
            out += [md_text(value[position:item.start]),
                    f"[{md_text(value[item.start:item.end])}](/{target})"]
            position = item.end
    out.append(md_text(value[position:]))
    return "".join(out)
