"""A reference table: `data/tables/<table-id>.yaml`. Cells are data and keep their source's wording."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from build_tools.models.base import Identifier, Markdown, Model, PlainText
from build_tools.models.source import SourceRef

ColumnId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
Scalar = str | int | float | bool
ColumnType = Literal["text", "number", "boolean"]


class Column(Model):
    id: ColumnId = Field(description="Key of this column in every row: lowercase, digits, underscores.")
    label: PlainText = Field(description="Header as the source prints it.")
    type: ColumnType = Field("text", description="text, number or boolean.")


class LongCell(Model):
    """A cell that carries its own source or a note."""

    value: Scalar = Field(description="The cell's content.")
    sources: tuple[SourceRef, ...] = Field((), description="Where this cell comes from.")
    note: PlainText | None = Field(None, description="A plain sentence qualifying the value.")


Cell = Scalar | LongCell


class Table(Model):
    title: PlainText = Field(description="Title of the table.")
    caption: Markdown = Field(description="What the table shows and why it matters (Markdown).")
    source: SourceRef = Field(description="The document the table comes from.")
    draft: Identifier | None = Field(
        None, description="Draft whose numbering the article numbers in the cells use."
    )
    columns: tuple[Column, ...] = Field(min_length=1, description="The columns, in order.")
    rows: tuple[dict[ColumnId, Cell], ...] = Field(description="One mapping of column id -> cell per row.")
    notes: Markdown | None = Field(None, description="Text shown under the table (Markdown).")
    order: int = Field(100, description="Position on the tables page, lowest first; ties by id.")


def cell_value(cell: Cell) -> Scalar:
    return cell.value if isinstance(cell, LongCell) else cell


# Tables that charts are drawn from, with the columns each chart reads and the type it needs
# (None: any). Part of the contract: validation reports a missing or renamed column here.
CHART_COLUMNS: dict[str, dict[str, ColumnType | None]] = {
    "ratification-thresholds": {"proposal": None, "proposed_by": None, "supporters": "number",
                                "outcome": "text"},
    "crime-tiers": {"tier": None},
}
