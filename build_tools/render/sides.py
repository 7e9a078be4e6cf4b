"""Where the states of each side of the negotiation stand today, as pages list them: for each
stance on a provision and each side of a recorded vote, the states by name, grouped by what they
have done with the convention, with what the stance means. A list per side, not a wide table, so
that it reads on a phone; shared by the grid's page and the articles' pages."""

from __future__ import annotations

import re
from dataclasses import dataclass

from build_tools.derive import records
from build_tools.derive.treaty_record import Side
from build_tools.models.positions import State
from build_tools.render.context import RenderContext

# Standings in the order a reader asks about them: the furthest step first.
ORDER = ("ratification deposited", "acceptance deposited", "approval deposited",
         "accession deposited", "signed", "not confirmed", "not signed")
SHOWN = {"not confirmed": "signature reported by a single source, not confirmed"}


@dataclass(frozen=True)
class SideView:
    id: str  # its anchor, to which the grid's stances link
    kind: str  # "position" or "vote"
    side: Side
    by_standing: tuple[tuple[str, tuple[State, ...]], ...]  # ("signed", states), in ORDER
    groups: tuple[tuple[State, str], ...]  # groups and organizations, never counted
    meaning: tuple[tuple[str, str], ...]  # (topic, summary HTML) of each record behind it


def side_views(ctx: RenderContext, sides: list[tuple[str, Side]], page: str,
               explain: bool = True) -> list[SideView]:
    """The sides as the page `page` lists them; with `explain`, each with what it means."""
    meanings = _meanings(ctx, page) if explain else {}
    ids: set[str] = set()
    return [SideView(_unique(side_id(side, kind), ids), kind, side, _by_standing(side),
                     tuple(side.groups), tuple(meanings[r] for r in side.records if r in meanings))
            for kind, side in sides]


def side_id(side: Side, kind: str) -> str:
    """'side-art-6-2-delete': the provision (or the vote's id) and the stance."""
    words = f"{side.label if kind == 'position' else side.records[0]}-{side.stance}"
    return "side-" + re.sub(r"[^a-z0-9]+", "-", words.casefold()).strip("-")


def _unique(wanted: str, taken: set[str]) -> str:
    found, n = wanted, 2
    while found in taken:
        found, n = f"{wanted}-{n}", n + 1
    taken.add(found)
    return found


def _by_standing(side: Side) -> tuple[tuple[str, tuple[State, ...]], ...]:
    return tuple((SHOWN.get(word, word), tuple(states)) for word in ORDER
                 if (states := side.with_standing(word)))


def _meanings(ctx: RenderContext, page: str) -> dict[str, tuple[str, str]]:
    """Record id -> (its topic or question, its summary as `page` shows it)."""
    found = records.with_summaries(records.positions(ctx.dataset) + records.votes(ctx.dataset),
                                   page, ctx.prose, ctx.dataset.convention)
    return {r["data"].id: (getattr(r["data"], "topic", None) or r["data"].question,
                           r["summary"]) for r in found}
