"""The site's navigation from mkdocs.yml's `nav`, with what the pipeline says of its pages.

An entry whose page the site does not have (a section whose data files are missing) is left
out; an entry whose page has pages listed under it (the sessions under the sessions' index)
becomes a section of them.
"""

from __future__ import annotations

from typing import Any

from build_tools import urls
from build_tools.pipeline import Generated
from build_tools.render.families import NavEntry


def expanded(nav: list[Any], generated: Generated) -> list[Any]:
    out: list[Any] = []
    for item in nav:
        title, page = _entry(item)
        if page is None:
            out.append(item)
        elif page in generated.navigation:
            out.append({title: [page, *_entries(generated.navigation[page])]})
        elif page in generated.pages:
            out.append(item)
    return out


def _entries(entries: tuple[NavEntry, ...]) -> list[dict[str, Any]]:
    """The pipeline's entries as mkdocs.yml writes them: {title: page} or {title: [...]}."""
    return [{title: target if isinstance(target, str) else _entries(target)}
            for title, target in entries]


def _entry(item: Any) -> tuple[str | None, str | None]:
    """A nav entry that points at one page: its title and page; else (None, None)."""
    if isinstance(item, dict) and len(item) == 1:
        title, target = next(iter(item.items()))
        if isinstance(target, str) and urls.is_page(target):
            return str(title), target
    return None, None
