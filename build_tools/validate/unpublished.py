"""Updates not ready yet: `unpublished: true` keeps an update out of the site.

This is the one place such an update is left out. `hold_back()` runs when the
data set is built, after every rule has checked the update like any other, and
takes it out of its session, so that nothing downstream (its page, the session
page, the lists, the home page, the feeds, the article pages' mentions) ever
sees it. The prose stage still checks the links in its summary and body
(`prose.fields.unpublished_fields`), so that deleting the flag later cannot
break the build.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from build_tools.models.dataset import SessionRecord, UpdateRecord


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
