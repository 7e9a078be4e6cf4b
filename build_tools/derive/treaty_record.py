"""The treaty's record as pages need it: who signed, who deposited what, when it enters into force,
and where the states of each side of the negotiation stand today. Pure; shared by the status page,
the home page, the states' and articles' pages and the feeds.

Article 65(1): the convention enters into force on the ninetieth day after the fortieth instrument
of ratification, acceptance, approval or accession is deposited; an instrument of a regional
economic integration organization is not counted in addition to its member States'.

An event marked `single_source` rests on one secondary source: the site publishes no such fact as
confirmed, so it is kept apart (`TreatyStatus.unconfirmed`), shown only as reported and never
counted, charted, fed or downloaded with the record.

A denunciation (article 67) takes its state's instrument out of the count from the day it takes
effect, when the sources give that day; the date of entry into force, once reached, stays. Domestic
steps are never counted: only a deposit with the depositary is. Every wording that depends on time
reads the record's `as_of` date, never the clock.
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
from build_tools.models.treaty import (
    INSTRUMENTS,
    SIGNATURE_CLOSES,
    STALE_AFTER_DAYS,
    Declaration,
    DomesticStep,
    Event,
    Span,
    TreatyStatusFile,
)

THRESHOLD = 40  # instruments needed (art. 65(1))
DELAY = dt.timedelta(days=90)  # "the ninetieth day after" the fortieth


@dataclass(frozen=True)
class Participant:
    state: State
    signature: Event | None
    instrument: Event | None
    denunciation: Event | None = None

    @property
    def name(self) -> str:
        """Its name in the record (the downloads): the depositary's. Pages show `state.name`."""
        return self.state.depositary_name or self.state.name

    @property
    def counts(self) -> bool:
        """Whether its instrument counts towards the forty (an organization's does not)."""
        return not self.state.regional_organization

    def withdrawn(self, day: dt.date) -> bool:
        """Whether its denunciation has taken effect by `day` (certain from its last day)."""
        effective = self.denunciation.effective if self.denunciation else None
        return effective is not None and effective.last <= day

    def counted(self, day: dt.date) -> bool:
        """Whether its instrument is counted towards the forty on `day`."""
        return (self.instrument is not None and self.instrument.latest <= day and self.counts
                and not self.withdrawn(day))


@dataclass(frozen=True)
class TreatyStatus:
    as_of: dt.date
    record: TreatyStatusFile
    participants: tuple[Participant, ...]  # by the name the site shows; confirmed events only
    events: tuple[Event, ...]  # confirmed, oldest first
    unconfirmed: tuple[Event, ...] = ()  # reported by a single source: never counted
    steps: tuple[DomesticStep, ...] = ()  # domestic steps, oldest first: never counted
    declarations: tuple[Declaration, ...] = ()  # oldest first, the undated last
    members: tuple[State, ...] = ()  # the UN's member states, by the name the site shows
    built_on: dt.date | None = None  # the date of the commit being built, when known

    @property
    def signatories(self) -> int:
        return sum(1 for p in self.participants if p.signature)

    @property
    def instruments(self) -> int:
        """Instruments deposited, denounced ones included: what the depositary has received."""
        return sum(1 for p in self.participants if p.instrument)

    @property
    def countable(self) -> int:
        """Instruments counted towards the forty on the record's date."""
        return sum(1 for p in self.participants if p.counted(self.as_of))

    @property
    def denunciations(self) -> tuple[Participant, ...]:
        return tuple(p for p in self.participants if p.denunciation)

    @property
    def fortieth(self) -> Span | None:
        """The day of the fortieth countable instrument, a span when the record's days are:
        at the earliest the fortieth of their first days, at the latest the fortieth of their
        last days. None before there are forty."""
        counted = [p.instrument.date for p in self.participants if p.instrument and p.counts]
        if len(counted) < THRESHOLD:
            return None
        firsts = sorted(span.first for span in counted)
        lasts = sorted(span.last for span in counted)
        return Span(firsts[THRESHOLD - 1], lasts[THRESHOLD - 1])

    @property
    def entry_into_force(self) -> Span | None:
        """The ninetieth day after the fortieth countable instrument, a span when that
        instrument's day is; None before there are forty."""
        fortieth = self.fortieth
        return Span(fortieth.first + DELAY, fortieth.last + DELAY) if fortieth else None

    @property
    def reached(self) -> bool:
        """Whether the fortieth countable instrument has been deposited."""
        return self.entry_into_force is not None

    @property
    def in_force(self) -> bool:
        """Whether the record's date is on or after the (last possible) day of entry into force."""
        eif = self.entry_into_force
        return eif is not None and self.as_of >= eif.last

    @property
    def signature_open(self) -> bool:
        """Open for signature until 31 December 2026 (article 64), read at the record's date."""
        return self.as_of <= SIGNATURE_CLOSES

    @property
    def signature_closes(self) -> dt.date:
        return SIGNATURE_CLOSES

    @property
    def days_to_sign(self) -> int | None:
        """Days from the record's date to the close of signature, that day included; None once
        signature has closed."""
        return (SIGNATURE_CLOSES - self.as_of).days + 1 if self.signature_open else None

    @property
    def age(self) -> int | None:
        """Days between the record's date and the commit that builds the site, when more than
        STALE_AFTER_DAYS; None when fresher or when no commit date is known."""
        if self.built_on is None:
            return None
        days = (self.built_on - self.as_of).days
        return days if days > STALE_AFTER_DAYS else None

    def of(self, state_id: str) -> Participant | None:
        return next((p for p in self.participants if p.state.id == state_id), None)

    def reported(self, state_id: str) -> tuple[Event, ...]:
        """Its events that only a single source reports."""
        return tuple(e for e in self.unconfirmed if e.participant == state_id)

    def steps_of(self, state_id: str) -> tuple[DomesticStep, ...]:
        return tuple(s for s in self.steps if s.participant == state_id)

    def declarations_of(self, state_id: str) -> tuple[Declaration, ...]:
        return tuple(d for d in self.declarations if d.participant == state_id)

    def declarations_on(self, article: int) -> tuple[Declaration, ...]:
        """The declarations, reservations and objections that name `article`."""
        return tuple(d for d in self.declarations
                     if any(t.article == article for t in d.articles))

    @property
    def not_signed(self) -> tuple[State, ...]:
        """The UN member states with nothing in the record: no signature or instrument, and
        none that a single source reports."""
        joined = {p.state.id for p in self.participants} | {e.participant for e in self.unconfirmed}
        return tuple(s for s in self.members if s.id not in joined)


