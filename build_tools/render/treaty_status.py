"""The status page: signatures and instruments, progress towards entry into force, every
participant with its dates and sources, and the downloads of the record and of where the states
of each side of the negotiation stand today."""

from __future__ import annotations

from typing import Any

from build_tools import urls
from build_tools.charts.catalog import TREATY_TIMELINE
from build_tools.derive.treaty_record import (
    DELAY,
    THRESHOLD,
    Side,
    TreatyStatus,
)
from build_tools.formats.citations import cite_short, source_json
from build_tools.formats.tabular import csv_bytes, json_bytes
from build_tools.models.treaty import Event
from build_tools.render.context import RenderContext

EVENT_COLUMNS = ("participant_id", "participant", "action", "date", "notification",
                 "single_source", "counts_towards_entry_into_force", "sources")
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

    return ctx.render(
        "treaty_status.md.j2", status=status, threshold=THRESHOLD, delay=DELAY.days,
        checked_in=[cite_short(r, sources) for r in status.record.checked_in],
        rows=[{"participant": p, "signature": event(p.signature),
               "instrument": event(p.instrument)} for p in status.participants],
        organizations=[p for p in status.participants if not p.counts],
        unconfirmed=[{**(event(e) or {}), "name": _name(ctx, e.participant)}
                     for e in status.unconfirmed],
        charts=ctx.chart(TREATY_TIMELINE))


def _name(ctx: RenderContext, state_id: str) -> str:
    state = next(s for s in ctx.dataset.convention.states if s.id == state_id)
    return state.depositary_name or state.name


def events_csv(status: TreatyStatus) -> bytes:
    """One line per signature or instrument, oldest first."""
    names = {p.state.id: p for p in status.participants}
    return csv_bytes(EVENT_COLUMNS, (
        (e.participant, names[e.participant].name, e.action, e.date, e.notification or "",
         "true" if e.single_source else "false",
         ("true" if names[e.participant].counts else "false") if e.is_instrument else "",
         " ".join(r.ref or r.url or "" for r in e.sources))
        for e in status.events))


def events_json(ctx: RenderContext, status: TreatyStatus) -> bytes:
    sources = ctx.dataset.sources
    eif = status.entry_into_force
    return json_bytes({
        "as_of": status.as_of.isoformat(),
        "checked_in": [source_json(r, sources) for r in status.record.checked_in],
        "signatories": status.signatories,
        "instruments": status.instruments,
        "instruments_counted": status.countable,
        "instruments_needed": THRESHOLD,
        "entry_into_force": eif.isoformat() if eif else None,
        "participants": [{
            "id": p.state.id, "name": p.name, "regional_organization": not p.counts,
            "signature": str(p.signature.date) if p.signature else None,
            "instrument": ({"action": p.instrument.action, "date": str(p.instrument.date)}
                           if p.instrument else None)} for p in status.participants],
        "events": [{**e.model_dump(mode="json", exclude={"sources"}),
                    "sources": [source_json(r, sources) for r in e.sources]}
                   for e in status.events],
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
