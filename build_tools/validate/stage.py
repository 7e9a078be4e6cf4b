"""Validate stage: rules that span fields and files; builds the resolved `Dataset`.

Input: `Loaded` from `load.py`. Output: the `Dataset` and diagnostics. Each
rule is a small function that returns diagnostics; none of them raises.
When a file is broken its dependants are still checked as far as possible,
so one run reports every problem.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from build_tools.english import unknown
from build_tools.errors import Diagnostic, Location, error, warning
from build_tools.load.layout import UPDATE_FILE, next_update_number
from build_tools.load.stage import Loaded, Parsed
from build_tools.load.yamlio import YamlDocument
from build_tools.models.dataset import Dataset, SessionRecord, TableRecord, UpdateRecord
from build_tools.models.draft import DraftsFile
from build_tools.models.session import NEGOTIATION_KINDS, Session
from build_tools.models.source import SourceRef
from build_tools.validate.convention import convention
from build_tools.validate.glossary import glossary_terms
from build_tools.validate.ids import unique_ids
from build_tools.validate.tables import table_rules
from build_tools.validate.treaty import treaty_rules
from build_tools.validate.treaty_acts import treaty_acts
from build_tools.validate.unpublished import hold_back


def validate(loaded: Loaded, built_from: dt.date | None = None
             ) -> tuple[Dataset | None, list[Diagnostic]]:
    """Check cross-file rules. The dataset is None when a required file is unusable.
    `built_from`: the day of the commit the site is built from, when known (never the clock:
    one commit gives the same messages on any day)."""
    out: list[Diagnostic] = list(loaded.diagnostics)
    sources = loaded.singles.get("sources.yaml")
    drafts = loaded.singles.get("drafts.yaml")
    status = loaded.singles.get("status.yaml")
    source_ids = unique_ids(sources, "sources", out) if sources else set()
    draft_ids = unique_ids(drafts, "drafts", out) if drafts else set()
    refs = _Refs(source_ids, draft_ids, set(loaded.sessions), known=bool(sources))
    glossary = loaded.singles.get("glossary.yaml")
    for parsed in filter(None, (sources, drafts, status, glossary)):
        out.extend(refs.check_sources_in(parsed))
    if drafts:
        out.extend(_draft_sessions(drafts, refs))
    by_session: dict[str, list[UpdateRecord]] = defaultdict(list)
    for (sid, stem), update in sorted(loaded.updates.items()):
        by_session[sid].append(UpdateRecord(sid, stem, update.model, update.doc))
    sessions = [_session_record(sid, parsed, by_session[sid], refs, out)
                for sid, parsed in loaded.sessions.items()]
    out.extend(_orphan_updates(loaded))
    tables = [TableRecord(tid, parsed.model, parsed.doc) for tid, parsed in loaded.tables.items()]
    for table in tables:
        out.extend(table_rules(table))
        out.extend(refs.check_sources_in(Parsed(table.data, table.doc)))
        out.extend(refs.check_draft(table.data.draft, table.doc))
    annotated = convention(loaded, refs, out)
    treaty = loaded.singles.get("treaty-status.yaml")
    if treaty:
        out.extend(refs.check_sources_in(treaty))
        out.extend(treaty_rules(treaty, annotated.states, built_from))
        out.extend(treaty_acts(treaty, annotated))
    terms = glossary_terms(glossary, out)
    if not (sources and drafts and status):
        return None, out
    sessions, unpublished = hold_back(sessions)  # checked above; out of the site from here on
    dataset = Dataset(
        sources={s.id: s for s in sources.model.sources},
        drafts=drafts.model.drafts,
        sessions=tuple(sorted(sessions, key=lambda s: (s.data.start, s.id))),
        status=status.model,
        documents={name: parsed.doc for name, parsed in loaded.singles.items()},
        tables=tuple(sorted(tables, key=lambda t: (t.data.order, t.id))),
        convention=annotated,
        treaty=treaty.model if treaty else None,
        unpublished=unpublished,
        glossary=terms,
    )
    return dataset, out


class _Refs:
    """The ids other files may refer to, and the checks of those references."""

    def __init__(self, sources: set[str], drafts: set[str], sessions: set[str], known: bool):
        self.sources, self.drafts, self.sessions, self.known = sources, drafts, sessions, known

    def check_sources_in(self, parsed: Parsed[Any]) -> Iterator[Diagnostic]:
        if not self.known:
            return
        for path, ref in _source_refs(parsed.model, ()):
            if ref.ref is not None and ref.ref not in self.sources:
                where = parsed.doc.location((*path, "ref"))
                yield error(where, unknown("source", ref.ref, self.sources, "data/sources.yaml"))

    def check_draft(self, draft: str | None, doc: YamlDocument,
                    at: tuple[str | int, ...] = ("draft",)) -> Iterator[Diagnostic]:
        if draft is not None and draft not in self.drafts:
            yield error(doc.location(at), unknown("draft", draft, self.drafts, "data/drafts.yaml"))

    def check_session(self, session: str | None, doc: YamlDocument,
                      at: tuple[str | int, ...]) -> Iterator[Diagnostic]:
        if session is not None and session not in self.sessions:
            yield error(doc.location(at),
                        unknown("session", session, self.sessions, "data/sessions/"))


def _source_refs(value: object, at: tuple[str | int, ...]
                 ) -> Iterator[tuple[tuple[str | int, ...], SourceRef]]:
    """Every SourceRef inside a model, with its path."""
    if isinstance(value, SourceRef):
        yield at, value
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _source_refs(item, (*at, i))
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _source_refs(getattr(value, name), (*at, name))


def _draft_sessions(drafts: Parsed[DraftsFile], refs: _Refs) -> Iterator[Diagnostic]:
    for i, draft in enumerate(drafts.model.drafts):
        yield from refs.check_session(draft.session, drafts.doc, ("drafts", i, "session"))


def _kind_fields(session: Session, doc: YamlDocument) -> Iterator[Diagnostic]:
    """A session of the negotiation has a draft of the convention on the table; a session after
    adoption works on something else, said in on_the_table."""
    negotiation = session.kind in NEGOTIATION_KINDS
    if session.draft is not None and not negotiation:
        yield error(doc.location(("draft",)),
                    f"draft: a {session.kind} session has no draft of the convention on the "
                    "table; delete this line and say what it works on in on_the_table")
    if session.on_the_table is not None and negotiation:
        yield error(doc.location(("on_the_table",)),
                    f"on_the_table: a {session.kind} session works on a draft of the "
                    "convention; name it in draft and delete this line")


def _session_record(session_id: str, parsed: Parsed[Session], updates: list[UpdateRecord],
                    refs: _Refs, out: list[Diagnostic]) -> SessionRecord:
    session, doc = parsed.model, parsed.doc
    backwards = ends_before_start(session.start, session.end)
    if backwards:
        out.append(error(doc.location(("end",)), backwards))
    out.extend(refs.check_draft(session.draft, doc))
    out.extend(_kind_fields(session, doc))
    out.extend(refs.check_sources_in(parsed))
    for record in updates:
        out.extend(_update_rules(record, session, refs))
    out.extend(_unique_numbers(updates))
    return SessionRecord(session_id, session, doc,
                         tuple(sorted(updates, key=lambda u: (u.data.number, u.slug))))


def ends_before_start(start: dt.date, end: dt.date) -> str | None:
    """The rule of a session's days, for its file and for the scaffold that writes one."""
    return f"end: the session ends ({end}) before it starts ({start})" if end < start else None


