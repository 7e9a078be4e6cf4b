"""Validate stage, the treaty's part: the signatures and instruments of `data/treaty-status.yaml`.

Input: the parsed file and the states of `data/states.yaml`. Output:
diagnostics, each placed at the field it is about. Every rule returns
diagnostics and none raises, so one run reports every problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from build_tools.english import closest, suggest
from build_tools.errors import Diagnostic, error, warning
from build_tools.load.stage import Parsed
from build_tools.models.positions import State
from build_tools.models.treaty import SIGNATURE_CLOSES, SIGNATURE_OPENS, Event, TreatyStatusFile

Path = tuple[str | int, ...]


def treaty_rules(parsed: Parsed[TreatyStatusFile], states: Sequence[State]) -> Iterator[Diagnostic]:
    record, doc = parsed.model, parsed.doc
    known = {s.id: s for s in states}
    for i, event in enumerate(record.events):
        at: Path = ("events", i)
        state = known.get(event.participant)
        if state is None:
            yield error(doc.location((*at, "participant")),
                        _unknown_state(event.participant, states))
        elif state.kind == "group" and not state.regional_organization:
            yield error(doc.location((*at, "participant")),
                        f"participant: {state.name} is a group of states, which neither signs "
                        "nor ratifies; record each of its states, or, for an organization that "
                        "does (the EU), write regional_organization: true in data/states.yaml")
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


def _unknown_state(value: str, states: Sequence[State]) -> str:
    """'unknown state' with the closest id, or the id whose names the value spells."""
    by_name = {_slug(name): s.id for s in states
               for name in (s.name, s.depositary_name or "", *s.aliases) if name}
    suggestion = by_name.get(value) or closest(value, [s.id for s in states])
    hint = suggest(suggestion) if suggestion else "add it to data/states.yaml"
    return f"participant: unknown state '{value}'; {hint}"


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


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


def _name(participant: str, known: dict[str, State]) -> str:
    state = known.get(participant)
    return state.name if state else f"'{participant}'"
