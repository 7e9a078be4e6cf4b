"""Sources: the registry of documents the site cites (`data/sources.yaml`), and references to them."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from build_tools.models.base import Identifier, Model, PartialDate, PlainText, WebUrl

SourceKind = Literal[
    "policy-brief", "article", "daily-update", "report", "official-record", "official-page", "news"
]


class Source(Model):
    """A document the site cites."""

    id: Identifier = Field(description="Stable id that other files use to cite this source.")
    title: PlainText = Field(description="Title of the document.")
    author: PlainText | None = Field(None, description="Author, where the document names one.")
    publisher: PlainText = Field(description="Organization that published it.")
    date: PartialDate | None = Field(
        None, description="Publication date: YYYY, YYYY-MM or YYYY-MM-DD; left out when not known.")
    kind: SourceKind = Field(description="What sort of document it is.")
    url: WebUrl | None = Field(None, description="Web address; left out when not known.")
    note: PlainText | None = Field(None, description="One plain sentence on what it covers.")
    short: PlainText | None = Field(
        None, description="Name in short citations, e.g. 'GI-TOC, Endgame'; default: the title."
    )


class SourcesFile(Model):
    """`data/sources.yaml`."""

    sources: tuple[Source, ...] = Field(description="Every document the site cites.")


class SourceRef(Model):
    """A citation: a source id from `data/sources.yaml`, or a title and web address."""

    ref: Identifier | None = Field(None, description="Id of a source in data/sources.yaml.")
    locator: PlainText | None = Field(
        None, description="Where in the source: page, note, figure, paragraph."
    )
    title: PlainText | None = Field(None, description="Title of a page not in the registry.")
    url: WebUrl | None = Field(None, description="Web address of a page not in the registry.")

    @model_validator(mode="after")
    def _ref_or_title(self) -> SourceRef:
        if (self.ref is None) == (self.title is None):
            raise PydanticCustomError(
                "source_ref", "a source needs either 'ref' (an id from data/sources.yaml) "
                "or 'title' (with 'url'), not both"
            )
        if self.ref is not None and self.url is not None:
            raise PydanticCustomError("source_ref", "'url' goes with 'title', not with 'ref'")
        return self