def _update_rules(record: UpdateRecord, session: Session, refs: _Refs) -> Iterator[Diagnostic]:
    update, doc = record.data, record.doc
    match = UPDATE_FILE.match(f"{record.slug}.yaml")
    if match and int(match["number"]) != update.number:
        yield error(doc.location(("number",)),
                    f"number: {update.number} does not match the file name, which starts with "
                    f"{match['number']}; rename the file or change the number")
    if update.date < session.start:
        yield error(doc.location(("date",)),
                    f"date: {update.date} is before the session starts ({session.start})")
    elif update.date > session.end:
        yield warning(doc.location(("date",)),
                      f"date: {update.date} is after the session ended ({session.end})")
    yield from refs.check_draft(update.draft, doc)
    yield from refs.check_sources_in(Parsed(update, doc))


def _unique_numbers(updates: list[UpdateRecord]) -> Iterator[Diagnostic]:
    first: dict[int, UpdateRecord] = {}
    free = next_update_number((f"{u.slug}.yaml" for u in updates), (u.data.number for u in updates))
    for record in updates:
        number = record.data.number
        if number in first:
            yield error(record.doc.location(("number",)),
                        f"number: {number} is already used by {first[number].slug}.yaml "
                        f"in this session; the next free number is {free}: write number: {free} "
                        f"and name the file {_renumbered(record.slug, free)}")
            free += 1  # two updates given the same number again get two different ones
        first.setdefault(number, record)


def _renumbered(stem: str, number: int) -> str:
    """'04-y' -> '06-y.yaml'."""
    match = UPDATE_FILE.match(f"{stem}.yaml")
    return f"{number:02d}-{match['slug'] if match else stem}.yaml"


def _orphan_updates(loaded: Loaded) -> Iterator[Diagnostic]:
    for (session_id, _stem), parsed in sorted(loaded.updates.items()):
        if session_id not in loaded.session_folders:
            yield error(Location(parsed.doc.path),
                        f"the session folder data/sessions/{session_id}/ has no session.yaml; "
                        "add it, or move this update into an existing session")
