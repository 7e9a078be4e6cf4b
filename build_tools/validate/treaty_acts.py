"""Validate stage, the rest of the treaty's record: denunciations, domestic steps, declarations.

Input: the parsed `data/treaty-status.yaml` and the convention (its states, articles and
provisions). Output: diagnostics, each at the field it is about. Kept apart from the rules of
signatures and instruments (`treaty.py`) because these items are of other kinds: a denunciation
undoes an instrument, a domestic step is no part of the depositary's record, a declaration is
read against the articles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from build_tools.errors import Diagnostic, error, warning
from build_tools.load.stage import Parsed
from build_tools.load.yamlio import YamlDocument
from build_tools.models.dataset import Convention
from build_tools.models.positions import Target
from build_tools.models.treaty import STALE_AFTER_DAYS, Declaration, Event, TreatyStatusFile
from build_tools.validate.states import PARTY_ENTRY, unknown_state

Path = tuple[str | int, ...]


def treaty_acts(parsed: Parsed[TreatyStatusFile], convention: Convention) -> Iterator[Diagnostic]:
    """Every rule of this module, in the file's order."""
    yield from _denunciations(parsed, convention)
    yield from _domestic_steps(parsed, convention)
    yield from _declarations(parsed, convention)


def _name(state_id: str, convention: Convention) -> str:
    state = next((s for s in convention.states if s.id == state_id), None)
    return state.name if state else f"'{state_id}'"


def _denunciations(parsed: Parsed[TreatyStatusFile],
                   convention: Convention) -> Iterator[Diagnostic]:
    """A denunciation undoes an instrument: it needs one, comes after it, and comes once."""
    doc, events = parsed.doc, parsed.model.events
    seen: dict[str, int] = {}
    for i, event in enumerate(events):
        at: Path = ("events", i)
        if event.effective is not None and event.action != "denunciation":
            yield error(doc.location((*at, "effective")),
                        f"effective: only a denunciation takes effect on a day of its own, not a "
                        f"{event.action}; delete this line")
        if event.action != "denunciation":
            continue
        name = _name(event.participant, convention)
        if event.participant in seen:
            line = doc.location(("events", seen[event.participant])).line
            yield error(doc.location((*at, "action")),
                        f"action: {name} already has a denunciation recorded (line {line}); a "
                        "participant denounces the convention once")
        seen.setdefault(event.participant, i)
        instrument = _instrument(events, event.participant)
        if instrument is None:
            yield error(doc.location((*at, "action")),
                        f"action: {name} has no instrument of ratification, acceptance, approval "
                        "or accession recorded, so it cannot denounce the convention; record its "
                        "instrument first")
        elif event.latest < instrument.earliest:
            yield error(doc.location((*at, "date")),
                        f"date: the denunciation of {name} ({event.date}) is dated before its "
                        f"{instrument.action} ({instrument.date})")
        if event.effective is not None and event.effective.last < event.earliest:
            yield error(doc.location((*at, "effective")),
                        f"effective: the denunciation of {name} takes effect ({event.effective}) "
                        f"before it was made ({event.date})")


def _instrument(events: tuple[Event, ...], participant: str) -> Event | None:
    return next((e for e in events if e.participant == participant and e.is_instrument), None)


def _participant(value: str, convention: Convention, doc_at: Path,
                 parsed: Parsed[TreatyStatusFile], what: str) -> Iterator[Diagnostic]:
    """The participant of a step or declaration: a known state, or an organization."""
    state = next((s for s in convention.states if s.id == value), None)
    location = parsed.doc.location((*doc_at, "participant"))
    if state is None:
        yield error(location, "participant: " + unknown_state(value, convention.states,
                                                              PARTY_ENTRY))
    elif not state.can_be_party:
        yield error(location, f"participant: {state.name} is a group of states, which makes no "
                              f"{what} of its own; record each of its states")


