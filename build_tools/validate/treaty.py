"""Validate stage, the treaty's part: the signatures and instruments of `data/treaty-status.yaml`.

Input: the parsed file and the states of `data/states.yaml`. Output:
diagnostics, each placed at the field it is about. Every rule returns
diagnostics and none raises, so one run reports every problem.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from build_tools.errors import Diagnostic, error, warning
from build_tools.load.stage import Parsed
from build_tools.models.positions import State
from build_tools.models.treaty import SIGNATURE_CLOSES, SIGNATURE_OPENS, Event, TreatyStatusFile
from build_tools.validate.states import PARTY_ENTRY, unknown_state

Path = tuple[str | int, ...]


def treaty_rules(parsed: Parsed[TreatyStatusFile], states: Sequence[State],
                 built_from: dt.date | None = None) -> Iterator[Diagnostic]:
    """`built_from`: the day of the commit the site is built from, when known."""
    record, doc = parsed.model, parsed.doc
    if built_from is not None and record.as_of > built_from:
        yield warning(doc.location(("as_of",)),
                      f"as_of: {record.as_of} is later than the commit this site is built from "
                      f"({built_from}), and the record cannot have been checked on a day to "
                      "come; write the day you checked the depositary's record")
    known = {s.id: s for s in states}
    for i, event in enumerate(record.events):
        at: Path = ("events", i)
        state = known.get(event.participant)
        if state is None:
            yield error(doc.location((*at, "participant")),
                        "participant: " + unknown_state(event.participant, states, PARTY_ENTRY))
        elif not state.can_be_party:
            yield error(doc.location((*at, "participant")), f"participant: {_no_party(state)}")
        if event.action == "signature" and not (
                event.earliest >= SIGNATURE_OPENS and event.latest <= SIGNATURE_CLOSES):
            yield error(doc.location((*at, "date")),
                        f"date: a signature on {event.date} is outside the signature period, "
                        f"{SIGNATURE_OPENS} to {SIGNATURE_CLOSES} "
                        "(article 64)")
        if event.single_source and len(event.sources) > 1:
            yield warning(doc.location((*at, "single_source")),
                          "single_source: the event lists a second source, so it is still left "
                          "out of every count; delete this line if that source confirms it")
        if event.earliest > record.as_of:
            yield error(doc.location((*at, "date")),
                        f"date: {event.date} is after the record's as_of date ({record.as_of}); "
                        "move as_of forward when you bring the record up to date")
    yield from _sequence(record.events, known, parsed)


def _no_party(state: State) -> str:
    """Why a group's signature or instrument is refused: a negotiating group is never a party,
    whatever else its entry says; another group may be an organization not marked as one."""
    if state.negotiating_group:
        return (f"{state.name} is a negotiating group, states that spoke together in the "
                "negotiations, and never a party to the convention: only states and regional "
                "economic integration organizations (such as the European Union) sign it and "
                "deposit instruments; record each of its states that did")
    return (f"{state.name} is a group of states, which neither signs nor deposits instruments: "
            "record each of its states that did (besides states, only a regional economic "
            "integration organization that the depositary lists, such as the European Union, "
            "is a party, marked regional_organization: true in data/states.yaml)")


def _sequence(events: tuple[Event, ...], known: dict[str, State],
              parsed: Parsed[TreatyStatusFile]) -> Iterator[Diagnostic]:
    """One signature and one instrument per participant; an instrument other than accession
    follows a signature."""
    doc = parsed.doc
    signatures: dict[str, int] = {}
    instruments: dict[str, int] = {}
    for i, event in enumerate(events):
        if event.action == "denunciation":  # its rules: treaty_acts.py
            continue
        first = signatures if event.action == "signature" else instruments
        if event.participant in first:
            earlier = events[first[event.participant]]
            line = doc.location(("events", first[event.participant])).line
            what = "a signature" if event.action == "signature" else "an instrument"
            yield error(doc.location(("events", i, "action")),
                        f"action: {_name(event.participant, known)} already has {what} "
                        f"recorded (its {earlier.action} at line {line}); a participant signs "
                        "once and deposits one instrument")
        first.setdefault(event.participant, i)
    for i, event in enumerate(events):
        if event.action in ("signature", "accession", "denunciation"):
            continue
        name = _name(event.participant, known)
        signed = signatures.get(event.participant)
        if signed is None:
            yield error(doc.location(("events", i, "action")),
                        f"action: {name} has no signature recorded, so its instrument cannot be "
                        f"a {event.action}; record the signature first, or write accession if "
                        "it never signed")
        elif event.latest < events[signed].earliest:
            yield error(doc.location(("events", i, "date")),
                        f"date: the {event.action} of {name} ({event.date}) is dated before its "
                        f"signature ({events[signed].date})")
        elif event.earliest < events[signed].latest:
            yield warning(doc.location(("events", i, "date")),
                          f"date: the {event.action} of {name} ({event.date}) may come before "
                          f"its signature ({events[signed].date}), since the sources give only "
                          "a span of days; check both dates in the depositary's record")


def _name(participant: str, known: dict[str, State]) -> str:
    state = known.get(participant)
    return state.name if state else f"'{participant}'"
