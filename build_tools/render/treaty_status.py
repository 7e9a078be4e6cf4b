"""The status page: signatures and instruments, progress towards entry into force, every
participant with its dates and sources, the domestic steps apart from the deposits, the
declarations, the UN member states that have not signed, and the downloads of the record and of
where the states of each side of the negotiation stand today."""

from __future__ import annotations

from typing import Any

from build_tools import urls
from build_tools.charts.catalog import TREATY_TIMELINE
from build_tools.derive.records import target_label
from build_tools.derive.treaty_record import (
    DELAY,
    THRESHOLD,
    Side,
    TreatyStatus,
    by_camp,
    by_continent,
    standing_word,
)
from build_tools.formats.citations import cite_direct, cite_short, source_json
from build_tools.formats.tabular import csv_bytes, json_bytes
from build_tools.models.source import SourceRef
from build_tools.models.treaty import Declaration, DomesticStep, Event
from build_tools.render.context import RenderContext
from build_tools.render.treaty_items import (
    ONLY_DEPOSITS_COUNT,
    declaration_views,
    progress,
    step_views,
)

# The record names each participant as the depositary does ("participant"); "name" is the short
# name the site's pages use.
EVENT_COLUMNS = ("participant_id", "participant", "action", "date", "notification",
                 "single_source", "counts_towards_entry_into_force", "sources", "name",
                 "effective")
DECLARATION_COLUMNS = ("participant_id", "participant", "name", "kind", "date", "notification",
                       "articles", "objects_to", "announced_only", "text_known", "text",
                       "sources")
STEP_COLUMNS = ("participant_id", "participant", "name", "step", "date", "what", "sources")
STANDING_COLUMNS = ("kind", "provision", "question_or_stance", "records", "state_id", "state",
                    "standing")


def render_treaty_status(ctx: RenderContext) -> dict[str, str]:
    return {urls.TREATY_STATUS: _page(ctx, ctx.treaty)} if ctx.treaty else {}


def render_treaty_status_downloads(ctx: RenderContext) -> dict[str, str | bytes]:
    """The record as CSV and JSON, and where the states of each side stand, as CSV and JSON."""
    status, sides = ctx.treaty, list(ctx.standing)
    if status is None:
        return {}
    return {
        urls.TREATY_STATUS_CSV: events_csv(status),
        urls.TREATY_STATUS_JSON: events_json(ctx, status),
        urls.TREATY_DECLARATIONS_CSV: declarations_csv(ctx, status),
        urls.TREATY_STEPS_CSV: steps_csv(ctx, status),
        urls.STANDING_CSV: standing_csv(sides),
        urls.STANDING_JSON: standing_json(status, sides),
    }


def _page(ctx: RenderContext, status: TreatyStatus) -> str:
    sources = ctx.dataset.sources
    doc = ctx.dataset.documents["treaty-status.yaml"]
    every = status.record.events

    def event(e: Event | None) -> dict[str, Any] | None:
        if e is None:
            return None
        declarations = ctx.prose_on(urls.TREATY_STATUS, doc,
                                    ("events", every.index(e), "declarations"))
        return {"data": e, "declarations": declarations,
                "sources": [cite_short(r, sources) for r in e.sources]}

    page = urls.TREATY_STATUS
    return ctx.render(
        "treaty_status.md.j2", status=status, threshold=THRESHOLD, delay=DELAY.days,
        progress=progress(status, THRESHOLD), only_deposits=ONLY_DEPOSITS_COUNT,
        checked_in=[cite_direct(r, sources) for r in status.record.checked_in],
        rows=[{"participant": p, "signature": event(p.signature),
               "instrument": event(p.instrument), "denunciation": event(p.denunciation)}
              for p in status.participants],
        organizations=[p for p in status.participants if not p.counts],
        unconfirmed=[{**(event(e) or {}), "name": _name(ctx, e.participant)}
                     for e in status.unconfirmed],
        steps=step_views(ctx, status.steps, page),
        declarations=declaration_views(ctx, status.declarations, page),
        not_signed=status.not_signed,
        by_continent=by_continent(status), by_camp=by_camp(ctx.dataset, status),
        charts=ctx.chart(TREATY_TIMELINE))


def _name(ctx: RenderContext, state_id: str) -> str:
    """The name the site shows."""
    return ctx.dataset.convention.state(state_id).name


def _refs(refs: tuple[SourceRef, ...]) -> str:
    return " ".join(r.ref or r.url or "" for r in refs)


