"""Updates not ready yet: `unpublished: true` keeps an update out of the site.

This is the one place such an update is left out. `hold_back()` runs when the
data set is built, after every rule has checked the update like any other, and
takes it out of its session, so that nothing downstream (its page, the session
page, the lists, the home page, the feeds, the article pages' mentions) ever
sees it. `link_problems()` still checks the links in its summary and body, so
that deleting the flag later cannot break the build.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from build_tools.errors import Diagnostic, error
from build_tools.markdown import LinkContext, render_block, render_inline
from build_tools.models.dataset import Dataset, SessionRecord, UpdateRecord


def hold_back(sessions: Iterable[SessionRecord]
              ) -> tuple[list[SessionRecord], tuple[UpdateRecord, ...]]:
    """The sessions with their published updates only, and the updates held back."""
    kept: list[SessionRecord] = []
    held: list[UpdateRecord] = []
    for session in sessions:
        held += [u for u in session.updates if u.data.unpublished]
        kept.append(replace(session, updates=tuple(u for u in session.updates
                                                   if not u.data.unpublished)))
    return kept, tuple(held)


def link_problems(dataset: Dataset, site_urls: frozenset[str]) -> list[Diagnostic]:
    """The problems of the links in held-back updates, as if they were published."""
    urls = site_urls | {_url(u) for u in dataset.unpublished}
    out: list[Diagnostic] = []
    for update in dataset.unpublished:
        for field, render in (("summary", render_inline), ("body", render_block)):
            context = LinkContext(_url(update), urls)
            render(getattr(update.data, field), context)
            out += [error(update.doc.text_location((field,), p.line), f"{field}: {p.message}")
                    for p in context.problems]
    return out


def _url(update: UpdateRecord) -> str:
    return update.page.removesuffix(".md") + "/"
