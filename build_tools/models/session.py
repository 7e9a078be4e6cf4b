"""A session of the Ad Hoc Committee: `data/sessions/<session-id>/session.yaml`."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from build_tools.models.base import Identifier, IsoDate, Markdown, Model, PlainText, WebUrl
from build_tools.models.source import SourceRef

SessionKind = Literal["organizational", "negotiating", "concluding", "intersessional"]


class Document(Model):
    symbol: PlainText | None = Field(None, description="UN document symbol, e.g. A/AC.291/L.15.")
    title: PlainText = Field(description="Title of the document.")
    date: IsoDate | None = Field(None, description="Date of the document, where known.")
    url: WebUrl | None = Field(None, description="Web address, where known.")


class Session(Model):
    title: PlainText = Field(description="Name of the session, e.g. 'Sixth session'.")
    kind: SessionKind = Field(description="organizational, negotiating, concluding or intersessional.")
    start: IsoDate = Field(description="First day.")
    end: IsoDate = Field(description="Last day.")
    city: PlainText = Field(description="Where it met.")
    draft: Identifier | None = Field(
        None, description="Id from data/drafts.yaml of the text on the table, where known."
    )
    summary: Markdown | None = Field(None, description="What happened (Markdown).")
    documents: tuple[Document, ...] = Field((), description="Official documents of the session.")
    sources: tuple[SourceRef, ...] = Field((), description="Where the facts come from.")
