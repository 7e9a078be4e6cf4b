"""Rules for reference tables: every row has exactly the table's columns, of the column's type."""

from __future__ import annotations

from collections.abc import Iterator

from build_tools.english import did_you_mean, excerpt, field_path, received
from build_tools.errors import Diagnostic, error
from build_tools.models.dataset import TableRecord
from build_tools.models.table import CHART_COLUMNS, Column, cell_value

_TYPE_NAMES = {"text": "text", "number": "a number", "boolean": "true or false"}


def table_rules(table: TableRecord) -> Iterator[Diagnostic]:
    yield from _unique_columns(table)
    yield from _chart_columns(table)
    columns = {c.id: c for c in table.data.columns}
    line_of = table.doc.line_of
    for i, row in enumerate(table.data.rows):
        at = ("rows", i)
        for missing in [c for c in columns if c not in row]:
            yield error(table.doc.location(at),
                        f"{field_path(at, line_of)}: missing the cell '{missing}'")
        for key, cell in row.items():
            column = columns.get(key)
            if column is None:
                yield error(table.doc.key_location((*at, key)),
                            _unknown_column(field_path(at, line_of), key, columns))
            elif not _fits(column, cell_value(cell)):
                yield error(table.doc.location((*at, key)),
                            f"{field_path((*at, key), line_of)}: " + received(
                                f"expected {_TYPE_NAMES[column.type]} (column '{key}' is "
                                f"{column.type})", cell_value(cell)))


def _unique_columns(table: TableRecord) -> Iterator[Diagnostic]:
    seen: set[str] = set()
    for i, column in enumerate(table.data.columns):
        if column.id in seen:
            at = ("columns", i, "id")
            yield error(table.doc.location(at), f"{field_path(at, table.doc.line_of)}: the "
                        f"column '{column.id}' is defined twice")
        seen.add(column.id)


def _chart_columns(table: TableRecord) -> Iterator[Diagnostic]:
    """The columns a chart drawn from this table reads must be there, of the type it needs."""
    columns = {c.id: (i, c) for i, c in enumerate(table.data.columns)}
    for name, wanted in CHART_COLUMNS.get(table.id, {}).items():
        if name not in columns:
            yield error(table.doc.location(("columns",)),
                        f"columns: the chart drawn from this table reads the column '{name}', "
                        f"which is missing; the columns are: {', '.join(columns)}")
        elif wanted is not None and columns[name][1].type != wanted:
            i, column = columns[name]
            at = ("columns", i, "type")
            yield error(table.doc.location(at),
                        f"{field_path(at, table.doc.line_of)}: the chart drawn from this table "
                        f"needs the column '{name}' to be {wanted}, not {column.type}")


def _unknown_column(row: str, key: str, columns: dict[str, Column]) -> str:
    hint = did_you_mean(key, columns, f"the columns are: {', '.join(columns)}")
    return f"{row}: unknown column {excerpt(key)}; {hint}"


def _fits(column: Column, value: object) -> bool:
    if column.type == "boolean":
        return isinstance(value, bool)
    if column.type == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, str)
