"""The states' pages: the index with the grid of states by provision, and one page per state."""

from __future__ import annotations

from typing import Any

from build_tools import urls
from build_tools.charts.catalog import POSITIONS_GRID
from build_tools.derive import records
from build_tools.derive.grid import Entry, entries
from build_tools.derive.treaty_record import (
    Participant,
    TreatyStatus,
    standing_word,
)
from build_tools.english import listed, plural
from build_tools.formats.citations import cite_behind, cite_short
from build_tools.formats.text import long_date, md_text
from build_tools.models.positions import State
from build_tools.models.treaty import Declaration
from build_tools.render.context import RenderContext
from build_tools.render.sides import SideView, side_views
from build_tools.render.treaty_items import ONLY_DEPOSITS_COUNT, declaration_views, step_views


def render_states(ctx: RenderContext) -> dict[str, str]:
    convention = ctx.dataset.convention
    if not convention.states:
        return {}
    positions, votes = records.positions(ctx.dataset), records.votes(ctx.dataset)
    status = ctx.treaty
    pages = {urls.STATES: _index(ctx, status)}
    for state in convention.states:
        pages[urls.state_page(state.id)] = _state(ctx, state, positions, votes, status)
    return pages


def _index(ctx: RenderContext, status: TreatyStatus | None) -> str:
    convention, table = ctx.dataset.convention, ctx.grid
    views = side_views(ctx, list(ctx.standing), urls.STATES) if status else []
    anchor = _side_anchors(views)
    counts = {s.id: sum(1 for p in convention.positions if s.id in p.states)
              for s in convention.states}
    voted = {i for v in convention.votes for i in (*v.requested_by, *v.supported_by)}
    standing = {s.id: standing_word(s, status) for s in convention.states} if status else {}
    return ctx.render(
        "states.md.j2",
        states=convention.states, counts=counts,
        named=sum(1 for s in convention.states if counts[s.id] or s.id in voted),
        status=status, target_page=records.target_page, standing=standing,
        side_views=views,
        columns=[{"label": records.target_label(c, convention), "page": records.target_page(c)}
                 for c in table.columns],
        rows=_grid_rows(ctx, anchor),
        charts=ctx.chart(POSITIONS_GRID))


def _grid_rows(ctx: RenderContext, anchor: dict[tuple[str, str], str]) -> list[dict[str, Any]]:
    """Every state or group the sources name with a position, a request for a vote or a vote
    with a request: its stances on each provision of the grid, then those on no one provision."""
    convention, columns = ctx.dataset.convention, ctx.grid.columns
    found = entries(convention) + [
        Entry(state, v.on, "voted with the request", v.question, v.date.isoformat(), v.session,
              v.id, v.sources) for v in convention.votes for state in v.supported_by]
    cells: dict[str, list[list[Entry]]] = {}
    for entry in found:
        row = cells.setdefault(entry.state, [[] for _ in range(len(columns) + 1)])
        row[columns.index(entry.target) if entry.target in columns else len(columns)].append(entry)
    return [{"state": s, "cells": [_cell(ctx, tuple(cell), anchor) for cell in cells[s.id][:-1]],
             "general": _cell(ctx, tuple(cells[s.id][-1]), anchor)}
            for s in convention.states if s.id in cells]


def _side_anchors(views: list[SideView]) -> dict[tuple[str, str], str]:
    """(record id, stance) -> the anchor of the side it belongs to, where the stance is
    explained and its states listed with where they stand."""
    found: dict[tuple[str, str], str] = {}
    for view in views:
        stance = "requested a vote" if view.side.stance == "requested the vote" else view.side.stance
        for record in view.side.records:
            found.setdefault((record, stance), view.id)
    return found


def _cell(ctx: RenderContext, cell: tuple[Entry, ...], anchor: dict[tuple[str, str], str]) -> str:
    """Each stance, linked to where it is explained (its side, on this page), or else to the
    source that records it."""
    return "<br>".join(
        f"[{md_text(e.stance)}](#{anchor[e.record, e.stance]} \"{_title(e.topic)}\")"
        if (e.record, e.stance) in anchor else cite_behind(e.stance, e.sources[0], ctx.dataset.sources)
        for e in cell) or "–"


