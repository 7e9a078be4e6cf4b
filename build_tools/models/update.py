"""A daily update: `data/sessions/<session-id>/updates/<NN>-<slug>.yaml`."""

from __future__ import annotations

from pydantic import Field

from build_tools.models.base import Identifier, IsoDate, Markdown, Model, PlainText
from build_tools.models.source import SourceRef


class Update(Model):
    number: int = Field(ge=1, description="Number within the session; agrees with NN in the file name.")
    title: PlainText = Field(description="Title without the number, e.g. 'A dark moment'.")
    date: IsoDate = Field(description="Date of the update.")
    summary: Markdown = Field(description="One or two plain sentences for lists and feeds.")
    body: Markdown = Field(description="The update (Markdown).")
    draft: Identifier | None = Field(
        None, description="Draft whose numbering the article references use; default: the session's."
    )
    sources: tuple[SourceRef, ...] = Field((), description="Where the facts come from.")
