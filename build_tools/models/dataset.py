"""The resolved data set that render functions receive: every file checked and linked.

Records pair a model with what its file path says (ids, slugs) and with the
parsed document, whose locations later stages use in their messages.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from build_tools.models.draft import Draft
from build_tools.models.session import Session
from build_tools.models.source import Source
from build_tools.models.status import Status
from build_tools.models.table import Table
from build_tools.models.update import Update
from build_tools.yamlio import YamlDocument


@dataclass(frozen=True)
class UpdateRecord:
    session_id: str
    slug: str  # the file name without .yaml: "03-the-most-difficult-articles-criminalization"
    data: Update
    doc: YamlDocument

    @property
    def page(self) -> str:
        """Source path of its page in the site; its URL is the same without `.md`."""
        return f"sessions/{self.session_id}/updates/{self.slug}.md"

    @property
    def heading(self) -> str:
        return f"#{self.data.number}: {self.data.title}"


@dataclass(frozen=True)
class SessionRecord:
    id: str
    data: Session
    doc: YamlDocument
    updates: tuple[UpdateRecord, ...]  # by number

    @property
    def page(self) -> str:
        return f"sessions/{self.id}/index.md"


@dataclass(frozen=True)
class TableRecord:
    id: str  # the file name without .yaml; also its anchor and its download names
    data: Table
    doc: YamlDocument


@dataclass(frozen=True)
class Dataset:
    sources: dict[str, Source]
    drafts: tuple[Draft, ...]
    sessions: tuple[SessionRecord, ...]  # by start date
    status: Status
    documents: dict[str, YamlDocument]  # the single files by name: "status.yaml", ...
    tables: tuple[TableRecord, ...] = ()  # in page order

    def session(self, session_id: str) -> SessionRecord:
        return self._sessions_by_id[session_id]

    def draft(self, draft_id: str) -> Draft:
        return next(d for d in self.drafts if d.id == draft_id)

    @functools.cached_property
    def _sessions_by_id(self) -> dict[str, SessionRecord]:
        return {s.id: s for s in self.sessions}

    @functools.cached_property
    def updates(self) -> tuple[UpdateRecord, ...]:
        """Every update, newest first (by date, then session start, then number)."""
        order = {s.id: i for i, s in enumerate(self.sessions)}
        every = [u for s in self.sessions for u in s.updates]
        return tuple(
            sorted(every, key=lambda u: (u.data.date, order[u.session_id], u.data.number),
                   reverse=True)
        )