def _title(words: str) -> str:
    """Words for a link's title, which Markdown writes between double quotes."""
    return md_text(words).replace('"', "'")


def _state(ctx: RenderContext, state: State, positions: list[records.Record],
           votes: list[records.Record], status: TreatyStatus | None) -> str:
    page, convention = urls.state_page(state.id), ctx.dataset.convention
    own: list[dict[str, Any]] = sorted(
        (p for p in positions if state.id in p["data"].states),
        key=lambda p: (p["data"].date or "", p["data"].id))
    joined = [v for v in votes
              if state.id in v["data"].requested_by or state.id in v["data"].supported_by]
    participant = status.of(state.id) if status else None
    return ctx.render("state.md.j2", state=state, target_page=records.target_page,
                      status=status, participant=participant,
                      events=_events(ctx, participant, page),
                      reported=_reported(ctx, status, state),
                      steps=step_views(ctx, status.steps_of(state.id), page) if status else [],
                      declarations=declaration_views(ctx, status.declarations_of(state.id), page)
                      if status else [],
                      objections=declaration_views(ctx, _objections_to(status, state), page),
                      only_deposits=ONLY_DEPOSITS_COUNT,
                      positions=records.with_summaries(own, page, ctx.prose, convention),
                      votes=records.with_summaries(joined, page, ctx.prose, convention),
                      repeated=_repeated(own), in_short=_in_short(state, status, own, joined))


def _repeated(own: list[dict[str, Any]]) -> set[str]:
    """The topic and stance of each position that shares both with another of the same state:
    their headings take their dates too, so that no heading appears twice in the contents."""
    seen: dict[str, int] = {}
    for p in own:
        key = p["data"].topic + p["data"].stance
        seen[key] = seen.get(key, 0) + 1
    return {key for key, count in seen.items() if count > 1}


def _in_short(state: State, status: TreatyStatus | None, own: list[dict[str, Any]],
              joined: list[dict[str, Any]]) -> str:
    """The page in one line: where the state stands, and what positions it took, in a phrase."""
    parts = []
    if status and state.can_be_party:
        parts.append(f"{standing_word(state, status).capitalize()} as of "
                     f"{long_date(status.as_of)}")
    topics = list(dict.fromkeys(p["data"].topic for p in own))
    if topics:
        named = [t[0].lower() + t[1:] if not t[:2].isupper() else t for t in topics]
        shown = (listed(named) if len(named) <= 4 else
                 ", ".join(named[:4]) + f", and {plural(len(named) - 4, 'other topic')}")
        parts.append(f"{plural(len(own), 'position')} recorded, on {shown}")
    elif not joined:
        parts.append("no position recorded in the sources")
    if joined:
        parts.append(f"{plural(len(joined), 'recorded vote')} requested or joined")
    return "; ".join(parts) + "." if parts else ""


def _objections_to(status: TreatyStatus | None, state: State) -> tuple[Declaration, ...]:
    """Other states' objections to its declarations or reservations."""
    if status is None:
        return ()
    return tuple(d for d in status.declarations if d.objects_to == state.id)


def _reported(ctx: RenderContext, status: TreatyStatus | None,
              state: State) -> list[dict[str, Any]]:
    """What only a single source reports of it: shown as such on its page, never counted."""
    return [{"data": e, "sources": [cite_short(r, ctx.dataset.sources) for r in e.sources]}
            for e in (status.reported(state.id) if status else ())]


def _events(ctx: RenderContext, participant: Participant | None, page: str) -> list[dict[str, Any]]:
    """Its signature and instrument, with their sources and declarations, for its page."""
    if participant is None or ctx.dataset.treaty is None:
        return []
    doc, every = ctx.dataset.documents["treaty-status.yaml"], ctx.dataset.treaty.events
    return [{"data": e, "sources": [cite_short(r, ctx.dataset.sources) for r in e.sources],
             "declarations": ctx.prose_on(page, doc, ("events", every.index(e), "declarations"))}
            for e in (participant.signature, participant.instrument, participant.denunciation)
            if e]
