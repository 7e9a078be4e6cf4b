"""Drafts of the convention (`data/drafts.yaml`): the texts whose numbering references use."""

from __future__ import annotations

from pydantic import Field

from build_tools.models.base import Identifier, IsoDate, Markdown, Model, PlainText
from build_tools.models.source import SourceRef


class Draft(Model):
    id: Identifier = Field(description="Stable id, e.g. zero-draft, updated-draft, final-text.")
    title: PlainText = Field(description="Title of the text.")
    symbol: PlainText | None = Field(None, description="UN document symbol, where confirmed.")
    date: IsoDate | None = Field(
        None, description="Date of the text; left out when no source dates it, and the site says "
                          "'date not recorded'.")
    session: Identifier | None = Field(None, description="Id of the session that worked on it.")
    description: Markdown | None = Field(None, description="What the text is (Markdown).")
    sources: tuple[SourceRef, ...] = Field((), description="Where the facts come from.")


class DraftsFile(Model):
    """`data/drafts.yaml`."""

    drafts: tuple[Draft, ...] = Field(description="The drafts, oldest first.")
