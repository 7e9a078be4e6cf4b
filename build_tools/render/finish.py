"""What every page gets once its family has rendered it: its date, and its citation.

Input: the families' files, the date of each page (the last commit to the files it
is made of, `families.py`), and the render context. Output: the same files, each
page with its date in its front matter (`updated`, `updated_text`: the theme's
"Last updated" line and the sitemap read them) and, on a page worth citing, the
"Cite this page" block before its pager (else at its end); and, for each cited
page, the two downloads the site has beside it. Pure, but for the cache it may be given.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping

from build_tools.cache import Store
from build_tools.formats.text import long_date
from build_tools.render import cite
from build_tools.render.context import RenderContext

FRONT_MATTER = b"---\n"
# The "Cite this page" block goes before the last navigation of an update (its pager) or an
# article (its neighbours and chapter), else at the end.
PAGERS = (b'<nav class="uc-pager"', b'<nav class="uc-article-nav"')


def finish(files: dict[str, bytes], dates: Mapping[str, dt.date], ctx: RenderContext,
           store: Store | None = None) -> tuple[dict[str, bytes], dict[str, dict[str, bytes]]]:
    """The files with every page finished, and page -> the files beside it in the site. With a
    `store`, a page's citation (its block and downloads) made by an earlier build is reused:
    it depends only on the page's title, address and date, and on the code."""
    citations = cite.citations(ctx)
    finished = dict(files)
    beside: dict[str, dict[str, bytes]] = {}
    for page, date in dates.items():
        if page in finished:
            finished[page] = dated(finished[page], date)
    for page, citation in citations.items():
        if page in finished:
            block, beside[page] = _citation(ctx, citation, dates.get(page), store)
            finished[page] = _before_pager(finished[page], block)
    return finished, beside


def _citation(ctx: RenderContext, citation: cite.Citation, updated: dt.date | None,
              store: Store | None) -> tuple[bytes, dict[str, bytes]]:
    """A page's "Cite this page" block, and its downloads."""
    key = store.key(repr(citation), repr(updated), ctx.site.name,
                    str(ctx.site.directory_urls)) if store else ""
    made: tuple[bytes, dict[str, bytes]] | None = store.get(key) if store else None
    if made is None:
        made = (cite.block(ctx, citation, updated).encode("utf-8"), cite.downloads(ctx, citation))
        if store:
            store.put(key, made)
    return made


def dated(page: bytes, date: dt.date) -> bytes:
    """The page with its date in its front matter."""
    fields = (f"updated: {json.dumps(date.isoformat())}\n"
              f"updated_text: {json.dumps(long_date(date))}\n").encode()
    if page.startswith(FRONT_MATTER):
        return FRONT_MATTER + fields + page[len(FRONT_MATTER):]
    return FRONT_MATTER + fields + FRONT_MATTER + page


def _before_pager(page: bytes, block: bytes) -> bytes:
    at = max(page.rfind(pager) for pager in PAGERS)
    return page[:at] + block + page[at:] if at >= 0 else page + block
