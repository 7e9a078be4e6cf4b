"""A daily update: `data/sessions/<session-id>/updates/<NN>-<slug>.yaml`."""

from __future__ import annotations

from pydantic import Field

from build_tools.models.base import Body, Flag, Identifier, IsoDate, Model, PlainText, Summary
from build_tools.models.source import SourceRef


class Update(Model):
    number: int = Field(ge=1, description="Number within the session; agrees with NN in the file name.")
    title: PlainText = Field(description="Title without the number, e.g. 'A dark moment'.")
    date: IsoDate = Field(description="Date of the update.")
    summary: Summary = Field(description="One or two plain sentences for lists and feeds.")
    body: Body = Field(description="The update (Markdown).")
    draft: Identifier | None = Field(
        None, description="Draft whose numbering the article references use; default: the session's."
    )
    sources: tuple[SourceRef, ...] = Field((), description="Where the facts come from.")
    # Not `draft`: that key already names the draft whose numbering the body uses.
    unpublished: Flag = Field(
        False, description="true keeps the update out of the site (its page, the lists, the home "
        "page and the feeds) while it is checked like any other; delete the line to publish it.")
