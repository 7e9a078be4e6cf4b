"""Positions and votes as pages list them, and how a provision they are about is named.

Shared by the convention's and the states' pages and the grid of positions.
A record's summary is editor prose: it is added for the page that shows it
(`with_summaries`), so that its links are relative to that page.
"""

from __future__ import annotations

from typing import Any

from build_tools import urls
from build_tools.formats.citations import cite_short
from build_tools.models.dataset import Convention, Dataset
from build_tools.models.positions import Target
from build_tools.prose.stage import Prose

Record = dict[str, Any]


def target_label(target: Target | None, convention: Convention) -> str:
    """'Art. 6(2)', 'Art. 14(1), (3)', 'Title of the convention'; '' for no target."""
    if target is None:
        return ""
    if target.article is not None:
        paragraphs = ", ".join(f"({p})" for p in target.paragraphs)
        return f"Art. {target.article}{paragraphs}"
    provision = convention.provision(target.provision or "")
    return provision.data.title if provision else str(target.provision)


def target_page(target: Target) -> str:
    """The page (and anchor) a target is shown on, as a docs path for Markdown links."""
    if target.article is not None:
        return urls.article_link(target.article, target.paragraphs[:1])
    return urls.provision_anchor(target.provision or "")


def positions(dataset: Dataset) -> list[Record]:
    """Every recorded position, without its summary."""
    convention = dataset.convention
    return [{"data": position, "at": convention.summary_at("positions", position.id),
             "target": target_label(position.on, convention),
             "session": dataset.session(position.session) if position.session else None,
             "states": [convention.state(s) for s in position.states],
             "sources": [cite_short(r, dataset.sources) for r in position.sources]}
            for position in convention.positions]


def votes(dataset: Dataset) -> list[Record]:
    """Every recorded vote, without its summary."""
    convention = dataset.convention
    return [{"data": vote, "at": convention.summary_at("votes", vote.id),
             "target": target_label(vote.on, convention),
             "session": dataset.session(vote.session),
             "requested_by": [convention.state(s) for s in vote.requested_by],
             "supported_by": [convention.state(s) for s in vote.supported_by],
             "sources": [cite_short(r, dataset.sources) for r in vote.sources]}
            for vote in convention.votes]


def with_summaries(records: list[Record], page: str, prose: Prose,
                   convention: Convention) -> list[Record]:
    """Positions or votes with their summaries as the page `page` shows them."""
    return [{**r, "summary": prose.on(page, convention.documents[r["at"][0]], r["at"][1])}
            for r in records]
