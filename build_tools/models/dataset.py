"""The resolved data set that render functions receive: every file checked and linked.

Records pair a model with what its file path says (ids, slugs) and with the
parsed document, whose locations later stages use in their messages.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from build_tools import urls
from build_tools.load.yamlio import YamlDocument
from build_tools.models.article import FINAL_TEXT, Article, Chapter, Provision
from build_tools.models.draft import Draft
from build_tools.models.glossary import Term
from build_tools.models.positions import Position, State, Vote
from build_tools.models.session import Session
from build_tools.models.source import Source
from build_tools.models.status import Status
from build_tools.models.table import Table
from build_tools.models.treaty import TreatyStatusFile
from build_tools.models.update import Update


@dataclass(frozen=True)
class UpdateRecord:
    session_id: str
    slug: str  # the file name without .yaml: "03-the-most-difficult-articles-criminalization"
    data: Update
    doc: YamlDocument

    @property
    def page(self) -> str:
        """Source path of its page in the site; its URL is the same without `.md`."""
        return urls.update_page(self.session_id, self.slug)

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
        return urls.session_page(self.id)


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
    convention: Convention = field(default_factory=lambda: Convention())
    treaty: TreatyStatusFile | None = None  # signatures and instruments, when data/ has them
    # Updates marked `unpublished: true`: checked, in no session, never rendered.
    unpublished: tuple[UpdateRecord, ...] = ()
    glossary: tuple[Term, ...] = ()  # in the file's order

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


@dataclass(frozen=True)
class ArticleRecord:
    data: Article
    doc: YamlDocument

    @property
    def number(self) -> int:
        return self.data.number

    @property
    def page(self) -> str:
        return urls.article_page(self.number)

    @property
    def heading(self) -> str:
        return f"Article {self.number}"

    @property
    def titled(self) -> str:
        """'Article 24: Conditions and safeguards'; the number alone while the heading is
        unconfirmed."""
        if self.data.title_status == "unconfirmed":
            return self.heading
        return f"{self.heading}: {self.data.title}"


@dataclass(frozen=True)
class ProvisionRecord:
    id: str  # the file name without .yaml: also its anchor on the provisions page
    data: Provision
    doc: YamlDocument

    page = urls.PROVISIONS


@dataclass(frozen=True)
class Convention:
    """The annotated convention and the states' record on it; empty when data/ has none."""

    chapters: tuple[Chapter, ...] = ()
    articles: tuple[ArticleRecord, ...] = ()  # by number
    provisions: tuple[ProvisionRecord, ...] = ()
    states: tuple[State, ...] = ()
    positions: tuple[Position, ...] = ()
    votes: tuple[Vote, ...] = ()
    documents: dict[str, YamlDocument] = field(default_factory=dict)  # chapters/states/... files

    def article(self, number: int) -> ArticleRecord | None:
        return self._articles.get(number)

    def provision(self, provision_id: str) -> ProvisionRecord | None:
        return next((p for p in self.provisions if p.id == provision_id), None)

    def state(self, state_id: str) -> State:
        return next(s for s in self.states if s.id == state_id)

    def chapter(self, number: int) -> Chapter | None:
        return next((c for c in self.chapters if c.number == number), None)

    def resolve(self, draft: str, number: int) -> int | None:
        """The article of the final text that was article `number` of `draft`, if known."""
        if draft == FINAL_TEXT:
            return number if number in self._articles else None
        return self._numbering.get((draft, number))

    def summary_at(self, kind: str, record_id: str) -> tuple[str, tuple[str | int, ...]]:
        """Where the summary of a position or vote is: its file, and its path in that file.

        `kind` is "positions" or "votes". Votes are kept sorted by date, not in the
        order of their file, so the place is looked up by id (ids are unique)."""
        return f"{kind}.yaml", (kind, self._file_order[kind, record_id], "summary")

    @functools.cached_property
    def _file_order(self) -> dict[tuple[str, str], int]:
        order: dict[tuple[str, str], int] = {}
        for kind in ("positions", "votes"):
            doc = self.documents.get(f"{kind}.yaml")
            items = doc.value.get(kind) if doc and isinstance(doc.value, dict) else None
            for i, item in enumerate(items if isinstance(items, list) else ()):
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    order.setdefault((kind, item["id"]), i)
        return order

    def keeps_paragraphs(self, draft: str) -> bool:
        """Whether a paragraph number in `draft` is the same paragraph in the final text: only
        when the draft numbers its articles as the final text does (no article moved)."""
        return draft == FINAL_TEXT or draft in self._numbered_as_final

    @functools.cached_property
    def _numbered_as_final(self) -> frozenset[str]:
        moved = {d for (d, n), a in self._numbering.items() if n != a}
        return frozenset(d for d, _ in self._numbering) - moved

    @functools.cached_property
    def _articles(self) -> dict[int, ArticleRecord]:
        return {a.number: a for a in self.articles}

    @functools.cached_property
    def _numbering(self) -> dict[tuple[str, int], int]:
        return {(n.draft, n.number): a.number for a in self.articles for n in a.data.numbers}