def entry_into_force(instruments: Iterable[tuple[dt.date, bool]]) -> dt.date | None:
    """The ninetieth day after the fortieth countable instrument; None before there are forty.

    `instruments` are (date of deposit, counts) pairs; an organization's does not count."""
    counted = sorted(day for day, counts in instruments if counts)
    if len(counted) < THRESHOLD:
        return None
    return counted[THRESHOLD - 1] + DELAY


def treaty_status(dataset: Dataset, built_on: dt.date | None = None) -> TreatyStatus | None:
    """The record as the pages read it; `built_on`, the date of the commit being built, dates
    the record's age (None: no age is said)."""
    record = dataset.treaty
    if record is None:
        return None
    states = {s.id: s for s in dataset.convention.states}
    confirmed = [e for e in record.events if not e.single_source]
    ids = sorted({e.participant for e in confirmed})

    def first(sid: str, *actions: str) -> Event | None:
        return next((e for e in confirmed if e.participant == sid and e.action in actions), None)

    participants = [Participant(states[sid], first(sid, "signature"), first(sid, *INSTRUMENTS),
                                first(sid, "denunciation")) for sid in ids]
    participants.sort(key=lambda p: (_sort_key(p.state.name), p.state.id))
    members = sorted((s for s in states.values() if s.un_member),
                     key=lambda s: (_sort_key(s.name), s.id))
    return TreatyStatus(
        record.as_of, record, tuple(participants), _oldest_first(confirmed),
        _oldest_first(e for e in record.events if e.single_source),
        tuple(sorted(record.domestic_steps, key=lambda s: (s.date.last, s.date.first,
                                                            s.participant, s.step))),
        tuple(sorted(record.declarations, key=_declaration_order)),
        tuple(members), built_on)


def _declaration_order(item: Declaration) -> tuple[bool, dt.date, str, str]:
    """Oldest first, the undated last."""
    return (item.date is None, item.date.last if item.date else dt.date.min, item.participant,
            item.kind)


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
    if participant.denunciation:
        return "denounced"
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
                   if w in ("signed", "denounced") or w.endswith(" deposited"))

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


@dataclass(frozen=True)
class Tally:
    """How many of a set of states have signed the convention, and how many deposited an
    instrument, at the record's date: one line of the scoreboard's breakdown."""

    label: str
    named: int
    signed: int
    deposited: int


def by_continent(status: TreatyStatus) -> list[Tally]:
    """The UN's member states by continent (as `data/states.yaml` records it)."""
    continents = sorted({s.continent for s in status.members if s.continent})
    return [_tally(c, [s for s in status.members if s.continent == c], status)
                for c in continents]


def by_camp(dataset: Dataset, status: TreatyStatus) -> list[Tally]:
    """The camps of states a source describes (positions marked `camp`), by topic and stance:
    only states are counted, never a group or an organization."""
    convention = dataset.convention
    camps: dict[str, list[State]] = {}
    for position in convention.positions:
        if position.camp:
            members = camps.setdefault(f"{position.topic}: {position.stance}", [])
            members += [s for s in map(convention.state, position.states) if s.kind == "state"]
    return [_tally(label, list(dict.fromkeys(states)), status)
            for label, states in camps.items() if states]


def _tally(label: str, states: list[State], status: TreatyStatus) -> Tally:
    words = [standing_word(s, status) for s in states]
    return Tally(label, len(states),
                 sum(1 for w in words if w == "signed" or w.endswith(" deposited")),
                 sum(1 for w in words if w.endswith(" deposited")))
