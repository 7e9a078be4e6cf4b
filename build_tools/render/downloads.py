"""Downloads: the CSV and JSON forms of the reference tables. Pure.

A table's JSON carries labels, types, the table's source and, for cells written in long
form, their notes and sources. How every CSV and JSON file is written is `formats/tabular.py`'s.
"""

from __future__ import annotations

from build_tools import urls
from build_tools.formats.citations import source_json
from build_tools.formats.tabular import csv_bytes, json_bytes
from build_tools.models.dataset import TableRecord
from build_tools.models.source import Source
from build_tools.models.table import LongCell, cell_value


def table_csv(table: TableRecord) -> bytes:
    columns = [c.id for c in table.data.columns]
    return csv_bytes(columns, ([_csv_cell(cell_value(row[c])) for c in columns]
                               for row in table.data.rows))


def _csv_cell(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def table_json(table: TableRecord, sources: dict[str, Source]) -> bytes:
    data = table.data
    return json_bytes({
        "id": table.id,
        "title": data.title,
        "source": source_json(data.source, sources),
        "draft": data.draft,
        "columns": [c.model_dump() for c in data.columns],
        "rows": [{c.id: cell_value(row[c.id]) for c in data.columns} for row in data.rows],
        "cell_notes": [
            {"row": i, "column": key, "note": cell.note,
             "sources": [source_json(r, sources) for r in cell.sources]}
            for i, row in enumerate(data.rows) for key, cell in row.items()
            if isinstance(cell, LongCell)
        ],
    })


def table_downloads(table: TableRecord, sources: dict[str, Source]) -> dict[str, str | bytes]:
    return {urls.table_csv(table.id): table_csv(table),
            urls.table_json(table.id): table_json(table, sources)}
