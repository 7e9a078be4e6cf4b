"""The treaty's record as pages need it: who signed, who deposited what, when it enters into force,
and where the states of each side of the negotiation stand today. Pure; shared by the status page,
the home page, the states' and articles' pages and the feeds.

Article 65(1): the convention enters into force on the ninetieth day after the fortieth instrument
of ratification, acceptance, approval or accession is deposited; an instrument of a regional
economic integration organization is not counted in addition to its member States'.

An event marked `single_source` rests on one secondary source: the site publishes no such fact as
confirmed, so it is kept apart (`TreatyStatus.unconfirmed`), shown only as reported and never
counted, charted, fed or downloaded with the record.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from build_tools.derive.grid import Entry, Grid
from build_tools.derive.records import target_label
from build_tools.models.dataset import Dataset
from build_tools.models.positions import State, Target
from build_tools.models.treaty import Event, TreatyStatusFile

THRESHOLD = 40  # instruments needed (art. 65(1))
DELAY = dt.timedelta(days=90)  # "the ninetieth day after" the fortieth


@dataclass(frozen=True)
class Participant:
    state: State
    signature: Event | None
    instrument: Event | None

    @property
    def name(self) -> str:
        return self.state.depositary_name or self.state.name

    @property
    def counts(self) -> bool:
        """Whether its instrument counts towards the forty (an organization's does not)."""
        return not self.state.regional_organization


@dataclass(frozen=True)
class TreatyStatus:
    as_of: dt.date
    record: TreatyStatusFile
    participants: tuple[Participant, ...]  # by depositary name; confirmed events only
    events: tuple[Event, ...]  # confirmed, oldest first
    unconfirmed: tuple[Event, ...] = ()  # reported by a single source: never counted

    @property
    def signatories(self) -> int:
        return sum(1 for p in self.participants if p.signature)

    @property
    def instruments(self) -> int:
        return sum(1 for p in self.participants if p.instrument)

    @property
    def countable(self) -> int:
        return sum(1 for p in self.participants if p.instrument and p.counts)

    @property
    def entry_into_force(self) -> dt.date | None:
        return entry_into_force((p.instrument.latest, p.counts)
                                for p in self.participants if p.instrument)

    def of(self, state_id: str) -> Participant | None:
        return next((p for p in self.participants if p.state.id == state_id), None)

    def reported(self, state_id: str) -> tuple[Event, ...]:
        """Its events that only a single source reports."""
        return tuple(e for e in self.unconfirmed if e.participant == state_id)


def entry_into_force(instruments: Iterable[tuple[dt.date, bool]]) -> dt.date | None:
    """The ninetieth day after the fortieth countable instrument; None before there are forty.

    `instruments` are (date of deposit, counts) pairs; an organization's does not count."""
    counted = sorted(day for day, counts in instruments if counts)
    if len(counted) < THRESHOLD:
        return None
    return counted[THRESHOLD - 1] + DELAY


def treaty_status(dataset: Dataset) -> TreatyStatus | None:
    record = dataset.treaty
    if record is None:
        return None
    states = {s.id: s for s in dataset.convention.states}
    confirmed = [e for e in record.events if not e.single_source]
    ids = sorted({e.participant for e in confirmed})
    participants = [Participant(
        states[sid],
        next((e for e in confirmed if e.participant == sid and e.action == "signature"), None),
        next((e for e in confirmed if e.participant == sid and e.is_instrument), None))
        for sid in ids]
    participants.sort(key=lambda p: (_sort_key(p.name), p.state.id))
    return TreatyStatus(record.as_of, record, tuple(participants), _oldest_first(confirmed),
                        _oldest_first(e for e in record.events if e.single_source))


def _oldest_first(events: Iterable[Event]) -> tuple[Event, ...]:
    return tuple(sorted(events, key=lambda e: (e.latest, e.earliest, e.participant, e.action)))


def _sort_key(name: str) -> str:
    """'Côte d'Ivoire' sorts with C: accents set aside."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.casefold())
                   if not unicodedata.combining(c))


def standing_word(state: State, status: TreatyStatus) -> str:
    """Where one state stands: 'ratification deposited', 'signed', 'not signed', 'group', or
    'not confirmed' when only a single source reports its signature (so not 'not signed')."""
    participant = status.of(state.id)
    if participant is None:
        if state.kind == "group" and not state.regional_organization:
            return "group"
        return "not confirmed" if status.reported(state.id) else "not signed"
    if participant.instrument:
        return f"{participant.instrument.action} deposited"
    return "signed"


@dataclass(frozen=True)
class Side:
    """The states that took one stance on one provision, or one side of a recorded vote."""

    target: Target | None
    label: str  # the provision, or the vote's question
    stance: str
    records: tuple[str, ...]  # ids of the positions or votes behind it
    states: tuple[State, ...]
    standing: tuple[str, ...]  # `standing_word` of each state

    def _states_with_standing(self) -> list[tuple[State, str]]:
        """The states of the side: a group, or an organization such as the EU, is not one."""
        return [(s, w) for s, w in zip(self.states, self.standing, strict=True)
                if s.kind == "state"]

    @property
    def named(self) -> int:
        return len(self._states_with_standing())

    @property
    def signed(self) -> int:
        return sum(1 for _, w in self._states_with_standing()
                   if w == "signed" or w.endswith(" deposited"))

    @property
    def deposited(self) -> int:
        return sum(1 for _, w in self._states_with_standing() if w.endswith(" deposited"))

    def with_standing(self, word: str) -> list[State]:
        return [s for s, w in self._states_with_standing() if w == word]

    @property
    def not_signed(self) -> list[State]:
        return self.with_standing("not signed")

    @property
    def unconfirmed(self) -> list[State]:
        """States whose signature only a single source reports: neither signed nor not."""
        return self.with_standing("not confirmed")

    @property
    def groups(self) -> list[tuple[State, str]]:
        """The groups and organizations of the side, with their standing: never counted."""
        return [(s, w) for s, w in zip(self.states, self.standing, strict=True)
                if s.kind == "group"]


def provision_sides(grid: Grid, states: Sequence[State], status: TreatyStatus,
                    label: dict[Target, str], votes: set[str]) -> list[Side]:
    """One side per stance on each provision of the grid, in the grid's order; the requests for
    a vote (ids in `votes`) are left to `vote_sides`."""
    sides = []
    for i, column in enumerate(grid.columns):
        by_stance: dict[str, list[Entry]] = {}
        for _, cells in grid.rows:
            for entry in cells[i]:
                if entry.record not in votes:
                    by_stance.setdefault(entry.stance, []).append(entry)
        for stance in sorted(by_stance, key=str.casefold):
            found = by_stance[stance]
            sides.append(_side(column, label[column], stance,
                               tuple(dict.fromkeys(e.record for e in found)),
                               [e.state for e in found], states, status))
    return sides


def vote_sides(dataset: Dataset, status: TreatyStatus, label: dict[Target, str]) -> list[Side]:
    """For each recorded vote that names states: those who asked for it, and those who backed it."""
    sides = []
    states = dataset.convention.states
    for vote in dataset.convention.votes:
        what = vote.question if vote.on is None else f"{label.get(vote.on, '')}: {vote.question}"
        for stance, ids in (("requested the vote", vote.requested_by),
                            ("voted with the request", vote.supported_by)):
            if ids:
                sides.append(_side(vote.on, what, stance, (vote.id,), list(ids), states, status))
    return sides


def _side(target: Target | None, label: str, stance: str, records: tuple[str, ...],
          ids: list[str], states: Sequence[State], status: TreatyStatus) -> Side:
    by_id = {s.id: s for s in states}
    chosen = sorted({by_id[i] for i in ids}, key=lambda s: s.name.casefold())
    return Side(target, label, stance, records, tuple(chosen),
                tuple(standing_word(s, status) for s in chosen))


def standing_sides(dataset: Dataset, grid: Grid, status: TreatyStatus) -> list[tuple[str, Side]]:
    """Every side of the negotiation with where its states stand: ("position" | "vote", side)."""
    convention = dataset.convention
    targets = {*grid.columns, *(v.on for v in convention.votes if v.on)}
    labels = {t: target_label(t, convention) for t in targets}
    votes = {v.id for v in convention.votes}
    return ([("position", s)
             for s in provision_sides(grid, convention.states, status, labels, votes)]
            + [("vote", s) for s in vote_sides(dataset, status, labels)])
