"""What the depositary's record has that `data/treaty-status.yaml` has not, and where they differ.

Each participant of the record is matched to a state of `data/states.yaml` by
its depositary name, its name or an alias, compared case-insensitively with
footnote marks stripped and spaces normalised. Then, per participant and per
kind (its signature; its instrument):

- listed by the depositary only: an addition;
- in both, alike: nothing; a row dated by a span that holds the depositary's
  day: a possible refinement, left to an editor (the sources of the span may
  know better than a table);
- in both, different (another day, another kind of instrument): a problem,
  which stops the import: editors' rows are never changed by a machine;
- in the file only (a signature reported only by the press): named for an
  editor to check, and the import goes on.

A participant the depositary lists that no state's names match is a problem
too, with the closest names: a new state is added to `data/states.yaml` by
an editor, with its depositary name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from build_tools.english import closest_names, excerpt, quoted_list
from build_tools.models.positions import State
from build_tools.models.treaty import Event
from build_tools.tools.depositary import (
    MARKS,
    Deposit,
    DepositaryRecord,
    Participant,
    normalise_space,
)

STATES_FILE = "data/states.yaml"
_PARENTHESIS = re.compile(r"\s*\(.*?\)\s*")


@dataclass(frozen=True)
class Addition:
    """A signature or instrument to add: the depositary lists it, the file has not."""

    state: State
    participant: Participant
    deposit: Deposit


@dataclass(frozen=True)
class Refinement:
    """A row dated by a span; the depositary gives one day inside it."""

    state: State
    event: Event
    deposit: Deposit


@dataclass(frozen=True)
class Unlisted:
    """A row of the file for which the depositary lists nothing of its kind."""

    name: str
    event: Event


@dataclass(frozen=True)
class Difference:
    additions: tuple[Addition, ...]
    refinements: tuple[Refinement, ...]
    unlisted: tuple[Unlisted, ...]
    problems: tuple[str, ...]


def name_key(name: str) -> str:
    """The form names are matched in: spaces normalised, typographic apostrophes plain,
    case folded; "Côte d’Ivoire" and "côte d'ivoire" match."""
    return normalise_space(name).replace("\u2019", "'").casefold()


def order_key(state: State) -> str:
    """The order of the file's events: the depositary's alphabetical order of names,
    accents set aside (Côte d'Ivoire after Costa Rica)."""
    name = unicodedata.normalize("NFKD", state.depositary_name or state.name)
    return "".join(c for c in name if not unicodedata.combining(c)).casefold()


class StateIndex:
    """The states that can join the convention, by every name they go by."""

    def __init__(self, states: Iterable[State]) -> None:
        self.states = [s for s in states if s.can_be_party]
        # The depositary's own name of a state wins over another's name or alias.
        self._by_depositary = _index((s, [s.depositary_name or ""]) for s in self.states)
        self._by_other = _index((s, [s.name, *s.aliases]) for s in self.states)

    def find(self, name: str) -> list[State]:
        key = name_key(name)
        return self._by_depositary.get(key) or self._by_other.get(key) or []

    def names(self) -> list[str]:
        return [n for s in self.states for n in (s.depositary_name, s.name, *s.aliases) if n]


def _index(entries: Iterable[tuple[State, list[str]]]) -> dict[str, list[State]]:
    index: dict[str, list[State]] = {}
    for state, names in entries:
        for name in names:
            if name and state not in index.setdefault(name_key(name), []):
                index[name_key(name)].append(state)
    return index


def compare(record: DepositaryRecord, states: Sequence[State], events: Sequence[Event],
            lines: Sequence[int], path: str) -> Difference:
    """The difference between the record and the file's `events` (at `lines` of `path`)."""
    index = StateIndex(states)
    by_id = {s.id: s for s in states}
    mapped: dict[str, tuple[State, Participant]] = {}
    problems: list[str] = []
    for participant in record.participants:
        state, problem = _map(participant, index, mapped)
        if problem:
            problems.append(problem)
        elif state is not None:
            mapped[state.id] = (state, participant)
    additions: list[Addition] = []
    refinements: list[Refinement] = []
    listed: set[tuple[str, bool]] = set()
    for state, participant in mapped.values():
        for deposit in participant.deposits:
            kind = deposit.action != "signature"
            listed.add((state.id, kind))
            rows = [(e, line) for e, line in zip(events, lines, strict=True)
                    if e.participant == state.id and e.is_instrument == kind]
            if not rows:
                additions.append(Addition(state, participant, deposit))
            for event, line in rows:
                found = _against(event, deposit, state, f"{path}:{line}")
                if isinstance(found, str):
                    problems.append(found)
                elif found is not None:
                    refinements.append(found)
    unlisted = tuple(Unlisted(by_id[e.participant].name if e.participant in by_id
                              else e.participant, e)
                     for e in events if (e.participant, e.is_instrument) not in listed)
    additions.sort(key=lambda a: (order_key(a.state), a.deposit.date, a.deposit.action))
    return Difference(tuple(additions), tuple(refinements), unlisted, tuple(problems))


def _map(participant: Participant, index: StateIndex,
         mapped: dict[str, tuple[State, Participant]]) -> tuple[State | None, str | None]:
    found = index.find(participant.name)
    name = excerpt(participant.name)
    if not found:
        return None, _unknown(participant.name, index)
    if len(found) > 1:
        return None, (f"the depositary lists {name}, which is a name of both "
                      f"{quoted_list(s.id for s in found)} in {STATES_FILE}; keep it to one")
    state = found[0]
    if state.id in mapped:
        other = excerpt(mapped[state.id][1].name)
        return None, (f"the depositary lists {name} and {other}, which are both "
                      f"'{state.id}' in {STATES_FILE}; give each its own state")
    return state, None


def _unknown(name: str, index: StateIndex) -> str:
    known = index.names()
    close = closest_names(name, known)
    if not close:  # "Netherlands (Kingdom of the)" is close to "Netherlands"
        close = closest_names(_PARENTHESIS.sub(" ", name).strip(), known)
    hint = (f"the closest names there are {quoted_list(close)}; if it is one of them, add "
            f"{excerpt(name)} as its depositary_name" if close
            else f"if it is a state new to the site, add it there with depositary_name: "
                 f"{excerpt(name)}")
    return (f"the depositary lists {excerpt(name)}, which is no state's depositary_name, name "
            f"or alias in {STATES_FILE}; {hint}")


def _against(event: Event, deposit: Deposit, state: State,
             where: str) -> Refinement | str | None:
    """Nothing when the row agrees, a refinement when the depositary's day falls in the
    row's span, else the problem, in one sentence."""
    if event.action == deposit.action and event.earliest <= deposit.date <= event.latest:
        return Refinement(state, event, deposit) if event.earliest != event.latest else None
    return (f"{where}: the row records {describe(event.action, str(event.date))} for {state.name}, "
            f"the depositary {describe(deposit.action, deposit.date.isoformat())}; "
            "check which is right and correct the row by hand")


def describe(action: str, date: str) -> str:
    """'a signature on 2025-10-25', 'an acceptance (A) on 2026-03-02'."""
    shown = dated(action, date)
    return f"{'an' if shown[0] in 'aeiou' else 'a'} {shown}"


def dated(action: str, date: str) -> str:
    """'acceptance (A) on 2026-03-02': the kind with the depositary's mark for it, so that
    the file's row and the depositary's table can be set side by side."""
    mark = MARKS.get(action, "")
    return f"{action} ({mark}) on {date}" if mark else f"{action} on {date}"
