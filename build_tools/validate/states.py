"""The rules of `data/states.yaml`, and the one message for a state it does not have.

A state id that is not in the file is as likely a state not added yet as a misspelt one
(`argentina` is no typo of `algeria`): the message says first that the file does not have
it and how to add it, and names a known id only when it is one typo away, or when the value
spells the name of a known state.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from build_tools.english import suggest, typos_of
from build_tools.errors import Diagnostic, error
from build_tools.load.stage import Parsed
from build_tools.models.positions import State, StatesFile

# What an entry needs, as the message says it: for a position or a vote, and for the record
# of signatures and instruments.
ENTRY = "name and kind: state or group"
PARTY_ENTRY = "name, kind: state and the depositary_name the depositary's record uses"


def unknown_state(value: str, states: Sequence[State], entry: str = ENTRY) -> str:
    """'x' is not in data/states.yaml: how to add it, then a known id if it is really close."""
    named = _by_name(states).get(value)
    if named is not None:
        return (f"'{value}' is not an id in data/states.yaml but a name of {named.name}; "
                f"write its id, '{named.id}'")
    message = f"'{value}' is not in data/states.yaml; add it there (id: {value}, {entry})"
    typos = typos_of(value, [s.id for s in states])
    return f"{message}, or {suggest(*typos)}" if typos else message


def _by_name(states: Sequence[State]) -> dict[str, State]:
    """Each state by its names, aliases and depositary name written as an id."""
    return {_slug(name): s for s in states
            for name in (s.name, s.depositary_name or "", *s.aliases) if name}


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


def state_rules(parsed: Parsed[StatesFile]) -> Iterator[Diagnostic]:
    """A negotiating group is a group, and never a regional economic integration organization."""
    for i, state in enumerate(parsed.model.states):
        if not state.negotiating_group:
            continue
        at = ("states", i)
        if state.kind != "group":
            yield error(parsed.doc.location((*at, "negotiating_group")),
                        f"negotiating_group: {state.name} is written kind: {state.kind}; only "
                        "a group (kind: group) negotiates as one")
        if state.regional_organization:
            yield error(parsed.doc.location((*at, "regional_organization")),
                        f"regional_organization: {state.name} is a negotiating group "
                        "(negotiating_group: true), which is never a party to the convention; "
                        "only an organization such as the European Union is, and is no "
                        "negotiating group: delete one of the two lines")
