"""Updates as lists show them (home page, session pages, the updates index), as HTML.

HTML rather than Markdown: the updates index lists every update with its summary, and a
block of HTML marked `verbatim` costs Python-Markdown nothing. Nor does Python-Markdown then
mark the summaries' glossary terms a second time, as it does inside a Markdown list. Links
are written relative to the page, as prose's are.
"""

from __future__ import annotations

from collections.abc import Iterable

from build_tools import urls, verbatim
from build_tools.formats.text import long_date
from build_tools.models.dataset import UpdateRecord
from build_tools.prose.markdown import escape_html
from build_tools.render.context import RenderContext


def update_list(ctx: RenderContext, updates: Iterable[UpdateRecord], page: str,
                show_session: bool = True) -> str:
    """Each update with its session (unless `show_session` is false) and its summary, as the
    page `page` shows them; "" for none."""
    href = urls.resolver(page, ctx.site.directory_urls)

    items = []
    for u in updates:
        session = ""
        if show_session:
            s = ctx.dataset.session(u.session_id)
            session = f' · <a href="{href(s.page)}">{escape_html(s.data.title)}</a>'
        items.append(
            f'<li><strong><a href="{href(u.page)}">{escape_html(u.heading)}</a></strong>'
            f'{session} · <time datetime="{u.data.date.isoformat()}">{long_date(u.data.date)}'
            f'</time><br />\n  {ctx.prose_on(page, u.doc, ("summary",))}</li>')
    return verbatim.block("<ul>\n" + "\n".join(items) + "\n</ul>") if items else ""