def events_csv(status: TreatyStatus) -> bytes:
    """One line per signature, instrument or denunciation, oldest first."""
    names = {p.state.id: p for p in status.participants}

    def counts(event: Event) -> str:
        if not event.is_instrument:
            return ""
        participant = names[event.participant]
        return "true" if participant.counts and not participant.withdrawn(status.as_of) else "false"

    return csv_bytes(EVENT_COLUMNS, (
        (e.participant, names[e.participant].name, e.action, e.date, e.notification or "",
         "true" if e.single_source else "false", counts(e), _refs(e.sources),
         names[e.participant].state.name, str(e.effective or ""))
        for e in status.events))


def declarations_csv(ctx: RenderContext, status: TreatyStatus) -> bytes:
    """One line per declaration, reservation or objection; its text as Markdown, paragraphs
    kept."""
    convention = ctx.dataset.convention
    return csv_bytes(DECLARATION_COLUMNS, (
        (d.participant, _record_name(ctx, d.participant), _name(ctx, d.participant), d.kind,
         str(d.date or ""), d.notification or "",
         "; ".join(target_label(t, convention) for t in d.articles), d.objects_to or "",
         "true" if d.announced_only else "false", "true" if d.text else "false",
         (d.text or "").strip(), _refs(d.sources))
        for d in status.declarations))


def steps_csv(ctx: RenderContext, status: TreatyStatus) -> bytes:
    """One line per domestic step, oldest first: never counted towards entry into force."""
    return csv_bytes(STEP_COLUMNS, (
        (s.participant, _record_name(ctx, s.participant), _name(ctx, s.participant), s.step,
         str(s.date), (s.what or "").strip(), _refs(s.sources))
        for s in status.steps))


def _record_name(ctx: RenderContext, state_id: str) -> str:
    """The name in the record: the depositary's, else the site's."""
    state = ctx.dataset.convention.state(state_id)
    return state.depositary_name or state.name


def events_json(ctx: RenderContext, status: TreatyStatus) -> bytes:
    sources = ctx.dataset.sources
    eif = status.entry_into_force

    def dumped(item: Event | DomesticStep | Declaration) -> dict[str, Any]:
        return {**item.model_dump(mode="json", exclude={"sources"}),
                "sources": [source_json(r, sources) for r in item.sources]}

    return json_bytes({
        "as_of": status.as_of.isoformat(),
        "checked_in": [source_json(r, sources) for r in status.record.checked_in],
        "signatories": status.signatories,
        "instruments": status.instruments,
        "instruments_counted": status.countable,
        "instruments_needed": THRESHOLD,
        "entry_into_force": str(eif) if eif else None,
        "in_force": status.in_force,
        "signature_open_until": status.signature_closes.isoformat(),
        "participants": [{
            "id": p.state.id, "name": p.name, "short_name": p.state.name,
            "regional_organization": not p.counts,
            "signature": str(p.signature.date) if p.signature else None,
            "instrument": ({"action": p.instrument.action, "date": str(p.instrument.date)}
                           if p.instrument else None),
            "denunciation": ({"date": str(p.denunciation.date),
                              "effective": str(p.denunciation.effective or "") or None}
                             if p.denunciation else None)} for p in status.participants],
        "events": [dumped(e) for e in status.events],
        "domestic_steps": [dumped(s) for s in status.steps],
        "declarations": [dumped(d) for d in status.declarations],
        "un_members": [{"id": s.id, "name": s.name, "standing": standing_word(s, status)}
                       for s in status.members],
    })


def standing_csv(sides: list[tuple[str, Side]]) -> bytes:
    return csv_bytes(STANDING_COLUMNS, (
        (kind, side.label, side.stance,
         " ".join(side.records), state.id, state.name, word)
        for kind, side in sides
        for state, word in zip(side.states, side.standing, strict=True)))


def standing_json(status: TreatyStatus, sides: list[tuple[str, Side]]) -> bytes:
    return json_bytes({
        "as_of": status.as_of.isoformat(),
        "note": "Signing or ratifying the convention is not a position on any one article.",
        "sides": [{"kind": kind, "label": side.label, "stance": side.stance,
                   "records": list(side.records), "states_named": side.named,
                   "signed": side.signed, "instrument_deposited": side.deposited,
                   "states": [{"id": s.id, "name": s.name, "standing": w}
                              for s, w in zip(side.states, side.standing, strict=True)]}
                  for kind, side in sides],
    })
