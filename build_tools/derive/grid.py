"""The grid of states by provision: who took which position on what, as data. Pure.

One row per state or group that took a position or requested a vote, one
column per provision named, each cell the stances recorded with their
sources. The same facts go out as a page table, a chart and downloads (CSV
in long form, one line per state and position; JSON with the sources).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from build_tools.derive.records import target_label, target_page
from build_tools.formats.citations import source_json
from build_tools.formats.tabular import csv_bytes, json_bytes
from build_tools.models.dataset import Convention
from build_tools.models.positions import Target
from build_tools.models.source import Source, SourceRef

CSV_COLUMNS = ("state_id", "state", "provision", "stance", "topic", "date", "session",
               "record", "sources")


@dataclass(frozen=True)
class Entry:
    """One state's stance on one provision, from a position or a vote request."""

    state: str  # id
    target: Target | None
    stance: str
    topic: str
    date: str  # "" when no source dates it
    session: str | None
    record: str  # the position's or vote's id
    sources: tuple[SourceRef, ...]


def entries(convention: Convention) -> list[Entry]:
    out = [Entry(state, p.on, p.stance, p.topic, p.date or "", p.session, p.id, p.sources)
           for p in convention.positions for state in p.states]
    out += [Entry(state, v.on, "requested a vote", v.question, v.date.isoformat(), v.session,
                  v.id, v.sources)
            for v in convention.votes for state in v.requested_by]
    return out


def _target_key(target: Target | None) -> tuple[int, int, tuple[int, ...], str]:
    if target is None:
        return (2, 0, (), "")
    if target.article is not None:
        return (1, target.article, target.paragraphs, "")
    return (0, 0, (), target.provision or "")


@dataclass(frozen=True)
class Grid:
    columns: tuple[Target, ...]
    rows: tuple[tuple[str, tuple[tuple[Entry, ...], ...]], ...]  # state id, cells by column


def grid(convention: Convention) -> Grid:
    found = [e for e in entries(convention) if e.target is not None]
    columns = tuple(sorted({e.target for e in found if e.target}, key=_target_key))
    cells: dict[tuple[str, Target], list[Entry]] = defaultdict(list)
    for e in found:
        cells[e.state, e.target].append(e)  # type: ignore[index]
    recorded = {e.state for e in found}
    rows = tuple((s.id, tuple(tuple(cells.get((s.id, column), ())) for column in columns))
                 for s in convention.states if s.id in recorded)
    return Grid(columns, rows)


def positions_csv(convention: Convention) -> bytes:
    ordered = sorted(entries(convention),
                     key=lambda e: (e.state, _target_key(e.target), e.date, e.record))
    return csv_bytes(CSV_COLUMNS, ((e.state, convention.state(e.state).name,
                                    target_label(e.target, convention), e.stance, e.topic, e.date,
                                    e.session or "", e.record,
                                    " ".join(r.ref or r.url or "" for r in e.sources))
                                   for e in ordered))


def positions_json(convention: Convention, sources: dict[str, Source]) -> bytes:
    def target(t: Target | None) -> dict[str, Any] | None:
        if t is None:
            return None
        return {"label": target_label(t, convention), "page": target_page(t),
                **t.model_dump(exclude_none=True)}

    document = {
        "states": [s.model_dump() for s in convention.states],
        "positions": [{**p.model_dump(mode="json", exclude={"on", "sources"}), "on": target(p.on),
                       "sources": [source_json(r, sources) for r in p.sources]}
                      for p in convention.positions],
        "votes": [{**v.model_dump(mode="json", exclude={"on", "sources"}), "on": target(v.on),
                   "sources": [source_json(r, sources) for r in v.sources]}
                  for v in convention.votes],
    }
    return json_bytes(document)
