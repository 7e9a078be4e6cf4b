"""States, their positions and the recorded votes.

Files: `data/states.yaml` (states and groups, with the names the sources use
for them), `data/positions.yaml` (who took which position on what, when) and
`data/votes.yaml` (recorded votes). Provisions are named in the numbering of
the final text.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from build_tools.models.base import (
    Flag,
    Identifier,
    IsoDate,
    Markdown,
    Model,
    PartialDate,
    PlainText,
)
from build_tools.models.source import SourceRef


class State(Model):
    id: Identifier = Field(description="Stable id, e.g. 'iran', 'european-union'.")
    name: PlainText = Field(description="Name as the site shows it on every page: the common "
                                        "short name ('Czechia').")
    kind: Literal["state", "group"] = Field(description="A state, or a group of states.")
    aliases: tuple[PlainText, ...] = Field((), description="Other names the sources use: 'UK'.")
    depositary_name: PlainText | None = Field(
        None, description="Name in the UN depositary's record of the convention, where it signed "
                          "or joined: 'Iran (Islamic Republic of)'. Used in the record's "
                          "downloads and named on the state's page.")
    regional_organization: bool = Field(
        False, description="true for a regional economic integration organization (the EU): "
                           "under article 65(1) its instrument does not count towards the 40.")
    un_member: bool = Field(
        False, description="true for a member state of the United Nations: each of the 193 has a "
                           "status on the site, whether or not it signed.")
    continent: Literal["Africa", "America", "Asia", "Europe", "Oceania"] | None = Field(
        None, description="For a UN member state: its continent, as the country-converter "
                          "package (1.3.2) groups the members; for the scoreboard's breakdown.")
    negotiating_group: Flag = Field(
        False, description="true for a group of states that spoke together in the negotiations "
                           "(the African Group): never a party to the convention, whatever else "
                           "is written here.")

    @property
    def can_be_party(self) -> bool:
        """Whether it can sign and deposit an instrument: a state, or a regional economic
        integration organization; a negotiating group never, whatever its other flags."""
        if self.negotiating_group:
            return False
        return self.kind == "state" or self.regional_organization


class StatesFile(Model):
    """`data/states.yaml`."""

    states: tuple[State, ...] = Field(description="States and groups named in the sources.")


class Target(Model):
    """A provision of the final text: an article (with paragraphs) or a provision file."""

    article: int | None = Field(None, ge=1, description="Article number in the final text.")
    paragraphs: tuple[int, ...] = Field((), description="Paragraph numbers, if only some.")
    provision: Identifier | None = Field(
        None, description="Id of a file in data/convention/provisions/ (title, preamble ...).")

    @model_validator(mode="after")
    def _one_target(self) -> Target:
        if (self.article is None) == (self.provision is None):
            raise PydanticCustomError(
                "target", "name either 'article' (a number in the final text) or "
                "'provision' (an id from data/convention/provisions/), not both")
        if self.paragraphs and self.article is None:
            raise PydanticCustomError("target", "'paragraphs' goes with 'article'")
        return self


class Position(Model):
    """One position: the states that took it, on what, when, and where it is recorded."""

    id: Identifier = Field(description="Stable id, e.g. 'art-6-2-retain'.")
    on: Target | None = Field(None, description="The provision; left out for general positions.")
    topic: PlainText = Field(description="What the position is about, in a few words.")
    stance: PlainText = Field(description="The position in a word or two: 'retain', 'delete'.")
    states: tuple[Identifier, ...] = Field(min_length=1, description="Ids from data/states.yaml.")
    date: PartialDate | None = Field(
        None, description="When: YYYY, YYYY-MM or YYYY-MM-DD; left out when no source dates it, "
                          "and the site says 'not recorded'.")
    session: Identifier | None = Field(None, description="Id of the session, where known.")
    summary: Markdown = Field(description="The position in the site's own words (Markdown).")
    sources: tuple[SourceRef, ...] = Field(min_length=1, description="Where it is recorded.")
    camp: Flag = Field(
        False, description="true for one of the camps of states that a source describes (the "
                           "Endgame brief's): the scoreboard counts where each camp stands.")


class PositionsFile(Model):
    """`data/positions.yaml`."""

    positions: tuple[Position, ...] = Field(description="Positions, in any order.")


class Counts(Model):
    yes: int = Field(ge=0, description="Votes in favour.")
    no: int = Field(ge=0, description="Votes against.")
    abstentions: int = Field(ge=0, description="Abstentions.")


class Vote(Model):
    """A recorded vote."""

    id: Identifier = Field(description="Stable id, e.g. 'ahc-2024-08-08-art-24'.")
    date: IsoDate = Field(description="Date of the vote.")
    session: Identifier = Field(description="Id of the session.")
    on: Target | None = Field(
        None, description="The provision voted on; left out for a decision on the whole text.")
    question: PlainText = Field(description="What was put to the vote.")
    requested_by: tuple[Identifier, ...] = Field((), description="Ids from data/states.yaml.")
    supported_by: tuple[Identifier, ...] = Field(
        (), description="States recorded as voting with the request, where a source names them.")
    result: PlainText = Field(description="The outcome in a few words.")
    counts: Counts | None = Field(None, description="Only where a confirmed source gives them.")
    summary: Markdown | None = Field(None, description="What happened (Markdown).")
    sources: tuple[SourceRef, ...] = Field(min_length=1, description="Where it is recorded.")


class VotesFile(Model):
    """`data/votes.yaml`."""

    votes: tuple[Vote, ...] = Field(description="Recorded votes, in any order.")
