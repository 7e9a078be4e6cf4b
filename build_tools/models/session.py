"""A session of the Ad Hoc Committee, or of the Conference of the States Parties:
`data/sessions/<session-id>/session.yaml`.

The first kinds are those of the negotiation of the convention, each with a draft of the
convention on the table. After its adoption the Committee drafts the rules of procedure of the
Conference of the States Parties and negotiates a supplementary protocol, and the Conference
itself meets once the convention is in force: those sessions have no draft of the convention on
the table, and say what they work on in `on_the_table`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from build_tools.models.base import Identifier, IsoDate, Markdown, Model, PlainText, WebUrl
from build_tools.models.source import SourceRef

SessionKind = Literal["organizational", "negotiating", "concluding", "intersessional",
                      "rules-of-procedure", "protocol", "conference-of-states-parties"]
# The kinds of the negotiation of the convention, whose sessions work on its drafts.
NEGOTIATION_KINDS: tuple[str, ...] = ("organizational", "negotiating", "concluding",
                                      "intersessional")


class Document(Model):
    symbol: PlainText | None = Field(None, description="UN document symbol, e.g. A/AC.291/L.15.")
    title: PlainText = Field(description="Title of the document.")
    date: IsoDate | None = Field(None, description="Date of the document, where known.")
    url: WebUrl | None = Field(None, description="Web address, where known.")


class Session(Model):
    title: PlainText = Field(description="Name of the session, e.g. 'Sixth session'.")
    kind: SessionKind = Field(
        description="organizational, negotiating, concluding or intersessional (the negotiation "
                    "of the convention); rules-of-procedure (drafting the rules of procedure of "
                    "the Conference of the States Parties), protocol (negotiating the "
                    "supplementary protocol) or conference-of-states-parties (the Conference "
                    "itself).")
    start: IsoDate = Field(description="First day.")
    end: IsoDate = Field(description="Last day.")
    city: PlainText = Field(description="Where it met.")
    draft: Identifier | None = Field(
        None, description="Id from data/drafts.yaml of the draft of the convention on the table, "
                          "where known; only for the kinds of the negotiation."
    )
    on_the_table: PlainText | None = Field(
        None, description="For a session after adoption (rules-of-procedure, protocol, "
                          "conference-of-states-parties): what it works on, in a line."
    )
    summary: Markdown | None = Field(None, description="What happened (Markdown).")
    documents: tuple[Document, ...] = Field((), description="Official documents of the session.")
    sources: tuple[SourceRef, ...] = Field((), description="Where the facts come from.")