def _domestic_steps(parsed: Parsed[TreatyStatusFile],
                    convention: Convention) -> Iterator[Diagnostic]:
    for i, step in enumerate(parsed.model.domestic_steps):
        at: Path = ("domestic_steps", i)
        yield from _participant(step.participant, convention, at, parsed, "domestic step")
        if step.step == "other" and not (step.what and step.what.strip()):
            yield error(parsed.doc.location((*at, "step")),
                        "what: a step of kind other has no label of its own; say in what what "
                        "happened, in a line")


def _declarations(parsed: Parsed[TreatyStatusFile],
                  convention: Convention) -> Iterator[Diagnostic]:
    record, doc = parsed.model, parsed.doc
    for i, item in enumerate(record.declarations):
        at: Path = ("declarations", i)
        yield from _participant(item.participant, convention, at, parsed, "declaration")
        yield from _objection(item, record, convention, parsed, at)
        if not item.announced_only and item.kind != "objection" and not any(
                e.participant == item.participant and e.action != "denunciation"
                for e in record.events if not e.single_source):
            yield error(doc.location((*at, "participant")),
                        f"participant: {_name(item.participant, convention)} has no signature or "
                        "instrument recorded, and a declaration or reservation is made on signing "
                        "or depositing one; record that first, or write announced_only: true if "
                        "the state has only announced it")
        if not item.announced_only and item.date is not None and item.date.first > record.as_of:
            yield error(doc.location((*at, "date")),
                        f"date: {item.date} is after the record's as_of date ({record.as_of}); "
                        "move as_of forward when you bring the record up to date")
        for j, target in enumerate(item.articles):
            yield from _target(target, convention, parsed, (*at, "articles", j))


def _objection(item: Declaration, record: TreatyStatusFile, convention: Convention,
               parsed: Parsed[TreatyStatusFile], at: Path) -> Iterator[Diagnostic]:
    """An objection answers another state's declaration or reservation; nothing else does."""
    location = parsed.doc.location((*at, "objects_to" if item.objects_to else "kind"))
    if item.kind != "objection":
        if item.objects_to is not None:
            yield error(location, "objects_to: only an objection answers another state; delete "
                                  "this line, or write kind: objection")
        return
    if item.objects_to is None:
        yield error(location, "objects_to: name the state whose declaration or reservation this "
                              "objection answers (its id in data/states.yaml)")
    elif not any(s.id == item.objects_to for s in convention.states):
        yield error(location, "objects_to: " + unknown_state(item.objects_to, convention.states,
                                                             PARTY_ENTRY))
    elif not any(d.participant == item.objects_to and d.kind != "objection"
                 for d in record.declarations):
        yield error(location, f"objects_to: {_name(item.objects_to, convention)} has no "
                              "declaration or reservation recorded to object to; record it first")


def _target(target: Target, convention: Convention, parsed: Parsed[TreatyStatusFile],
            at: Path) -> Iterator[Diagnostic]:
    if target.article is not None and convention.article(target.article) is None:
        yield error(parsed.doc.location((*at, "article")),
                    f"articles: there is no article {target.article} in data/convention/articles/")
    if target.provision is not None and convention.provision(target.provision) is None:
        yield error(parsed.doc.location((*at, "provision")),
                    f"articles: there is no provision '{target.provision}' in "
                    "data/convention/provisions/")


def stale_record(record: TreatyStatusFile, doc: YamlDocument,
                 commit_date: dt.date | None) -> Diagnostic | None:
    """A warning when the record was checked more than STALE_AFTER_DAYS before the last commit:
    `make validate` and the weekly checks say so to editors, while the pages say it to readers
    (a warning in the build itself would stop the strict build)."""
    as_of = record.as_of
    if commit_date is None or (commit_date - as_of).days <= STALE_AFTER_DAYS:
        return None
    return warning(doc.location(("as_of",)),
                   f"as_of: the record was last checked on {as_of}, {(commit_date - as_of).days} "
                   f"days before the last commit ({commit_date}); read the depositary's record "
                   "again (make import-status) and move as_of to the day you checked it")
